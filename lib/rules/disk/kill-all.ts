import { defineRule } from '../define.js';

interface KillCall {
  signal: string | undefined;
  pids: string[];
  list: boolean;
}

/** kill as bash's builtin and procps read it: the first dash word is the signal, later ones are pids (`kill -9 -1`). */
function parseKill(args: readonly string[]): KillCall {
  let signal: string | undefined;
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      pids.push(...args.slice(i + 1));
      break;
    }
    if (a === '-l' || a === '-L' || a === '--list' || a === '--table') return { signal, pids, list: true };
    if (a === '-s' || a === '-n' || a === '--signal') signal = args[++i];
    else if (a.startsWith('--signal=')) signal = a.slice('--signal='.length);
    else if (a.startsWith('-') && a.length > 1 && signal === undefined && pids.length === 0) signal = a.slice(1);
    else pids.push(a);
  }
  return { signal, pids, list: false };
}

export default defineRule({
  id: 'disk/kill-all',
  meta: {
    description:
      '`kill … -1` (every process you may signal: Claude Code, your editor, your session; as root, the whole system), signals to PID 1 (init or the container’s main process) and `killall5`: deny, nothing a task needs.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      all: '`{{segment}}` signals every process you are allowed to signal: this Claude Code session, your shell and editor (as root, the whole system). Kill the specific process by its PID (`pgrep -f <name>` finds it).',
      init: '`{{segment}}` signals PID 1 (init, or a container’s main process), which takes the system or the container down. Kill the specific process you mean by its PID.',
    },
  },
  programs: ['kill', 'killall5'],
  check(cmd) {
    if (cmd.program === 'killall5') return [{ messageId: 'all' as const, data: { segment: cmd.text } }];
    // `1` and `-1` are ordinary arguments to other programs (`$CMD 1`).
    if (cmd.program !== 'kill') return [];
    const k = parseKill(cmd.argv.slice(1));
    // Signal 0 only checks that the process exists.
    if (k.list || k.signal === '0' || k.signal === 's0') return [];
    if (k.pids.includes('-1')) return [{ messageId: 'all' as const, data: { segment: cmd.text } }];
    if (k.pids.includes('1')) return [{ messageId: 'init' as const, data: { segment: cmd.text } }];
    return [];
  },
});
