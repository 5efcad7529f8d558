// End-to-end harness: runs the real Claude Code CLI (node_modules/.bin/claude) in a throwaway
// sandbox against the scripted Messages API stub in ./stub.ts.
//
// What Claude Code 2.1.331 needs to run non-interactively in a fresh, empty HOME (found by trial):
// - Nothing in HOME. With `-p` there is no onboarding, theme, trust-folder or "use this API key?"
//   dialog, so no `~/.claude.json` flags (hasCompletedOnboarding, customApiKeyResponses, …) are
//   needed; Claude Code creates `~/.claude.json` and `~/.claude/` itself on first start.
// - `ANTHROPIC_API_KEY` (any string) + `ANTHROPIC_BASE_URL` pointing at the stub.
// - `IS_SANDBOX=1`: as root, `--dangerously-skip-permissions` otherwise exits 1 with
//   "--dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons".
// - `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1` stops a `HEAD /api/hello` connectivity probe
//   against the base URL (harmless, the stub answers 404, but noise) and other outbound traffic.
// - `TMPDIR`: Claude Code keeps per-project task state under `$TMPDIR/claude-<uid>/`; pointing
//   TMPDIR into the sandbox keeps /tmp clean and lets cleanup() remove it.
// The env is built from scratch (not inherited) so that the developer's own ANTHROPIC_*/CLAUDE_*
// variables, NODE_OPTIONS, or the test runner's NODE_TEST_CONTEXT never leak into the CLI or hooks.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startStub,
  toolResults as stubToolResults,
  type OtherReply,
  type RequestBody,
  type ScriptStep,
  type Stub,
  type ToolResult,
} from './stub.js';

export * from './stub.js';

/** Repository root (tests/e2e/../..), resolved from this file's location. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The real Claude Code CLI installed as a devDependency. */
export const claudeBin = path.join(repoRoot, 'node_modules', '.bin', 'claude');

export interface Sandbox {
  /** The sandbox root (realpath), removed by cleanup(). */
  root: string;
  /** Throwaway HOME: `~/.claude/settings.json`, `~/.claude.json`, transcripts live here. */
  home: string;
  /** A git repo with one commit on `main`; use it as the CLI's cwd. */
  project: string;
  /** TMPDIR for the CLI and its hooks. */
  tmp: string;
  cleanup(): void;
}

const GIT_USER = ['-c', 'user.name=Warden Test', '-c', 'user.email=warden-test@example.invalid'];

