// core/policy-invalid: raised by the pipeline when a policy file is invalid. Protection stays on:
// guarded tools (Bash, Write, Edit, MCP, …) are held for a human with the error in the reason;
// read-only tools keep running; the shipped defaults still apply, so a deny stays a deny. Locked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAllowed, assertBlocked, decisionFor, type Opts } from '../../helpers.js';

const R = 'core/policy-invalid';
const badPreset = 'version: 1\npreset: extreme\n';
const badUser: Opts = { policy: badPreset };

interface Row {
  name: string;
  cmd: string;
  action?: 'ask' | 'deny';
  opts: Opts;
}

const valid: Row[] = [
  { name: 'Read still runs', cmd: 'x', opts: { ...badUser, tool: 'Read' } },
  { name: 'Grep still runs', cmd: 'x', opts: { ...badUser, tool: 'Grep' } },
  { name: 'Glob still runs', cmd: 'x', opts: { ...badUser, tool: 'Glob' } },
  { name: 'a valid user policy', cmd: 'ls', opts: { policy: 'preset: strict\n' } },
  { name: 'a valid project policy', cmd: 'ls', opts: { projectPolicy: 'preset: paranoid\n' } },
  { name: 'an empty policy file', cmd: 'ls', opts: { policy: '' } },
];

const invalid: Row[] = [
  { name: 'Bash with a bad preset', cmd: 'ls', opts: badUser },
  { name: 'Write with a bad preset', cmd: 'x', opts: { ...badUser, tool: 'Write' } },
  { name: 'Edit with a bad preset', cmd: 'x', opts: { ...badUser, tool: 'Edit' } },
  { name: 'an MCP tool with a bad preset', cmd: 'x', opts: { ...badUser, tool: 'mcp__slack__post_message' } },
  { name: 'a YAML syntax error', cmd: 'ls', opts: { policy: 'preset: [standard\n' } },
  { name: 'an unknown key', cmd: 'ls', opts: { policy: 'presets: strict\n' } },
  { name: 'an unknown rule id in overrides', cmd: 'ls', opts: { policy: 'overrides:\n  git/push-forced: deny\n' } },
  { name: 'switching off the locked core pack', cmd: 'ls', opts: { policy: 'packs:\n  core: false\n' } },
  { name: 'a custom rule regex that does not compile', cmd: 'ls', opts: { policy: "custom_rules:\n  - id: x\n    regex: '('\n    action: deny\n    message: m\n" } },
  { name: 'an invalid project policy', cmd: 'ls', opts: { projectPolicy: 'preset: extreme\n' } },
  { name: 'on_error: deny in a valid project file', cmd: 'ls', action: 'deny', opts: { ...badUser, projectPolicy: 'on_error: deny\n' } },
  {
    name: 'locked: a valid project file cannot lower it',
    cmd: 'ls',
    opts: { ...badUser, projectPolicy: 'overrides:\n  core/policy-invalid: allow\n' },
  },
];

for (const c of valid) {
  void test(c.name, () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(c.name, () => {
    assertBlocked(c.cmd, R, { ...c.opts, action: c.action ?? 'ask', messageId: 'invalid' });
  });
}

void test('the reason names the file, the line and the problem', () => {
  const d = decisionFor('ls', badUser);
  const f = d.findings.find((x) => x.ruleId === R);
  assert.ok(f);
  assert.match(f.message, /policy\.yaml:2: preset: expected standard\|strict\|paranoid/);
  assert.match(d.reason, /warden doctor/);
});

void test('the built-in defaults still apply: a deny stays a deny', () => {
  const d = assertBlocked('git push -f origin main', 'git/push-force', { ...badUser, action: 'deny' });
  assert.ok(d.findings.some((f) => f.ruleId === R));
});

void test('the invalid layer is dropped, not half-applied', () => {
  // `packs: {git: false}` would switch git rules off, but the file is invalid as a whole.
  assertBlocked('git push -f', 'git/push-force', { policy: 'packs:\n  git: false\npreset: extreme\n', action: 'deny' });
});
