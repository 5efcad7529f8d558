// git/gc-prune: `git gc --prune=now|all` (or immediate gc expiry settings), `git prune` without a
// weeks-long `--expire`, and `git repack -a -d` without `-A`/`--cruft` ask: they delete recent
// unreachable commits. Plain `git gc` keeps them two weeks.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/gc-prune';

const valid: Valid[] = [
  { cmd: 'git gc' },
  { cmd: 'git gc --aggressive' },
  { cmd: 'git gc --auto' },
  { cmd: 'git gc --prune', note: 'the default two weeks' },
  { cmd: 'git gc --prune=2.weeks.ago' },
  { cmd: 'git gc --prune=never' },
  { cmd: 'git gc --no-prune' },
  { cmd: 'git -c gc.pruneExpire=1.month.ago gc' },
  { cmd: 'git prune --dry-run' },
  { cmd: 'git prune -n -v' },
  { cmd: 'git prune --expire=3.weeks.ago' },
  { cmd: 'git repack -a -d -A', note: '-A keeps unreachable objects, loose' },
  { cmd: 'git repack -Ad' },
  { cmd: 'git repack -a -d --cruft' },
  { cmd: 'git repack -d' },
  { cmd: 'git worktree prune' },
  { cmd: 'git remote prune origin' },
  { cmd: 'git fetch --prune' },
  { cmd: 'git count-objects -v' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git gc --prune=now"' },
  { cmd: 'grep -rn "prune=now" docs/' },
  { cmd: 'git commit -m "never git gc --prune=now"' },
  { cmd: 'ls # git prune' },
  { cmd: 'cat <<EOF > notes.md\ngit gc --prune=now --aggressive\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git gc --prune=now', ruleId: R, messageId: 'prune' },
  { cmd: 'git gc --prune=all', ruleId: R },
  { cmd: 'git gc --aggressive --prune=now', ruleId: R },
  { cmd: 'git gc --pru=now', note: 'abbreviated', ruleId: R },
  { cmd: 'git gc --prune=1.hour.ago', ruleId: R },
  { cmd: 'git gc --prune=3.days.ago', ruleId: R },
  { cmd: 'git gc --prune="$WHEN"', note: 'a value warden cannot know', ruleId: R },
  { cmd: 'git -c gc.pruneExpire=now gc', ruleId: R },
  { cmd: 'git -c gc.reflogExpire=now -c gc.reflogExpireUnreachable=now gc', ruleId: R },
  { cmd: 'git -c gc.reflogexpireunreachable=now gc', note: 'setting names are case-insensitive', ruleId: R },
  { cmd: 'git prune', ruleId: R },
  { cmd: 'git prune -v', ruleId: R },
  { cmd: 'git prune --expire=now', ruleId: R },
  { cmd: 'git prune --expire now', ruleId: R },
  { cmd: 'git repack -a -d', ruleId: R },
  { cmd: 'git repack -ad', ruleId: R },
  { cmd: 'git repack -adf --depth=50', ruleId: R },
  { cmd: 'git -C ../other gc --prune=now', ruleId: R },
  { cmd: 'sudo git gc --prune=now', ruleId: R },
  { cmd: "bash -c 'git gc --prune=now'", ruleId: R },
  { cmd: 'git reflog expire --expire=now --all && git gc --prune=now', ruleId: R },
  { cmd: 'git gc --prune=now', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
