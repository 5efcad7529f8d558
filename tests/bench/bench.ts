// `npm run bench`: speed budgets of DESIGN.md, measured side by side on this machine and printed as
// ratios. Not a test: numbers vary by machine; the ratios are what the budgets are about.
// The second part scores warden and cc-safety-net (pinned devDependency) on the command corpus of
// tests/corpus: block recall, false-block rate, in-process throughput, and the wall time of each run
// as a Claude Code PreToolUse hook (one process per command, as Claude Code runs it).
// cc-safety-net only analyses the commands (it never runs them); it runs with a throwaway HOME, so
// its defaults apply (standard level, no user or project policy) and its audit log lands there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../lib/shell/analyze.js';
import { evaluate, type Env } from '../../lib/pipeline.js';
import { loadPolicy } from '../../lib/policy/load.js';
import { CORPUS, type Entry } from '../corpus/corpus.js';
import { oneLine, pct, report, score, type Outcome } from '../corpus/score.js';
import { median, printStartup, startupFigures } from './startup.js';
import { hostileFigures, printHostile } from './hostile.js';
import { concurrencyFigures, printConcurrency } from './concurrency.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-'));

printStartup(await startupFigures(RUNS, WARMUP));

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

// Hostile input and concurrency (issue 8): the rows of tests/hostile and tests/concurrency, timed.
printHostile(hostileFigures(DIST, envIn));
printConcurrency(await concurrencyFigures(DIST));

// ---- The command corpus: warden and cc-safety-net side by side ---------------------------------

const CCSN_BIN = fileURLToPath(new URL('../../node_modules/cc-safety-net/dist/bin/cc-safety-net.js', import.meta.url));
const HOOK_SAMPLE = Number(process.env.BENCH_HOOK_SAMPLE ?? 100);
const HOOK_TIMEOUT_MS = 10_000;

// The corpus is written for home /home/agent and project /home/agent/proj. Both guards see real
// (empty, throwaway) directories there: cc-safety-net needs its cwd to exist, and hooks resolve `~`
// from HOME. Commands get the same prefix rewritten; in-process warden keeps the corpus' own paths.
const root = path.join(home, 'corpus');
const agentHome = path.join(root, 'home', 'agent');
const projectDir = path.join(agentHome, 'proj');
const wardenHomeDir = path.join(root, 'warden');
fs.mkdirSync(projectDir, { recursive: true });
fs.mkdirSync(wardenHomeDir, { recursive: true });
const relocate = (cmd: string): string => cmd.replaceAll('/home/agent', agentHome);

const corpusEnv: Env = { home: '/home/agent', wardenHome: path.join(home, 'none'), projectDir: '/home/agent/proj' };
const corpusPolicy = loadPolicy({ user: path.join(corpusEnv.wardenHome, 'policy.yaml'), project: undefined }, corpusEnv.home, corpusEnv.projectDir);

