// Running install.sh and the warden CLI as a user would, in a throwaway HOME. The env is built from
// scratch (PATH, HOME, LANG; no WARDEN_HOME, no CLAUDE_*), so the machine's real ~/.claude and the
// developer's variables are never seen.

import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const installSh = path.join(repoRoot, 'install.sh');
export const distCli = path.join(repoRoot, 'dist', 'warden.cjs');

/** Fails with a clear message when the bundles were not built (`npm test` builds them first). */
export function assertBuilt(): void {
  assert.ok(fs.existsSync(distCli), `${distCli} is missing: run \`npm run build\` first (npm test does)`);
}

export interface Home {
  root: string;
  home: string;
  claude: string;
  settings: string;
  wardenHome: string;
  /** `~/.local/bin/warden`, the link install creates. */
  cli: string;
  cleanup(): void;
}

export function makeHome(): Home {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-install-test-')));
  const home = path.join(root, 'home');
  fs.mkdirSync(home);
  const claude = path.join(home, '.claude');
  return {
    root,
    home,
    claude,
    settings: path.join(claude, 'settings.json'),
    wardenHome: path.join(claude, 'warden'),
    cli: path.join(home, '.local', 'bin', 'warden'),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export interface Ran {
  status: number | null;
  out: string;
}

const TIMEOUT_MS = 120_000;

export function run(home: Home, cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Ran {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? home.root,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: { PATH: process.env.PATH ?? '', HOME: home.home, LANG: 'C.UTF-8', ...opts.env },
  });
  assert.equal(r.error, undefined, `${cmd} could not run: ${String(r.error)}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `bash install.sh args…`, asserting exit 0 unless `expectFail`. */
export function runInstall(home: Home, args: string[] = [], opts: { cwd?: string; env?: Record<string, string>; expectFail?: boolean } = {}): Ran {
  const r = run(home, 'bash', [installSh, ...args], opts);
  if (opts.expectFail !== true) assert.equal(r.status, 0, `install.sh exited ${r.status}:\n${r.out}`);
  return r;
}

/** The installed `warden` command (through the ~/.local/bin link). */
export function warden(home: Home, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Ran {
  return run(home, home.cli, args, opts);
}

export interface Settings {
  hooks?: Record<string, { matcher?: string; hooks: { type: string; command: string; args?: string[]; timeout?: number }[] }[]>;
  [k: string]: unknown;
}

export function readSettings(home: Home): Settings {
  return JSON.parse(fs.readFileSync(home.settings, 'utf8')) as Settings;
}

/** Handlers whose first argument lies under `dir` (warden's, for dir = <wardenHome>/bin). */
export function handlersUnder(s: Settings, dir: string): { event: string; matcher: string | undefined; args: string[] }[] {
  const out: { event: string; matcher: string | undefined; args: string[] }[] = [];
  for (const [event, groups] of Object.entries(s.hooks ?? {})) {
    for (const g of groups) for (const h of g.hooks) if (h.args?.[0]?.startsWith(dir + path.sep)) out.push({ event, matcher: g.matcher, args: h.args });
  }
  return out;
}
