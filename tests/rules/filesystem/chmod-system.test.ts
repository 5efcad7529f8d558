// fs/chmod-system: chmod/chown/chgrp of `/`, a top-level or system directory or a file directly in
// one, recursive or not, and of everything in one, is denied. The home directory itself is
// fs/chmod-home's (ask).

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, nameOf, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/chmod-system';

const valid: Valid[] = [
  { cmd: 'chmod +x ./scripts/build.sh' },
  { cmd: 'chmod -R u+w ./build' },
  { cmd: 'chmod -R 755 dist' },
  { cmd: 'chown -R $USER ./node_modules' },
  { cmd: 'chgrp -R staff ./shared' },
  { cmd: 'chmod 755 /usr/local/bin/tool', note: 'not recursive' },
  { cmd: 'chmod -R 700 ~/.ssh', note: 'below home, not home itself' },
  { cmd: 'chmod -R go-rwx /usr/local/lib/mytool', note: 'deeper than a system directory' },
  { cmd: 'sudo chown me /usr/local/bin/tool', note: 'deeper than a system directory' },
  { cmd: 'chmod 600 ~/.ssh/config' },
  { cmd: 'chmod -r ./file', note: 'chmod -r removes read permission; it is not recursive' },
  { cmd: 'chmod -R -x ./bin', note: 'a mode that starts with a dash' },
  { cmd: 'ls -R /', note: 'not a permission change' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "chmod -R 777 /"' },
  { cmd: "printf 'sudo chown -R me /usr\\n'" },
  { cmd: 'grep -rn "chmod -R 777 /" docs/' },
  { cmd: 'git commit -m "never chmod -R 777 /"' },
  { cmd: 'ls # chmod -R 777 /' },
  { cmd: 'cat <<EOF > notes.md\nchown -R nobody /etc\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'chmod -R 777 /', ruleId: R, messageId: 'system' },
  { cmd: 'chmod 777 /etc/passwd', note: 'not recursive: a file in a system directory', ruleId: R, messageId: 'file' },
  { cmd: 'chmod 666 /etc/shadow', ruleId: R, messageId: 'file' },
  { cmd: 'sudo chmod 777 /etc/sudoers', ruleId: R, messageId: 'file' },
  { cmd: 'chown nobody /etc/hosts', ruleId: R, messageId: 'file' },
  { cmd: 'chmod 777 /', note: 'not recursive', ruleId: R, messageId: 'file' },
  { cmd: 'chmod 1777 /tmp', note: 'not recursive', ruleId: R, messageId: 'file' },
  { cmd: 'chmod 777 -R /', ruleId: R },
  { cmd: 'chmod --recursive 777 /', ruleId: R },
  { cmd: 'chmod --rec a+rwx /', ruleId: R },
  { cmd: 'chmod -Rv 755 /usr', ruleId: R },
  { cmd: 'chmod -fR 755 /etc', ruleId: R },
  { cmd: 'chmod -R -w /usr', ruleId: R },
  { cmd: 'chmod -R --reference=./a /usr', note: 'no mode operand', ruleId: R },
  { cmd: 'chown -R nobody /', ruleId: R },
  { cmd: 'chown -R me:me /usr/local', ruleId: R },
  { cmd: 'chown -hR me /opt/homebrew', ruleId: R },
  { cmd: 'chgrp -R staff /var', ruleId: R },
  { cmd: 'chmod -R 755 /*', ruleId: R },
  { cmd: 'chown -R me /home', note: 'contains home', ruleId: R },
  { cmd: 'chmod -R 777 -- /', ruleId: R },
  { cmd: 'cd / && chmod -R 777 .', ruleId: R },
  { cmd: 'cd /usr && chown -R me *', ruleId: R },
  { cmd: 'sudo chmod -R 777 /', ruleId: R },
  { cmd: 'sudo -u root chown -R me /usr/local', ruleId: R },
  { cmd: '/bin/chmod -R 777 /', ruleId: R },
  { cmd: "ch''mod -R 777 /", ruleId: R },
  { cmd: "bash -c 'chmod -R 777 /'", ruleId: R },
  { cmd: 'echo $(chown -R me /etc)', ruleId: R },
  { cmd: "sh <<< 'chmod -R 000 /'", ruleId: R },
  { cmd: 'X=/etc; chmod -R 777 $X', ruleId: R },
  { cmd: 'ls && chmod -R 777 /', ruleId: R },
];

/** The home directory itself: ask, not deny. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'chmod -R 777 ~', by: 'fs/chmod-home' },
  { cmd: 'chown -R me ~/', by: 'fs/chmod-home' },
];

tableTests(valid, invalid, 'deny');
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
