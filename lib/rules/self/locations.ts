// The places self-protection guards, and which of them a path reaches. Shared by every rule of the
// `self` pack (lib/rules/self/*).
//
//   warden's state    `<wardenHome>/**` (bundles, policy, journal, trust and approvals, install
//                     record, server token, identity, caches) and the default `~/.claude/warden`
//                     too (the linked CLI and the hooks may resolve different homes);
//   warden's link     `~/.local/bin/warden`;
//   hook settings     Claude Code's settings files, where its hooks are registered or switched off:
//                     `settings.json` and `settings.local.json` in `~/.claude`, in `$CLAUDE_CONFIG_DIR`
//                     and in any `<dir>/.claude/`, and everything under the managed-settings folders;
//   project policy    `<dir>/.claude/warden.yaml` (loosens only in a project the user trusts);
//   identity          `<dir>/.claude/identity.md` (shown to every future session as who it is).
//
// Trust model: paths come from the agent and are hostile. A path with a part warden cannot resolve
// counts as protected when its known directory holds protected files (`~/.claude/$F` may be
// settings.json). A path that exists and resolves through a symlink is judged where it lands
// (`realOf`); looking that up costs a system call, so the rules ask only for paths a command
// writes, moves or deletes.

import fs from 'node:fs';
import path from 'node:path';
import { UNKNOWN, isDynamic } from '../../shell/analyze.js';
import { TOKEN_FILE } from '../../serve/routes.js';
import type { RuleContext } from '../define.js';

/** Folders of managed (administrator) settings, on Linux/WSL and macOS: any file in them is theirs. */
export const MANAGED_DIRS: readonly string[] = ['/etc/claude-code', '/Library/Application Support/ClaudeCode'];
/** Claude Code's settings files inside a config or `.claude` directory. */
export const SETTINGS_FILES: readonly string[] = ['settings.json', 'settings.local.json'];

export type Place =
  /** `part`: what it is, for messages; `token`: the server token itself. */
  | { kind: 'state'; part: string; token: boolean }
  | { kind: 'link' }
  | { kind: 'settings'; managed: boolean }
  | { kind: 'project-policy'; project: string; trusted: boolean }
  | { kind: 'identity' };

export interface Reached {
  place: Place;
  /** The protected path (absolute; may hold UNKNOWN). */
  path: string;
}

/** `a` is `b` or inside it. */
function within(a: string, b: string): boolean {
  return a === b || a.startsWith(b.endsWith('/') ? b : `${b}/`);
}

/** The fixed protected paths of one call's context, worked out once per call. */
interface Fixed {
  homes: readonly string[];
  tokens: readonly string[];
  link: string;
}
let last: { home: string; wardenHome: string; pluginRoot: string | undefined; fixed: Fixed } | undefined;

/** What decides what a plugin install runs: its manifest, its hooks.json and launcher, its bundles. */
const PLUGIN_PARTS = ['.claude-plugin', 'hooks', 'dist'];

function fixed(ctx: RuleContext): Fixed {
  if (last?.home !== ctx.home || last.wardenHome !== ctx.wardenHome || last.pluginRoot !== ctx.pluginRoot) {
    const byDefault = path.posix.join(ctx.home, '.claude', 'warden');
    const homes = ctx.wardenHome === byDefault ? [byDefault] : [ctx.wardenHome, byDefault];
    // Installed as a plugin, the checkout's hooks, manifest and bundles are the installed guard.
    const plugin = ctx.pluginRoot !== undefined ? PLUGIN_PARTS.map((d) => path.posix.join(ctx.pluginRoot as string, d)) : [];
    last = { home: ctx.home, wardenHome: ctx.wardenHome, pluginRoot: ctx.pluginRoot, fixed: { homes: [...homes, ...plugin], tokens: homes.map((h) => path.posix.join(h, TOKEN_FILE)), link: path.posix.join(ctx.home, '.local', 'bin', 'warden') } };
  }
  return last.fixed;
}

