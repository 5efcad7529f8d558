// git/branch-force-delete: `git branch -D` (or `--delete --force`) deletes a branch even when its
// commits are merged nowhere else; `-d` refuses that.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/branch-force-delete';

const valid: Valid[] = [
  { cmd: 'git branch -d merged' },
  { cmd: 'git branch --delete merged' },
  { cmd: 'git branch' },
  { cmd: 'git branch -a' },
  { cmd: 'git branch new-feature' },
  { cmd: 'git branch -f feature HEAD', note: 'force without delete moves the branch' },
  { cmd: 'git branch -m old new' },
  { cmd: 'echo "git branch -D old"' },
  { cmd: 'git commit -m "git branch -D was a mistake"' },
  { cmd: 'ls # git branch -D x' },
];

const invalid: Invalid[] = [
  { cmd: 'git branch -D old', ruleId: R, messageId: 'force' },
  { cmd: 'git branch -D a b c', ruleId: R },
  { cmd: 'git branch -d -f old', ruleId: R },
  { cmd: 'git branch -df old', ruleId: R },
  { cmd: 'git branch -fd old', ruleId: R },
  { cmd: 'git branch --delete --force old', ruleId: R },
  { cmd: 'git branch --del --forc old', ruleId: R },
  { cmd: 'git branch -d --force old', ruleId: R },
  { cmd: 'git -C ../other branch -D old', ruleId: R },
  { cmd: 'sudo git branch -D old', ruleId: R },
  { cmd: "bash -c 'git branch -D old'", ruleId: R },
  { cmd: 'git checkout main && git branch -D feature', ruleId: R },
  { cmd: 'git branch -D feature', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
