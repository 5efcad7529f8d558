// The gate: and approvals: policy sections, and how a project layer may change them (tighten only,
// unless the user's policy trusts the project).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadPolicy } from '../../lib/policy/load.js';
import { parsePolicyText } from '../../lib/policy/parse.js';

const HOME = '/home/agent';
const PROJECT = '/home/agent/proj';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-gate-policy-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
function load(user: string, project?: string): ReturnType<typeof loadPolicy> {
  const dir = path.join(root, String(n++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'policy.yaml'), user);
  if (project !== undefined) fs.writeFileSync(path.join(dir, 'warden.yaml'), project);
  return loadPolicy({ user: path.join(dir, 'policy.yaml'), project: project === undefined ? undefined : path.join(dir, 'warden.yaml') }, HOME, PROJECT);
}

void test('defaults: a Haiku-class reviewer, 8 s, ANTHROPIC_API_KEY, delete/send/publish always reviewed, 15 min approvals', () => {
  const g = load('').gate;
  assert.equal(g.model, 'claude-haiku-5-5');
  assert.equal(g.timeoutMs, 8000);
  assert.equal(g.apiKeyEnv, 'ANTHROPIC_API_KEY');
  assert.deepEqual([...g.alwaysReview], ['delete', 'send', 'publish']);
  assert.deepEqual(g.trust, { initial: 0.2, approveBelow: 0.3, autoAbove: 0.8, halfLifeDays: 30, success: 0.05, failure: 0.1, rejection: 0.3 });
  assert.equal(g.approvalTtlMinutes, 15);
});

void test("the user's policy sets everything", () => {
  const p = load('gate:\n  model: claude-sonnet-5\n  timeout_ms: 3000\n  always_review: [write]\n  services: { github.com: allow }\n  trust: { approve_below: 0.1, auto_above: 0.5 }\napprovals: { ttl_minutes: 60 }\n');
  assert.deepEqual(p.errors, []);
  assert.equal(p.gate.model, 'claude-sonnet-5');
  assert.equal(p.gate.timeoutMs, 3000);
  assert.deepEqual([...p.gate.alwaysReview], ['write']);
  assert.equal(p.gate.services.get('github.com'), 'allow');
  assert.equal(p.gate.trust.approveBelow, 0.1);
  assert.equal(p.gate.approvalTtlMinutes, 60);
});

const TIGHTEN: readonly [string, string, (p: ReturnType<typeof loadPolicy>) => unknown, unknown][] = [
  ['raises approve_below', 'gate: { trust: { approve_below: 0.5 } }', (p) => p.gate.trust.approveBelow, 0.5],
  ['raises auto_above', 'gate: { trust: { auto_above: 0.95 } }', (p) => p.gate.trust.autoAbove, 0.95],
  ['lowers initial', 'gate: { trust: { initial: 0.05 } }', (p) => p.gate.trust.initial, 0.05],
  ['raises the rejection step', 'gate: { trust: { rejection: 0.6 } }', (p) => p.gate.trust.rejection, 0.6],
  ['adds always_review kinds', 'gate: { always_review: [execute] }', (p) => [...p.gate.alwaysReview].sort(), ['delete', 'execute', 'publish', 'send']],
  ['sets a service floor', 'gate: { services: { github.com: review } }', (p) => p.gate.serviceFloors.get('github.com'), 'review'],
  ['shortens the approval TTL', 'approvals: { ttl_minutes: 5 }', (p) => p.gate.approvalTtlMinutes, 5],
  ['shortens the review cache', 'gate: { cache_ttl_seconds: 10 }', (p) => p.gate.cacheTtlSeconds, 10],
];
for (const [what, yaml, get, want] of TIGHTEN) {
  void test(`a project policy ${what}`, () => {
    const p = load('', yaml);
    assert.deepEqual(p.errors, []);
    assert.deepEqual(get(p), want);
    assert.deepEqual(p.warnings, []);
  });
}

const LOOSEN: readonly [string, string, (p: ReturnType<typeof loadPolicy>) => unknown, unknown, RegExp][] = [
  ['cannot lower approve_below', 'gate: { trust: { approve_below: 0.1 } }', (p) => p.gate.trust.approveBelow, 0.3, /gate\.trust\.approve_below: 0\.1 ignored/],
  ['cannot raise the success step', 'gate: { trust: { success: 0.5 } }', (p) => p.gate.trust.success, 0.05, /gate\.trust\.success/],
  ['cannot pick the model', 'gate: { model: some-cheap-model }', (p) => p.gate.model, 'claude-haiku-5-5', /gate\.model: some-cheap-model ignored/],
  ['cannot pick the key variable', 'gate: { api_key_env: PROJECT_KEY }', (p) => p.gate.apiKeyEnv, 'ANTHROPIC_API_KEY', /gate\.api_key_env/],
  ['cannot allow a service', 'gate: { services: { evil.example: allow } }', (p) => p.gate.serviceFloors.has('evil.example') || p.gate.services.has('evil.example'), false, /gate\.services\.evil\.example: allow ignored/],
  ['cannot lengthen approvals', 'approvals: { ttl_minutes: 600 }', (p) => p.gate.approvalTtlMinutes, 15, /approvals\.ttl_minutes: 600 ignored/],
  ['cannot change the half-life', 'gate: { trust: { half_life_days: 1 } }', (p) => p.gate.trust.halfLifeDays, 30, /half_life_days/],
];
for (const [what, yaml, get, want, warning] of LOOSEN) {
  void test(`a project policy ${what}`, () => {
    const p = load('', yaml);
    assert.deepEqual(get(p), want);
    assert.ok(p.warnings.some((w) => warning.test(w)), p.warnings.join('\n'));
  });
}

void test('a trusted project sets gate values as the user does', () => {
  const p = load(`trusted_projects: [${PROJECT}]\n`, 'gate: { model: claude-sonnet-5, services: { github.com: allow }, trust: { approve_below: 0.1 } }');
  assert.equal(p.gate.model, 'claude-sonnet-5');
  assert.equal(p.gate.services.get('github.com'), 'allow');
  assert.equal(p.gate.trust.approveBelow, 0.1);
});

void test('a raised approve_below pulls auto_above up with it', () => {
  const p = load('gate: { trust: { approve_below: 0.1, auto_above: 0.5 } }', 'gate: { trust: { approve_below: 0.7 } }');
  assert.deepEqual(p.errors, []);
  assert.equal(p.gate.trust.approveBelow, 0.7);
  assert.equal(p.gate.trust.autoAbove, 0.7);
});

const INVALID: readonly [string, RegExp][] = [
  ['gate: { trust: { approve_below: 0.9, auto_above: 0.5 } }', /gate\.trust\.approve_below: approve_below must not be above auto_above/],
  ['gate: { timeout_ms: 60000 }', /gate\.timeout_ms/],
  ['gate: { always_review: [read] }', /gate\.always_review\[0\]/],
  ['gate: { services: { github.com: maybe } }', /gate\.services\.github\.com/],
  ['gate: { api_key_env: "not a name" }', /gate\.api_key_env/],
  ['approvals: { ttl_minutes: 0 }', /approvals\.ttl_minutes/],
];
for (const [yaml, error] of INVALID) {
  void test(`invalid: ${yaml}`, () => {
    const r = parsePolicyText(yaml, 'p.yaml');
    assert.ok(r.errors.some((e) => error.test(e)), r.errors.join('\n'));
  });
}
