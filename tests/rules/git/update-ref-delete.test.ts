// git/update-ref-delete: `git update-ref -d <ref>` and `--stdin` input with `delete` (or input
// warden cannot see) ask; other update-ref uses pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/update-ref-delete';

const valid: Valid[] = [
  { cmd: 'git update-ref refs/heads/tmp HEAD' },
  { cmd: 'git update-ref -m "move" refs/heads/tmp abc123' },
  { cmd: "git update-ref --stdin <<'EOF'\ncreate refs/heads/x HEAD\nEOF" },
  { cmd: "printf 'update refs/heads/x HEAD\\n' | git update-ref --stdin" },
  { cmd: 'git show-ref' },
  { cmd: 'git for-each-ref refs/heads' },
  { cmd: 'git branch -d feature/x' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git update-ref -d refs/heads/main"' },
  { cmd: 'grep -rn "update-ref -d" docs/' },
  { cmd: 'git commit -m "script uses git update-ref -d"' },
  { cmd: 'ls # git update-ref -d HEAD' },
  { cmd: 'cat <<EOF > notes.md\ngit update-ref -d refs/heads/old\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git update-ref -d refs/heads/feature/x', ruleId: R, messageId: 'delete' },
  { cmd: 'git update-ref -d refs/heads/main abc123', ruleId: R },
  { cmd: 'git update-ref -m why -d refs/tags/v1', ruleId: R },
  { cmd: 'git update-ref --no-deref -d HEAD', ruleId: R },
  { cmd: 'git update-ref --delete refs/heads/main', note: 'git rejects it; held all the same', ruleId: R },
  { cmd: "git update-ref --stdin <<'EOF'\ndelete refs/heads/x\nEOF", ruleId: R },
  { cmd: "printf 'delete refs/heads/x\\n' | git update-ref --stdin", ruleId: R },
  { cmd: 'git update-ref --stdin < ./commands.txt', note: 'input warden cannot see', ruleId: R },
  { cmd: 'cat cmds | git update-ref --stdin', note: 'input warden cannot see', ruleId: R },
  { cmd: 'git -C ../other update-ref -d refs/heads/x', ruleId: R },
  { cmd: 'sudo git update-ref -d refs/heads/x', ruleId: R },
  { cmd: "bash -c 'git update-ref -d refs/heads/x'", ruleId: R },
  { cmd: 'git for-each-ref --format="%(refname)" | xargs -n1 git update-ref -d', ruleId: R },
  { cmd: 'git update-ref -d refs/heads/x', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
