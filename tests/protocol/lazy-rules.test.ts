// The rule packs the PreToolUse bundle loads on demand (lib/rules/resident.ts, lib/rules/shipped.ts):
// the built hook, run through the launcher, must fire every lazily loaded rule the corpus makes fire
// in-process, in the same environment; a command none of whose programs has a lazy rule loads no
// pack bundle; a pack bundle that cannot load fails the call closed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { evaluate, envFrom, loadPolicyFor } from '../../lib/pipeline.js';
import { RULE_FOLDERS } from '../../lib/rules/index.js';
import { LAZY_FOLDERS, RESIDENT_RULES } from '../../lib/rules/resident.js';
import { CORPUS } from '../corpus/corpus.js';
import { decisionOf, distCopy, launchHook, preToolUse, tempHome } from './hook-helpers.js';

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function hook(dir: string, command: string, home: string): { code: number | null; decision: string; reason: string } {
  const r = launchHook(dir, 'pre-tool-use', preToolUse(command), { HOME: home });
  const d = decisionOf(r);
  // No decision in well-formed output with exit 0 is an allow.
  return { code: r.code, decision: d.decision ?? (r.code === 0 && r.json !== undefined ? 'allow' : 'none'), reason: d.reason };
}

const residentIds = new Set(RESIDENT_RULES.map((r) => r.id));
const lazyIds = new Set(Object.values(RULE_FOLDERS).flatMap((rules) => rules.map((r) => r.id)).filter((id) => !residentIds.has(id)));

void test('every lazily loaded rule the corpus fires in-process fires in the built hook too, and each lazy pack folder is exercised', () => {
  const dir = distCopy(temps);
  const home = tempHome();
  temps.push(home);
  const env = envFrom({}, os.tmpdir(), home, path.join(home, '.claude', 'warden'));
  const policy = loadPolicyFor(env);
  // For each lazy rule, the first corpus command whose verdict the rule decides in-process.
  const firstFor = new Map<string, string>();
  for (const e of CORPUS) {
    let d;
    try {
      d = evaluate({ tool: 'Bash', input: { command: e.cmd }, cwd: os.tmpdir() }, env, policy);
    } catch {
      continue;
    }
    for (const f of d.findings) if (f.action === d.verdict && lazyIds.has(f.ruleId) && !firstFor.has(f.ruleId)) firstFor.set(f.ruleId, e.cmd);
  }
  const folders = new Set([...firstFor.keys()].map((id) => LAZY_FOLDERS.find((f) => RULE_FOLDERS[f].some((r) => r.id === id))));
  assert.deepEqual([...folders].sort(), [...LAZY_FOLDERS].sort(), 'the corpus exercises every lazy pack folder');
  assert.ok(firstFor.size >= 40, `only ${firstFor.size} lazy rules exercised`);
  const missed: string[] = [];
  for (const [id, cmd] of firstFor) {
    const r = hook(dir, cmd, home);
    if (!r.reason.includes(`[${id}]`)) missed.push(`${id}: ${cmd} → ${r.decision} ${r.reason.slice(0, 200)}`);
  }
  assert.deepEqual(missed, []);
});

void test('a command with no lazy rule for its programs loads no pack bundle; one that has loads only its folder', () => {
  const dir = distCopy(temps);
  const home = tempHome();
  temps.push(home);
  const loaded = (): string[] => fs.readdirSync(dir).filter((f) => /^rules-(?!registry).*\.cjs\.v8cache$/.test(f)).sort();
  assert.equal(hook(dir, 'git status --short && ls -la src', home).decision, 'allow');
  assert.deepEqual(loaded(), []);
  assert.equal(hook(dir, 'terraform destroy -auto-approve', home).decision, 'ask');
  assert.deepEqual(loaded(), ['rules-infra.cjs.v8cache']);
});

void test('a pack bundle that cannot be loaded: deny with exit 2 for a command that needs it, other commands still decided', () => {
  const dir = distCopy(temps);
  const home = tempHome();
  temps.push(home);
  fs.writeFileSync(path.join(dir, 'rules-infra.cjs'), 'this is not javascript {');
  const r = hook(dir, 'terraform plan', home);
  assert.equal(r.code, 2);
  assert.equal(r.decision, 'deny');
  assert.match(r.reason, /rules-infra\.cjs/);
  assert.equal(hook(dir, 'git status', home).decision, 'allow');
});
