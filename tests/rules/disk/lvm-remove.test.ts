// disk/lvm-remove: lvremove, vgremove, pvremove, lvreduce and shrinking lvresize (also through
// `lvm <command>`) are denied; `--test` runs and growing pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/lvm-remove';

const valid: Valid[] = [
  { cmd: 'lvs' },
  { cmd: 'vgs -o +vg_free' },
  { cmd: 'pvdisplay /dev/sdb' },
  { cmd: 'lvcreate -L 10G -n data vg0' },
  { cmd: 'lvextend -L +10G vg0/data' },
  { cmd: 'lvresize -L +10G vg0/data' },
  { cmd: 'lvresize -L 20G vg0/data', note: 'an absolute size: may grow (lvresize asks before shrinking)' },
  { cmd: 'lvremove --test vg0/data' },
  { cmd: 'vgremove -t vg0' },
  { cmd: 'lvresize -t -L -5G vg0/data' },
  { cmd: 'lvm lvs' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "lvremove -f vg0/data"' },
  { cmd: 'grep -rn "vgremove" docs/' },
  { cmd: 'git commit -m "drop lvremove from the runbook"' },
  { cmd: 'ls # pvremove /dev/sdb' },
  { cmd: 'cat <<EOF > notes.md\nlvremove -y vg0/data\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'lvremove vg0/data', ruleId: R, messageId: 'remove' },
  { cmd: 'lvremove -f /dev/vg0/data', ruleId: R },
  { cmd: 'lvremove -y vg0', ruleId: R },
  { cmd: 'vgremove vg0', ruleId: R },
  { cmd: 'vgremove -ff vg0', ruleId: R },
  { cmd: 'pvremove /dev/sdb', ruleId: R },
  { cmd: 'lvreduce -L 5G vg0/data', ruleId: R },
  { cmd: 'lvresize -L -10G vg0/data', ruleId: R },
  { cmd: 'lvresize -L-10G vg0/data', ruleId: R },
  { cmd: 'lvresize --size=-1t vg0/data', ruleId: R },
  { cmd: 'lvresize --size -1t vg0/data', note: 'a unit letter is not -t', ruleId: R },
  { cmd: 'lvresize -l -100 vg0/data', ruleId: R },
  { cmd: 'lvresize -r -l -50%FREE vg0/data', ruleId: R },
  { cmd: 'lvm lvremove vg0/data', ruleId: R },
  { cmd: 'sudo lvremove -f vg0/data', ruleId: R },
  { cmd: '/sbin/vgremove vg0', ruleId: R },
  { cmd: "bash -c 'lvremove -y vg0/data'", ruleId: R },
  { cmd: 'echo $(pvremove /dev/sdb)', ruleId: R },
  { cmd: 'bash <<EOF\nvgremove -f vg0\nEOF', ruleId: R },
  { cmd: 'umount /data && lvremove -y vg0/data', ruleId: R },
];

tableTests(valid, invalid, 'deny');
