import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';

const REMOVERS = new Set(['lvremove', 'vgremove', 'pvremove', 'lvreduce']);
/** Options taking a value (`-L -1t` is a size, not `-t`). */
const VALUE_FLAGS = new Set(['-L', '--size', '-l', '--extents', '-S', '--select', '--config', '--type', '--profile', '--commandprofile', '-n', '--name']);

/** `lvresize -L -10G`, `-l-100`, `--size=-10G`: a size given as a decrease. */
function shrinks(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const long = /^--(size|extents)(?:=(.*))?$/s.exec(a);
    const short = /^-[A-Za-z]*?([Ll])(.*)$/s.exec(a);
    let value: string | undefined;
    if (long) value = long[2] ?? args[i + 1];
    else if (short && !a.startsWith('--')) value = short[2] === '' ? args[i + 1] : short[2];
    if (value?.startsWith('-') === true) return true;
  }
  return false;
}

export default defineRule({
  id: 'disk/lvm-remove',
  meta: {
    description:
      'LVM removals and shrinks: lvremove, vgremove, pvremove, lvreduce, lvresize to a smaller size (also as `lvm <command>`); `--test` runs are fine. The volume and its file system are gone, so deny.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      remove: '`{{segment}}` removes or shrinks LVM storage ({{command}}); the data on it is lost. Check first with `{{command}} --test` or `lvs`/`vgs`/`pvs`; removing volumes is for the human to do.',
    },
  },
  programs: ['lvremove', 'vgremove', 'pvremove', 'lvreduce', 'lvresize', 'lvm'],
  check(cmd) {
    // `lvm lvremove …` runs the same command through the lvm shell.
    const argv = cmd.program === 'lvm' ? cmd.argv.slice(1) : cmd.argv;
    const command = cmd.program === 'lvm' ? (argv[0] ?? '') : cmd.program;
    const args = argv.slice(1);
    const { options } = splitArgs(args, VALUE_FLAGS);
    if (hasFlag(options, 't', '--test') || hasFlag(options, 'h', '--help')) return [];
    const hit = REMOVERS.has(command) || (command === 'lvresize' && shrinks(args));
    return hit ? [{ messageId: 'remove' as const, data: { segment: cmd.text, command } }] : [];
  },
});
