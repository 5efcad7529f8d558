// 40 hook processes at once on one warden home (real bundles, a throwaway HOME), as parallel tool
// calls and several sessions produce them: no trust update is lost, every decision is journaled in
// one unbroken hash chain (`warden journal verify`), and a human's single approval lets exactly one
// of 40 identical held calls through.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { listApprovals } from '../../lib/gate/approvals.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { trustOf } from '../../lib/gate/trust.js';
import { allEntries } from '../../lib/journal/read.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { DIST } from '../protocol/hook-helpers.js';
import { swarm } from './swarm.js';

const N = 40;
const T = gateSettings(PolicySchema.parse({})).trust;
const POST = 'curl -X POST -d a=1 https://api.example.com/items';
const HELD = 'git reset --hard HEAD~1';

interface Home {
  root: string;
  wardenHome: string;
  journal: string;
  env: NodeJS.ProcessEnv;
}

function home(t: TestContext): Home {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-concurrency-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const wardenHome = path.join(root, '.claude', 'warden');
  return { root, wardenHome, journal: path.join(wardenHome, 'journal'), env: { PATH: process.env.PATH ?? '', HOME: root } };
}

const event = (h: Home, name: string, command: string, i: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ session_id: `session-${i % 4}`, cwd: h.root, hook_event_name: name, permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command }, tool_use_id: `toolu_${i}`, ...extra });

const bundle = (name: string): string => {
  const file = path.join(DIST, name);
  assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run build\` first (npm test does)`);
  return file;
};

/** `warden journal verify`, as the user runs it. */
function verify(h: Home): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [bundle('warden.cjs'), 'journal', 'verify'], { env: h.env, cwd: h.root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

void test(`${N} PostToolUse processes at once: no trust update lost, each journaled, the chain verifies`, async (t) => {
  const h = home(t);
  const { results } = await swarm(bundle('post-tool-use.cjs'), Array.from({ length: N }, (_, i) => event(h, 'PostToolUse', POST, i, { tool_response: { stdout: '' } })), h.env, h.root);
  for (const r of results) {
    assert.equal(r.signal, null);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '{}', `a hook reported a failure: ${r.stdout}`);
  }
  const v = trustOf(h.wardenHome, 'example.com', T).view;
  assert.equal(v.successes, N, `lost ${N - v.successes} of ${N} trust updates`);
  const trust = allEntries(h.journal).entries.filter((e) => e.event === 'trust');
  assert.equal(trust.length, N, 'every trust change is journaled');
  // Serialised updates: each starts from the score the previous one left, so below the cap of 1 no
  // two updates end at the same score.
  const below = trust.map((e) => e.trust?.after ?? NaN).filter((x) => x < 1);
  assert.equal(new Set(below).size, below.length, `two updates started from the same score: ${below.join(', ')}`);
  const r = verify(h);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, new RegExp(`${N} entries`));
});

void test(`${N} PreToolUse processes at once (deny, ask, allow): every decision journaled once, the chain verifies`, async (t) => {
  const h = home(t);
  const commands = ['git push --force origin main', HELD, 'git status', 'ls -la'];
  const { results } = await swarm(bundle('pre-tool-use.cjs'), Array.from({ length: N }, (_, i) => event(h, 'PreToolUse', commands[i % commands.length] as string, i)), h.env, h.root);
  for (const r of results) {
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /systemMessage/, 'a journal write failed (lock timeout?)');
  }
  const guard = allEntries(h.journal).entries.filter((e) => e.event === 'guard');
  assert.equal(guard.length, N);
  assert.deepEqual(
    commands.map((c) => guard.filter((e) => e.input === c).length),
    commands.map(() => N / commands.length),
  );
  const r = verify(h);
  assert.equal(r.code, 0, r.out);
});

void test(`one approval, ${N} identical held calls at once: exactly one runs, the others are held again`, async (t) => {
  const h = home(t);
  const pre = bundle('pre-tool-use.cjs');
  const first = spawnSync(process.execPath, [pre], { input: event(h, 'PreToolUse', HELD, 0), env: h.env, cwd: h.root, encoding: 'utf8' });
  const id = /warden approve ([a-z2-9]{6})/.exec(first.stdout)?.[1];
  assert.ok(id !== undefined, first.stdout);
  // The human approves in their own terminal (no CLAUDECODE in the environment).
  const approve = spawnSync(process.execPath, [bundle('warden.cjs'), 'approve', id], { env: h.env, cwd: h.root, encoding: 'utf8' });
  assert.equal(approve.status, 0, `${approve.stdout}${approve.stderr}`);

  const { results } = await swarm(pre, Array.from({ length: N }, (_, i) => event(h, 'PreToolUse', HELD, i + 1)), h.env, h.root);
  const decisions = results.map((r) => {
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecision?: string } }).hookSpecificOutput?.permissionDecision ?? 'allow';
  });
  assert.equal(decisions.filter((d) => d === 'allow').length, 1, `the approval was used ${decisions.filter((d) => d === 'allow').length} times`);
  assert.equal(decisions.filter((d) => d === 'ask').length, N - 1);

  const approvals = listApprovals(h.wardenHome, true);
  assert.deepEqual(
    approvals.filter((a) => a.id === id).map((a) => a.now),
    ['used'],
  );
  assert.equal(approvals.filter((a) => a.now === 'pending').length, 1, 'the held retries share one new pending approval');
  const used = allEntries(h.journal).entries.filter((e) => e.approval?.state === 'used');
  assert.deepEqual(
    used.map((e) => e.approval?.id),
    [id],
  );
  const r = verify(h);
  assert.equal(r.code, 0, r.out);
});
