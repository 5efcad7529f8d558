// The disk and system pack: writes to devices, formatting, partitioning, wiping, LVM and LUKS
// removals, fork bombs, shutdowns, killing every process and dropping every cron job.
import type { Rule } from '../define.js';
import crontabRemove from './crontab-remove.js';
import cryptsetupDestroy from './cryptsetup-destroy.js';
import ddDevice from './dd-device.js';
import forkBomb from './fork-bomb.js';
import killAll from './kill-all.js';
import lvmRemove from './lvm-remove.js';
import mkfs from './mkfs.js';
import partition from './partition.js';
import shutdown from './shutdown.js';
import wipe from './wipe.js';

export const DISK_RULES: readonly Rule[] = [ddDevice, mkfs, partition, wipe, lvmRemove, cryptsetupDestroy, forkBomb, shutdown, killAll, crontabRemove];
