import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { deviceKind } from './devices.js';

export default defineRule({
  id: 'disk/wipe',
  meta: {
    description:
      '`wipefs -a`/`-o` (plain `wipefs` and `-n` only list signatures), `blkdiscard`, `shred` of a device, and `nvme format`/`sanitize`: they erase file system signatures or every block of a device, so deny.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      wipe: '`{{segment}}` erases {{what}}; the data on the device cannot be recovered. To look, run `wipefs <device>` without `-a` (it only lists) or `lsblk -f`; erasing a device is for the human to do.',
    },
  },
  programs: ['wipefs', 'blkdiscard', 'shred', 'nvme'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    let what: string | undefined;
    if (cmd.program === 'wipefs') {
      const { options } = splitArgs(args, new Set(['-o', '--offset', '-O', '--output', '-t', '--types']));
      const erases = hasFlag(options, 'a', '--all') || hasFlag(options, 'o', '--offset');
      if (erases && !hasFlag(options, 'n', '--no-act')) what = 'the file system and partition-table signatures';
    } else if (cmd.program === 'blkdiscard') {
      const { options, operands } = splitArgs(args, new Set(['-o', '--offset', '-l', '--length', '-p', '--step']));
      if (operands.length > 0 && !hasFlag(options, 'h', '--help') && !hasFlag(options, 'V', '--version')) what = 'every block of the device (discard)';
    } else if (cmd.program === 'shred') {
      const { operands } = splitArgs(args, new Set(['-n', '--iterations', '-s', '--size', '--random-source']));
      const device = operands.map((w) => deviceKind(w, cmd.cwd)).find((k) => k !== undefined);
      if (device !== undefined) what = `every block of ${device} (shred)`;
    } else if (cmd.program === 'nvme') {
      const verb = args.find((a) => !a.startsWith('-'));
      if (verb === 'format' || verb === 'sanitize') what = `the whole NVMe namespace (nvme ${verb})`;
    }
    return what === undefined ? [] : [{ messageId: 'wipe' as const, data: { segment: cmd.text, what } }];
  },
});
