// git/worktree-remove-force: `git worktree remove --force` asks (it drops uncommitted and untracked
// work in the worktree); plain `remove`, `add`, `list` and `prune` pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/worktree-remove-force';

const valid: Valid[] = [
  { cmd: 'git worktree list' },
  { cmd: 'git worktree add ../proj-hotfix hotfix' },
  { cmd: 'git worktree add -f ../proj-hotfix main', note: '-f on add only allows a checked-out branch' },
  { cmd: 'git worktree remove ../proj-hotfix' },
  { cmd: 'git worktree prune' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git worktree remove --force ../x"' },
  { cmd: 'git commit -m "git worktree remove --force is risky"' },
  { cmd: 'ls # git worktree remove -f ../x' },
  { cmd: 'cat <<EOF > notes.md\ngit worktree remove --force ../x\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git worktree remove --force ../proj-hotfix', ruleId: R, messageId: 'force' },
  { cmd: 'git worktree remove -f ../proj-hotfix', ruleId: R },
  { cmd: 'git worktree remove -f -f ../locked', ruleId: R },
  { cmd: 'git worktree remove ../x --force', ruleId: R },
  { cmd: 'git -C ../proj worktree remove --force ../x', ruleId: R },
  { cmd: "bash -c 'git worktree remove -f ../x'", ruleId: R },
  { cmd: 'git worktree remove --force ../x', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
