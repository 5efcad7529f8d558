// `warden doctor`: is warden really guarding Claude Code on this machine? One line per check.
//
// FAIL (exit 1) for anything that leaves tool calls unguarded or held: settings.json missing or
// invalid (Claude Code then ignores the whole file, so no hook runs at all), `disableAllHooks`, a
// warden hook not registered, narrowed, registered differently from what install writes, or
// pointing at a node or bundle that is gone; a policy file with errors; a journal that fails
// verification or cannot be written (not a directory, not writable, a journal file that is not a
// regular file, less than MIN_FREE_BYTES free); a gate store (trust scores, approvals) that cannot
// be read (every external operation then needs a human, and nothing can be approved); a lock file
// dated in the future (no process would ever break it); a failing self-test.
// warn (exit unaffected) for what only costs convenience: the `warden` command link, PATH, a lock
// left by a process that died (the next hook breaks it).
//
// The self-test runs the installed PreToolUse bundle exactly as Claude Code would (registered node
// and args, JSON on stdin) in a temp cwd, with WARDEN_HOME pointing at an empty temp dir so it tests
// the hook itself with the shipped defaults, whatever the user's policy says (the policy has its
// own check). Reads only; the temp dirs are removed.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { approvalsFile } from '../gate/approvals.js';
import { gateDir, readState, type StateFile } from '../gate/state.js';
import { trustFile } from '../gate/trust.js';
import { LOCK_STALE_MS } from '../journal/lock.js';
import { ANCHOR_FILE, HEAD_FILE, LOCK_FILE, listSegments } from '../journal/read.js';
import { describeBad, verifyJournal } from '../journal/verify.js';
import { loadPolicy, policyPaths, type EffectivePolicy } from '../policy/load.js';
import { HOOK_TIMEOUT_S } from '../protocol/deadlines.js';
import { listBackups, readIfExists, tilde } from './files.js';
import { CLI_BUNDLE, HOOKS, LAUNCHER, binDir, handlerFor, isWardenHandler, matchesAll, type HookSpec, type Placement } from './hooks.js';
import { onPath } from './deploy.js';
import { SettingsError, findWarden, parseSettings } from './settings.js';

export type Status = 'ok' | 'FAIL' | 'warn';

export interface Check {
  status: Status;
  text: string;
}

export interface DoctorContext {
  home: string;
  wardenHome: string;
  defaultHome: boolean;
  settingsFile: string;
  localBin: string;
  projectDir: string;
  env: NodeJS.ProcessEnv;
  /** The launcher of the build this CLI belongs to (dist/launch.cjs next to warden.cjs), if any. */
  launcher?: string;
}

/** The self-test waits as long as Claude Code would wait for the hook. */
const SELF_TEST_TIMEOUT_MS = HOOK_TIMEOUT_S.PreToolUse * 1000;
/** Output of a failed self-test shown in the FAIL line. */
const MAX_SHOWN_OUTPUT = 300;
/** Free space below which the journal is reported as unwritable (an append then fails with ENOSPC). */
export const MIN_FREE_BYTES = 1024 * 1024;

export const DENY_PROBE = 'git push --force origin main';
export const DENY_PROBE_RULE = 'git/push-force';
export const ALLOW_PROBE = 'ls';

const ok = (text: string): Check => ({ status: 'ok', text });
const fail = (text: string): Check => ({ status: 'FAIL', text });
const warn = (text: string): Check => ({ status: 'warn', text });

interface Registered {
  command: string;
  args: string[];
}

export function runDoctor(ctx: DoctorContext): Check[] {
  const checks: Check[] = [];
  const settings = checkSettings(ctx, checks);
  // Installed as a Claude Code plugin and not by `warden install`: the plugin brings the hooks.
  const plugin = settings !== undefined && findWarden(settings, ctx.wardenHome).length === 0 ? enabledWardenPlugins(settings) : [];
  const pre = plugin.length > 0 ? checkPlugin(ctx, plugin, checks) : checkHooks(ctx, settings, checks);
  checkPluginToo(ctx, settings, checks);
  const policy = checkPolicy(ctx, checks);
  checkJournal(ctx, policy.journal.dir, checks);
  checkGateStores(ctx, checks);
  checkLocks(ctx, [path.join(policy.journal.dir, LOCK_FILE), ...lockFiles(gateDir(ctx.wardenHome))], checks);
  checks.push(pre === undefined ? fail('self-test: not run, there is no working PreToolUse registration to run (see above)') : selfTest(pre));
  checkCli(ctx, checks);
  return checks;
}

