// fs/chmod-home: recursive chmod/chown/chgrp of the home directory (/home/agent), or everything in
// it, asks. Deeper directories pass; system directories are fs/chmod-system's.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/chmod-home';

const valid: Valid[] = [
  { cmd: 'chmod -R 700 ~/.ssh' },
  { cmd: 'chmod -R u+rwX ~/proj' },
  { cmd: 'chown -R me ~/proj/node_modules' },
  { cmd: 'chmod 700 ~', note: 'not recursive' },
  { cmd: 'chmod -R 755 .', note: 'the project' },
  { cmd: 'chmod -r ~/file.txt', note: '-r is a mode, not --recursive' },
  { cmd: 'ls -laR ~' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "chmod -R 777 ~"' },
  { cmd: 'grep -rn "chown -R" ~/notes.md' },
  { cmd: 'git commit -m "chmod -R 777 ~ broke ssh"' },
  { cmd: 'ls # chmod -R 777 ~' },
  { cmd: 'cat <<EOF > notes.md\nchmod -R 777 $HOME\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'chmod -R 777 ~', ruleId: R, messageId: 'home' },
  { cmd: 'chmod -R 755 ~/', ruleId: R },
  { cmd: 'chmod -R go-rwx $HOME', ruleId: R },
  { cmd: 'chown -R me:staff "${HOME}"', ruleId: R },
  { cmd: 'chgrp -R users /home/agent', ruleId: R },
  { cmd: 'chmod -R 644 ~/*', note: 'everything in home', ruleId: R },
  { cmd: 'chmod -R 644 ~/.[!.]*', note: 'every hidden entry in home', ruleId: R },
  { cmd: 'chmod 777 --recursive ~', ruleId: R },
  { cmd: 'cd && chmod -R 777 .', ruleId: R },
  { cmd: 'cd .. && chown -R me .', note: 'the project is directly in home', ruleId: R },
  { cmd: 'sudo chown -R $USER ~', ruleId: R },
  { cmd: "bash -c 'chmod -R 777 ~'", ruleId: R },
  { cmd: 'chmod -R 777 /Users/me', note: 'a macOS home', ruleId: R, opts: { home: '/Users/me', projectDir: '/Users/me/code/p' } },
  { cmd: 'chmod -R 777 ~', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
