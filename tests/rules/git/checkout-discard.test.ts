// git/checkout-discard: `git checkout -- <path>`, `git checkout <tree-ish> <path>…`, `git checkout
// .`, `--pathspec-from-file` and `git checkout -f` overwrite uncommitted changes with the committed
// version.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/checkout-discard';

const valid: Valid[] = [
  { cmd: 'git checkout main' },
  { cmd: 'git checkout -b new' },
  { cmd: 'git checkout -b feature/x origin/main' },
  { cmd: 'git checkout -B fix' },
  { cmd: 'git checkout --track origin/feature' },
  { cmd: 'git checkout -' },
  { cmd: 'git checkout HEAD~1' },
  { cmd: 'git checkout --orphan gh-pages' },
  { cmd: 'git checkout --orphan scratch main', note: 'a start point, not a path' },
  { cmd: 'git checkout -B fix origin/fix' },
  { cmd: 'git checkout --help' },
  { cmd: 'git switch main' },
  { cmd: 'git switch -c f main' },
  { cmd: 'git switch --force-create topic' },
  { cmd: 'echo "git checkout -- ."' },
  { cmd: 'git commit -m "git checkout . lost my work"' },
  { cmd: 'ls # git checkout -f main' },
  { cmd: 'cat <<EOF > notes.md\ngit checkout -- src\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git checkout -- src/app.ts', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout -- .', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout .', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout ./src', ruleId: R },
  { cmd: 'git checkout :/', ruleId: R },
  { cmd: 'git checkout HEAD -- file.ts', ruleId: R },
  { cmd: 'git checkout main -- .', ruleId: R },
  { cmd: 'git checkout HEAD~1 .', ruleId: R },
  { cmd: 'git checkout HEAD src/app.ts', note: 'a tree-ish and a path', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout main src/a.ts src/b.ts', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout origin/main -p src/a.ts', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout HEAD --pathspec-from-file=paths.txt', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout --pathspec-from-file paths.txt HEAD', ruleId: R, messageId: 'paths' },
  { cmd: 'git checkout --ours -- conflicted.ts', ruleId: R },
  { cmd: 'git checkout -f main', ruleId: R, messageId: 'force' },
  { cmd: 'git checkout --force main', ruleId: R, messageId: 'force' },
  { cmd: 'git checkout --forc main', ruleId: R, messageId: 'force' },
  { cmd: 'git checkout -fb new', ruleId: R, messageId: 'force' },
  { cmd: 'git switch -f main', ruleId: R, messageId: 'force' },
  { cmd: 'git switch --discard-changes main', ruleId: R, messageId: 'force' },
  { cmd: 'git -C ../other checkout -- .', ruleId: R },
  { cmd: 'sudo git checkout -- .', ruleId: R },
  { cmd: "sh -c 'git checkout .'", ruleId: R },
  { cmd: 'git stash list; git checkout -- .', ruleId: R },
  { cmd: 'echo $(git checkout -f main)', ruleId: R },
];

tableTests(valid, invalid, 'ask');
