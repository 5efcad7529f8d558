// git/rm-force: `git rm -f` (not `--cached`, not `-n`) asks: it deletes files with uncommitted
// changes, which plain `git rm` refuses.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/rm-force';

const valid: Valid[] = [
  { cmd: 'git rm src/old.ts' },
  { cmd: 'git rm -r src/legacy' },
  { cmd: 'git rm --cached .env' },
  { cmd: 'git rm -r --cached .' },
  { cmd: 'git rm --cached -f secrets.txt', note: 'only unstages' },
  { cmd: 'git rm -rfn .', note: 'dry run' },
  { cmd: 'git rm --help' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git rm -rf ."' },
  { cmd: 'grep -rn "git rm -f" docs/' },
  { cmd: 'git commit -m "git rm -rf the old tree"' },
  { cmd: 'ls # git rm -rf .' },
  { cmd: 'cat <<EOF > notes.md\ngit rm -rf .\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git rm -rf .', ruleId: R, messageId: 'force' },
  { cmd: 'git rm -f src/app.ts', ruleId: R },
  { cmd: 'git rm --force -r src', ruleId: R },
  { cmd: 'git rm -r -f -- src', ruleId: R },
  { cmd: 'git rm -rf . --quiet', ruleId: R },
  { cmd: 'git checkout --orphan scratch && git rm -rf . --quiet', ruleId: R },
  { cmd: 'git -C ../other rm -rf .', ruleId: R },
  { cmd: 'sudo git rm -rf .', ruleId: R },
  { cmd: "bash -c 'git rm -rf .'", ruleId: R },
  { cmd: 'git -c alias.del=rm del -rf .', ruleId: R },
  { cmd: 'git rm -rf .', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
