// disk/wipe: `wipefs -a`/`-o`, `blkdiscard`, `shred` of a device and `nvme format`/`sanitize`
// are denied. Plain `wipefs` (and `-n`) only lists signatures.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/wipe';

const valid: Valid[] = [
  { cmd: 'wipefs /dev/sda', note: 'lists signatures' },
  { cmd: 'wipefs --json /dev/sda' },
  { cmd: 'wipefs -O DEVICE,TYPE /dev/sda', note: '-O is the output columns' },
  { cmd: 'wipefs -a -n /dev/sda', note: 'no-act' },
  { cmd: 'wipefs --all --no-act /dev/sdb' },
  { cmd: 'blkdiscard --help' },
  { cmd: 'nvme list' },
  { cmd: 'nvme smart-log /dev/nvme0' },
  { cmd: '$TOOL format', note: 'a program warden cannot name' },
  { cmd: 'shred -u ./secret.txt' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "wipefs -a /dev/sda"' },
  { cmd: 'grep -rn "blkdiscard /dev" docs/' },
  { cmd: 'git commit -m "wipefs -a /dev/sdb before reuse"' },
  { cmd: 'ls # nvme format /dev/nvme0n1' },
  { cmd: 'cat <<EOF > notes.md\nwipefs -a /dev/sda\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'wipefs -a /dev/sda', ruleId: R, messageId: 'wipe' },
  { cmd: 'wipefs --all /dev/sdb1', ruleId: R },
  { cmd: 'wipefs -af /dev/sdb', ruleId: R },
  { cmd: 'wipefs -o 0x438 /dev/sdb1', ruleId: R },
  { cmd: 'wipefs --offset=0x1fe /dev/sdc', ruleId: R },
  { cmd: 'wipefs -a -t ext4 /dev/sdb1', ruleId: R },
  { cmd: 'blkdiscard /dev/nvme0n1', ruleId: R },
  { cmd: 'blkdiscard -f /dev/sda', ruleId: R },
  { cmd: 'shred -n 1 /dev/sda', ruleId: R },
  { cmd: 'shred -vz /dev/nvme0n1', ruleId: R },
  { cmd: 'nvme format /dev/nvme0n1', ruleId: R },
  { cmd: 'nvme format -s 1 /dev/nvme0n1', ruleId: R },
  { cmd: 'nvme sanitize -a 2 /dev/nvme0', ruleId: R },
  { cmd: 'sudo wipefs -a /dev/sda', ruleId: R },
  { cmd: '/usr/sbin/wipefs -a /dev/sda', ruleId: R },
  { cmd: "w''ipefs -a /dev/sda", ruleId: R },
  { cmd: "bash -c 'wipefs -a /dev/sda'", ruleId: R },
  { cmd: 'echo $(blkdiscard /dev/sda)', ruleId: R },
  { cmd: 'bash <<EOF\nwipefs -a /dev/sda\nEOF', ruleId: R },
  { cmd: 'lsblk && wipefs -a /dev/sda', ruleId: R },
];

tableTests(valid, invalid, 'deny');
