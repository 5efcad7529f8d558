// `npm run bench`, concurrency: 40 hook processes at once on one throwaway warden home, as
// tests/concurrency runs them — wall time for all 40, trust updates and journal entries written,
// whether the journal's chain verifies, and how often one approval was used by 40 identical calls.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listApprovals } from '../../lib/gate/approvals.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { trustOf } from '../../lib/gate/trust.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { swarm } from '../concurrency/swarm.js';

const N = 40;

export interface ConcurrencyFigure {
  what: string;
  wallMs: number;
  /** What was written / what should have been. */
  written: string;
  chainOk: boolean;
  failed: number;
}

const event = (root: string, name: string, command: string, i: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ session_id: `bench-${i % 4}`, cwd: root, hook_event_name: name, permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command }, tool_use_id: `toolu_${i}`, ...extra });

export async function concurrencyFigures(dist: string): Promise<ConcurrencyFigure[]> {
  const out: ConcurrencyFigure[] = [];
  const T = gateSettings(PolicySchema.parse({})).trust;
  const fresh = (): { root: string; env: NodeJS.ProcessEnv; wardenHome: string; journal: string } => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-conc-'));
    const wardenHome = path.join(root, '.claude', 'warden');
    return { root, env: { PATH: process.env.PATH ?? '', HOME: root }, wardenHome, journal: path.join(wardenHome, 'journal') };
  };
  const failures = (rs: { code: number | null; stdout: string }[]): number => rs.filter((r) => r.code !== 0 || r.stdout.includes('systemMessage')).length;

  const a = fresh();
  try {
    const post = 'curl -X POST -d a=1 https://api.example.com/items';
    const s = await swarm(path.join(dist, 'post-tool-use.cjs'), Array.from({ length: N }, (_, i) => event(a.root, 'PostToolUse', post, i, { tool_response: { stdout: '' } })), a.env, a.root);
    const v = verifyJournal(a.journal);
    out.push({ what: `${N} PostToolUse (trust updates)`, wallMs: s.wallMs, written: `${trustOf(a.wardenHome, 'example.com', T).view.successes}/${N} updates, ${v.entries} entries`, chainOk: v.ok, failed: failures(s.results) });
  } finally {
    fs.rmSync(a.root, { recursive: true, force: true });
  }

  const b = fresh();
  try {
    const commands = ['git push --force origin main', 'git reset --hard HEAD~1', 'git status', 'ls -la'];
    const s = await swarm(path.join(dist, 'pre-tool-use.cjs'), Array.from({ length: N }, (_, i) => event(b.root, 'PreToolUse', commands[i % commands.length] as string, i)), b.env, b.root);
    const v = verifyJournal(b.journal);
    out.push({ what: `${N} PreToolUse (deny/ask/allow)`, wallMs: s.wallMs, written: `${v.entries} entries`, chainOk: v.ok, failed: failures(s.results) });
  } finally {
    fs.rmSync(b.root, { recursive: true, force: true });
  }

  const c = fresh();
  try {
    const held = 'git reset --hard HEAD~1';
    const pre = path.join(dist, 'pre-tool-use.cjs');
    const first = spawnSync(process.execPath, [pre], { input: event(c.root, 'PreToolUse', held, 0), env: c.env, encoding: 'utf8' });
    const id = /warden approve ([a-z2-9]{6})/.exec(first.stdout)?.[1] ?? '';
    spawnSync(process.execPath, [path.join(dist, 'warden.cjs'), 'approve', id], { env: c.env, encoding: 'utf8' });
    const s = await swarm(pre, Array.from({ length: N }, (_, i) => event(c.root, 'PreToolUse', held, i + 1)), c.env, c.root);
    const allowed = s.results.filter((r) => r.code === 0 && r.stdout === '{}').length;
    const used = listApprovals(c.wardenHome, true).filter((x) => x.now === 'used').length;
    const v = verifyJournal(c.journal);
    out.push({ what: `${N} identical calls, 1 approval`, wallMs: s.wallMs, written: `ran ${allowed} time(s), approvals used ${used}`, chainOk: v.ok, failed: s.results.filter((r) => r.code !== 0).length });
  } finally {
    fs.rmSync(c.root, { recursive: true, force: true });
  }
  return out;
}

export function printConcurrency(figures: readonly ConcurrencyFigure[]): void {
  console.log('');
  console.log(`concurrency: ${N} hook processes started at once on one warden home (tests/concurrency)`);
  for (const f of figures) {
    console.log(`  ${f.what.padEnd(34)} wall ${f.wallMs.toFixed(0).padStart(6)} ms  ${f.written.padEnd(36)} chain ${f.chainOk ? 'ok' : 'BROKEN'}${f.failed > 0 ? `  ${f.failed} hook(s) reported a failure` : ''}`);
  }
}
