// fs/find-delete-critical: `find -delete` (or `-exec rm`/`unlink`/`shred`…) starting at `/`, a
// top-level or system directory or the home directory (or one containing it), with no name test
// narrowing it, is denied. Narrowed ones are fs/delete-outside-project's (ask).

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, nameOf, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/find-delete-critical';

const valid: Valid[] = [
  { cmd: 'find ./build -type f -delete' },
  { cmd: 'find . -name __pycache__ -exec rm -rf {} +', note: 'narrowed, inside the project' },
  { cmd: 'find /tmp/w -delete' },
  { cmd: 'find ~/.cache -delete' },
  { cmd: "find / -name '*.conf'" },
  { cmd: 'find / -type f -exec grep -l secret {} +' },
  { cmd: 'find ~ -maxdepth 2 -name .git -print' },
  { cmd: 'find / -xdev -size +1G -ls' },
  { cmd: 'find ~ -exec ls -d {} +' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "find / -delete"' },
  { cmd: "printf '%s\\n' 'find ~ -delete'" },
  { cmd: 'grep -rn "find / -delete" docs/' },
  { cmd: 'git commit -m "do not find ~ -delete"' },
  { cmd: 'ls # find / -delete' },
  { cmd: 'cat <<EOF > notes.md\nfind / -exec rm -rf {} +\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'find / -delete', ruleId: R, messageId: 'critical' },
  { cmd: 'find / -type f -delete', note: '-type does not narrow by name', ruleId: R },
  { cmd: 'find ~ -delete', ruleId: R },
  { cmd: 'find $HOME -mindepth 1 -delete', ruleId: R },
  { cmd: 'find ~/ -mtime +30 -delete', ruleId: R },
  { cmd: 'find /home -delete', note: 'contains home', ruleId: R },
  { cmd: 'find /usr -exec rm -rf {} +', ruleId: R },
  { cmd: 'find /etc -exec rm {} \\;', ruleId: R },
  { cmd: 'find /var/lib -delete', ruleId: R },
  { cmd: 'find / -execdir rm -f {} \\;', ruleId: R },
  { cmd: 'find ~ -maxdepth 1 -execdir rm -rf {} +', ruleId: R },
  { cmd: 'find / -ok rm {} \\;', ruleId: R },
  { cmd: 'find / -exec /bin/rm {} +', ruleId: R },
  { cmd: 'find / -exec shred -u {} +', ruleId: R },
  { cmd: 'find -L / -delete', ruleId: R },
  { cmd: "find / -name '*' -delete", note: 'a pattern of wildcards narrows nothing', ruleId: R },
  { cmd: 'find / ! -name keep -delete', note: 'inverted test', ruleId: R },
  { cmd: 'find ~ -not -name x -delete', ruleId: R },
  { cmd: 'find ~ -name a -o -delete', ruleId: R },
  { cmd: 'find ~/* -delete', ruleId: R },
  { cmd: 'find ./src / -delete', note: 'one root of several', ruleId: R },
  { cmd: 'cd / && find . -delete', ruleId: R },
  { cmd: 'cd && find . -delete', ruleId: R },
  { cmd: 'sudo find / -delete', ruleId: R },
  { cmd: 'nice find / -delete', ruleId: R },
  { cmd: "bash -c 'find / -delete'", ruleId: R },
  { cmd: 'echo $(find ~ -delete)', ruleId: R },
  { cmd: 'bash <<EOF\nfind ~ -delete\nEOF', ruleId: R },
  { cmd: 'ls && find / -delete', ruleId: R },
];

/** Narrowed by name: another rule asks instead. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: "find / -name '*.log' -delete", by: 'fs/delete-outside-project' },
  { cmd: "find ~ -name '.DS_Store' -delete", by: 'fs/delete-outside-project' },
  { cmd: "find / -name core -exec rm -rf {} \\;", by: 'fs/delete-outside-project' },
  { cmd: 'find . -delete', note: 'the project: the same damage, its own rule', by: 'fs/rm-project-root' },
];

tableTests(valid, invalid, 'deny');
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