function checkSettings(ctx: DoctorContext, checks: Check[]): unknown {
  const shown = tilde(ctx.settingsFile, ctx.home);
  let text: string | undefined;
  try {
    text = readIfExists(ctx.settingsFile);
  } catch (e) {
    checks.push(fail(`settings: cannot read ${shown} (${(e as Error).message})`));
    return undefined;
  }
  if (text === undefined) {
    checks.push(fail(`settings: ${shown} does not exist, so no warden hook is registered — run \`warden install\``));
    return undefined;
  }
  let settings: Record<string, unknown>;
  try {
    settings = parseSettings(text, shown, HOOKS.map((h) => h.event));
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    const last = listBackups(ctx.settingsFile).at(-1);
    const restore = last !== undefined ? ` or restore warden's backup ${tilde(last, ctx.home)}` : '';
    checks.push(fail(`settings: ${e.message}. Claude Code ignores the whole file, so no hook runs at all — fix it${restore}, then run \`warden doctor\` again`));
    return undefined;
  }
  checks.push(ok(`settings: ${shown} is valid JSON`));
  if (settings.disableAllHooks === true) {
    checks.push(fail(`settings: ${shown} sets "disableAllHooks": true, so Claude Code runs no hook at all — remove it`));
  }
  return settings;
}

/**
 * Hooks doctor expects: always the guard itself, those whose bundle is installed, and those
 * registered (a registered hook whose bundle is gone fails at every run; Claude Code goes on
 * without it).
 */
function expectedHooks(wardenHome: string, registered: ReadonlySet<string>): HookSpec[] {
  return HOOKS.filter((h) => h.event === 'PreToolUse' || registered.has(h.event) || fs.existsSync(path.join(binDir(wardenHome), h.bundle)));
}

