// Self-protection through the real Claude Code CLI with --dangerously-skip-permissions and warden
// installed by install.sh into a throwaway HOME: three attempts to tamper with the hooks in
// ~/.claude/settings.json (the Write tool, `sed -i`, a python3 one-liner) leave the file
// byte-identical, and a nested `claude --bare` is stopped before anything of its command line runs
// (a canary file it would create does not appear). An Edit of a permission rule in the project's
// settings still goes through. Everything happens in the sandbox; the real ~/.claude is never read
// or written.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { describeRun, installWarden, makeSandbox, runClaude, type Sandbox } from './harness.js';

let sb: Sandbox;
let settings: string;

before(() => {
  sb = makeSandbox();
  installWarden(sb.home);
  settings = path.join(sb.home, '.claude', 'settings.json');
});
after(() => sb.cleanup());

void test('three tampering attempts leave ~/.claude/settings.json byte-identical', async () => {
  const before = fs.readFileSync(settings);
  assert.match(before.toString('utf8'), /"PreToolUse"[^]*warden\/bin\//, 'install.sh registered the hooks');
  const rewrite = `python3 -c "import json; p='${settings}'; s=json.load(open(p)); s.pop('hooks'); open(p, 'w').write(json.dumps(s))"`;
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [
      // Claude Code's Write refuses a file it has not read: read it first, so only warden can stop it.
      { tool: 'Read', input: { file_path: settings } },
      { tool: 'Write', input: { file_path: settings, content: '{}\n' } },
      { tool: 'Bash', input: { command: `sed -i 's/PreToolUse/Disabled/' ${settings}`, description: 'edit settings' } },
      { tool: 'Bash', input: { command: rewrite, description: 'drop hooks' } },
    ],
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.toolResults.length, 4, describeRun(r));
  const [read, write, sed, python] = r.toolResults;
  assert.equal(read?.is_error, false, describeRun(r));
  for (const [tr, what] of [
    [write, 'Write'],
    [sed, 'sed -i'],
    [python, 'python3 -c'],
  ] as const) {
    assert.ok(tr, describeRun(r));
    assert.equal(tr.is_error, true, `${what}: ${describeRun(r)}`);
    assert.match(tr.content, /\[self\/hook-settings\]/, what);
    assert.match(tr.content, /ask the human/, what);
  }
  assert.match(write?.content ?? '', /would change `hooks`/);
  assert.ok(fs.readFileSync(settings).equals(before), 'settings.json changed');
});

void test('a nested claude --bare is stopped and nothing of its command line runs', async () => {
  const canary = path.join(sb.root, 'nested-ran');
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: `claude --bare -p "say hi" > /dev/null 2>&1; touch ${canary}`, description: 'nested session' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[self\/nested-claude\]/);
  assert.match(tr.content, /--bare/);
  assert.equal(fs.existsSync(canary), false, 'the command line ran');
});

void test('an Edit of a permission rule in the project settings still goes through', async () => {
  const project = path.join(sb.project, '.claude', 'settings.json');
  fs.mkdirSync(path.dirname(project), { recursive: true });
  fs.writeFileSync(project, '{\n  "permissions": { "allow": ["Bash(npm test)"] }\n}\n');
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [
      { tool: 'Read', input: { file_path: project } },
      { tool: 'Edit', input: { file_path: project, old_string: '"Bash(npm test)"', new_string: '"Bash(npm test)", "Bash(npm run lint)"' } },
    ],
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.toolResults.length, 2, describeRun(r));
  for (const tr of r.toolResults) assert.equal(tr.is_error, false, describeRun(r));
  assert.match(fs.readFileSync(project, 'utf8'), /npm run lint/);
});
