// The guard briefing injected at every session boundary (layer 4). Short: it is in every context.

export function briefing(): string {
  return [
    'warden is guarding this session. Before each tool call runs, warden checks it against the user\'s policy:',
    'destructive git operations (force push, reset --hard, clean -f, discarding changes, force-deleting branches or stashes)',
    'and deletions of the filesystem root, system or home directories, the project itself or protected paths are blocked or held for a human.',
    'When a call is blocked, the reason says why and what to do instead. Do not work around a block with another spelling, a script or an interpreter;',
    'if the operation is really needed, stop and ask the user. `warden explain -- <command>` shows what warden would decide.',
  ].join(' ');
}