function isExecutableFile(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Checks each expected hook; returns the registered PreToolUse command for the self-test. */
function checkHooks(ctx: DoctorContext, settings: unknown, checks: Check[]): Registered | undefined {
  if (settings === undefined) return undefined;
  const bin = binDir(ctx.wardenHome);
  if (!fs.existsSync(bin)) checks.push(fail(`bundles: ${tilde(bin, ctx.home)} does not exist — run ./install.sh in the warden clone`));
  const found = findWarden(settings, ctx.wardenHome);
  let pre: Registered | undefined;
  for (const spec of expectedHooks(ctx.wardenHome, new Set(found.map((f) => f.event)))) {
    const label = `hook ${spec.event}${spec.matcher !== undefined ? ` (matcher "${spec.matcher}")` : ''}`;
    const mine = found.filter((f) => f.event === spec.event);
    const keeper = mine.find((f) => matchesAll(f.matcher));
    if (keeper === undefined) {
      checks.push(fail(mine.length === 0 ? `${label}: not registered — run \`warden install\`` : `${label}: registered only for matcher ${JSON.stringify(mine[0]?.matcher)}, so some calls pass unguarded — run \`warden install\``));
      continue;
    }
    const problem = handlerProblem(ctx, spec, keeper.value);
    if (problem !== undefined) {
      checks.push(fail(`${label}: ${problem}`));
      continue;
    }
    const h = keeper.value as Registered;
    if (spec.event === 'PreToolUse') pre = { command: h.command, args: h.args };
    checks.push(ok(`${label}: ${h.command} ${h.args.map((a) => tilde(a, ctx.home)).join(' ')}`));
    if (mine.length > 1) checks.push(warn(`${label}: registered ${mine.length} times — run \`warden install\` to tidy up`));
  }
  for (const other of foreignWardens(settings, ctx.wardenHome)) {
    checks.push(warn(`another warden hook is registered in ${other.event}: ${other.arg} (it runs in addition to this one; remove it if it is a leftover)`));
  }
  return pre;
}

function handlerProblem(ctx: DoctorContext, spec: HookSpec, value: unknown): string | undefined {
  const h = value as Partial<Registered> & Record<string, unknown>;
  const placement: Placement = { nodePath: typeof h.command === 'string' ? h.command : '', wardenHome: ctx.wardenHome, defaultHome: ctx.defaultHome };
  const want = handlerFor(spec, placement);
  if (JSON.stringify(value) !== JSON.stringify(want)) {
    return `registered as ${JSON.stringify(value)}, not as install writes it (${JSON.stringify({ ...want, command: '<node>' })}) — run \`warden install\``;
  }
  if (!path.isAbsolute(want.command) || !isExecutableFile(want.command)) {
    return `node ${want.command} is missing or not executable (a node upgrade or removal?) — run ./install.sh again with the node you use`;
  }
  for (const file of [want.args[0] ?? '', path.join(binDir(ctx.wardenHome), spec.bundle)]) {
    if (!fs.existsSync(file)) return `bundle ${tilde(file, ctx.home)} is missing — run ./install.sh in the warden clone`;
  }
  return undefined;
}

/** Handlers outside this wardenHome that run one of warden's bundles (an old install, a clone's dist/). */
function foreignWardens(settings: unknown, wardenHome: string): { event: string; arg: string }[] {
  const bundles = new Set(HOOKS.map((h) => h.bundle));
  const out: { event: string; arg: string }[] = [];
  const hooks = (settings as { hooks?: unknown }).hooks;
  if (typeof hooks !== 'object' || hooks === null) return out;
  for (const [event, groups] of Object.entries(hooks as Record<string, unknown>)) {
    if (!Array.isArray(groups)) continue;
    for (const g of groups as unknown[]) {
      const handlers = (g as { hooks?: unknown } | null)?.hooks;
      if (!Array.isArray(handlers)) continue;
      for (const h of handlers as unknown[]) {
        const arg = (h as { args?: unknown } | null)?.args;
        const first: unknown = Array.isArray(arg) ? arg[0] : undefined;
        const second: unknown = Array.isArray(arg) ? arg[1] : undefined;
        const runsBundle = typeof first === 'string' && (bundles.has(path.basename(first)) || (path.basename(first) === LAUNCHER && typeof second === 'string' && bundles.has(`${second}.cjs`)));
        if (runsBundle && !isWardenHandler(h, wardenHome)) out.push({ event, arg: first });
      }
    }
  }
  return out;
}

function checkPolicy(ctx: DoctorContext, checks: Check[]): EffectivePolicy {
  const paths = policyPaths(ctx.wardenHome, ctx.projectDir);
  const policy = loadPolicy(paths, ctx.home, ctx.projectDir);
  for (const e of policy.errors) checks.push(fail(`policy: ${e} — until this is fixed warden holds every guarded call for a human`));
  for (const w of policy.warnings) checks.push(warn(`policy: ${w}`));
  if (policy.errors.length === 0) {
    const layers = ['built-in defaults', ...policy.sources.map((s) => tilde(s, ctx.home))].join(' < ');
    checks.push(ok(`policy: ${layers} (preset ${policy.preset})`));
  }
  return policy;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The nearest directory at or above `p` that exists (where a missing journal directory would be created). */
function nearestExisting(p: string): string {
  let dir = p;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Why files could not be written in `dir` (created if missing), or undefined. Reads only. */
function dirWriteProblem(dir: string): string | undefined {
  const base = nearestExisting(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(base);
  } catch (e) {
    return `cannot look at ${base} (${errorText(e)})`;
  }
  if (!st.isDirectory()) return `${base} is not a directory, so nothing can be created in it`;
  try {
    fs.accessSync(base, fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    return `${base} cannot be written (${(e as NodeJS.ErrnoException).code ?? errorText(e)})`;
  }
  try {
    const info = fs.statfsSync(base);
    const free = info.bavail * info.bsize;
    if (free < MIN_FREE_BYTES) return `only ${free} bytes are free on the disk that holds it`;
  } catch {
    // statfs is not available everywhere; the other checks stand.
  }
  return undefined;
}

/** Why appends to the journal in `dir` would fail, or undefined. Reads only. */
function journalWriteProblem(dir: string): string | undefined {
  const problem = dirWriteProblem(dir);
  if (problem !== undefined || !fs.existsSync(dir)) return problem;
  for (const name of [HEAD_FILE, ANCHOR_FILE, ...listSegments(dir)]) {
    let f: fs.Stats;
    try {
      f = fs.statSync(path.join(dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return `cannot look at ${name} (${errorText(e)})`;
    }
    if (!f.isFile()) return `${name} is not a regular file (a directory, a device or a pipe stands in its place)`;
  }
  return undefined;
}

/** The journal: appends can succeed, and the hash chain verifies (`warden journal verify`). */
function checkJournal(ctx: DoctorContext, dir: string, checks: Check[]): void {
  const shown = tilde(dir, ctx.home);
  const problem = journalWriteProblem(dir);
  if (problem !== undefined) {
    checks.push(fail(`journal: ${shown}: ${problem} — decisions still stand, but none is recorded until this is fixed`));
  }
  if (!fs.existsSync(dir)) {
    if (problem === undefined) checks.push(ok(`journal: ${shown} has no entries yet`));
    return;
  }
  let r: ReturnType<typeof verifyJournal>;
  try {
    r = verifyJournal(dir);
  } catch (e) {
    checks.push(fail(`journal: ${shown} cannot be verified (${errorText(e)})`));
    return;
  }
  if (r.bad !== undefined) {
    checks.push(fail(`journal: ${shown} fails verification at ${describeBad(r.bad)} — see \`warden journal verify\``));
    return;
  }
  if (problem === undefined) checks.push(ok(`journal: ${shown}, ${r.entries} entries, hash chain verified${r.notes.length > 0 ? ` (${r.notes.length} repairs by warden, see \`warden journal verify\`)` : ''}`));
}

/** The gate's lock files (`<store>.json.lock`). */
function lockFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.lock'))
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** Slack for clocks: a lock this far in the future was not made by a warden process on this clock. */
const FUTURE_LOCK_SLACK_MS = 2000;

/**
 * Lock files (lib/journal/lock.ts) are held for milliseconds. One dated in the future is never
 * judged stale, so every hook waits for it until it gives up (the journal then records nothing, the
 * gate changes nothing): FAIL. One older than LOCK_STALE_MS was left by a process that died; the next
 * hook breaks it: warn.
 */
function checkLocks(ctx: DoctorContext, files: readonly string[], checks: Check[]): void {
  const now = Date.now();
  for (const file of files) {
    let mtime: number;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      continue;
    }
    const shown = tilde(file, ctx.home);
    if (mtime > now + FUTURE_LOCK_SLACK_MS) {
      checks.push(fail(`lock: ${shown} is dated ${Math.round((mtime - now) / 1000)} s in the future (a clock set back, or an edit), so no warden process will ever judge it stale: every hook waits for it and gives up — remove it`));
    } else if (now - mtime > LOCK_STALE_MS) {
      checks.push(warn(`lock: ${shown} was left ${Math.round((now - mtime) / 1000)} s ago by a process that did not finish; the next hook breaks it`));
    }
  }
}

/** The safety gate's trust scores and approvals: a store that cannot be read fails closed, so it is a FAIL. */
function checkGateStores(ctx: DoctorContext, checks: Check[]): void {
  const stores: { name: string; file: StateFile<unknown>; effect: string; remedy: string }[] = [
    {
      name: 'trust scores',
      file: trustFile(ctx.wardenHome),
      effect: 'every service scores 0, so every external write needs a human',
      remedy: 'inspect it, then `warden trust reset --all` to start afresh',
    },
    {
      name: 'approvals',
      file: approvalsFile(ctx.wardenHome),
      effect: 'held calls get no approval id, so none can be approved',
      remedy: 'inspect it, then move it away (pending approvals are lost)',
    },
  ];
  for (const s of stores) {
    const shown = tilde(s.file.file, ctx.home);
    try {
      readState(s.file);
    } catch (e) {
      // StateError messages name the file.
      checks.push(fail(`gate: ${s.name}: ${errorText(e).replace(s.file.file, shown)} — ${s.effect}; ${s.remedy}`));
      continue;
    }
    const problem = dirWriteProblem(path.dirname(s.file.file));
    if (problem !== undefined) checks.push(fail(`gate: ${s.name} ${shown}: ${problem}`));
    else checks.push(ok(`gate: ${s.name} ${shown} ${fs.existsSync(s.file.file) ? 'readable' : 'not created yet'}`));
  }
}

interface Probe {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function probe(hook: Registered, command: string, cwd: string, env: NodeJS.ProcessEnv): Probe {
  const input = {
    session_id: 'warden-doctor',
    transcript_path: path.join(cwd, 'transcript.jsonl'),
    cwd,
    hook_event_name: 'PreToolUse',
    permission_mode: 'bypassPermissions',
    tool_name: 'Bash',
    tool_input: { command },
    tool_use_id: 'warden-doctor-probe',
  };
  const r = spawnSync(hook.command, hook.args, { cwd, env, input: JSON.stringify(input), encoding: 'utf8', timeout: SELF_TEST_TIMEOUT_MS });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ...(r.error ? { error: r.error } : {}) };
}

function shown(p: Probe): string {
  const cut = (s: string): string => (s.length > MAX_SHOWN_OUTPUT ? `${s.slice(0, MAX_SHOWN_OUTPUT)}…` : s);
  return p.error ? p.error.message : `exit ${p.status}, stdout ${JSON.stringify(cut(p.stdout.trim()))}, stderr ${JSON.stringify(cut(p.stderr.trim()))}`;
}

function isRuleDeny(p: Probe): boolean {
  if (p.status !== 0) return false;
  try {
    const out = JSON.parse(p.stdout) as { hookSpecificOutput?: { permissionDecision?: unknown; permissionDecisionReason?: unknown } };
    const reason = out.hookSpecificOutput?.permissionDecisionReason;
    return out.hookSpecificOutput?.permissionDecision === 'deny' && typeof reason === 'string' && reason.includes(`[${DENY_PROBE_RULE}]`);
  } catch {
    return false;
  }
}

export function selfTest(hook: Registered, baseEnv: NodeJS.ProcessEnv = process.env): Check {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-doctor-')));
  try {
    const cwd = path.join(tmp, 'cwd');
    fs.mkdirSync(cwd);
    const env: NodeJS.ProcessEnv = { ...baseEnv, WARDEN_HOME: path.join(tmp, 'empty-warden-home') };
    delete env.CLAUDE_PROJECT_DIR;
    const deny = probe(hook, DENY_PROBE, cwd, env);
    if (!isRuleDeny(deny)) return fail(`self-test: \`${DENY_PROBE}\` was not denied by ${DENY_PROBE_RULE} (${shown(deny)}) — the guard is not working; run ./install.sh again`);
    const allow = probe(hook, ALLOW_PROBE, cwd, env);
    if (allow.status !== 0 || allow.stdout.trim() !== '{}') return fail(`self-test: \`${ALLOW_PROBE}\` was not allowed (${shown(allow)}) — run ./install.sh again`);
    return ok(`self-test: the installed PreToolUse hook denies \`${DENY_PROBE}\` (${DENY_PROBE_RULE}) and allows \`${ALLOW_PROBE}\``);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function checkCli(ctx: DoctorContext, checks: Check[]): void {
  const link = path.join(ctx.localBin, 'warden');
  const target = path.join(binDir(ctx.wardenHome), CLI_BUNDLE);
  let current: string | undefined;
  try {
    current = path.resolve(ctx.localBin, fs.readlinkSync(link));
  } catch {
    current = undefined;
  }
  if (current === target && isExecutableFile(target)) checks.push(ok(`command: ${tilde(link, ctx.home)} → ${tilde(target, ctx.home)}`));
  else if (current === undefined) checks.push(warn(`command: ${tilde(link, ctx.home)} is missing (the hooks work without it) — run \`warden install\` to add it`));
  else checks.push(warn(`command: ${tilde(link, ctx.home)} points to ${current}, not to ${tilde(target, ctx.home)} — run \`warden install\``));
  if (!onPath(ctx.localBin, ctx.env.PATH)) checks.push(warn(`command: ${tilde(ctx.localBin, ctx.home)} is not on PATH; add to your shell profile: export PATH="$HOME/.local/bin:$PATH"`));
}

/** The `warden@…` plugin ids enabled in a settings file. */
function enabledWardenPlugins(settings: unknown): string[] {
  const enabled = (settings as { enabledPlugins?: unknown } | undefined)?.enabledPlugins;
  if (typeof enabled !== 'object' || enabled === null) return [];
  return Object.entries(enabled).filter(([id, on]) => on === true && id.startsWith('warden@')).map(([id]) => id);
}

/**
 * warden installed as a plugin only: its hooks come from the plugin's hooks/hooks.json, not from
 * settings. The self-test runs the launcher of the build this CLI belongs to (next to it), which is
 * the build a plugin from this checkout runs; a marketplace copy in Claude Code's plugin cache is
 * not looked for.
 */
function checkPlugin(ctx: DoctorContext, ids: readonly string[], checks: Check[]): Registered | undefined {
  checks.push(ok(`plugin: ${ids.join(', ')} is enabled in ${tilde(ctx.settingsFile, ctx.home)}; warden's hooks come from the plugin, not from settings`));
  const launcher = ctx.launcher;
  if (launcher === undefined || !fs.existsSync(launcher)) {
    checks.push(fail('plugin: no built launcher next to this warden command to test — run `npm ci && npm run build` in the plugin checkout'));
    return undefined;
  }
  return { command: process.execPath, args: [launcher, 'pre-tool-use'] };
}

/**
 * warden also enabled as a Claude Code plugin (`enabledPlugins` "warden@…", README: install as a
 * plugin) next to its hooks in this settings file: Claude Code runs both, so every hook runs twice.
 */
function checkPluginToo(ctx: DoctorContext, settings: unknown, checks: Check[]): void {
  if (settings === undefined || findWarden(settings, ctx.wardenHome).length === 0) return;
  const ids = enabledWardenPlugins(settings);
  if (ids.length === 0) return;
  checks.push(warn(`plugin: ${ids.join(', ')} is enabled as well as warden's hooks in ${tilde(ctx.settingsFile, ctx.home)}, so every warden hook runs twice (each decision journaled twice, trust scores moved twice) — keep one: \`claude plugin uninstall ${ids[0]}\` or \`warden uninstall\``));
}
