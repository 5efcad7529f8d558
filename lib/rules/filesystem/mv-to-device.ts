import path from 'node:path';
import { display, isDynamic } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'fs/mv-to-device',
  meta: {
    description:
      '`mv <file> /dev/null` and any other mv onto a device under /dev (not /dev/shm files): run as root it replaces the device node itself (every later `> /dev/null` then fills a regular file), and as anyone else it fails. Deny: it is never the way to discard a file.',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      device: '`{{segment}}` moves {{sources}} onto the device {{target}}: as root that replaces the device node (breaking everything that writes to it), and otherwise it fails. To delete a file in the project, `rm <file>`; outside it, ask the human.',
    },
  },
  programs: ['mv'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    const { operands } = splitArgs(args, new Set(['-t', '--target-directory', '-S', '--suffix']));
    const t = targetDirectory(args);
    const target = t ?? operands[operands.length - 1];
    const sources = t === undefined ? operands.slice(0, -1) : operands;
    if (target === undefined || sources.length === 0 || (isDynamic(cmd.cwd) && !target.startsWith('/'))) return [];
    const p = path.posix.resolve(cmd.cwd, target);
    if (!p.startsWith('/dev/') || p.startsWith('/dev/shm/')) return [];
    return [{ messageId: 'device' as const, data: { segment: cmd.text, sources: sources.map(display).join(' '), target: display(target) } }];
  },
});

/** mv's `-t DIR` / `--target-directory=DIR`, if given. */
function targetDirectory(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return undefined;
    if (a.startsWith('--')) {
      if (a.startsWith('--target-directory=')) return a.slice('--target-directory='.length);
      if (a === '--target-directory') return args[i + 1];
      continue;
    }
    // `-t DIR`, `-vt DIR`, `-t/dev/null`: getopt gives -t the rest of the group or the next word
    // (`-S` takes a value too, so `-St` is a suffix).
    const m = /^-[A-Za-z]*?t(.*)$/s.exec(a);
    if (m && !/^-[A-Za-z]*S/.test(a)) return m[1] === '' ? args[i + 1] : m[1];
  }
  return undefined;
}
