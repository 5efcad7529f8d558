// `npx tsx tests/sql/measure.ts` (after `npm run build`): what the SQL guard costs. Not a test:
// numbers vary by machine. Prints, per dialect, the load of its bundle and its first parse in a
// fresh process, then the in-process time to judge a typical statement once loaded, and the
// PreToolUse hook's wall time on a benign command and on SQL commands.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../lib/shell/analyze.js';
import { sqlFacts } from '../../lib/sql/index.js';
import { PARSER_DIALECTS } from '../../lib/sql/parser.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

{
  const file = path.join(DIST, 'sql-engine.cjs');
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const out = spawnSync(process.execPath, ['-e', `const t0=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t0)/1e6)`], { encoding: 'utf8' }).stdout;
    loads.push(Number(out.trim()));
  }
  console.log(`engine bundle sql-engine.cjs  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB   load ${median(loads).toFixed(1)} ms (fresh process, median of 7)`);
}
console.log('dialect bundle, fresh process (median of 7):');
for (const d of PARSER_DIALECTS) {
  const file = path.join(DIST, `sql-${d}.cjs`);
  const script = `const t0=process.hrtime.bigint();const m=require(${JSON.stringify(file)});const t1=process.hrtime.bigint();const p=new m.Parser();p.astify("DELETE FROM users WHERE id = 1");const t2=process.hrtime.bigint();console.log(Number(t1-t0)/1e6, Number(t2-t1)/1e6)`;
  const loads: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 7; i++) {
    const [load = NaN, first = NaN] = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim().split(' ').map(Number);
    loads.push(load);
    firsts.push(first);
  }
  console.log(`  ${`sql-${d}.cjs`.padEnd(20)} ${(fs.statSync(file).size / 1024).toFixed(0).padStart(4)} KiB   load ${median(loads).toFixed(1)} ms   first parse ${median(firsts).toFixed(1)} ms`);
}

console.log('judging one typical statement in-process, parser loaded (lex + parse + classify):');
for (const cmd of [`psql -c 'DELETE FROM users WHERE id = 42'`, `mysql -e "UPDATE orders SET status = 'paid' WHERE id = 7"`, `sqlite3 app.db 'SELECT name FROM users WHERE id = 2'`, `psql -c 'DROP TABLE users'`]) {
  const [sc] = analyze(cmd, { cwd: '/tmp', home: '/tmp' }).commands;
  if (sc === undefined) continue;
  for (let i = 0; i < 50; i++) sqlFacts(sc); // load and warm up
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sqlFacts(sc);
  console.log(`  ${((performance.now() - t0) / n).toFixed(3)} ms   ${cmd}`);
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-sql-measure-'));
const cwd = path.join(home, 'proj');
fs.mkdirSync(cwd);
const env = { PATH: process.env.PATH ?? '', HOME: home };
function wall(args: string[], input: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { input, env, stdio: ['pipe', 'ignore', 'ignore'] });
    if (i >= 3) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}
const hookInput = (command: string): string => JSON.stringify({ session_id: 'm', cwd, hook_event_name: 'PreToolUse', permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command } });
console.log(`PreToolUse hook wall time (median of ${RUNS}):`);
console.log(`  node -e 0                                  ${wall(['-e', '0'], '').toFixed(1)} ms`);
for (const c of ['git status --short && ls -la src', `sqlite3 app.db 'SELECT * FROM users'`, `psql -c 'DELETE FROM users WHERE id = 1'`, `mysql -e 'DROP TABLE users'`]) {
  console.log(`  ${c.padEnd(42)} ${wall([path.join(DIST, 'pre-tool-use.cjs')], hookInput(c)).toFixed(1)} ms`);
}
fs.rmSync(home, { recursive: true, force: true });
