// git/restore-worktree: `git restore <path>` overwrites working-tree changes; only `--staged` alone
// (unstaging) is harmless.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/restore-worktree';

const valid: Valid[] = [
  { cmd: 'git restore --help', note: 'shows the manual' },
  { cmd: 'git restore --staged x' },
  { cmd: 'git restore --staged .' },
  { cmd: 'git restore -S src/app.ts' },
  { cmd: 'git restore --staged --source=HEAD~1 file.ts' },
  { cmd: 'git restore --sta x' },
  { cmd: 'echo "git restore ."' },
  { cmd: 'git commit -m "git restore src broke it"' },
  { cmd: 'ls # git restore .' },
  { cmd: 'cat <<EOF > notes.md\ngit restore .\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git restore x', ruleId: R, messageId: 'worktree' },
  { cmd: 'git restore .', ruleId: R },
  { cmd: 'git restore -- src/', ruleId: R },
  { cmd: 'git restore --worktree x', ruleId: R },
  { cmd: 'git restore -W x', ruleId: R },
  { cmd: 'git restore --staged --worktree x', ruleId: R },
  { cmd: 'git restore -SW x', ruleId: R },
  { cmd: 'git restore --source=HEAD~1 file.ts', ruleId: R },
  { cmd: 'git restore -s main -- .', ruleId: R },
  { cmd: 'git restore -sSTABLE x', note: 'the S is part of the source', ruleId: R },
  { cmd: 'git restore -p file.ts', ruleId: R },
  { cmd: 'git -C sub restore .', ruleId: R },
  { cmd: 'sudo git restore .', ruleId: R },
  { cmd: "bash -c 'git restore .'", ruleId: R },
  { cmd: 'git diff && git restore .', ruleId: R },
  { cmd: 'eval "git restore src"', ruleId: R },
];

tableTests(valid, invalid, 'ask');
