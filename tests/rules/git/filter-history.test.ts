// git/filter-history: `git filter-branch` and `git filter-repo` rewrite history and ask; filter-repo's
// `--analyze` and `--dry-run` only look.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/filter-history';

const valid: Valid[] = [
  { cmd: 'git filter-repo --analyze' },
  { cmd: 'git filter-repo --path secrets.txt --invert-paths --dry-run' },
  { cmd: 'git filter-repo --help' },
  { cmd: 'git filter-branch --help' },
  { cmd: 'git rm --cached secrets.txt' },
  { cmd: 'git log --follow -- secrets.txt' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git filter-branch --tree-filter \'rm x\' HEAD"' },
  { cmd: 'grep -rn "filter-repo" docs/' },
  { cmd: 'git commit -m "history cleaned with git filter-repo"' },
  { cmd: 'ls # git filter-repo --path x --invert-paths' },
  { cmd: 'cat <<EOF > notes.md\ngit filter-branch --index-filter "git rm --cached x" HEAD\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: "git filter-branch --tree-filter 'rm -f secrets.txt' HEAD", ruleId: R, messageId: 'branch' },
  { cmd: "git filter-branch -f --index-filter 'git rm --cached --ignore-unmatch x' -- --all", ruleId: R, messageId: 'branch' },
  { cmd: 'git filter-branch --msg-filter "sed s/a/b/" HEAD~5..HEAD', ruleId: R },
  { cmd: 'git filter-repo --path secrets.txt --invert-paths', ruleId: R, messageId: 'repo' },
  { cmd: 'git filter-repo --force --replace-text ./expressions.txt', ruleId: R, messageId: 'repo' },
  { cmd: 'git filter-repo --subdirectory-filter lib', ruleId: R },
  { cmd: 'git-filter-repo --path x --invert-paths', ruleId: R, messageId: 'repo' },
  { cmd: 'git -C ../other filter-repo --path x --invert-paths', ruleId: R },
  { cmd: 'git -c core.quotepath=off filter-branch HEAD', ruleId: R },
  { cmd: 'sudo git filter-repo --path x --invert-paths', ruleId: R },
  { cmd: "bash -c 'git filter-repo --path x --invert-paths'", ruleId: R },
  { cmd: 'echo $(git filter-branch HEAD)', ruleId: R },
  { cmd: 'git filter-repo --analyze && git filter-repo --path x --invert-paths', ruleId: R },
  { cmd: 'git filter-repo --path x --invert-paths', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
