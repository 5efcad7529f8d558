// disk/mkfs: making a file system or swap on a device (or on a target warden cannot know), and
// macOS `diskutil` erase/partition verbs, are denied. Image files are fine.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/mkfs';

const valid: Valid[] = [
  { cmd: 'mkfs.ext4 ./fs.img' },
  { cmd: 'truncate -s 64M ./fs.img && mkfs.ext4 -F ./fs.img' },
  { cmd: 'mkfs.ext4 -L "$LABEL" ./fs.img', note: 'an unknown option value' },
  { cmd: 'mkfs.vfat -C ./floppy.img 1440' },
  { cmd: 'mkswap ./swapfile' },
  { cmd: 'mke2fs -n /dev/sdb1', note: 'dry run' },
  { cmd: 'mkfs.ext4 -n /dev/sdb1', note: 'dry run' },
  { cmd: 'mkfs.xfs -N /dev/sdb1', note: 'dry run' },
  { cmd: 'mkfs --help' },
  { cmd: '$PYTHON script.py $ARG', note: 'an unknown last word of a program warden cannot name' },
  { cmd: 'diskutil list' },
  { cmd: 'diskutil info disk2' },
  { cmd: 'diskutil apfs list' },
  { cmd: 'diskutil unmountDisk /dev/disk2' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "mkfs.ext4 /dev/sda1"' },
  { cmd: "printf 'mkfs -t ext4 /dev/sdb\\n'" },
  { cmd: 'grep -rn "mkfs.ext4 /dev" docs/' },
  { cmd: 'git commit -m "document mkfs.ext4 /dev/sdb1"' },
  { cmd: 'ls # mkswap /dev/sda2' },
  { cmd: 'cat <<EOF > notes.md\nmkfs.ext4 /dev/sdb1\ndiskutil eraseDisk APFS X disk2\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'mkfs.ext4 /dev/sdb1', ruleId: R, messageId: 'format' },
  { cmd: 'mkfs -t ext4 /dev/sdb1', ruleId: R },
  { cmd: 'mkfs.xfs -f /dev/nvme0n1p3', ruleId: R },
  { cmd: 'mkfs.btrfs -L data /dev/sdc /dev/sdd', ruleId: R },
  { cmd: 'mkfs.vfat -F 32 /dev/mmcblk0p1', ruleId: R },
  { cmd: 'mkfs.ntfs -Q /dev/sde1', ruleId: R },
  { cmd: 'mke2fs -t ext4 /dev/vg0/data', ruleId: R },
  { cmd: 'mkswap /dev/sda2', ruleId: R },
  { cmd: 'mkdosfs /dev/sdf1', ruleId: R },
  { cmd: 'mkfs.ext4 /dev/mapper/cryptroot', ruleId: R },
  { cmd: 'mkfs.ext4 $DEV', note: 'a target warden cannot know', ruleId: R },
  { cmd: 'mkfs.ext4 -F "$1"', note: 'a target warden cannot know', ruleId: R },
  { cmd: 'newfs_apfs /dev/disk3s1', note: 'macOS', ruleId: R },
  { cmd: 'diskutil eraseDisk APFS Untitled disk2', ruleId: R, messageId: 'diskutil' },
  { cmd: 'diskutil erasedisk JHFS+ X /dev/disk2', ruleId: R, messageId: 'diskutil' },
  { cmd: 'diskutil eraseVolume APFS X disk3s1', ruleId: R },
  { cmd: 'diskutil partitionDisk disk2 GPT APFS X 100%', ruleId: R },
  { cmd: 'diskutil zeroDisk disk2', ruleId: R },
  { cmd: 'diskutil apfs deleteContainer disk3', ruleId: R },
  { cmd: 'diskutil apfs deleteVolume disk3s2', ruleId: R },
  { cmd: 'cd /dev && mkfs.ext4 sdb1', ruleId: R },
  { cmd: 'sudo mkfs.ext4 /dev/sdb1', ruleId: R },
  { cmd: 'sudo -E /sbin/mkfs.ext4 /dev/sdb1', ruleId: R },
  { cmd: "mk''fs.ext4 /dev/sdb1", ruleId: R },
  { cmd: "bash -c 'mkfs.ext4 /dev/sdb1'", ruleId: R },
  { cmd: 'echo $(mkswap /dev/sda2)', ruleId: R },
  { cmd: 'bash <<EOF\nmkfs.xfs /dev/sdb\nEOF', ruleId: R },
  { cmd: 'umount /dev/sdb1 && mkfs.ext4 /dev/sdb1', ruleId: R },
];

tableTests(valid, invalid, 'deny');
