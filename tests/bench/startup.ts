// Start-up figures for `npm run bench` (issue 9): the PreToolUse hook and SessionStart as Claude Code
// runs them — `node <wardenHome>/bin/launch.cjs <hook>` from an installed layout with a user policy —
// against `node -e 0` and the cc-safety-net hook on the same input, and a record of what each part of
// the hook costs at start-up: probe bundles (tests/bench/probes/) built with the hooks' own esbuild
// options, each adding one part. All variants run interleaved, round by round, after a warm-up that
// also makes the code and policy caches, so load on the machine touches them alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HOOK_PLUGINS, commonOptions } from '../../scripts/bundles.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const PROBES = fileURLToPath(new URL('./probes/', import.meta.url));
const CCSN_BIN = fileURLToPath(new URL('../../node_modules/cc-safety-net/dist/bin/cc-safety-net.js', import.meta.url));

export const BENIGN = 'git status --short && ls -la src';

/** Parts in the order they are added, each a probe bundle; the last row is the real hook. */
const PARTS: [probe: string, label: string][] = [
  ['empty', 'launcher + empty bundle'],
  ['protocol', '+ hook runtime (stdin, input check, output)'],
  ['policy', '+ effective policy (compiled-policy cache)'],
  ['analysis', '+ shell analysis of the command'],
  ['guard', '+ every rule pack (the guard decides)'],
  ['decide', "+ safety gate's first look"],
];

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Variant {
  label: string;
  args: string[];
  input: string;
  env: NodeJS.ProcessEnv;
  times: number[];
}

export interface StartupFigures {
  node: number;
  hook: number;
  hookNoCache: number;
  ccsn: number;
  sessionStart: number;
  rssKiB: number | undefined;
  parts: { label: string; ms: number }[];
  runs: number;
}

export async function startupFigures(runs: number, warmup: number): Promise<StartupFigures> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-bench-startup-'));
  try {
    const home = path.join(tmp, 'home');
    const project = path.join(home, 'proj');
    const wardenHome = path.join(home, '.claude', 'warden');
    const bin = path.join(wardenHome, 'bin');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.mkdirSync(bin, { recursive: true });
    // The installed layout (what install.sh makes): the bundles in bin/, the user's policy next to it.
    for (const f of fs.readdirSync(DIST)) if (f.endsWith('.cjs') || f === 'policy.yaml') fs.copyFileSync(path.join(DIST, f), path.join(bin, f));
    fs.copyFileSync(path.join(DIST, 'policy.yaml'), path.join(wardenHome, 'policy.yaml'));
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(wardenHome, 'policy.yaml'), past, past);
    // The probes, bundled like the hooks, next to them (they require the same lazy bundles).
    await build({
      ...commonOptions(bin),
      plugins: HOOK_PLUGINS,
      entryPoints: PARTS.map(([probe]) => ({ in: path.join(PROBES, `${probe}.ts`), out: `probe-${probe}` })),
    });
    const env = { PATH: process.env.PATH ?? '', HOME: home };
    const pre = JSON.stringify({ session_id: 'bench', transcript_path: path.join(home, 't.jsonl'), cwd: project, hook_event_name: 'PreToolUse', permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command: BENIGN }, tool_use_id: 'toolu_b' });
    const start = JSON.stringify({ session_id: 'bench', transcript_path: path.join(home, 't.jsonl'), cwd: project, hook_event_name: 'SessionStart', source: 'startup' });
    const launcher = path.join(bin, 'launch.cjs');
    const v = (label: string, args: string[], input = pre, extra: NodeJS.ProcessEnv = {}): Variant => ({ label, args, input, env: { ...env, ...extra }, times: [] });
    const node = v('node -e 0', ['-e', '0'], '');
    const hook = v('hook', [launcher, 'pre-tool-use']);
    const hookNoCache = v('hook, bundle run directly', [path.join(bin, 'pre-tool-use.cjs')]);
    const ccsn = v('cc-safety-net hook', [CCSN_BIN, 'hook', '--coding-cli'], pre, { CC_SAFETY_NET_NO_UPDATE_CHECK: '1' });
    const sessionStart = v('SessionStart', [launcher, 'session-start'], start);
    const parts = PARTS.map(([probe, label]) => v(label, [launcher, `probe-${probe}`]));
    const all = [node, hook, hookNoCache, ccsn, sessionStart, ...parts];
    for (let round = 0; round < warmup + runs; round++) {
      for (const x of all) {
        const t = process.hrtime.bigint();
        const r = spawnSync(process.execPath, x.args, { input: x.input, env: x.env, cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (round === 0 && r.status !== 0) throw new Error(`${x.label} exited ${r.status}: ${String(r.stdout)} ${String(r.stderr)}`);
        if (round >= warmup) x.times.push(ms);
      }
    }
    let rssKiB: number | undefined;
    if (fs.existsSync('/usr/bin/time')) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...hook.args], { input: pre, env: hook.env, cwd: project, encoding: 'utf8' });
      const last = r.stderr.trim().split('\n').at(-1);
      rssKiB = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
    }
    return {
      node: median(node.times),
      hook: median(hook.times),
      hookNoCache: median(hookNoCache.times),
      ccsn: median(ccsn.times),
      sessionStart: median(sessionStart.times),
      rssKiB,
      parts: [...parts.map((p) => ({ label: p.label, ms: median(p.times) })), { label: '+ journal (the whole hook)', ms: median(hook.times) }],
      runs,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function printStartup(f: StartupFigures): void {
  const r = (x: number, y: number): string => (x / y).toFixed(2);
  console.log(`runs per figure: ${f.runs}, interleaved (after warm-up); installed layout with a user policy; benign command: ${BENIGN}`);
  console.log(`node -e 0                              median ${f.node.toFixed(1)} ms`);
  console.log(`PreToolUse, benign Bash (launch.cjs)   median ${f.hook.toFixed(1)} ms   ratio to node ${r(f.hook, f.node)} (goal ≤ 1.25)   ratio to cc-safety-net ${r(f.hook, f.ccsn)} (goal ≤ 0.6)`);
  console.log(`  cc-safety-net 2.4.5 hook, same input median ${f.ccsn.toFixed(1)} ms   ratio to node ${r(f.ccsn, f.node)}`);
  console.log(`  the bundle run directly (no code cache) median ${f.hookNoCache.toFixed(1)} ms   ratio to node ${r(f.hookNoCache, f.node)}`);
  console.log(`SessionStart (launch.cjs)              median ${f.sessionStart.toFixed(1)} ms   ratio to node ${r(f.sessionStart, f.node)} (goal ≤ 1.5)`);
  console.log(`PreToolUse peak RSS                    ${f.rssKiB !== undefined ? `${(f.rssKiB / 1024).toFixed(1)} MiB` : 'n/a'} (goal ≤ 60 MiB)`);
  console.log('start-up record (each row adds one part to the one above; ms above node -e 0, and what the part adds):');
  let prev = f.node;
  for (const p of f.parts) {
    console.log(`  ${p.label.padEnd(46)} ${(p.ms - f.node).toFixed(1).padStart(6)} ms   +${Math.max(0, p.ms - prev).toFixed(1).padStart(5)} ms`);
    prev = p.ms;
  }
}
