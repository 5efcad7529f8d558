// git/reset-hard: `git reset --hard` and `--merge` throw away uncommitted work.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/reset-hard';

const valid: Valid[] = [
  { cmd: 'git reset --help' },
  { cmd: 'git -c alias.undo="reset --soft HEAD~1" undo', note: 'an alias to a safe reset' },
  { cmd: 'git reset' },
  { cmd: 'git reset --soft HEAD~1' },
  { cmd: 'git reset --mixed HEAD~1' },
  { cmd: 'git reset HEAD -- file.ts' },
  { cmd: 'git reset --keep HEAD~1' },
  { cmd: 'git reset -q' },
  { cmd: 'echo "git reset --hard"' },
  { cmd: 'git commit -m "undo the git reset --hard"' },
  { cmd: 'grep -rn "reset --hard" .' },
  { cmd: 'ls # git reset --hard' },
  { cmd: 'cat <<EOF > notes.md\ngit reset --hard origin/main\nEOF' },
  { cmd: 'git log --grep "reset --hard"' },
];

const invalid: Invalid[] = [
  { cmd: 'git reset --hard', ruleId: R, messageId: 'hard' },
  { cmd: 'git reset --hard HEAD~1', ruleId: R },
  { cmd: 'git reset --hard origin/main', ruleId: R },
  { cmd: 'git reset HEAD~3 --hard', ruleId: R },
  { cmd: 'git reset --merge', ruleId: R },
  { cmd: 'git reset --har', ruleId: R },
  { cmd: 'git reset -q --hard', ruleId: R },
  { cmd: 'git -C ../other reset --hard', ruleId: R },
  { cmd: 'git -c core.quotepath=off reset --hard', ruleId: R },
  { cmd: 'git -c alias.nuke=reset nuke --hard', note: 'an alias given on the command line', ruleId: R },
  { cmd: "git -c alias.nuke='reset --hard' nuke", ruleId: R },
  { cmd: "git -c alias.a=b -c 'alias.b=reset --hard' a", note: 'an alias of an alias', ruleId: R },
  { cmd: 'git -c Alias.Nuke=reset nuke --hard', note: 'config names are case-insensitive', ruleId: R },
  { cmd: 'GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.nuke GIT_CONFIG_VALUE_0=reset git nuke --hard', note: 'an alias given in the environment', ruleId: R },
  { cmd: "env GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0=cat GIT_CONFIG_KEY_1=alias.undo GIT_CONFIG_VALUE_1='reset --hard' git undo", ruleId: R },
  { cmd: "export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.undo GIT_CONFIG_VALUE_0='reset --hard'; git undo", note: 'exported earlier', ruleId: R },
  { cmd: "GIT_CONFIG_PARAMETERS=\"'alias.undo'='reset --hard'\" git undo", ruleId: R },
  { cmd: "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.st GIT_CONFIG_VALUE_0=status git -c 'alias.st=reset --hard' st", note: '-c overrides the environment', ruleId: R },
  { cmd: '/usr/bin/git reset --hard', ruleId: R },
  { cmd: 'sudo git reset --hard', ruleId: R },
  { cmd: 'env GIT_DIR=.git git reset --hard', ruleId: R },
  { cmd: 'timeout 5 git reset --hard', ruleId: R },
  { cmd: '"git" reset "--hard"', ruleId: R },
  { cmd: "bash -c 'git reset --hard'", ruleId: R },
  { cmd: 'echo $(git reset --hard)', ruleId: R },
  { cmd: 'eval git reset --hard', ruleId: R },
  { cmd: 'git stash list\ngit reset --hard', ruleId: R },
  { cmd: 'git fetch && git reset --hard origin/main', ruleId: R },
  { cmd: '( git reset --hard )', ruleId: R },
  {
    cmd: 'git reset --hard',
    note: 'strict preset',
    ruleId: R,
    action: 'deny',
    opts: { policy: 'preset: strict\n' },
  },
];

tableTests(valid, invalid, 'ask');
