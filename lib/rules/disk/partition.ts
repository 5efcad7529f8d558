import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';

/**
 * Each partitioning tool's read-only uses; anything else may write the partition table. Unknown
 * options count as writes (fail closed).
 */
const FDISK_VALUE = new Set(['-b', '--sector-size', '-C', '--cylinders', '-H', '--heads', '-S', '--sectors', '-o', '--output', '-t', '--type', '-w', '--wipe', '-W', '--wipe-partitions']);
const SFDISK_VALUE = new Set(['-o', '--output', '-O', '--backup-file', '-X', '--label', '-Y', '--label-nested', '-w', '--wipe', '-W', '--wipe-partitions', '-N', '--partno', '-u', '--unit']);
/** sfdisk commands that only print, and its dry run. */
const SFDISK_READ: [string | undefined, ...string[]][] = [
  ['l', '--list'], ['d', '--dump'], ['J', '--json'], ['s', '--show-size'], ['g', '--show-geometry'], ['V', '--verify'],
  ['F', '--list-free'], ['T', '--list-types'], ['n', '--no-act'], ['h', '--help'], ['v', '--version'], [undefined, '--show-pt-geometry'],
];
/** `sfdisk --part-type DEV N` prints; with a value after N it sets. */
const SFDISK_PART = ['--part-type', '--part-label', '--part-uuid', '--part-attrs'];
/** sgdisk options that change nothing (`-P`/`--pretend` makes every other option change nothing). */
const SGDISK_READ = new Set(['-p', '--print', '-v', '--verify', '-i', '--info', '-L', '--list-types', '-O', '--print-mbr', '-b', '--backup', '-a', '--set-alignment', '-D', '--display-alignment', '-E', '--end-of-largest', '-F', '--first-in-largest', '-f', '--first-aligned-in-largest', '-V', '--version', '-?', '--help', '--usage']);
/** parted commands (and their arguments) that only print. */
const PARTED_READ = /^(print|p|unit|free|all|list|devices|align-check|opt|optimal|min|minimal|help|version|quit|q|s|b|kb|mb|mib|gb|gib|tb|tib|%|cyl|chs|compact|\d+)$/i;

function writes(program: string, args: string[]): boolean {
  switch (program) {
    case 'fdisk': {
      const { options, operands } = splitArgs(args, FDISK_VALUE);
      return !hasFlag(options, 'l', '--list') && !hasFlag(options, 'x', '--list-details') && !hasFlag(options, 'h', '--help') && !hasFlag(options, 'V', '--version') && operands.length > 0;
    }
    case 'gdisk':
    case 'cgdisk':
    case 'cfdisk': {
      const { options, operands } = splitArgs(args);
      if (program === 'gdisk' && hasFlag(options, 'l')) return false;
      return !hasFlag(options, 'h', '--help') && !hasFlag(options, 'V', '--version') && operands.length > 0;
    }
    case 'sfdisk': {
      const { options, operands } = splitArgs(args, SFDISK_VALUE);
      if (SFDISK_READ.some(([short, ...long]) => hasFlag(options, short, ...long))) return false;
      if (options.some((o) => SFDISK_PART.includes(o)) && operands.length <= 2) return false;
      return true;
    }
    case 'sgdisk': {
      const { options, operands } = splitArgs(args);
      if (hasFlag(options, 'P', '--pretend')) return false;
      return operands.length > 0 && options.some((o) => !SGDISK_READ.has(o.includes('=') ? o.slice(0, o.indexOf('=')) : o));
    }
    case 'parted': {
      const { options, operands } = splitArgs(args, new Set(['-a', '--align']));
      if (hasFlag(options, 'l', '--list') || hasFlag(options, 'h', '--help') || hasFlag(options, 'v', '--version')) return false;
      // `parted DEV` alone is interactive: its commands come from stdin, which may write.
      const commands = operands.slice(1);
      return commands.length === 0 || !commands.every((c) => PARTED_READ.test(c));
    }
    default:
      return false;
  }
}

export default defineRule({
  id: 'disk/partition',
  meta: {
    description:
      'Partition table writes with fdisk, gdisk, cfdisk, cgdisk, sfdisk, sgdisk or parted (listing with `-l`, `--dump`, `--print`, `print` is fine): a wrong table loses every partition on the disk, so deny.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      write:
        '`{{segment}}` can rewrite the partition table of a disk, which loses every partition and file system on it. To look, use a read-only form (`fdisk -l`, `sfdisk --dump`, `parted -s <disk> print`, `lsblk`); changing partitions is for the human to do.',
    },
  },
  programs: ['fdisk', 'gdisk', 'cgdisk', 'cfdisk', 'sfdisk', 'sgdisk', 'parted'],
  check(cmd) {
    return writes(cmd.program, cmd.argv.slice(1)) ? [{ messageId: 'write' as const, data: { segment: cmd.text } }] : [];
  },
});
