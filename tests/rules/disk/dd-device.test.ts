// disk/dd-device: dd and dcfldd with `of=` a disk, partition or volume, and `ddrescue -f` onto
// one, are denied. Reading a device, and writing image files, are fine.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/dd-device';

const valid: Valid[] = [
  { cmd: 'dd if=/dev/sda of=./disk.img bs=4M' },
  { cmd: 'dd if=/dev/zero of=./test.bin bs=1M count=10' },
  { cmd: 'dd if=/dev/urandom of=/tmp/rand bs=1k count=1' },
  { cmd: 'dd if=x.img of=/dev/null' },
  { cmd: 'dd if=/dev/sda bs=512 count=1 | xxd' },
  { cmd: 'dd if=x of=/dev/stdout' },
  { cmd: 'dd if=x of="$OUT"', note: 'an unknown file, not under /dev' },
  { cmd: 'ddrescue /dev/sda ./rescue.img ./rescue.map', note: 'onto a file' },
  { cmd: 'dcfldd if=/dev/sdb of=./b.img hash=sha256' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "dd if=/dev/zero of=/dev/sda"' },
  { cmd: "printf '%s\\n' 'dd of=/dev/sda'" },
  { cmd: 'grep -rn "of=/dev/sd" docs/' },
  { cmd: 'git commit -m "never dd of=/dev/sda"' },
  { cmd: 'ls # dd if=/dev/zero of=/dev/sda' },
  { cmd: 'cat <<EOF > notes.md\ndd if=ubuntu.iso of=/dev/sdb bs=4M\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'dd if=/dev/zero of=/dev/sda', ruleId: R, messageId: 'device' },
  { cmd: 'dd if=ubuntu.iso of=/dev/sdb bs=4M status=progress', ruleId: R },
  { cmd: 'dd bs=4M of=/dev/sdb if=x.iso', ruleId: R },
  { cmd: 'dd if=/dev/urandom of=/dev/nvme0n1p2', ruleId: R },
  { cmd: 'dd if=x.img of=/dev/rdisk2 bs=1m', note: 'macOS', ruleId: R },
  { cmd: 'dd if=x of=/dev/mapper/luks-root', ruleId: R },
  { cmd: 'dd if=x of=/dev/vg0/data', ruleId: R },
  { cmd: 'dd if=x of=/dev/$DISK', ruleId: R },
  { cmd: "dd if=x 'of=/dev/sda'", ruleId: R },
  { cmd: 'dcfldd if=/dev/zero of=/dev/sdc', ruleId: R },
  { cmd: 'ddrescue -f /dev/sda /dev/sdb ./map', ruleId: R },
  { cmd: 'ddrescue --force x.img /dev/sdb', ruleId: R },
  { cmd: 'cd /dev && dd if=/tmp/x of=sda', ruleId: R },
  { cmd: 'DEV=/dev/sdb; dd if=x.iso of=$DEV', ruleId: R },
  { cmd: 'sudo dd if=/dev/zero of=/dev/sda', ruleId: R },
  { cmd: 'sudo -n dd if=/dev/zero of=/dev/sda', ruleId: R },
  { cmd: 'timeout 600 dd if=x of=/dev/sda', ruleId: R },
  { cmd: '/bin/dd if=x of=/dev/sda', ruleId: R },
  { cmd: "d''d if=x of=/dev/sda", ruleId: R },
  { cmd: "bash -c 'dd if=/dev/zero of=/dev/sda'", ruleId: R },
  { cmd: "sudo sh -c 'dd if=/dev/zero of=/dev/sda'", ruleId: R },
  { cmd: 'echo $(dd if=/dev/zero of=/dev/sda)', ruleId: R },
  { cmd: "echo 'dd if=/dev/zero of=/dev/sda' | sh", ruleId: R },
  { cmd: 'bash <<EOF\ndd if=/dev/zero of=/dev/sda\nEOF', ruleId: R },
  { cmd: 'sync && dd if=x of=/dev/sda', ruleId: R },
];

tableTests(valid, invalid, 'deny');
