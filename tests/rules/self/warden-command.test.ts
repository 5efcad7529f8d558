// self/warden-command: the warden CLI's state-changing commands belong to the human; the agent may
// explain, list rules, check the install, read and note in the journal, list pending approvals and
// read trust. (approve and trust set/reset are gate/self-approve's.)

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'self/warden-command';

const valid: Valid[] = [
  { cmd: 'warden' },
  { cmd: 'warden --help' },
  { cmd: 'warden --version' },
  { cmd: 'warden explain -- rm -rf build' },
  { cmd: 'warden rules' },
  { cmd: 'warden doctor' },
  { cmd: 'warden journal tail -n 20' },
  { cmd: 'warden journal verify' },
  { cmd: 'warden journal note --decision "x" --rationale "y"' },
  { cmd: 'warden pending --json' },
  { cmd: 'warden trust list' },
  { cmd: 'warden trust show github.com' },
  { cmd: 'node ~/.claude/warden/bin/warden.cjs doctor' },
  { cmd: 'npx tsx lib/cli/bin.ts explain -- ls' },
  { cmd: 'echo "warden uninstall"' },
  { cmd: '$PM install lodash', note: 'a program warden cannot name, with a common word' },
  { cmd: 'npm install', note: 'another program' },
];

const invalid: Invalid[] = [
  { cmd: 'warden reject k7m2qp', ruleId: R, messageId: 'command', action: 'deny' },
  { cmd: 'warden uninstall', ruleId: R },
  { cmd: 'warden uninstall --purge', ruleId: R },
  { cmd: 'warden install', ruleId: R },
  { cmd: 'warden install --project', ruleId: R },
  { cmd: 'warden serve', ruleId: R, note: 'it writes the server token' },
  { cmd: 'warden policy set preset standard', ruleId: R, note: 'any policy command' },
  { cmd: 'warden trust forget github.com', ruleId: R, note: 'a trust verb not known to only read' },
  { cmd: 'warden frobnicate', ruleId: R, note: 'an unknown subcommand' },
  { cmd: '~/.local/bin/warden uninstall', ruleId: R },
  { cmd: 'node ~/.claude/warden/bin/warden.cjs uninstall', ruleId: R },
  { cmd: 'node /work/warden/dist/warden.cjs install', ruleId: R },
  { cmd: 'npx tsx lib/cli/bin.ts reject k7m2qp', ruleId: R },
  { cmd: "bash -c 'warden uninstall'", ruleId: R },
  { cmd: 'W=warden; $W reject k7m2qp', ruleId: R },
  { cmd: '$(which warden) reject k7m2qp', ruleId: R, note: 'a program warden cannot name, with its own word' },
  { cmd: 'warden pending --json | jq -r .[0].id | xargs warden reject', ruleId: R },
  { cmd: 'warden uninstall', note: 'locked', ruleId: R, action: 'deny', opts: { policy: 'overrides: { self/warden-command: allow }\n' } },
];

tableTests(valid, invalid);

void test('approve and trust set/reset are gate/self-approve’s, not raised twice', () => {
  assertNotRaised('warden approve k7m2qp', R);
  assertNotRaised('warden trust set github.com 1', R);
  assertBlocked('warden approve k7m2qp', 'gate/self-approve');
  assertNotRaised('warden reject k7m2qp', 'gate/self-approve');
});
