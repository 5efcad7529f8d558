// Fault injection around the built hooks: a throwaway HOME and warden home per test, the bundles of
// dist/ spawned as Claude Code spawns them (JSON on stdin), `warden install` and `warden doctor` run
// from dist/warden.cjs. Never touches the machine's ~/.claude.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { DIST } from '../protocol/hook-helpers.js';

export { DIST };

/** Wait for anything a spawned process does here; far beyond any hook deadline, never reached when all is well. */
const SPAWN_TIMEOUT_MS = 120_000;

export interface Sandbox {
  root: string;
  /** HOME of the hooks and the CLI. */
  home: string;
  /** The warden home (`~/.claude/warden`, the default place). */
  wardenHome: string;
  /** A project directory, the cwd of the tool calls. */
  project: string;
  journal: string;
  env: Record<string, string>;
}

export function sandbox(t: TestContext): Sandbox {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-faults-')));
  t.after(() => {
    // A fault may have left a directory its owner cannot write (chmod 0500 when not run as root).
    spawnSync('chmod', ['-R', 'u+rwX', root]);
    fs.rmSync(root, { recursive: true, force: true });
  });
  const home = path.join(root, 'home');
  const wardenHome = path.join(home, '.claude', 'warden');
  const project = path.join(root, 'project');
  fs.mkdirSync(wardenHome, { recursive: true });
  fs.mkdirSync(project);
  return { root, home, wardenHome, project, journal: path.join(wardenHome, 'journal'), env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' } };
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Run as another user (only when the tests run as root). */
  uid?: number;
  gid?: number;
}

export function spawnNode(args: string[], stdin: string | Buffer, opts: SpawnOptions): Ran {
  const r = spawnSync(process.execPath, args, {
    input: stdin,
    encoding: 'utf8',
    env: opts.env,
    cwd: opts.cwd,
    timeout: SPAWN_TIMEOUT_MS,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  assert.equal(r.error, undefined, `node ${args.join(' ')} could not run: ${String(r.error)}`);
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, json };
}

/** A hook bundle (from `bin`, default dist/) with `stdin`, as Claude Code runs it. */
export function hook(s: Sandbox, bundle: string, stdin: string | Buffer, opts: SpawnOptions & { bin?: string } = {}): Ran {
  const file = path.join(opts.bin ?? DIST, bundle);
  assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run build\` first (npm test does)`);
  return spawnNode([file], stdin, { cwd: s.project, ...opts, env: { ...s.env, ...opts.env } });
}

/** The `warden` CLI from dist/. */
export function warden(s: Sandbox, args: string[], opts: SpawnOptions = {}): Ran {
  return spawnNode([path.join(DIST, 'warden.cjs'), ...args], '', { cwd: s.project, ...opts, env: { ...s.env, ...opts.env } });
}

/** `warden install` into the sandbox's HOME; asserts it worked. */
export function install(s: Sandbox): void {
  const r = warden(s, ['install']);
  assert.equal(r.code, 0, `warden install failed:\n${r.stdout}${r.stderr}`);
}

export interface Doctor {
  code: number | null;
  out: string;
  fails: string[];
}

export function doctor(s: Sandbox, opts: SpawnOptions = {}): Doctor {
  const r = warden(s, ['doctor'], opts);
  const out = `${r.stdout}${r.stderr}`;
  return { code: r.code, out, fails: out.split('\n').filter((l) => l.startsWith('FAIL')) };
}

/** The stdin of one tool call. */
export function toolInput(event: 'PreToolUse' | 'PostToolUse' | 'PostToolUseFailure', s: Sandbox, tool: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: 'faults',
    transcript_path: path.join(s.root, 'transcript.jsonl'),
    cwd: s.project,
    hook_event_name: event,
    permission_mode: 'bypassPermissions',
    tool_name: tool,
    tool_input: input,
    tool_use_id: 'toolu_faults',
    ...extra,
  });
}

export const bash = (s: Sandbox, command: string): string => toolInput('PreToolUse', s, 'Bash', { command });

export interface Verdict {
  /** undefined: warden has no objection (`{}`), Claude Code's own permissions apply. */
  decision: string | undefined;
  reason: string;
  systemMessage: string | undefined;
}

export function verdictOf(r: Ran): Verdict {
  const h = r.json?.hookSpecificOutput as { permissionDecision?: string; permissionDecisionReason?: string } | undefined;
  const sm = r.json?.systemMessage;
  return { decision: h?.permissionDecision, reason: h?.permissionDecisionReason ?? '', systemMessage: typeof sm === 'string' ? sm : undefined };
}

/** A copy of dist/ whose bundle `name` is replaced by `source`: a lazily loaded part that breaks. */
export function sabotagedDist(s: Sandbox, name: string, source: string): string {
  const bin = path.join(s.root, 'sabotaged-dist');
  fs.mkdirSync(bin);
  for (const f of fs.readdirSync(DIST)) if (f.endsWith('.cjs') || f.endsWith('.yaml')) fs.copyFileSync(path.join(DIST, f), path.join(bin, f));
  assert.ok(fs.existsSync(path.join(bin, name)), `${name} is not a bundle in dist/`);
  fs.writeFileSync(path.join(bin, name), source);
  return bin;
}
