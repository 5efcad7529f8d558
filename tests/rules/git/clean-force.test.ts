// git/clean-force: `git clean -f` deletes untracked files for good; `-n` only lists them. With
// `clean.requireForce` off, plain `git clean` deletes too.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/clean-force';

const valid: Valid[] = [
  { cmd: 'git clean -n' },
  { cmd: 'git clean -nd' },
  { cmd: 'git clean -fn' },
  { cmd: 'git clean --dry-run -f' },
  { cmd: 'git clean' },
  { cmd: 'git clean -e .env -n' },
  { cmd: 'git -c clean.requireForce=true clean -d' },
  { cmd: 'echo "git clean -fdx"' },
  { cmd: 'git commit -m "stop running git clean -fdx"' },
  { cmd: 'ls # git clean -f' },
  { cmd: 'cat <<EOF > notes.md\ngit clean -fdx\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'git clean -f', ruleId: R, messageId: 'force' },
  { cmd: 'git clean -fd', ruleId: R },
  { cmd: 'git clean -df', ruleId: R },
  { cmd: 'git clean -fdx', ruleId: R },
  { cmd: 'git clean -xdf', ruleId: R },
  { cmd: 'git clean -ffdx', ruleId: R },
  { cmd: 'git clean --force', ruleId: R },
  { cmd: 'git clean -d --force -- src/', ruleId: R },
  { cmd: 'git clean --forc -d', ruleId: R },
  { cmd: 'git clean -e -n -f', note: '-n is the exclude pattern here', ruleId: R },
  { cmd: 'git -c clean.requireForce=false clean -d', ruleId: R },
  { cmd: 'git -c clean.requireforce=no clean', ruleId: R },
  { cmd: 'git -C sub clean -fd', ruleId: R },
  { cmd: 'sudo git clean -fdx', ruleId: R },
  { cmd: '\\git clean -fdx', ruleId: R },
  { cmd: "bash -c 'git clean -fdx'", ruleId: R },
  { cmd: 'git status && git clean -fd', ruleId: R },
  { cmd: 'echo `git clean -f`', ruleId: R },
  { cmd: 'git clean -fdx', note: 'paranoid preset', ruleId: R, action: 'deny', opts: { policy: 'preset: paranoid\n' } },
];

tableTests(valid, invalid, 'ask');
