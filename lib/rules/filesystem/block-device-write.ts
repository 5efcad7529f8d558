import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { deviceKind } from '../disk/devices.js';

/** Redirections that open their target for writing (`>&` too when its target is a path). */
const WRITE_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);

export default defineRule({
  id: 'fs/block-device-write',
  meta: {
    description:
      'Writing onto a disk, partition, LVM/device-mapper volume or kernel memory through a redirect (`> /dev/sda`), `tee` or `cp` (`dd of=` is disk/dd-device): it overwrites the file system under everything, so deny. /dev/null, /dev/stdout and terminals are fine.',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      device:
        '`{{segment}}` writes straight onto {{what}} ({{target}}), destroying the file system and data on it. Write to a regular file instead (for example `> ./disk.img`); writing to a device is for the human to do.',
    },
  },
  // Any command may carry a redirect, so this rule sees every simple command (it is cheap).
  programs: ['*'],
  check(cmd) {
    const targets: string[] = [];
    for (const r of cmd.redirects) if (WRITE_OPS.has(r.op) && !/^(\d+|-)$/.test(r.target)) targets.push(r.target);
    if (cmd.program === 'tee') targets.push(...splitArgs(cmd.argv.slice(1)).operands);
    if (cmd.program === 'cp') targets.push(...cpDestination(cmd.argv.slice(1)));
    const hits = [];
    for (const target of targets) {
      const what = deviceKind(target, cmd.cwd);
      if (what !== undefined) hits.push({ messageId: 'device' as const, data: { segment: cmd.text, what, target: display(target) } });
    }
    return oneHit(hits);
  },
});

/** cp's destination: `-t DIR`/`--target-directory=DIR`, else its last operand. */
function cpDestination(args: string[]): string[] {
  const { options, operands } = splitArgs(args, new Set(['-t', '--target-directory', '-S', '--suffix']));
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-t' || args[i] === '--target-directory') return [args[i + 1] ?? ''];
  }
  const long = options.find((o) => o.startsWith('--target-directory='));
  if (long !== undefined) return [long.slice('--target-directory='.length)];
  return operands.length >= 2 ? [operands[operands.length - 1] as string] : [];
}
