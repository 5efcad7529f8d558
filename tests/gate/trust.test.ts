// The trust store: scores move with outcomes and decay toward the initial value; a corrupt store
// scores everything 0 and refuses updates; 40 hook processes updating at once lose nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gateSettings } from '../../lib/gate/policy.js';
import { StateError } from '../../lib/gate/state.js';
import { decayed, listTrust, recordTrust, resetAllTrust, resetTrust, setTrust, trustFile, trustOf } from '../../lib/gate/trust.js';
import { UNRESOLVED } from '../../lib/gate/service.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { swarm } from '../concurrency/swarm.js';

const T = gateSettings(PolicySchema.parse({})).trust;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

const roots: string[] = [];
function home(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-trust-'));
  roots.push(d);
  return d;
}
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

void test('a service never seen has the initial score and no history', () => {
  const r = trustOf(home(), 'example.com', T, NOW);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.view, { service: 'example.com', score: T.initial, successes: 0, failures: 0, rejections: 0, last_used: null, known: false });
});

void test('success raises, failure lowers, a rejection lowers hard; counters and last use are kept', () => {
  const h = home();
  assert.deepEqual(recordTrust(h, 'example.com', 'success', T, NOW), { service: 'example.com', before: 0.2, after: 0.25 });
  assert.deepEqual(recordTrust(h, 'example.com', 'success', T, NOW), { service: 'example.com', before: 0.25, after: 0.3 });
  assert.deepEqual(recordTrust(h, 'example.com', 'failure', T, NOW), { service: 'example.com', before: 0.3, after: 0.2 });
  assert.deepEqual(recordTrust(h, 'example.com', 'rejection', T, NOW + 1000), { service: 'example.com', before: 0.2, after: 0 });
  const v = trustOf(h, 'example.com', T, NOW + 1000).view;
  assert.equal(v.successes, 2);
  assert.equal(v.failures, 1);
  assert.equal(v.rejections, 1);
  assert.equal(v.last_used, new Date(NOW).toISOString(), 'a rejection is not a use');
  assert.equal(v.known, true);
});

void test('scores stay within [0, 1]', () => {
  const h = home();
  setTrust(h, 'a.example', 0.98, T, NOW);
  assert.equal(recordTrust(h, 'a.example', 'success', T, NOW)?.after, 1);
  setTrust(h, 'b.example', 0.1, T, NOW);
  assert.equal(recordTrust(h, 'b.example', 'rejection', T, NOW)?.after, 0);
});

void test('scores decay toward the initial value with the half-life', () => {
  const h = home();
  setTrust(h, 'example.com', 1, T, NOW);
  const half = T.initial + (1 - T.initial) / 2;
  assert.ok(Math.abs(trustOf(h, 'example.com', T, NOW + T.halfLifeDays * DAY).view.score - half) < 1e-6);
  assert.ok(Math.abs(trustOf(h, 'example.com', T, NOW + 2 * T.halfLifeDays * DAY).view.score - (T.initial + (1 - T.initial) / 4)) < 1e-6);
  setTrust(h, 'low.example', 0, T, NOW);
  assert.ok(Math.abs(trustOf(h, 'low.example', T, NOW + T.halfLifeDays * DAY).view.score - T.initial / 2) < 1e-6, 'a low score climbs back toward initial');
  // The next event starts from the decayed score.
  assert.equal(recordTrust(h, 'example.com', 'success', T, NOW + T.halfLifeDays * DAY)?.before, Math.round(half * 1e6) / 1e6);
  assert.equal(decayed({ score: 0.9, updated: new Date(NOW).toISOString() }, { ...T, halfLifeDays: 0 }, NOW + 1000 * DAY), 0.9, 'half_life_days 0 never decays');
});

