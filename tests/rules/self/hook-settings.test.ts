// self/hook-settings: Claude Code's hooks stay as the human set them. A Write/Edit of a settings
// file is judged on the content it would leave (so `permissions` stay editable); any shell or code
// write, move or delete of one is held; managed settings are never touched.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../../lib/pipeline.js';
import { assertAllowed, assertBlocked, envFor, policyFor, tableTests, type Invalid, type Valid } from '../../helpers.js';
import { assertToolAllowed, assertToolBlocked, fixture, HOOKED, type ToolRow, toolTableTests } from './helpers.js';

const R = 'self/hook-settings';

const valid: Valid[] = [
  { cmd: 'cat ~/.claude/settings.json' },
  { cmd: 'grep hooks ~/.claude/settings.json' },
  { cmd: 'jq .hooks ~/.claude/settings.json' },
  { cmd: 'echo "~/.claude/settings.json"', note: 'text, not a file' },
  { cmd: 'git commit -m "update settings.json"' },
  { cmd: 'git add .claude/settings.json', note: 'staging does not change it' },
  { cmd: 'cp ~/.claude/settings.json /tmp/settings-backup.json', note: 'copying out is reading' },
  { cmd: 'diff .claude/settings.json ~/.claude/settings.json' },
  { cmd: `python3 -c "import json; print(json.load(open('/home/agent/.claude/settings.json'))['hooks'])"`, note: 'code that only reads' },
  { cmd: `node -e "console.log(Object.keys(require('/home/agent/.claude/settings.json')))"` },
  { cmd: 'echo "{}" > config/settings.json', note: 'not a .claude folder' },
  { cmd: 'echo "{}" > .claude/agents/reviewer.md' },
  { cmd: 'echo x > ~/.claude/CLAUDE.md' },
  { cmd: 'cat /etc/claude-code/managed-settings.json' },
  { cmd: 'rm -rf .claude/commands', note: 'another part of .claude' },
];

