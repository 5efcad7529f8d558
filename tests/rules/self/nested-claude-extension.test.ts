// self/nested-claude-extension: plugins and MCP servers bring commands Claude Code runs itself,
// outside warden's check; loading or adding them is the human's call (ask).

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'self/nested-claude-extension';

const valid: Valid[] = [
  { cmd: 'claude plugin list' },
  { cmd: 'claude mcp list' },
  { cmd: 'claude mcp get github' },
  { cmd: 'claude -p "install the plugin docs"' },
  { cmd: 'ls plugins/ --plugin-dir', note: 'not Claude Code' },
];

const invalid: Invalid[] = [
  { cmd: 'claude --plugin-dir ./p -p hi', ruleId: R, messageId: 'flag', action: 'ask' },
  { cmd: 'claude --plugin-url https://example.com/p.zip -p hi', ruleId: R, messageId: 'flag' },
  { cmd: 'claude --mcp-config servers.json -p hi', ruleId: R, messageId: 'flag' },
  { cmd: 'npx @anthropic-ai/claude-code --plugin-dir=./p -p hi', ruleId: R, messageId: 'flag' },
  { cmd: 'claude plugin install formatter@tools', ruleId: R, messageId: 'add', action: 'ask' },
  { cmd: 'claude plugins enable formatter@tools', ruleId: R, messageId: 'add' },
  { cmd: 'claude plugin marketplace add owner/repo', ruleId: R, messageId: 'add' },
  { cmd: 'claude mcp add fs -- npx some-server', ruleId: R, messageId: 'add' },
  { cmd: `claude mcp add-json fs '{"command":"node","args":["x.js"]}'`, ruleId: R, messageId: 'add' },
  { cmd: "bash -c 'claude --mcp-config x.json -p hi'", ruleId: R },
  { cmd: 'claude --plugin-dir ./p -p hi', ruleId: R, action: 'ask', note: 'locked', opts: { projectPolicy: 'overrides: { self/nested-claude-extension: allow }\n' } },
  { cmd: 'claude --plugin-dir ./p -p hi', ruleId: R, action: 'deny', note: 'the user may make it stricter', opts: { policy: 'overrides: { self/nested-claude-extension: deny }\n' } },
];

tableTests(valid, invalid);
