// gate/self-approve: the agent may read approvals and trust, but never grant a held call or raise
// trust itself, however it starts the warden CLI.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'gate/self-approve';

const valid: Valid[] = [
  { cmd: 'warden pending' },
  { cmd: 'warden pending --json' },
  { cmd: 'warden trust list' },
  { cmd: 'warden trust show github.com --json' },
  { cmd: 'warden explain -- curl -X POST https://api.example.com' },
  { cmd: 'warden journal note --decision "x" --rationale "y"' },
  { cmd: 'echo "run warden approve k7m2qp"' },
  { cmd: 'git commit -m "warden approve flow"' },
  { cmd: 'node build.js approve' },
  { cmd: 'node --version' },
];

const invalid: Invalid[] = [
  { cmd: 'warden approve k7m2qp', ruleId: R, messageId: 'approve', action: 'deny' },
  { cmd: '~/.local/bin/warden approve k7m2qp', ruleId: R },
  { cmd: 'node ~/.claude/warden/bin/warden.cjs approve k7m2qp', ruleId: R },
  { cmd: 'node --no-warnings /home/agent/.claude/warden/bin/warden.cjs approve k7m2qp', ruleId: R },
  { cmd: 'npx tsx lib/cli/bin.ts approve k7m2qp', ruleId: R, note: 'through npx and tsx' },
  { cmd: 'npx warden approve k7m2qp', ruleId: R },
  { cmd: 'env -u CLAUDECODE warden approve k7m2qp', ruleId: R, note: 'unsetting the session marker' },
  { cmd: 'CLAUDECODE= warden approve k7m2qp', ruleId: R },
  { cmd: 'sudo -u me warden approve k7m2qp', ruleId: R },
  { cmd: "bash -c 'warden approve k7m2qp'", ruleId: R },
  { cmd: 'W=warden; $W approve k7m2qp', ruleId: R, note: 'a variable the analysis resolves' },
  { cmd: '$(which warden) approve k7m2qp', ruleId: R, note: 'a program warden cannot name' },
  { cmd: 'warden pending --json | jq -r .[0].id | xargs warden approve', ruleId: R },
  { cmd: 'warden trust set github.com 1', ruleId: R },
  { cmd: 'warden trust reset github.com', ruleId: R },
  { cmd: 'warden trust reset --all', ruleId: R },
  { cmd: 'warden approve k7m2qp', note: 'a project cannot lower it', ruleId: R, action: 'deny', opts: { projectPolicy: 'overrides: { gate/self-approve: allow }\n' } },
  { cmd: 'warden approve k7m2qp', note: 'nor can the user', ruleId: R, action: 'deny', opts: { policy: 'overrides: { gate/self-approve: allow }\n' } },
];

tableTests(valid, invalid);
