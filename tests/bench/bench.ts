// `npm run bench`: speed budgets of DESIGN.md, measured side by side on this machine and printed as
// ratios. Not a test: numbers vary by machine; the ratios are what the budgets are about.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../lib/shell/analyze.js';
import { evaluate } from '../../lib/pipeline.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median wall time (ms) and peak RSS (KiB, from /usr/bin/time if present) of a command with stdin. */
function timeProcess(args: string[], input: string, env: NodeJS.ProcessEnv): { ms: number; rssKiB: number | undefined } {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { input, env, stdio: ['pipe', 'ignore', 'ignore'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= WARMUP) times.push(ms);
  }
  let rssKiB: number | undefined;
  if (fs.existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { input, env, encoding: 'utf8' });
    const last = r.stderr.trim().split('\n').at(-1);
    rssKiB = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
  }
  return { ms: median(times), rssKiB };
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-'));
const env = { PATH: process.env.PATH ?? '', HOME: home };
const pre = JSON.stringify({ session_id: 'b', cwd: home, hook_event_name: 'PreToolUse', permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command: 'git status --short && ls -la src' } });
const start = JSON.stringify({ session_id: 'b', cwd: home, hook_event_name: 'SessionStart', source: 'startup' });

const node = timeProcess(['-e', '0'], '', env);
const hook = timeProcess([path.join(DIST, 'pre-tool-use.cjs')], pre, env);
const ss = timeProcess([path.join(DIST, 'session-start.cjs')], start, env);

console.log(`runs per figure: ${RUNS} (after ${WARMUP} warm-up)`);
console.log(`node -e 0                      median ${node.ms.toFixed(1)} ms`);
console.log(`PreToolUse, benign Bash        median ${hook.ms.toFixed(1)} ms   ratio to node ${(hook.ms / node.ms).toFixed(2)} (budget ≤ 1.25)   peak RSS ${hook.rssKiB !== undefined ? `${(hook.rssKiB / 1024).toFixed(1)} MiB` : 'n/a'} (budget ≤ 60 MiB)`);
console.log(`SessionStart                   median ${ss.ms.toFixed(1)} ms   ratio to node ${(ss.ms / node.ms).toFixed(2)} (budget ≤ 1.5)`);

// In-process analysis throughput over the rule test tables' commands plus everyday commands.
const corpus = [
  'git status', 'git push --force origin main', 'rm -rf ./build', 'rm -rf ~/', 'ls -la | grep foo', 'npm test',
  'sudo bash -c "rm -rf /"', 'cd .. && rm -rf proj', 'echo "rm -rf /"', 'git commit -m "fix: drop table"',
  'find . -name "*.ts" | xargs wc -l', 'X=/tmp/a; rm -rf "$X"', 'docker compose up -d', 'git reset --hard HEAD~1',
];
const envIn = { home: '/home/u', wardenHome: path.join(home, 'none'), projectDir: '/home/u/p' };
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 1000) {
  for (const c of corpus) {
    analyze(c, { cwd: '/home/u/p', home: '/home/u' });
    n++;
  }
}
const aps = n / ((performance.now() - t0) / 1000);
console.log(`analysis throughput            ${Math.round(aps).toLocaleString('en')} commands/s (budget ≥ 50,000)`);
const t1 = performance.now();
let m = 0;
while (performance.now() - t1 < 1000) {
  for (const c of corpus) {
    evaluate({ tool: 'Bash', input: { command: c }, cwd: '/home/u/p' }, envIn);
    m++;
  }
}
console.log(`full pipeline (policy read)    ${Math.round(m / ((performance.now() - t1) / 1000)).toLocaleString('en')} calls/s`);
fs.rmSync(home, { recursive: true, force: true });
