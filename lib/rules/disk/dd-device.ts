import { display } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { oneHit } from '../filesystem/hits.js';
import { deviceKind } from './devices.js';

export default defineRule({
  id: 'disk/dd-device',
  meta: {
    description:
      '`dd`/`dcfldd` with `of=` a disk, partition or volume, and `ddrescue -f` onto one: it overwrites the partition table and file systems below everything on the machine; nothing undoes it, so deny. Reading a device (`if=/dev/sda`) is fine.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      device:
        '`{{segment}}` writes raw data onto {{what}} ({{target}}), destroying the partition table and every file system on it. Write to an image file instead (for example `of=./disk.img`); writing a device is for the human to do.',
    },
  },
  programs: ['dd', 'dcfldd', 'ddrescue'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    let targets: string[];
    if (cmd.program === 'ddrescue') {
      // ddrescue refuses to write to anything but a regular file without -f; its outfile follows the infile.
      const { options, operands } = splitArgs(args);
      targets = hasFlag(options, 'f', '--force') ? operands.slice(1) : [];
    } else {
      targets = args.filter((a) => a.startsWith('of=')).map((a) => a.slice(3));
    }
    const hits = [];
    for (const target of targets) {
      const what = deviceKind(target, cmd.cwd);
      if (what !== undefined) hits.push({ messageId: 'device' as const, data: { segment: cmd.text, what, target: display(target) } });
    }
    return oneHit(hits);
  },
});
