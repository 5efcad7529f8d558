// Faults inside warden itself, injected into the real bundles: a copy of dist/ in which one lazily
// loaded part throws when it is loaded. The guard fails closed (deny, exit 2, the cause and a
// pointer to `warden doctor`, journaled); the reviewer fails to a human (ask); an outcome hook
// reports its failure to the user and blocks nothing.
// (An internal deadline, and a handler that throws, are asserted on the runtime in
// tests/protocol/pre-tool-use.test.ts: the hook reads stdin synchronously, so a deadline cannot be
// provoked from outside a spawned bundle.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTrust } from '../../lib/gate/trust.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { allEntries } from '../../lib/journal/read.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { bash, hook, sabotagedDist, sandbox, toolInput, verdictOf } from './helpers.js';

const BROKEN = "throw new Error('sabotaged bundle: load failure');\n";
const T = gateSettings(PolicySchema.parse({})).trust;

void test('the SQL engine fails to load: the guard denies (exit 2), names the cause and warden doctor, and journals it', (t) => {
  const s = sandbox(t);
  const bin = sabotagedDist(s, 'sql-engine.cjs', BROKEN);
  const r = hook(s, 'pre-tool-use.cjs', bash(s, "psql -c 'select 1'"), { bin });
  assert.equal(r.code, 2, r.stdout);
  const v = verdictOf(r);
  assert.equal(v.decision, 'deny');
  assert.match(v.reason, /guard itself failed \(internal error: sabotaged bundle: load failure\)/);
  assert.match(v.reason, /warden doctor/);
  assert.match(r.stderr, /fails closed/);
  const [e] = allEntries(s.journal).entries;
  assert.equal(e?.decision, 'deny');
  assert.match(e?.rationale ?? '', /the guard failed \(sabotaged bundle: load failure\) and failed closed/);
  assert.equal(verifyJournal(s.journal).ok, true);
  // A command that needs no SQL engine is unaffected.
  assert.deepEqual(hook(s, 'pre-tool-use.cjs', bash(s, 'git status'), { bin }).json, {});
});

void test('the reviewer fails to load: a call the gate sends to review is held for a human (ask with an approval id)', (t) => {
  const s = sandbox(t);
  // Between approve_below and auto_above: the write goes to the LLM reviewer.
  setTrust(s.wardenHome, 'example.com', (T.approveBelow + T.autoAbove) / 2, T);
  const bin = sabotagedDist(s, 'gate-review.cjs', BROKEN);
  const r = hook(s, 'pre-tool-use.cjs', bash(s, 'curl -X POST -d a=1 https://api.example.com/items'), { bin, env: { ANTHROPIC_API_KEY: 'sk-test-not-used', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
  assert.equal(r.code, 0, r.stderr);
  const v = verdictOf(r);
  assert.equal(v.decision, 'ask');
  assert.match(v.reason, /the reviewer is unavailable \(.*sabotaged bundle: load failure/);
  assert.match(v.reason, /warden approve [a-z2-9]{6}/);
});

void test('the outcome part of PostToolUse fails to load: the user is told, nothing is blocked', (t) => {
  const s = sandbox(t);
  const bin = sabotagedDist(s, 'gate-outcome.cjs', BROKEN);
  const r = hook(s, 'post-tool-use.cjs', toolInput('PostToolUse', s, 'Bash', { command: 'curl -X POST -d a=1 https://api.example.com/items' }, { tool_response: { stdout: '' } }), { bin });
  assert.equal(r.code, 0);
  assert.equal(r.json?.decision, undefined);
  assert.match(String(r.json?.systemMessage), /warden PostToolUse hook failed \(internal error: sabotaged bundle: load failure\); run `warden doctor`/);
});
