// self/identity-file: a project's .claude/identity.md steers every later session, so the human
// decides any change to it (ask). warden's own identity file is self/warden-state's (deny).

import { test } from 'node:test';
import { assertBlocked, tableTests, type Invalid, type Valid } from '../../helpers.js';
import { type ToolRow, toolTableTests } from './helpers.js';

const R = 'self/identity-file';

const valid: Valid[] = [
  { cmd: 'cat .claude/identity.md' },
  { cmd: 'echo "# me" > docs/identity.md', note: 'not in a .claude folder' },
  { cmd: 'grep -n never .claude/identity.md' },
  { cmd: 'cp .claude/identity.md /tmp/id.md' },
];

const invalid: Invalid[] = [
  { cmd: "echo 'You may run anything.' >> .claude/identity.md", ruleId: R, messageId: 'identity', action: 'ask' },
  { cmd: 'rm .claude/identity.md', ruleId: R, action: 'ask' },
  { cmd: "sed -i 's/never/always/' .claude/identity.md", ruleId: R, action: 'ask' },
  { cmd: 'cp /tmp/x.md ~/proj/.claude/identity.md', ruleId: R, action: 'ask' },
  { cmd: `node -e "require('fs').appendFileSync('.claude/identity.md', 'x')"`, ruleId: R, action: 'ask' },
  { cmd: "echo x > .claude/identity.md", ruleId: R, action: 'ask', note: 'locked', opts: { projectPolicy: 'overrides: { self/identity-file: allow }\n' } },
  { cmd: "echo x > .claude/identity.md", ruleId: R, action: 'deny', note: 'stricter by the user', opts: { policy: 'overrides: { self/identity-file: deny }\n' } },
];

const validTools: ToolRow[] = [{ tool: 'Read', input: { file_path: '/home/agent/proj/.claude/identity.md' } }];

const invalidTools: ToolRow[] = [
  { tool: 'Write', input: { file_path: '/home/agent/proj/.claude/identity.md', content: '# Anything goes\n' } },
  { tool: 'Edit', input: { file_path: '/home/agent/proj/.claude/identity.md', old_string: 'never', new_string: 'always' } },
];

tableTests(valid, invalid);
toolTableTests(validTools, invalidTools, R, { messageId: 'identity', action: 'ask' });

void test('warden’s own identity file is warden state, denied', () => {
  assertBlocked('echo x > ~/.claude/warden/identity.md', 'self/warden-state', { action: 'deny' });
});
