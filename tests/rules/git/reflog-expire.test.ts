// git/reflog-expire: `git reflog expire` with an immediate expiry (now, all, less than two weeks,
// unknown) and `git reflog delete` ask (the reflog is how mistakes are undone); reading the reflog,
// dry runs and the default or weeks-long expiries pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/reflog-expire';

const valid: Valid[] = [
  { cmd: 'git reflog' },
  { cmd: 'git reflog show main' },
  { cmd: 'git reflog -n 20' },
  { cmd: 'git reflog exists refs/heads/main' },
  { cmd: 'git reflog expire --dry-run --expire=now --all' },
  { cmd: 'git reflog expire -n --all' },
  { cmd: 'git reflog expire --all', note: 'the default expiry' },
  { cmd: 'git reflog expire --expire=90.days.ago' },
  { cmd: 'git reflog expire --expire=never --all' },
  { cmd: 'git reflog expire --stale-fix --all' },
  { cmd: 'git log -g --oneline' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git reflog expire --expire=now --all"' },
  { cmd: 'grep -rn "reflog expire" docs/' },
  { cmd: 'git commit -m "do not git reflog expire --all"' },
  { cmd: 'ls # git reflog expire --expire=now --all' },
  { cmd: 'cat <<EOF > notes.md\ngit reflog expire --expire=now --all && git gc --prune=now\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git reflog expire --expire=now --all', ruleId: R, messageId: 'expire' },
  { cmd: 'git reflog expire --expire-unreachable=now --all', ruleId: R },
  { cmd: 'git reflog expire --expire=all --all', ruleId: R },
  { cmd: 'git reflog expire --expire=3.days.ago', ruleId: R },
  { cmd: 'git reflog expire --expire-unreachable now --all', note: 'the value as its own word', ruleId: R },
  { cmd: 'git reflog expire --expire="$WHEN" --all', ruleId: R },
  { cmd: 'git reflog expire --expire=1.hour.ago refs/heads/main', ruleId: R },
  { cmd: 'git reflog delete HEAD@{1}', ruleId: R },
  { cmd: 'git reflog delete --rewrite main@{2}', ruleId: R },
  { cmd: 'git -C ../other reflog expire --expire=now --all', ruleId: R },
  { cmd: 'sudo git reflog expire --expire=now --all', ruleId: R },
  { cmd: "bash -c 'git reflog expire --expire=now --all'", ruleId: R },
  { cmd: 'git reflog expire --expire=now --all && git gc --prune=now', ruleId: R },
  { cmd: 'git reflog expire --expire=now --all', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
