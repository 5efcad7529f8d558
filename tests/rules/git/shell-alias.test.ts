// git/shell-alias: running a git alias defined on the command line as a shell command (`!…`), or
// with a value warden cannot know, asks: what it runs is not analysed. Ordinary aliases are
// expanded and judged by the other git rules.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

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
];

const invalid: Invalid[] = [
  { cmd: "git -c 'alias.x=!rm -rf ~' x", ruleId: R, messageId: 'alias' },
  { cmd: "git -c 'alias.cleanup=! git clean -fdx && git reset --hard' cleanup", ruleId: R },
  { cmd: 'git -c alias.x="$CMD" x', note: 'a value warden cannot know', ruleId: R },
  { cmd: "git -c 'alias.y=!sh -c \"rm -rf ~\"' -c alias.x=y x", note: 'through another alias', ruleId: R },
  { cmd: "sudo git -c 'alias.x=!reboot' x", ruleId: R },
  { cmd: "bash -c \"git -c 'alias.x=!rm -rf ~' x\"", ruleId: R },
  { cmd: "git -c 'alias.x=!rm -rf ~' x", note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'ask', messageId: c.messageId });
  });
}
