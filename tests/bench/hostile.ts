// `npm run bench`, hostile input (DESIGN.md budget: a decision in < 2 s, memory bounded): each row of
// tests/hostile/inputs.ts through the built PreToolUse hook with its exact bytes on stdin — wall
// time, peak RSS (from /usr/bin/time -f %M where it exists) and the verdict — and, where the row is
// a well-formed Bash event, through the pipeline in-process. tests/hostile asserts the verdicts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate, type Env } from '../../lib/pipeline.js';
import { HOSTILE } from '../hostile/inputs.js';

export const HOSTILE_BUDGET_MS = 2000;
const TIME = '/usr/bin/time';

export interface HostileFigure {
  name: string;
  hookMs: number;
  rssKiB: number | undefined;
  verdict: string;
  inProcessMs: number | undefined;
}

function commandOf(stdin: Buffer): string | undefined {
  try {
    const command = (JSON.parse(stdin.toString('utf8')) as { tool_input?: { command?: unknown } }).tool_input?.command;
    return typeof command === 'string' ? command : undefined;
  } catch {
    return undefined;
  }
}

export function hostileFigures(dist: string, env: Env): HostileFigure[] {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-hostile-'));
  const hookEnv = { PATH: process.env.PATH ?? '', HOME: home, WARDEN_HOME: path.join(home, 'warden') };
  const withTime = fs.existsSync(TIME);
  try {
    return HOSTILE.map((h) => {
      const stdin = h.stdin();
      const args = [path.join(dist, 'pre-tool-use.cjs')];
      const t = performance.now();
      const r = withTime
        ? spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { input: stdin, env: hookEnv, encoding: 'utf8', maxBuffer: 64 << 20 })
        : spawnSync(process.execPath, args, { input: stdin, env: hookEnv, encoding: 'utf8', maxBuffer: 64 << 20 });
      const hookMs = performance.now() - t;
      const last = withTime ? r.stderr.trim().split('\n').at(-1) : undefined;
      const rssKiB = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
      const verdict = r.status !== 0 && r.status !== 2 ? `exit ${r.status}` : (/"permissionDecision":"(\w+)"/.exec(r.stdout)?.[1] ?? 'allow') + (r.status === 2 ? ' (exit 2)' : '');
      const command = commandOf(stdin);
      let inProcessMs: number | undefined;
      if (command !== undefined) {
        const ti = performance.now();
        evaluate({ tool: 'Bash', input: { command }, cwd: env.projectDir }, env);
        inProcessMs = performance.now() - ti;
      }
      return { name: h.name, hookMs, rssKiB, verdict, inProcessMs };
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export function printHostile(figures: readonly HostileFigure[]): void {
  console.log('');
  console.log(`hostile input (tests/hostile/inputs.ts) through the PreToolUse hook; budget < ${HOSTILE_BUDGET_MS} ms each`);
  for (const f of figures) {
    const over = f.hookMs >= HOSTILE_BUDGET_MS ? '  OVER BUDGET' : '';
    const rss = f.rssKiB !== undefined ? `${(f.rssKiB / 1024).toFixed(0).padStart(4)} MiB` : '   n/a';
    const inProc = f.inProcessMs !== undefined ? `${f.inProcessMs.toFixed(0).padStart(5)} ms` : '      -';
    console.log(`  ${f.name.slice(0, 56).padEnd(56)} hook ${f.hookMs.toFixed(0).padStart(5)} ms  peak RSS ${rss}  in-process ${inProc}  ${f.verdict}${over}`);
  }
  const worst = figures.reduce((a, b) => (b.hookMs > a.hookMs ? b : a));
  const rssMax = Math.max(...figures.map((f) => f.rssKiB ?? 0));
  console.log(`  slowest ${worst.hookMs.toFixed(0)} ms (${worst.name}); largest peak RSS ${rssMax > 0 ? `${(rssMax / 1024).toFixed(0)} MiB` : 'n/a'}`);
}
