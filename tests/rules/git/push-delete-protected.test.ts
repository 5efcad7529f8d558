// git/push-delete-protected: deleting a protected branch (`protected.branches`: main, master,
// trunk, develop, production, release/* by default) on the remote is denied, as is deleting a
// branch warden cannot name (a pattern, a variable, an unreadable current branch).

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, gitFixture, nameOf, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/push-delete-protected';
const onMain = gitFixture('main');
const staging = { policy: 'protected:\n  branches: [staging, hotfix/*]\n' };

const valid: Valid[] = [
  { cmd: 'git push origin main' },
  { cmd: 'git push origin HEAD:main' },
  { cmd: 'git push --dry-run origin --delete main' },
  { cmd: 'git branch -d main', note: 'a local branch' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git push origin --delete main"' },
  { cmd: 'grep -rn "push origin :main" docs/' },
  { cmd: 'git commit -m "never git push origin :main"' },
  { cmd: 'ls # git push origin :master' },
  { cmd: 'cat <<EOF > notes.md\ngit push origin --delete main\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git push origin --delete main', ruleId: R, messageId: 'protected' },
  { cmd: 'git push --delete origin master', ruleId: R },
  { cmd: 'git push -d origin develop', ruleId: R },
  { cmd: 'git push origin :main', ruleId: R },
  { cmd: 'git push origin +:main', ruleId: R },
  { cmd: 'git push origin :refs/heads/main', ruleId: R },
  { cmd: 'git push origin :release/2.1', note: 'release/* is protected', ruleId: R },
  { cmd: 'git push origin --delete feature/x trunk', ruleId: R },
  { cmd: 'git push origin feature/x:feature/x :production', ruleId: R },
  { cmd: 'git push origin --delete "$BRANCH"', note: 'a branch warden cannot name', ruleId: R },
  { cmd: "git push origin ':refs/heads/*'", note: 'a pattern', ruleId: R },
  { cmd: 'git push origin --delete HEAD', note: 'on main', ruleId: R, opts: { cwd: onMain } },
  { cmd: 'git push origin --delete HEAD', note: 'not in a repository: the current branch is unknown', ruleId: R },
  { cmd: 'git -c remote.origin.push=:main push origin', ruleId: R },
  { cmd: 'git push origin --delete staging', note: 'protected by the user policy', ruleId: R, opts: staging },
  { cmd: 'git push origin :hotfix/1', note: 'a policy wildcard', ruleId: R, opts: staging },
  { cmd: 'git push origin --delete qa', note: 'protected by the project policy', ruleId: R, opts: { projectPolicy: 'protected:\n  branches: [qa]\n' } },
  { cmd: 'sudo git push origin :main', ruleId: R },
  { cmd: '/usr/bin/git push origin --delete main', ruleId: R },
  { cmd: "bash -c 'git push origin :main'", ruleId: R },
  { cmd: 'echo $(git push origin --delete main)', ruleId: R },
  { cmd: 'bash <<EOF\ngit push origin :main\nEOF', ruleId: R },
  { cmd: 'git fetch && git push origin --delete master', ruleId: R },
];

/** Not protected (here the user policy replaced the default list): the ask rule's. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'git push origin --delete main', note: 'the user policy replaced the list', opts: staging, by: 'git/push-delete' },
  { cmd: 'git push origin --delete feature/x', by: 'git/push-delete' },
];

tableTests(valid, invalid, 'deny');
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
