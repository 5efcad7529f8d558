// The guard briefing injected at every session boundary (layer 4). Short: it is in every context.
// What it must say: what warden stops, how a held call reaches a human, never to work around a
// block, and that `warden journal note` is the one journal command the agent may run.

/** The command the agent uses to record its own significant decisions. */
export const NOTE_COMMAND = 'warden journal note --decision "…" --rationale "…"';

/** `packs`: the rule packs active in this session's policy (named so the list never drifts). */
export function briefing(packs: readonly string[] = []): string {
  return [
    "warden is guarding this session. Before each tool call runs, warden checks it against the user's policy:",
    'destructive git operations (force push, reset --hard, clean -f, discarding changes, force-deleting branches or stashes)',
    'and deletions of the filesystem root, system or home directories, the project itself or protected paths are blocked (deny) or held for a human (ask).',
    packs.length > 0 ? `Rule packs active: ${packs.join(', ')}; \`warden rules\` lists every rule.` : '',
    'When a call is blocked, the reason names the rule and says what to do instead.',
    'Never work around a block: not with another spelling, a script, an interpreter, an alias or by editing warden\'s files or settings.',
    'A held call needs a human: in an interactive session Claude Code asks them; in a headless or --dangerously-skip-permissions run nobody can, so stop,',
    'tell the user what you wanted to run and why, and let them run it or change the policy.',
    '`warden explain -- <command>` shows what warden would decide.',
    'Every decision is recorded in warden\'s hash-chained journal. When you make a significant decision of your own (choosing between approaches,',
    'leaving out or changing something the user asked for, anything risky or hard to undo), record it with',
    `\`${NOTE_COMMAND}\`: the one journal command you may run. Do not read, edit or delete warden's files.`,
  ]
    .filter((s) => s !== '')
    .join(' ');
}
