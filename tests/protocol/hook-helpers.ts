// Spawns a built hook bundle (dist/) with JSON on stdin, as Claude Code does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
  ms: number;
}

export function runHook(bundle: string, stdin: string | Buffer, env: Record<string, string> = {}): HookRun {
  const file = path.join(DIST, bundle);
  if (!fs.existsSync(file)) throw new Error(`${file} missing: run \`npm run build\` first (npm test does)`);
  return spawnHook([file], stdin, env);
}

/** `node <dir>/launch.cjs <hook>`: a hook as the registered command runs it, from a copy of dist/. */
export function launchHook(dir: string, hook: string, stdin: string | Buffer, env: Record<string, string> = {}): HookRun {
  return spawnHook([path.join(dir, 'launch.cjs'), hook], stdin, env);
}

function spawnHook(args: string[], stdin: string | Buffer, env: Record<string, string>): HookRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { input: stdin, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 });
  const ms = performance.now() - t0;
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json, ms };
}

/** A private copy of the built bundles (launcher, hooks, what they load on demand, the default policy), registered in `temps` for removal. */
export function distCopy(temps: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-dist-'));
  temps.push(dir);
  for (const f of fs.readdirSync(DIST)) if (f.endsWith('.cjs') || f === 'policy.yaml') fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
  return dir;
}

export function preToolUse(command: string | undefined, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: 'test-session',
    transcript_path: '/dev/null',
    cwd: os.tmpdir(),
    hook_event_name: 'PreToolUse',
    permission_mode: 'bypassPermissions',
    tool_name: 'Bash',
    tool_input: command === undefined ? {} : { command },
    tool_use_id: 'toolu_test',
    ...extra,
  });
}

export function decisionOf(r: HookRun): { decision: string | undefined; reason: string } {
  const h = r.json?.hookSpecificOutput as { permissionDecision?: string; permissionDecisionReason?: string } | undefined;
  return { decision: h?.permissionDecision, reason: h?.permissionDecisionReason ?? '' };
}

/** A throwaway HOME with an optional user policy. */
export function tempHome(policy?: string): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-proto-'));
  if (policy !== undefined) {
    fs.mkdirSync(path.join(home, '.claude', 'warden'), { recursive: true });
    fs.writeFileSync(path.join(home, '.claude', 'warden', 'policy.yaml'), policy);
  }
  return home;
}