/** The warden homes: the configured one and the default `~/.claude/warden`. */
const wardenHomes = (ctx: RuleContext): readonly string[] => fixed(ctx).homes;
/** The server token file in each warden home. */
export const tokenFiles = (ctx: RuleContext): readonly string[] => fixed(ctx).tokens;
const linkOf = (ctx: RuleContext): string => fixed(ctx).link;

const STATE_PARTS: readonly [RegExp, string][] = [
  [/^policy\.yaml$/, 'your warden policy'],
  [/^journal(\/|$)/, 'the decision journal'],
  [/^bin(\/|$)/, 'the installed hook bundles'],
  [/^gate(\/|$)/, 'trust scores and approvals'],
  [/^install-state\.json$/, 'the install record'],
  [/^identity\.md$/, 'the agent identity file'],
];

function statePart(rel: string): string {
  if (rel === TOKEN_FILE) return 'the server token';
  for (const [re, what] of STATE_PARTS) if (re.test(rel)) return what;
  return "warden's own state";
}

/** The protected place `p` itself is (or is inside), judged on its text. */
export function placeOf(p: string, ctx: RuleContext): Place | undefined {
  for (const home of wardenHomes(ctx)) {
    if (within(p, home)) {
      const rel = p === home ? '' : p.slice(home.length + 1);
      return { kind: 'state', part: statePart(rel), token: rel === TOKEN_FILE };
    }
  }
  if (p === linkOf(ctx)) return { kind: 'link' };
  if (MANAGED_DIRS.some((d) => within(p, d))) return { kind: 'settings', managed: true };
  const base = path.posix.basename(p);
  const parent = path.posix.dirname(p);
  if (SETTINGS_FILES.includes(base) && (path.posix.basename(parent) === '.claude' || ctx.claudeDirs.includes(parent))) return { kind: 'settings', managed: false };
  if (path.posix.basename(parent) === '.claude') {
    if (base === 'warden.yaml') {
      const project = path.posix.dirname(parent);
      return { kind: 'project-policy', project, trusted: ctx.trustedProjects.includes(project) };
    }
    if (base === 'identity.md') return { kind: 'identity' };
  }
  if (isDynamic(p)) return dynamicPlace(p, ctx);
  return undefined;
}

/**
 * A path with an unknown part: protected when the directory its known prefix names holds
 * protected files (`~/.claude/$F`, `~/.claude/warden/$X`, `~/.local/bin/$B`).
 */
function dynamicPlace(p: string, ctx: RuleContext): Place | undefined {
  const prefix = p.slice(0, p.indexOf(UNKNOWN));
  const dir = prefix.endsWith('/') ? prefix.slice(0, -1) : path.posix.dirname(prefix);
  if (dir === '' || !dir.startsWith('/')) return undefined;
  for (const home of wardenHomes(ctx)) if (within(dir, home)) return { kind: 'state', part: "warden's own state", token: false };
  if (MANAGED_DIRS.some((d) => within(dir, d))) return { kind: 'settings', managed: true };
  if (ctx.claudeDirs.includes(dir) || path.posix.basename(dir) === '.claude') return { kind: 'settings', managed: false };
  if (dir === path.posix.dirname(linkOf(ctx))) return { kind: 'link' };
  return undefined;
}

const RANK: Record<Place['kind'], number> = { identity: 0, 'project-policy': 1, settings: 2, link: 2, state: 2 };

/**
 * Protected places inside directory `dir` (deleting, moving or unpacking into it reaches them): the
 * fixed ones by their path, the files of a `<x>/.claude` directory only if they exist.
 */
