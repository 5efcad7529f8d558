// Which paths are devices whose contents a write destroys: disks and partitions under their many
// names, device-mapper and LVM volumes, RAID arrays, and kernel memory. /dev/null, the standard
// streams, terminals, /dev/fd/N, /dev/shm files and bash's /dev/tcp are not.

import path from 'node:path';
import { UNKNOWN, isDynamic } from '../../shell/analyze.js';

/** Disk and partition names on Linux, macOS and the BSDs, and the directories holding them. */
const DISK =
  /^\/dev\/(?:r?disk\d|sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|md\d|md\/|mapper\/|disk\/|block\/|dm-\d|loop\d|nbd\d|zd\d|zvol\/|rbd\d|bcache\d|sr\d|mtdblock\d|cciss\/|ubd[a-z]|ada\d|da\d|root$)/;
const MEMORY = /^\/dev\/(?:k?mem|port)$/;
/** Subdirectories of /dev that hold no disks; a two-level name elsewhere is an LVM volume (/dev/vg0/root). */
const NOT_DISK_DIRS = new Set(['fd', 'pts', 'shm', 'tcp', 'udp', 'mqueue', 'hugepages', 'input', 'snd', 'dri', 'net', 'bus', 'char', 'cpu', 'usb', 'serial', 'v4l', 'vfio', 'dma_heap', 'bsg']);

/** What the device at `word` (relative to `cwd`) is, if writing to it destroys data; else undefined. */
export function deviceKind(word: string, cwd: string): string | undefined {
  if (isDynamic(word)) {
    // `/dev/$X`, `/dev/sd$N`: a device warden cannot name.
    const before = word.slice(0, word.indexOf(UNKNOWN));
    const prefix = before.startsWith('/') ? before : isDynamic(cwd) ? '' : `${cwd}/${before}`;
    const p = path.posix.normalize(prefix);
    if (DISK.test(p)) return 'a disk or partition';
    return /^\/dev\/[^/]*$/.test(p) ? 'a device warden cannot name' : undefined;
  }
  if (isDynamic(cwd) && !word.startsWith('/')) return undefined;
  const p = path.posix.resolve(cwd, word);
  if (DISK.test(p)) return 'a disk or partition';
  if (MEMORY.test(p)) return 'kernel memory';
  const lv = /^\/dev\/([^/]+)\/[^/]+$/.exec(p);
  if (lv && !NOT_DISK_DIRS.has(lv[1] as string)) return 'a logical volume';
  return undefined;
}
