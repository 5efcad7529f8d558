// git/push-delete: deleting remote branches or tags that are not protected asks (`--delete`, `-d`,
// `:branch`, `--prune`). Protected ones are git/push-delete-protected's (deny).

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, gitFixture, nameOf, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/push-delete';
const onFeature = gitFixture('feature/z');

const valid: Valid[] = [
  { cmd: 'git push origin feature/x' },
  { cmd: 'git push -u origin HEAD' },
  { cmd: 'git push origin feature/x:feature/y' },
  { cmd: 'git push --tags' },
  { cmd: 'git push --dry-run --delete origin feature/x' },
  { cmd: 'git push -n origin :feature/x' },
  { cmd: 'git branch -d feature/x', note: 'a local branch' },
  { cmd: 'git branch -dr origin/feature/x', note: 'a remote-tracking ref, locally' },
  { cmd: 'git fetch --prune origin' },
  { cmd: 'git remote prune origin' },
  { cmd: 'git tag -d v1.0', note: 'a local tag' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git push origin --delete feature/x"' },
  { cmd: "printf '%s\\n' 'git push origin :old'" },
  { cmd: 'grep -rn "push --delete" docs/' },
  { cmd: 'git commit -m "git push origin :old-branch after merge"' },
  { cmd: 'ls # git push -d origin x' },
  { cmd: 'cat <<EOF > notes.md\ngit push origin --delete feature/x\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git push origin --delete feature/x', ruleId: R, messageId: 'delete' },
  { cmd: 'git push --delete origin feature/x', ruleId: R },
  { cmd: 'git push -d origin feature/x feature/y', ruleId: R },
  { cmd: 'git push origin -d v1.0', note: 'a tag', ruleId: R },
  { cmd: 'git push --del origin feature/x', note: 'abbreviated', ruleId: R },
  { cmd: 'git push origin :feature/x', ruleId: R },
  { cmd: 'git push origin :refs/heads/feature/x', ruleId: R },
  { cmd: 'git push origin :refs/tags/v1.0', ruleId: R },
  { cmd: 'git push origin feature/y :feature/x', ruleId: R },
  { cmd: "git push origin ':feature/x'", ruleId: R },
  { cmd: 'git push --prune origin "refs/heads/feature/*:refs/heads/feature/*"', ruleId: R },
  { cmd: 'git -c remote.origin.push=:feature/x push origin', ruleId: R },
  { cmd: 'git push origin --delete HEAD', note: 'on a feature branch', ruleId: R, opts: { cwd: onFeature } },
  { cmd: 'git -C ../other push origin --delete feature/x', ruleId: R },
  { cmd: 'sudo -u deploy git push origin :feature/x', ruleId: R },
  { cmd: "g''it push origin --delete feature/x", ruleId: R },
  { cmd: "bash -c 'git push origin --delete feature/x'", ruleId: R },
  { cmd: 'echo $(git push origin :feature/x)', ruleId: R },
  { cmd: 'git branch -d feature/x && git push origin --delete feature/x', ruleId: R },
  { cmd: 'git push origin --delete feature/x', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

/** Protected, unknown or pattern branches: the deny rule's. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'git push origin --delete main', by: 'git/push-delete-protected' },
  { cmd: 'git push origin --delete feature/x main', note: 'one protected among others', by: 'git/push-delete-protected' },
  { cmd: 'git push origin :$BRANCH', by: 'git/push-delete-protected' },
];

tableTests(valid, invalid, 'ask');
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