/** Run git inside the sandbox, isolated from the machine's global/system git config. */
function git(cwd: string, home: string, args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', LANG: 'C' },
  });
  assert.equal(r.status, 0, `git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Create a throwaway sandbox: `home/` (empty HOME with `.claude/`), `project/` (git repo), `tmp/`. */
export function makeSandbox(): Sandbox {
  // realpath: on macOS os.tmpdir() is behind a symlink, and Claude Code reports the real cwd.
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-e2e-')));
  const home = path.join(root, 'home');
  const project = path.join(root, 'project');
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  fs.mkdirSync(project);
  fs.mkdirSync(tmp);

  git(project, home, ['init', '-q', '-b', 'main']);
  // Repo-local identity so commits made later inside the sandbox (by the scripted Bash calls,
  // or by warden) work without touching any global config.
  git(project, home, ['config', 'user.name', 'Warden Test']);
  git(project, home, ['config', 'user.email', 'warden-test@example.invalid']);
  fs.writeFileSync(path.join(project, 'README.md'), '# sandbox project\n');
  git(project, home, ['add', 'README.md']);
  git(project, home, [...GIT_USER, 'commit', '-q', '-m', 'initial commit']);

  return {
    root,
    home,
    project,
    tmp,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Path of the sandbox's user settings file. */
export const userSettingsPath = (home: string): string => path.join(home, '.claude', 'settings.json');

/** A command hook handler as written in settings.json. */
export interface CommandHook {
  type: 'command';
  command: string;
  args?: string[];
  timeout?: number;
  [k: string]: unknown;
}

/**
 * Append a hook to `~/.claude/settings.json` of the sandbox HOME, keeping whatever is there
 * (e.g. what install.sh wrote).
 */
export function addUserHook(
  home: string,
  event: string,
  hook: CommandHook,
  matcher?: string,
): void {
  const file = userSettingsPath(home);
  const settings = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const hooks = (settings.hooks ??= {}) as Record<string, unknown[]>;
  (hooks[event] ??= []).push(matcher === undefined ? { hooks: [hook] } : { matcher, hooks: [hook] });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

/**
 * Run `bash install.sh` from the repo root with HOME=home and assert it exits 0.
 * Returns its combined stdout+stderr.
 */
export function installWarden(home: string, env: Record<string, string> = {}): string {
  const r = spawnSync('bash', [path.join(repoRoot, 'install.sh')], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: process.env.LANG ?? 'C.UTF-8', ...env },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  assert.equal(r.error, undefined, `install.sh could not run: ${String(r.error)}`);
  assert.equal(r.status, 0, `install.sh exited ${r.status} (signal ${r.signal}):\n${output}`);
  return output;
}

export interface RunClaudeOptions {
  home: string;
  cwd: string;
  /** Scripted model turns for the main loop; after them the model answers "done". */
  script: readonly ScriptStep[];
  /** The `-p` prompt (default "go"). */
  prompt?: string;
  /** Extra CLI arguments, appended after the defaults. */
  extraArgs?: string[];
  /** Extra env vars (or overrides); `undefined` removes a default one. */
  env?: Record<string, string | undefined>;
  /** Answer for requests outside the main loop (title generation, gate reviews). */
  onOther?: (body: RequestBody) => OtherReply | Promise<OtherReply>;
  /** Hard timeout in ms (default 120 000); on expiry the CLI and all it started are SIGKILLed. */
  timeoutMs?: number;
  /** TMPDIR for the CLI; default: the `tmp/` sibling of `home` if it exists (makeSandbox layout). */
  tmpdir?: string;
}

export interface RunClaudeResult {
  /** Exit code, or null if killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True if the hard timeout killed the run. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (`--output-format json` result object), or undefined if not JSON. */
  result: Record<string, unknown> | undefined;
  /** Every request the stub received, in order. */
  requests: RequestBody[];
  /** tool_result blocks in the last main-loop request. */
  toolResults: ToolResult[];
  /** The (already closed) stub, for mainRequests/reviewRequests/unhandled. */
  stub: Stub;
  /** Wall-clock time of the CLI process in ms. */
  durationMs: number;
}

// Cleaning up after the CLI. Claude Code starts each Bash tool command in a shell of its own
// process group/session (setsid), so killing the CLI's group does not reach it, and once the CLI
// dies that shell is reparented to init. Each run is therefore tagged with a unique
// E2E_HARNESS_RUN_ID env var (inherited by hooks and Bash shells), and every process carrying it
// is killed: by walking the process tree from the CLI (portable, needs the CLI alive) and, on
// Linux, by scanning /proc/<pid>/environ (also finds orphans).

/** Runs still alive, killed if the test process exits early. */
const live = new Map<ChildProcess, string>();
process.once('exit', () => {
  for (const [child, runId] of live) killRun(child, runId);
});

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone (ESRCH)
  }
}

/** Descendants of `root` according to `ps` (empty if ps is unavailable). */
function descendants(root: number): number[] {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (ps.status !== 0) return [];
  const children = new Map<number, number[]>();
  for (const line of ps.stdout.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || Number.isNaN(pid) || Number.isNaN(ppid)) continue;
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const todo = [root];
  for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

/** PIDs whose environment contains E2E_HARNESS_RUN_ID=<runId> (Linux only; [] elsewhere). */
function taggedProcesses(runId: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const tag = Buffer.from(`\0E2E_HARNESS_RUN_ID=${runId}\0`);
  const out: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      // Prefix with NUL so the first variable matches the same way as the others.
      const environ = Buffer.concat([Buffer.from([0]), fs.readFileSync(`/proc/${e}/environ`)]);
      if (environ.includes(tag)) out.push(Number(e));
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return out;
}

/** SIGKILL the CLI, its process group, its descendants and anything else tagged with runId. */
function killRun(child: ChildProcess, runId: string): void {
  const tree = child.pid === undefined ? [] : descendants(child.pid);
  if (child.pid !== undefined) {
    if (child.exitCode === null && child.signalCode === null) kill(child.pid);
    kill(-child.pid); // its process group (detached: true made it the leader)
  }
  for (const pid of [...tree, ...taggedProcesses(runId)]) kill(pid);
}

/** Run the real CLI once against a fresh stub. The stub is closed before this returns. */
export async function runClaude(opts: RunClaudeOptions): Promise<RunClaudeResult> {
  const stub = await startStub(opts.script, opts.onOther ? { onOther: opts.onOther } : {});
  try {
    const runId = randomUUID();
    const sandboxTmp = opts.tmpdir ?? path.join(path.dirname(opts.home), 'tmp');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: opts.home,
      LANG: 'C.UTF-8',
      ANTHROPIC_BASE_URL: stub.url,
      ANTHROPIC_API_KEY: 'sk-ant-api03-warden-e2e-fake-key',
      IS_SANDBOX: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_TELEMETRY: '1',
      ...(fs.existsSync(sandboxTmp) ? { TMPDIR: sandboxTmp } : {}),
      E2E_HARNESS_RUN_ID: runId,
    };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const args = [
      '-p',
      opts.prompt ?? 'go',
      '--dangerously-skip-permissions',
      '--output-format',
      'json',
      ...(opts.extraArgs ?? []),
    ];

    const started = Date.now();
    // detached: own process group, so a timeout can kill the CLI together with its shells/hooks.
    const child = spawn(claudeBin, args, {
      cwd: opts.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    live.set(child, runId);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killRun(child, runId);
    }, opts.timeoutMs ?? 120_000);

    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
      (resolve, reject) => {
        child.once('error', reject);
        // On exit, kill stragglers (background shells, hooks) so that stdio closes.
        child.once('exit', () => killRun(child, runId));
        child.once('close', (c, s) => resolve([c, s]));
      },
    ).finally(() => {
      clearTimeout(timer);
      live.delete(child);
    });
    const durationMs = Date.now() - started;

    let result: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(stdout);
      if (typeof parsed === 'object' && parsed !== null) result = parsed as Record<string, unknown>;
    } catch {
      result = undefined;
    }
    return {
      code,
      signal,
      timedOut,
      stdout,
      stderr,
      result,
      requests: stub.requests,
      toolResults: stubToolResults(stub),
      stub,
      durationMs,
    };
  } finally {
    await stub.close();
  }
}

/** One-line summary of a run, for assertion messages. */
export function describeRun(r: RunClaudeResult): string {
  return JSON.stringify({
    code: r.code,
    signal: r.signal,
    timedOut: r.timedOut,
    stderr: r.stderr.slice(0, 2000),
    // The JSON result object is long; keep the informative fields.
    result: r.result
      ? { subtype: r.result.subtype, is_error: r.result.is_error, result: r.result.result }
      : r.stdout.slice(0, 2000),
    requests: r.requests.length,
    mainRequests: r.stub.mainRequests.length,
    unhandled: r.stub.unhandled,
    toolResults: r.toolResults,
  });
}