export function placesInside(dir: string, ctx: RuleContext): Reached[] {
  if (isDynamic(dir) || broad(dir, ctx.home)) return [];
  const out: Reached[] = [];
  const inside = (p: string): boolean => p !== dir && within(p, dir);
  for (const home of wardenHomes(ctx)) if (inside(home)) out.push({ place: { kind: 'state', part: "warden's own state", token: false }, path: home });
  if (inside(linkOf(ctx))) out.push({ place: { kind: 'link' }, path: linkOf(ctx) });
  for (const d of MANAGED_DIRS) if (inside(d)) out.push({ place: { kind: 'settings', managed: true }, path: d });
  for (const d of ctx.claudeDirs) {
    if (d === dir || inside(d)) out.push({ place: { kind: 'settings', managed: false }, path: path.posix.join(d, 'settings.json') });
  }
  if (path.posix.basename(dir) === '.claude' && !ctx.claudeDirs.includes(dir)) {
    for (const name of [...SETTINGS_FILES, 'warden.yaml', 'identity.md']) {
      const f = path.posix.join(dir, name);
      const place = placeOf(f, ctx);
      if (place !== undefined && exists(f)) out.push({ place, path: f });
    }
  }
  return out;
}

/**
 * The root, a top-level directory, the home directory or one above it: what a whole-tree operation
 * there does is the filesystem rules' (fs/rm-critical, fs/find-delete-critical, …), and a search or
 * a narrowed deletion there is not aimed at warden. Self-protection looks at trees below these.
 */
export function broad(p: string, home: string): boolean {
  return p === '/' || /^\/[^/]+\/?$/.test(p) || p === home || home.startsWith(p.endsWith('/') ? p : `${p}/`);
}

function exists(p: string): boolean {
  try {
    return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The strictest of several reached places (state, link and settings before project files). */
export function strictest(rs: readonly Reached[]): Reached | undefined {
  let best: Reached | undefined;
  for (const r of rs) if (best === undefined || RANK[r.place.kind] > RANK[best.place.kind]) best = r;
  return best;
}

/**
 * Where `p` really is when a symlink is on its way: the target of `p` itself (`follow`), or only
 * of its directory (deleting or moving a link touches the link, not its target). Undefined when
 * nothing resolves differently, the path is unknown, or it does not exist.
 */
export function realOf(p: string, follow: boolean): string | undefined {
  if (isDynamic(p) || !p.startsWith('/') || p.startsWith('/dev/') || p.startsWith('/proc/')) return undefined;
  // lstat first, without throwing: most paths a command writes do not exist yet, and an ENOENT
  // from realpath costs an exception each.
  const real = (q: string): string | undefined => {
    try {
      return fs.lstatSync(q, { throwIfNoEntry: false }) === undefined ? undefined : fs.realpathSync.native(q);
    } catch {
      // ENOTDIR, EACCES, ELOOP: nothing there to land on.
      return undefined;
    }
  };
  let r = follow ? real(p) : undefined;
  if (r === undefined) {
    const dir = real(path.posix.dirname(p));
    r = dir === undefined ? undefined : path.posix.join(dir, path.posix.basename(p));
  }
  return r === undefined || r === p ? undefined : r;
}

/** Where `p` points when it is itself a symlink (one lstat; a regular file costs nothing more). */
export function linkTarget(p: string): string | undefined {
  if (isDynamic(p) || !p.startsWith('/')) return undefined;
  try {
    return fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink() === true ? fs.realpathSync.native(p) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What writing, moving or deleting `p` reaches: `p` itself (or what it resolves to) and, for a
 * directory whose whole content goes (`container`), the protected places inside it — one of each
 * kind, so that each rule sees what it guards.
 */
export function reachedBy(p: string, ctx: RuleContext, opts: { follow: boolean; container: boolean }): Reached[] {
  const found: Reached[] = [];
  const consider = (q: string): void => {
    const place = placeOf(q, ctx);
    if (place !== undefined) found.push({ place, path: q });
    else if (opts.container) found.push(...placesInside(q, ctx));
  };
  consider(p);
  if (found.length === 0) {
    const real = realOf(p, opts.follow);
    if (real !== undefined) consider(real);
  }
  return found.filter((r, i) => found.findIndex((x) => x.place.kind === r.place.kind) === i);
}
