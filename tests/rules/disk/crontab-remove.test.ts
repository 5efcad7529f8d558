// disk/crontab-remove: `crontab -r` (and installing /dev/null as the crontab) asks; listing,
// editing and installing a real file pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/crontab-remove';

const valid: Valid[] = [
  { cmd: 'crontab -l' },
  { cmd: 'crontab -l > ./crontab.bak' },
  { cmd: 'crontab -u deploy -l' },
  { cmd: 'crontab ./crontab.txt' },
  { cmd: 'crontab -l | grep -v backup.sh | crontab -' },
  { cmd: 'crontab -u r -l', note: 'a user named r' },
  { cmd: '$PYTHON -m pip install -r requirements.txt', note: '-r of a program warden cannot name' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "crontab -r"' },
  { cmd: 'grep -rn "crontab -r" docs/' },
  { cmd: 'git commit -m "never crontab -r"' },
  { cmd: 'ls # crontab -r' },
  { cmd: 'cat <<EOF > notes.md\ncrontab -r\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'crontab -r', ruleId: R, messageId: 'remove' },
  { cmd: 'crontab -ri', ruleId: R },
  { cmd: 'crontab -u root -r', ruleId: R },
  { cmd: 'crontab /dev/null', ruleId: R },
  { cmd: 'sudo crontab -r', ruleId: R },
  { cmd: 'sudo -u deploy crontab -r', ruleId: R },
  { cmd: '/usr/bin/crontab -r', ruleId: R },
  { cmd: "bash -c 'crontab -r'", ruleId: R },
  { cmd: 'echo $(crontab -r)', ruleId: R },
  { cmd: 'crontab -l > /tmp/c && crontab -r', ruleId: R },
  { cmd: 'crontab -r', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
