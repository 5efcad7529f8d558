// disk/kill-all: `kill … -1` (every process), signals to PID 1 and killall5 are denied; killing a
// given process, listing signals and `kill -0` checks pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/kill-all';

const valid: Valid[] = [
  { cmd: 'kill 1234' },
  { cmd: 'kill -9 1234' },
  { cmd: 'kill -TERM 4321 4322' },
  { cmd: 'kill -s HUP 1234' },
  { cmd: 'kill %1' },
  { cmd: 'kill -1', note: 'signal 1 and no process: an error' },
  { cmd: 'kill -HUP 12', note: 'pid 12, not 1' },
  { cmd: 'kill -0 1', note: 'signal 0 only checks' },
  { cmd: 'kill -0 -1' },
  { cmd: 'kill -l' },
  { cmd: 'kill -l 9' },
  { cmd: 'kill -9 $(pgrep -f "node server.js")' },
  { cmd: 'kill "$PID"' },
  { cmd: 'pkill -f "vite --port 5173"' },
  { cmd: '$CMD 1', note: 'a program warden cannot name' },
  { cmd: 'head -1 file' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "kill -9 -1"' },
  { cmd: "printf 'kill -KILL 1\\n'" },
  { cmd: 'grep -rn "kill -9 -1" docs/' },
  { cmd: 'git commit -m "never kill -9 -1"' },
  { cmd: 'ls # kill -9 -1' },
  { cmd: 'cat <<EOF > notes.md\nkill -9 -1\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'kill -9 -1', ruleId: R, messageId: 'all' },
  { cmd: 'kill -KILL -1', ruleId: R, messageId: 'all' },
  { cmd: 'kill -SIGKILL -1', ruleId: R },
  { cmd: 'kill -s KILL -1', ruleId: R },
  { cmd: 'kill -n 9 -1', ruleId: R },
  { cmd: 'kill -- -1', ruleId: R },
  { cmd: 'kill -9 -- -1', ruleId: R },
  { cmd: 'kill -TERM -1', ruleId: R },
  { cmd: 'kill -1 -1', note: 'HUP to every process', ruleId: R },
  { cmd: 'kill -9 1234 -1', ruleId: R },
  { cmd: 'kill -KILL 1', ruleId: R, messageId: 'init' },
  { cmd: 'kill -9 1', ruleId: R, messageId: 'init' },
  { cmd: 'kill 1', ruleId: R, messageId: 'init' },
  { cmd: 'killall5', ruleId: R, messageId: 'all' },
  { cmd: 'killall5 -9', ruleId: R },
  { cmd: 'sudo kill -9 -1', ruleId: R },
  { cmd: '/bin/kill -9 -1', ruleId: R },
  { cmd: "k''ill -9 -1", ruleId: R },
  { cmd: "bash -c 'kill -9 -1'", ruleId: R },
  { cmd: 'echo $(kill -9 -1)', ruleId: R },
  { cmd: 'P=-1; kill -9 $P', ruleId: R },
  { cmd: 'sleep 1 && kill -9 -1', ruleId: R },
];

tableTests(valid, invalid, 'deny');
