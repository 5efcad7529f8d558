// git/stash-destroy: `git stash drop` and `git stash clear` delete stashed work.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/stash-destroy';

const valid: Valid[] = [
  { cmd: 'git stash' },
  { cmd: 'git stash list' },
  { cmd: 'git stash push -u -m "wip"' },
  { cmd: 'git stash push -m drop' },
  { cmd: 'git stash show -p stash@{0}' },
  { cmd: 'git stash pop' },
  { cmd: 'git stash apply stash@{1}' },
  { cmd: 'git stash branch rescue' },
  { cmd: 'echo "git stash clear"' },
  { cmd: 'git commit -m "git stash drop lost it"' },
  { cmd: 'ls # git stash clear' },
];

const invalid: Invalid[] = [
  { cmd: 'git stash drop', ruleId: R, messageId: 'drop' },
  { cmd: 'git stash drop stash@{0}', ruleId: R },
  { cmd: 'git stash drop -q stash@{2}', ruleId: R },
  { cmd: 'git stash clear', ruleId: R },
  { cmd: 'git -C ../other stash clear', ruleId: R },
  { cmd: 'sudo git stash clear', ruleId: R },
  { cmd: "bash -c 'git stash drop'", ruleId: R },
  { cmd: 'git stash list && git stash clear', ruleId: R },
  { cmd: 'echo $(git stash drop)', ruleId: R },
  { cmd: 'git stash clear', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