function wardenOutcome(cmd: string, env: Env = corpusEnv): Outcome {
  try {
    const d = evaluate({ tool: 'Bash', input: { command: cmd }, cwd: env.projectDir }, env, env === corpusEnv ? corpusPolicy : undefined);
    return { held: d.verdict !== 'allow', why: d.verdict === 'allow' ? 'allow' : `${d.verdict} ${[...new Set(d.findings.map((f) => f.ruleId))].join(', ')}` };
  } catch (e) {
    return { held: true, why: `error (the hook denies): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Commands per second of `fn` over the corpus, repeated for at least `minMs`. */
function throughput(fn: (e: Entry) => unknown, minMs: number): number {
  for (const e of CORPUS.slice(0, 50)) fn(e);
  const t = performance.now();
  let n = 0;
  do {
    for (const e of CORPUS) fn(e);
    n += CORPUS.length;
  } while (performance.now() - t < minMs);
  return n / ((performance.now() - t) / 1000);
}

// warden, in-process.
const wardenOutcomes = CORPUS.map((e) => wardenOutcome(e.cmd));
const wardenScore = score(CORPUS, wardenOutcomes);
const wardenAnalysisRate = throughput((e) => analyze(e.cmd, { cwd: corpusEnv.projectDir, home: corpusEnv.home }), 1000);
const wardenRate = throughput((e) => wardenOutcome(e.cmd), 1000);

// cc-safety-net, in-process through its library API (`checkCommand`), with a throwaway HOME and none
// of its environment switches, so its defaults apply.
for (const k of Object.keys(process.env)) if (/^(CC_)?SAFETY_NET_/.test(k)) delete process.env[k];
process.env.HOME = agentHome;
process.env.CC_SAFETY_NET_NO_UPDATE_CHECK = '1';
const { checkCommand } = await import('cc-safety-net/api');
function ccsnOutcome(cmd: string): Outcome {
  try {
    const r = checkCommand({ command: relocate(cmd), cwd: projectDir });
    return r.kind === 'allow' ? { held: false, why: 'allow' } : { held: true, why: `deny ${r.ruleId ?? r.reason.split('\n')[0]}` };
  } catch (e) {
    // Its README: if checkCommand throws, do not run the command.
    return { held: true, why: `throws: ${e instanceof Error ? e.message : String(e)}` };
  }
}
for (const e of CORPUS.slice(0, 20)) ccsnOutcome(e.cmd);
const tc = performance.now();
const ccsnOutcomes = CORPUS.map((e) => ccsnOutcome(e.cmd));
const ccsnRate = CORPUS.length / ((performance.now() - tc) / 1000);
const ccsnScore = score(CORPUS, ccsnOutcomes);

// Both as PreToolUse hooks: one process per command over an evenly spread sample, as Claude Code
// runs them. Wall time per call, and where the hook's verdict differs from the in-process one:
// warden's hook adds the safety gate after the guard (external operations such as pushes, ssh and
// gh writes need approval at the initial trust, with no reviewer key here), so those differ by
// design; anything else means a stale build or a bug.
interface HookRun {
  ms: number;
  held: boolean;
}
function runHook(args: string[], cmd: string, env: NodeJS.ProcessEnv): HookRun {
  const input = JSON.stringify({
    session_id: 'bench',
    transcript_path: path.join(agentHome, '.claude', 'projects', 'bench', 'bench.jsonl'),
    cwd: projectDir,
    permission_mode: 'bypassPermissions',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: cmd },
    tool_use_id: 'toolu_bench',
  });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env, cwd: projectDir, encoding: 'utf8', timeout: HOOK_TIMEOUT_MS });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  let decision: unknown;
  try {
    decision = (JSON.parse(r.stdout || '{}') as { hookSpecificOutput?: { permissionDecision?: unknown } }).hookSpecificOutput?.permissionDecision;
  } catch {
    decision = 'unparseable';
  }
  // Exit 2, a timeout or unparseable output blocks in Claude Code.
  const held = r.status !== 0 || decision === 'deny' || decision === 'ask' || decision === 'unparseable';
  return { ms, held };
}
const step = Math.max(1, Math.floor(CORPUS.length / HOOK_SAMPLE));
const sample = CORPUS.filter((_e, i) => i % step === 0).slice(0, HOOK_SAMPLE);
const hookEnvBase = { PATH: process.env.PATH ?? '', HOME: agentHome };
const wardenHookEnv = { ...hookEnvBase, WARDEN_HOME: wardenHomeDir, CLAUDE_PROJECT_DIR: projectDir };
const ccsnHookEnv = { ...hookEnvBase, CC_SAFETY_NET_NO_UPDATE_CHECK: '1' };
const relocatedEnv: Env = { home: agentHome, wardenHome: wardenHomeDir, projectDir };
const wardenHookArgs = [path.join(DIST, 'launch.cjs'), 'pre-tool-use'];
const ccsnHookArgs = [CCSN_BIN, 'hook', '--coding-cli'];
for (let i = 0; i < WARMUP; i++) {
  runHook(wardenHookArgs, 'git status', wardenHookEnv);
  runHook(ccsnHookArgs, 'git status', ccsnHookEnv);
}
const wardenHook: number[] = [];
const ccsnHook: number[] = [];
const wardenDisagree: string[] = [];
const ccsnDisagree: string[] = [];
for (const e of sample) {
  const cmd = relocate(e.cmd);
  const w = runHook(wardenHookArgs, cmd, wardenHookEnv);
  const c = runHook(ccsnHookArgs, cmd, ccsnHookEnv);
  wardenHook.push(w.ms);
  ccsnHook.push(c.ms);
  if (w.held !== wardenOutcome(cmd, relocatedEnv).held) wardenDisagree.push(`${e.cmd} (hook ${w.held ? 'held' : 'passed'})`);
  if (c.held !== ccsnOutcome(e.cmd).held) ccsnDisagree.push(`${e.cmd} (hook ${c.held ? 'held' : 'passed'})`);
}

const col = (label: string, w: string, c: string, ratio: string): string => `${label.padEnd(34)}${w.padStart(12)}${c.padStart(16)}${ratio.padStart(12)}`;
const num = (x: number): string => Math.round(x).toLocaleString('en');
const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(2));
console.log('');
console.log(`corpus: ${CORPUS.length} commands (${wardenScore.blocks} must be held, ${wardenScore.passes} must pass); hook sample: ${sample.length} commands`);
console.log(col('', 'warden', 'cc-safety-net', 'w / ccsn'));
console.log(col('block recall', pct(wardenScore.recall), pct(ccsnScore.recall), ratio(wardenScore.recall, ccsnScore.recall)));
console.log(col('false-block rate', pct(wardenScore.falseBlockRate), pct(ccsnScore.falseBlockRate), ratio(wardenScore.falseBlockRate, ccsnScore.falseBlockRate)));
console.log(col('misses / false blocks', `${wardenScore.misses.length} / ${wardenScore.falseBlocks.length}`, `${ccsnScore.misses.length} / ${ccsnScore.falseBlocks.length}`, ''));
console.log(col('in-process commands/s (full check)', num(wardenRate), num(ccsnRate), ratio(wardenRate, ccsnRate)));
console.log(col('hook median wall ms (1 process/cmd)', median(wardenHook).toFixed(1), median(ccsnHook).toFixed(1), ratio(median(wardenHook), median(ccsnHook))));
console.log(col('hook ≠ in-process verdict (gate)', String(wardenDisagree.length), String(ccsnDisagree.length), ''));
console.log(`warden analysis alone over the corpus: ${num(wardenAnalysisRate)} commands/s (budget ≥ 50,000)`);
if (process.env.BENCH_DETAILS === '1') {
  console.log('\n-- hook verdicts that differ from in-process (warden: the gate holds external operations) --');
  for (const d of wardenDisagree) console.log(`  warden: ${oneLine(d)}`);
  for (const d of ccsnDisagree) console.log(`  cc-safety-net: ${oneLine(d)}`);
  console.log('\n-- warden --');
  for (const line of report(wardenScore)) console.log(line);
  console.log('\n-- cc-safety-net --');
  for (const line of report(ccsnScore)) console.log(line);
}
fs.rmSync(home, { recursive: true, force: true });
