// disk/cryptsetup-destroy: `cryptsetup luksFormat`, `erase`/`luksErase`, `luksKillSlot` and
// `luksRemoveKey` are denied; opening, closing, dumping and header backups pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/cryptsetup-destroy';

const valid: Valid[] = [
  { cmd: 'cryptsetup luksDump /dev/sdb1' },
  { cmd: 'cryptsetup open /dev/sdb1 data' },
  { cmd: 'cryptsetup luksOpen /dev/sdb1 data' },
  { cmd: 'cryptsetup close data' },
  { cmd: 'cryptsetup status data' },
  { cmd: 'cryptsetup isLuks /dev/sdb1' },
  { cmd: 'cryptsetup luksHeaderBackup /dev/sdb1 --header-backup-file ./hdr.img' },
  { cmd: 'cryptsetup luksAddKey /dev/sdb1' },
  { cmd: 'cryptsetup benchmark' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "cryptsetup luksFormat /dev/sdb"' },
  { cmd: 'grep -rn "luksFormat" docs/' },
  { cmd: 'git commit -m "document cryptsetup luksErase"' },
  { cmd: 'ls # cryptsetup erase /dev/sdb1' },
  { cmd: 'cat <<EOF > notes.md\ncryptsetup luksFormat /dev/sdb1\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'cryptsetup luksFormat /dev/sdb1', ruleId: R, messageId: 'destroy' },
  { cmd: 'cryptsetup -q luksFormat /dev/sdb1', ruleId: R },
  { cmd: 'cryptsetup --type luks2 luksFormat /dev/sdb1', ruleId: R },
  { cmd: 'cryptsetup luksFormat --batch-mode ./vol.img', ruleId: R },
  { cmd: 'cryptsetup erase /dev/sdb1', ruleId: R },
  { cmd: 'cryptsetup luksErase -q /dev/sdb1', ruleId: R },
  { cmd: 'cryptsetup luksKillSlot /dev/sdb1 0', ruleId: R },
  { cmd: 'cryptsetup luksRemoveKey /dev/sdb1', ruleId: R },
  { cmd: 'echo -n pw | cryptsetup luksFormat /dev/sdb1 -', ruleId: R },
  { cmd: 'sudo cryptsetup luksFormat /dev/sdb1', ruleId: R },
  { cmd: '/sbin/cryptsetup luksFormat /dev/sdb1', ruleId: R },
  { cmd: "bash -c 'cryptsetup erase /dev/sdb1'", ruleId: R },
  { cmd: 'echo $(cryptsetup luksFormat /dev/sdb1)', ruleId: R },
  { cmd: 'bash <<EOF\ncryptsetup -q luksFormat /dev/sdb1\nEOF', ruleId: R },
];

tableTests(valid, invalid, 'deny');
