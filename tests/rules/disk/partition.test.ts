// disk/partition: fdisk, gdisk, cfdisk, cgdisk, sfdisk, sgdisk and parted writes are denied;
// their read-only forms (-l, --dump, --print, `print`) pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/partition';

const valid: Valid[] = [
  { cmd: 'fdisk -l' },
  { cmd: 'sudo fdisk -l /dev/sda' },
  { cmd: 'fdisk --list /dev/nvme0n1' },
  { cmd: 'fdisk -x /dev/sda' },
  { cmd: 'fdisk -l -o Device,Size /dev/sda' },
  { cmd: 'gdisk -l /dev/sda' },
  { cmd: 'sfdisk -l /dev/sda' },
  { cmd: 'sfdisk -d /dev/sda > ./sda.layout' },
  { cmd: 'sfdisk --json /dev/sda' },
  { cmd: 'sfdisk --verify /dev/sda' },
  { cmd: 'sfdisk --list-free /dev/sda' },
  { cmd: 'sfdisk --no-act /dev/sda < ./layout', note: 'dry run' },
  { cmd: 'sfdisk --part-type /dev/sda 1', note: 'prints the type' },
  { cmd: 'sgdisk -p /dev/sda' },
  { cmd: 'sgdisk --print /dev/nvme0n1' },
  { cmd: 'sgdisk -v /dev/sda' },
  { cmd: 'sgdisk -i 1 /dev/sda' },
  { cmd: 'sgdisk -b ./sda.gpt /dev/sda', note: 'backup to a file' },
  { cmd: 'sgdisk -P --zap-all /dev/sda', note: 'pretend' },
  { cmd: 'parted -l' },
  { cmd: 'parted /dev/sda print' },
  { cmd: 'parted -s /dev/sda print' },
  { cmd: 'parted -s /dev/sda unit MiB print free' },
  { cmd: 'parted -m /dev/sda unit s print' },
  { cmd: 'parted /dev/sda align-check opt 1' },
  { cmd: 'lsblk -f' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "fdisk /dev/sda"' },
  { cmd: "printf 'parted /dev/sda mklabel gpt\\n'" },
  { cmd: 'grep -rn "sgdisk --zap-all" docs/' },
  { cmd: 'git commit -m "sfdisk --delete /dev/sda 1"' },
  { cmd: 'ls # parted -s /dev/sda rm 1' },
  { cmd: 'cat <<EOF > layout.sfdisk\nlabel: gpt\n/dev/sda1 : size=1G\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'fdisk /dev/sda', ruleId: R, messageId: 'write' },
  { cmd: "printf 'o\\nw\\n' | fdisk /dev/sda", ruleId: R },
  { cmd: 'fdisk -b 4096 /dev/sdb', ruleId: R },
  { cmd: 'gdisk /dev/sda', ruleId: R },
  { cmd: 'cfdisk /dev/sda', ruleId: R },
  { cmd: 'cgdisk /dev/sda', ruleId: R },
  { cmd: 'sfdisk /dev/sda < ./layout', ruleId: R },
  { cmd: 'sfdisk --delete /dev/sda 1', ruleId: R },
  { cmd: 'sfdisk --part-type /dev/sda 1 83', note: 'sets the type', ruleId: R },
  { cmd: 'sfdisk -A /dev/sda 1', ruleId: R },
  { cmd: "echo ',,L' | sfdisk /dev/sdb", ruleId: R },
  { cmd: 'sgdisk --zap-all /dev/sda', ruleId: R },
  { cmd: 'sgdisk -Z /dev/sda', ruleId: R },
  { cmd: 'sgdisk -o /dev/sda', ruleId: R },
  { cmd: 'sgdisk -n 1:0:+512M -t 1:ef00 /dev/sda', ruleId: R },
  { cmd: 'sgdisk -d 2 /dev/nvme0n1', ruleId: R },
  { cmd: 'sgdisk -p -d 2 /dev/sda', note: 'a write next to a read', ruleId: R },
  { cmd: 'parted /dev/sda mklabel gpt', ruleId: R },
  { cmd: 'parted -s /dev/sda mkpart primary ext4 1MiB 100%', ruleId: R },
  { cmd: 'parted -s /dev/sda rm 1', ruleId: R },
  { cmd: 'parted /dev/sda resizepart 2 50GB', ruleId: R },
  { cmd: 'parted /dev/sda', note: 'interactive: commands from stdin', ruleId: R },
  { cmd: 'parted -s /dev/sda print mklabel msdos', ruleId: R },
  { cmd: 'sudo fdisk /dev/sda', ruleId: R },
  { cmd: '/sbin/sfdisk /dev/sda < x', ruleId: R },
  { cmd: "sudo bash -c 'sgdisk --zap-all /dev/sda'", ruleId: R },
  { cmd: 'echo $(parted -s /dev/sda mklabel gpt)', ruleId: R },
  { cmd: 'bash <<EOF\nparted -s /dev/sda mklabel gpt\nEOF', ruleId: R },
];

tableTests(valid, invalid, 'deny');
