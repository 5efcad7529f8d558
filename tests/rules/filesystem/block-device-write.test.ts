// fs/block-device-write: redirects, `tee` and `cp` onto disks, partitions, LVM/device-mapper
// volumes and kernel memory are denied; /dev/null, the standard streams, terminals, /dev/fd/N and
// /dev/shm files are not devices in this sense. (`dd of=` is disk/dd-device.)

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/block-device-write';

const valid: Valid[] = [
  { cmd: 'ls > /dev/null' },
  { cmd: 'make 2>/dev/null' },
  { cmd: 'make > /dev/null 2>&1' },
  { cmd: 'make &> /dev/null' },
  { cmd: 'echo oops > /dev/stderr' },
  { cmd: 'echo oops >&2' },
  { cmd: 'echo hi > /dev/tty' },
  { cmd: 'echo hi > /dev/fd/3' },
  { cmd: 'echo x > /dev/shm/lock' },
  { cmd: 'cat x | tee /dev/stdout' },
  { cmd: 'npm test 2>&1 | tee -a ./test.log' },
  { cmd: 'cp a.img b.img' },
  { cmd: 'cp /dev/null ./empty' },
  { cmd: 'cat /dev/sda > ./disk.img', note: 'reading a disk' },
  { cmd: 'sudo cat /dev/nvme0n1p1 | gzip > ./p1.img.gz', note: 'reading a partition' },
  { cmd: 'echo x > ./dev/sda', note: 'a file in the project' },
  { cmd: 'lsblk /dev/sda' },
  { cmd: 'grep /dev/sda /etc/fstab' },
  { cmd: 'mount | grep /dev/nvme0n1' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "cat img > /dev/sda"' },
  { cmd: "printf '%s\\n' 'cat x > /dev/sda'" },
  { cmd: 'git commit -m "never write > /dev/sda"' },
  { cmd: 'ls # > /dev/sda' },
  { cmd: 'cat <<EOF > notes.md\ncat img > /dev/sda\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'echo x > /dev/sda', ruleId: R, messageId: 'device' },
  { cmd: 'cat img >> /dev/sdb1', ruleId: R },
  { cmd: 'cat img >| /dev/nvme0n1p1', ruleId: R },
  { cmd: 'cat img &> /dev/vda', ruleId: R },
  { cmd: 'cat img >& /dev/hda', ruleId: R },
  { cmd: 'exec 3<> /dev/xvda', ruleId: R },
  { cmd: 'cat img > /dev/mmcblk0', ruleId: R },
  { cmd: 'cat img > /dev/disk2', note: 'macOS', ruleId: R },
  { cmd: 'cat img > /dev/rdisk3', note: 'macOS raw disk', ruleId: R },
  { cmd: 'cat img > /dev/md0', ruleId: R },
  { cmd: 'cat img > /dev/mapper/vg-root', ruleId: R },
  { cmd: 'cat img > /dev/vg0/root', note: 'an LVM volume', ruleId: R },
  { cmd: 'cat img > /dev/disk/by-id/ata-SAMSUNG', ruleId: R },
  { cmd: 'cat img > /dev/dm-0', ruleId: R },
  { cmd: 'cat img > /dev/loop0', ruleId: R },
  { cmd: 'printf x > /dev/mem', note: 'kernel memory', ruleId: R },
  { cmd: 'echo x > /dev//sda', ruleId: R },
  { cmd: 'echo x > /dev/./sdb', ruleId: R },
  { cmd: 'echo x > /dev/$DISK', note: 'a device warden cannot name', ruleId: R },
  { cmd: ': > /dev/sda', ruleId: R },
  { cmd: '> /dev/sda', note: 'a bare redirect', ruleId: R },
  { cmd: 'printf x | tee /dev/sdc', ruleId: R },
  { cmd: 'tee -a /dev/sdc < x', ruleId: R },
  { cmd: 'cat img | sudo tee /dev/sdc > /dev/null', ruleId: R },
  { cmd: 'cp img /dev/sdc', ruleId: R },
  { cmd: 'sudo cp -f ubuntu.iso /dev/disk4', ruleId: R },
  { cmd: 'cd /dev && cat img > sda', ruleId: R },
  { cmd: 'D=/dev/sdb; cat img > $D', ruleId: R },
  { cmd: "sudo sh -c 'cat img > /dev/sda'", ruleId: R },
  { cmd: 'bash -c "echo > /dev/nvme1n1"', ruleId: R },
  { cmd: 'echo $(cat img > /dev/sda)', ruleId: R },
  { cmd: 'bash <<EOF\ncat img > /dev/sda\nEOF', ruleId: R },
  { cmd: 'ls; cat img > /dev/sda', ruleId: R },
];

tableTests(valid, invalid, 'deny');