void test('set, show, list and reset', () => {
  const h = home();
  setTrust(h, 'github.com', 0.6, T, NOW);
  setTrust(h, 'mcp:slack', 0.9, T, NOW + 1000);
  recordTrust(h, 'mcp:slack', 'success', T, NOW + 2000);
  assert.deepEqual(
    listTrust(h, T, NOW + 2000).map((v) => v.service),
    ['mcp:slack', 'github.com'],
  );
  assert.equal(resetTrust(h, 'github.com'), true);
  assert.equal(resetTrust(h, 'github.com'), false);
  assert.equal(trustOf(h, 'github.com', T, NOW).view.known, false);
  assert.throws(() => setTrust(h, 'github.com', 1.5, T, NOW), /from 0 to 1/);
  assert.throws(() => setTrust(h, 'not a key', 0.5, T, NOW), /not a service key/);
  assert.throws(() => setTrust(h, UNRESOLVED, 0.9, T, NOW), /always needs a human/);
});

void test('targets warden cannot name have no record and score 0', () => {
  const h = home();
  assert.equal(recordTrust(h, UNRESOLVED, 'success', T, NOW), undefined);
  assert.equal(trustOf(h, UNRESOLVED, T, NOW).view.score, 0);
  assert.equal(fs.existsSync(trustFile(h).file), false);
});

void test('the store file is private (0600 in a 0700 directory)', () => {
  const h = home();
  recordTrust(h, 'example.com', 'success', T, NOW);
  assert.equal(fs.statSync(trustFile(h).file).mode & 0o777, 0o600);
  assert.equal(fs.statSync(path.dirname(trustFile(h).file)).mode & 0o777, 0o700);
});

for (const [what, content] of [
  ['not JSON', '{"version": 1, "services": {'],
  ['the wrong shape', '{"version": 1, "services": {"github.com": {"score": 7}}}'],
  ['an unknown version', '{"version": 2, "services": {}}'],
] as const) {
  void test(`a store that is ${what} scores every service 0, refuses updates, and reset --all recovers`, () => {
    const h = home();
    fs.mkdirSync(path.dirname(trustFile(h).file), { recursive: true });
    fs.writeFileSync(trustFile(h).file, content);
    const r = trustOf(h, 'github.com', T, NOW);
    assert.equal(r.view.score, 0);
    assert.match(r.error ?? '', /trust\.json/);
    assert.throws(() => recordTrust(h, 'github.com', 'success', T, NOW), StateError);
    assert.equal(fs.readFileSync(trustFile(h).file, 'utf8'), content, 'the corrupt file is left for a human');
    resetAllTrust(h);
    assert.equal(trustOf(h, 'github.com', T, NOW).view.score, T.initial);
  });
}

void test('40 hook processes recording at once lose no update', async () => {
  const dist = fileURLToPath(new URL('../../dist/post-tool-use.cjs', import.meta.url));
  assert.ok(fs.existsSync(dist), 'dist/post-tool-use.cjs missing: run `npm run build` first (npm test does)');
  const root = home();
  const HOME = path.join(root, 'home');
  fs.mkdirSync(HOME);
  const wardenHome = path.join(HOME, '.claude', 'warden');
  const input = JSON.stringify({
    session_id: 's',
    cwd: root,
    hook_event_name: 'PostToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'curl -X POST -d x=1 https://api.example.com/items' },
    tool_response: { stdout: '', stderr: '', interrupted: false },
  });
  const N = 40;
  const { results } = await swarm(dist, Array.from({ length: N }, () => input), { PATH: process.env.PATH ?? '', HOME });
  for (const r of results) {
    const out = `${r.stdout}${r.stderr}`;
    assert.equal(r.code, 0, out);
    assert.equal(out, '{}', 'no hook reported a failure');
  }
  const v = trustOf(wardenHome, 'example.com', T).view;
  assert.equal(v.successes, N, `lost ${N - v.successes} of ${N} updates`);
  assert.ok(v.score > 0.999, `each success raised the score (to 1, less the decay of a few seconds): ${v.score}`);
  assert.deepEqual(fs.readdirSync(path.dirname(trustFile(wardenHome).file)).filter((f) => f.includes('.lock') || f.includes('tmp')), [], 'no lock or temp file left behind');
});
