import { UNKNOWN, display, isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { deviceKind } from './devices.js';

/** Programs that make a file system (or swap) on their target, by their installed names. */
const MAKERS = [
  'mkfs', 'mke2fs', 'mkswap', 'mkdosfs', 'mkntfs', 'mkexfatfs', 'mkudffs', 'mkreiserfs',
  'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mkfs.msdos', 'mkfs.ntfs', 'mkfs.exfat',
  'mkfs.f2fs', 'mkfs.minix', 'mkfs.bfs', 'mkfs.cramfs', 'mkfs.jfs', 'mkfs.reiserfs', 'mkfs.hfsplus', 'mkfs.udf', 'mkfs.nilfs2',
  'mkfs.bcachefs', 'mkfs.erofs', 'mkfs.gfs2', 'mkfs.ocfs2',
  'newfs', 'newfs_apfs', 'newfs_hfs', 'newfs_msdos', 'newfs_exfat', 'newfs_udf',
];
/** Dry-run flags: mke2fs `-n` and mkfs.xfs `-N` only print what they would do. */
const DRY_RUN: Readonly<Record<string, string>> = { mke2fs: 'n', 'mkfs.ext2': 'n', 'mkfs.ext3': 'n', 'mkfs.ext4': 'n', 'mkfs.xfs': 'N' };
/** macOS diskutil verbs that erase or repartition (compared lowercased; `apfs`, `cs`, `appleRAID` verbs after their noun). */
const DISKUTIL = new Set(['erasedisk', 'erasevolume', 'reformat', 'partitiondisk', 'zerodisk', 'randomdisk', 'secureerase', 'splitpartition', 'mergepartitions', 'erasecd']);
const DISKUTIL_NOUN: Readonly<Record<string, ReadonlySet<string>>> = {
  apfs: new Set(['deletecontainer', 'deletevolume', 'erasevolume', 'deletevolumegroup']),
  cs: new Set(['delete', 'deletevolume']),
  appleraid: new Set(['delete']),
};

export default defineRule({
  id: 'disk/mkfs',
  meta: {
    description:
      'Making a file system or swap on a device (mkfs, mkfs.*, mke2fs, mkswap, newfs*; a target that is unknown counts), and macOS `diskutil` erase/partition verbs: everything on the device is gone, so deny. Formatting an image file is fine.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      format:
        '`{{segment}}` formats {{what}} ({{target}}), wiping everything on it. To try a file system, make one in an image file inside the project (`truncate -s 64M ./fs.img && mkfs.ext4 ./fs.img`); formatting a device is for the human to do.',
      diskutil: '`{{segment}}` erases or repartitions a disk. List disks with `diskutil list` if you need to know them; erasing one is for the human to do.',
    },
  },
  programs: [...MAKERS, 'diskutil'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    if (cmd.program === 'diskutil') {
      const [verb = '', sub = ''] = splitArgs(args).operands.map((w) => w.toLowerCase());
      const erases = DISKUTIL.has(verb) || DISKUTIL_NOUN[verb]?.has(sub) === true || isDynamic(verb);
      return erases ? [{ messageId: 'diskutil' as const, data: { segment: cmd.text } }] : [];
    }
    const dry = DRY_RUN[cmd.program];
    if (dry !== undefined && hasFlag(splitArgs(args).options, dry)) return [];
    const hits = [];
    for (const [i, word] of args.entries()) {
      // The device is the last word (or next to last, before a block count); a whole unknown word
      // there could be any device.
      const unknownTarget = !isDynamic(cmd.program) && i >= args.length - 2 && word.startsWith(UNKNOWN) && !isOptionValue(args, i);
      const what = deviceKind(word, cmd.cwd) ?? (unknownTarget ? 'a target warden cannot know' : undefined);
      if (what !== undefined) hits.push({ messageId: 'format' as const, data: { segment: cmd.text, what, target: display(word) } });
    }
    return hits.slice(0, 1);
  },
});

/** The word follows an option that takes it as its value (`-L "$LABEL"`), as far as mkfs options go. */
function isOptionValue(args: readonly string[], i: number): boolean {
  const prev = args[i - 1];
  return prev !== undefined && /^-[A-Za-z]$/.test(prev) && isDynamic(args[i] as string) && !/^-[cfFnqSvV]$/.test(prev);
}