const invalid: Invalid[] = [
  { cmd: "echo '{}' > ~/.claude/settings.json", ruleId: R, messageId: 'shell', action: 'deny' },
  { cmd: "echo '{\"disableAllHooks\": true}' > ~/.claude/settings.local.json", ruleId: R },
  { cmd: 'echo x >> ~/.claude/settings.json', ruleId: R },
  { cmd: "sed -i 's/PreToolUse/Nothing/' ~/.claude/settings.json", ruleId: R },
  { cmd: "sed -i.bak -e '/hooks/d' .claude/settings.json", ruleId: R, note: 'the project’s' },
  { cmd: "perl -0pi -e 's/\"hooks\"/\"x\"/' ~/.claude/settings.json", ruleId: R },
  { cmd: 'tee ~/.claude/settings.json < /tmp/s.json', ruleId: R },
  { cmd: 'jq "del(.hooks)" ~/.claude/settings.json | sponge ~/.claude/settings.json', ruleId: R },
  { cmd: 'jq "del(.hooks)" ~/.claude/settings.json > /tmp/s && mv /tmp/s ~/.claude/settings.json', ruleId: R },
  { cmd: 'cp /tmp/empty.json ~/.claude/settings.json', ruleId: R },
  { cmd: 'mv ~/.claude/settings.json ~/.claude/settings.json.off', ruleId: R, note: 'moving it away' },
  { cmd: 'rm ~/.claude/settings.json', ruleId: R },
  { cmd: 'rm -rf .claude', ruleId: R, opts: { cwd: '/home/agent' }, note: 'the folder holding it' },
  { cmd: 'truncate -s 0 ~/.claude/settings.json', ruleId: R },
  { cmd: 'truncate -s +1 ~/.claude/settings.json', ruleId: R, note: 'growing it breaks the JSON too' },
  { cmd: 'chmod 000 ~/.claude/settings.json', ruleId: R },
  { cmd: 'ln -sf /tmp/s.json ~/.claude/settings.json', ruleId: R },
  { cmd: 'ln -s ~/.claude/settings.json x && echo >> x', ruleId: R, note: 'a link made to write through' },
  { cmd: 'ln -s ~/.claude claude-config', ruleId: R, note: 'a link to the folder' },
  { cmd: 'dd if=/tmp/s.json of=/home/agent/.claude/settings.json', ruleId: R },
  { cmd: 'rsync -a /tmp/dotclaude/ ~/.claude/', ruleId: R, note: 'syncing into the folder' },
  { cmd: 'cp -r /tmp/dotclaude/. ~/.claude/', ruleId: R },
  { cmd: 'tar xf /tmp/dot.tar -C ~/.claude', ruleId: R },
  { cmd: 'git checkout HEAD~3 -- .claude/settings.json', ruleId: R },
  { cmd: 'git restore .claude/settings.local.json', ruleId: R },
  { cmd: 'vim -c "%s/hooks/x/|wq" ~/.claude/settings.json', ruleId: R },
  { cmd: 'echo x > ~/.claude/$NAME', ruleId: R, note: 'a name warden cannot know' },
  { cmd: 'echo x > $DIR/.claude/settings.json', ruleId: R, note: 'a folder warden cannot know' },
  { cmd: 'cd ~/.claude && echo "{}" > settings.json', ruleId: R },
  { cmd: "bash -c \"sed -i 's/a/b/' ~/.claude/settings.json\"", ruleId: R },
  { cmd: "sudo -u me sh -c 'echo {} > /home/agent/.claude/settings.json'", ruleId: R },
  { cmd: 'echo "{}" | xargs -I{} sh -c "echo {} > ~/.claude/settings.json"', ruleId: R },
  { cmd: 'echo "{}" > /etc/claude-code/managed-settings.json', ruleId: R, messageId: 'managed' },
  { cmd: 'sudo cp /tmp/m.json /etc/claude-code/managed-settings.d/10-off.json', ruleId: R },
  {
    cmd: `python3 -c "import json,os; p=os.path.expanduser('~/.claude/settings.json'); s=json.load(open(p)); s.pop('hooks'); json.dump(s, open(p,'w'))"`,
    ruleId: R,
    messageId: 'code',
  },
  { cmd: `python3 -c "import sys,json; p=sys.argv[1]; s=json.load(open(p)); s['disableAllHooks']=True; open(p,'w').write(json.dumps(s))" ~/.claude/settings.json`, ruleId: R, messageId: 'code', note: 'the file after the code' },
  { cmd: `node -e "const fs=require('fs'); const p=require('os').homedir()+'/.claude/settings.json'; fs.writeFileSync(p, '{}')"`, ruleId: R, messageId: 'code' },
  { cmd: `perl -e 'open(my $f, ">", "/home/agent/.claude/settings.json"); print $f "{}"'`, ruleId: R, messageId: 'code' },
  { cmd: `ruby -e 'File.write(File.join(Dir.home, ".claude", "settings.json"), "{}")'`, ruleId: R, messageId: 'code' },
  { cmd: `python3 -c "import os; os.rename(os.path.expanduser('~/.claude'), '/tmp/c')"`, ruleId: R, note: 'moving the folder in code' },
  { cmd: 'echo x > ~/.claude/settings.json', ruleId: R, action: 'deny', note: 'locked', opts: { projectPolicy: 'overrides: { self/hook-settings: ask }\n' } },
];

/** Edits through the tools, judged on the content they leave (the fixture's files are real). */
const validTools: ToolRow[] = [
  { tool: 'Edit', input: { file_path: '$PROJECT/.claude/settings.json', old_string: '"Bash(npm test)"', new_string: '"Bash(npm test)", "Bash(npm run lint)"' }, fx: true, note: 'a permission rule' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.json', content: '{ "permissions": { "deny": ["Bash(curl *)"] } }\n' }, fx: true, note: 'rewritten without hooks, as before' },
  {
    tool: 'Edit',
    input: { file_path: '$HOME/.claude/settings.json', old_string: '"Bash(npm test)"', new_string: '"Bash(npm test)", "Bash(make)"' },
    fx: true,
    note: 'permissions next to the hooks',
  },
  { tool: 'MultiEdit', input: { file_path: '$HOME/.claude/settings.json', edits: [{ old_string: '"allow"', new_string: '"ask"' }, { old_string: '"ask"', new_string: '"allow"' }] }, fx: true },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/new/settings.json', content: '{}' }, fx: true, note: 'a .claude folder inside a .claude folder is just a file' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.local.json', content: '{ "hooks": {}, "model": "opus" }' }, fx: true, note: 'the same empty hooks' },
  { tool: 'Edit', input: { file_path: '$PROJECT/.claude/nonexistent.json', old_string: 'a', new_string: 'b' }, fx: true },
  { tool: 'Write', input: { file_path: '/home/agent/proj/settings.json', content: 'not json' }, note: 'not in a .claude folder' },
  { tool: 'Read', input: { file_path: '/home/agent/.claude/settings.json' } },
];

