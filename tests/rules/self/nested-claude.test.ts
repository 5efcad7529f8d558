// self/nested-claude: a nested Claude Code runs its own hooks — unless it is started without them
// or with other settings. Those starts are denied through every wrapper the analysis follows; a
// plain `claude -p "…"` runs.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'self/nested-claude';

const valid: Valid[] = [
  { cmd: 'claude -p "summarize README.md"' },
  { cmd: 'claude -p "explain --bare mode" --output-format json', note: 'the flag inside the prompt' },
  { cmd: 'claude --version' },
  { cmd: 'claude mcp list' },
  { cmd: 'claude --model sonnet -p hi' },
  { cmd: 'claude --permission-mode acceptEdits -p "fix the tests"' },
  { cmd: 'claude --append-system-prompt "--settings are documented" -p hi', note: 'a value that looks like a flag' },
  { cmd: 'npx @anthropic-ai/claude-code -p hi' },
  { cmd: 'echo claude --bare', note: 'text' },
  { cmd: 'grep -- --bare docs/cli.md' },
  { cmd: 'git commit -m "document claude --bare"' },
  { cmd: 'node scripts/build.mjs --bare', note: 'another program’s flag' },
  { cmd: 'npm test -- --settings x.json' },
  { cmd: 'CLAUDE_CONFIG_DIR=~/.claude claude -p hi', note: 'the same configuration directory' },
  { cmd: 'CLAUDE_CODE_SIMPLE=0 claude -p hi', note: 'switched off' },
  { cmd: 'echo $CLAUDE_CONFIG_DIR' },
  { cmd: 'export CLAUDE_CONFIG_DIR=/tmp/c', note: 'nothing runs with it' },
  { cmd: 'my-tool --settings x.json', note: 'not Claude Code' },
];

const invalid: Invalid[] = [
  { cmd: 'claude --bare -p "touch /tmp/canary"', ruleId: R, messageId: 'flag', action: 'deny' },
  { cmd: 'claude --safe-mode -p hi', ruleId: R },
  { cmd: 'claude --settings /tmp/s.json -p hi', ruleId: R },
  { cmd: `claude --settings '{"disableAllHooks":true}' -p hi`, ruleId: R },
  { cmd: 'claude --settings=/tmp/s.json -p hi', ruleId: R },
  { cmd: 'claude --setting-sources project -p hi', ruleId: R },
  { cmd: 'claude --restricted -p hi', ruleId: R },
  { cmd: 'claude --dangerously-skip-permissions -p hi', ruleId: R },
  { cmd: 'claude --allow-dangerously-skip-permissions -p hi', ruleId: R },
  { cmd: 'claude --permission-mode bypassPermissions -p hi', ruleId: R },
  { cmd: 'claude --permission-mode=bypassPermissions -p hi', ruleId: R },
  { cmd: 'claude.exe --bare -p hi', ruleId: R },
  { cmd: '/usr/local/bin/claude --bare -p hi', ruleId: R },
  { cmd: '~/.local/bin/claude -p hi --bare', ruleId: R, note: 'flag after the prompt' },
  { cmd: 'npx @anthropic-ai/claude-code --bare -p hi', ruleId: R },
  { cmd: 'npx -y @anthropic-ai/claude-code@latest --safe-mode -p hi', ruleId: R },
  { cmd: 'npx --package @anthropic-ai/claude-code claude --bare -p hi', ruleId: R },
  { cmd: 'pnpm dlx @anthropic-ai/claude-code --bare -p hi', ruleId: R },
  { cmd: 'npm exec -- @anthropic-ai/claude-code --bare -p hi', ruleId: R },
  { cmd: 'bunx @anthropic-ai/claude-code --bare -p hi', ruleId: R },
  { cmd: 'node node_modules/@anthropic-ai/claude-code/cli-wrapper.cjs --bare -p hi', ruleId: R },
  { cmd: 'node_modules/.bin/claude --bare -p hi', ruleId: R },
  { cmd: "bash -c 'claude --bare -p hi'", ruleId: R },
  { cmd: 'sh -c "cd /tmp && claude --safe-mode -p hi"', ruleId: R },
  { cmd: 'timeout 60 nohup claude --bare -p hi &', ruleId: R },
  { cmd: 'sudo -u me env FOO=1 claude --bare -p hi', ruleId: R },
  { cmd: 'echo hi | xargs claude --bare -p', ruleId: R },
  { cmd: `python3 -c "import subprocess; subprocess.run(['claude', '--bare', '-p', 'hi'])"`, ruleId: R },
  { cmd: 'C=claude; $C --bare -p hi', ruleId: R, note: 'a variable the analysis resolves' },
  { cmd: '$(which claude) --bare -p hi', ruleId: R, note: 'a program warden cannot name' },
  { cmd: 'CLAUDE_CONFIG_DIR=/tmp/c claude -p hi', ruleId: R, messageId: 'variable' },
  { cmd: 'env CLAUDE_CONFIG_DIR=/tmp/c claude -p hi', ruleId: R, messageId: 'variable' },
  { cmd: 'export CLAUDE_CONFIG_DIR=/tmp/c; claude -p hi', ruleId: R, messageId: 'variable' },
  { cmd: 'CLAUDE_CONFIG_DIR=/tmp/c bash -c "claude -p hi"', ruleId: R, messageId: 'variable', note: 'handed down through a shell' },
  { cmd: 'CLAUDE_CODE_SIMPLE=1 claude -p hi', ruleId: R, messageId: 'variable' },
  { cmd: 'CLAUDE_CODE_SAFE_MODE=true npx @anthropic-ai/claude-code -p hi', ruleId: R, messageId: 'variable' },
  { cmd: 'CLAUDE_CONFIG_DIR=$D claude -p hi', ruleId: R, messageId: 'variable', note: 'a folder warden cannot know' },
  { cmd: 'claude --bare -p hi', note: 'locked', ruleId: R, action: 'deny', opts: { projectPolicy: 'overrides: { self/nested-claude: allow }\n', policy: 'allow:\n  commands: [{ pattern: "claude *" }]\n' } },
];

tableTests(valid, invalid);
