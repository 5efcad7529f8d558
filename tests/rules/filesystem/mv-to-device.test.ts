// fs/mv-to-device: `mv <file> /dev/null` and any mv onto a device under /dev are denied (as root
// they replace the device node); moving into /dev/shm files, and everything else, passes.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/mv-to-device';

const valid: Valid[] = [
  { cmd: 'mv a.txt b.txt' },
  { cmd: 'mv ./build /tmp/old-build' },
  { cmd: 'mv lock /dev/shm/app.lock', note: 'a file in a memory file system' },
  { cmd: 'mv -t ./dist a.js b.js' },
  { cmd: 'cp /dev/null ./empty.txt' },
  { cmd: 'cat x > /dev/null' },
  { cmd: 'mv ./dev/null ./dev/zero', note: 'files in the project' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "mv Cargo.toml /dev/null"' },
  { cmd: "printf '%s\\n' 'mv x /dev/null'" },
  { cmd: 'grep -rn "mv .* /dev/null" docs/' },
  { cmd: 'git commit -m "never mv files to /dev/null"' },
  { cmd: 'ls # mv x /dev/null' },
  { cmd: 'cat <<EOF > notes.md\nmv Cargo.toml /dev/null\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'mv Cargo.toml /dev/null', ruleId: R, messageId: 'device' },
  { cmd: 'mv ./ /dev/null', ruleId: R },
  { cmd: 'mv file1 file2 /dev/null', ruleId: R },
  { cmd: 'mv -f ~/x /dev/null', ruleId: R },
  { cmd: 'mv -t /dev/null a b', ruleId: R },
  { cmd: 'mv -vt /dev/null a', ruleId: R },
  { cmd: 'mv --target-directory=/dev/null a', ruleId: R },
  { cmd: 'mv -- -weird /dev/null', ruleId: R },
  { cmd: 'mv x /dev/zero', ruleId: R },
  { cmd: 'mv disk.img /dev/sda', ruleId: R },
  { cmd: 'cd /dev && mv ~/x null', ruleId: R },
  { cmd: 'sudo mv x /dev/null', ruleId: R },
  { cmd: '/bin/mv x /dev/null', ruleId: R },
  { cmd: "m''v x /dev/null", ruleId: R },
  { cmd: "bash -c 'mv x /dev/null'", ruleId: R },
  { cmd: 'echo $(mv x /dev/null)', ruleId: R },
  { cmd: 'find . -name "*.bak" -exec mv {} /dev/null \\;', ruleId: R },
  { cmd: 'ls && mv x /dev/null', ruleId: R },
];

tableTests(valid, invalid, 'deny');