const invalidTools: (ToolRow & { messageId: string })[] = [
  { tool: 'Write', input: { file_path: '$HOME/.claude/settings.json', content: '{ "permissions": { "allow": ["Bash(npm test)"] } }' }, fx: true, messageId: 'keys', note: 'hooks dropped' },
  { tool: 'Write', input: { file_path: '/home/agent/.claude/settings.json', content: '{ "disableAllHooks": true }' }, messageId: 'keys', note: 'a file that does not exist yet' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: '"PreToolUse"', new_string: '"Nothing"' }, fx: true, messageId: 'keys', note: 'renaming the event' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: '"permissions"', new_string: '"disableAllHooks": true,\n  "permissions"' }, fx: true, messageId: 'keys', note: 'disableAllHooks' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: '{\n', new_string: '{\n  "env": { "WARDEN_HOME": "/tmp/w" },\n' }, fx: true, messageId: 'keys', note: 'moving warden home' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: '{\n', new_string: '{\n  "statusLine": { "type": "command", "command": "rm -rf ~" },\n' }, fx: true, messageId: 'keys', note: 'a command outside the guard' },
  { tool: 'Edit', input: { file_path: '$PROJECT/.claude/settings.json', old_string: '{\n', new_string: '{\n  "hooks": { "SessionStart": [] },\n' }, fx: true, messageId: 'keys', note: 'adding hooks to a project' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.local.json', content: '{}' }, fx: true, messageId: 'keys', note: 'empty hooks removed' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: '}\n', new_string: '},\n' }, fx: true, messageId: 'unparseable', note: 'a trailing comma' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.json', content: '// comment\n{ "permissions": {} }' }, fx: true, messageId: 'unparseable', note: 'a comment' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.json', content: '{ "hooks": {}, "hooks": { "PreToolUse": [] } }' }, fx: true, messageId: 'unparseable', note: 'a key twice' },
  { tool: 'Write', input: { file_path: '$PROJECT/.claude/settings.json', content: '[]' }, fx: true, messageId: 'unparseable', note: 'not an object' },
  { tool: 'Edit', input: { file_path: '$HOME/.claude/settings.json', old_string: 'no such text', new_string: 'x' }, fx: true, messageId: 'unknown', note: 'text not found' },
  { tool: 'Edit', input: { file_path: '$PROJECT/.claude/settings.json', old_string: '', new_string: '{}' }, fx: true, messageId: 'unknown', note: 'an empty old text on a file with content' },
  { tool: 'NotebookEdit', input: { notebook_path: '$HOME/.claude/settings.json', new_source: '{}' }, fx: true, messageId: 'unknown' },
  { tool: 'Write', input: { file_path: '$PROJECT/notes.json', content: '{}' }, fx: true, messageId: 'keys', note: 'a symlink to the user settings' },
  { tool: 'Write', input: { file_path: '/etc/claude-code/managed-settings.json', content: '{}' }, messageId: 'managed' },
  { tool: 'Write', input: { file_path: 'C:\\Users\\agent\\.claude\\settings.json', content: '{ "disableAllHooks": true }' }, messageId: 'keys', note: 'Windows separators' },
];

tableTests(valid, invalid);
toolTableTests(validTools, invalidTools, R, { action: 'deny' });

void test('the fixture’s user settings hold the hooks the cases above rely on', () => {
  assertToolBlocked({ tool: 'Write', input: { file_path: '$HOME/.claude/settings.json', content: HOOKED.replace('"matcher": "*"', '"matcher": "Read"') }, fx: true }, R, 'keys');
  assertToolAllowed({ tool: 'Write', input: { file_path: '$HOME/.claude/settings.json', content: HOOKED.replace('npm test', 'npm ci') }, fx: true });
});

void test('shell writes through a symlink to the settings', () => {
  assertBlocked('echo "{}" > notes.json', R, fixture().opts);
  assertBlocked("sed -i 's/a/b/' claude-dir/settings.json", R, fixture().opts);
});

void test('with CLAUDE_CONFIG_DIR set, the settings in that folder are guarded too', () => {
  const env = { ...envFor(), claudeConfigDir: '/tmp/cc-config' };
  const d = evaluate({ tool: 'Bash', input: { command: 'echo "{}" > /tmp/cc-config/settings.json' }, cwd: env.projectDir }, env, policyFor());
  assert.equal(d.verdict, 'deny');
  assert.ok(d.findings.some((f) => f.ruleId === R && f.messageId === 'shell'), d.reason);
  assertAllowed('echo "{}" > /tmp/cc-config/settings.json');
});
