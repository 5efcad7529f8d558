// The one table of warden's hooks: which bundle handles which Claude Code event, and how each is
// registered in settings.json. install, uninstall and doctor all derive from it; adding a hook is one
// line here (plus its bundle under hooks/). A hook is registered only if its bundle was built.
//
// Identity: a handler is warden's when it is an exec-form command whose first argument lies under
// `<wardenHome>/bin/`. Nothing else in settings.json is ever touched.

import path from 'node:path';
import { HOOK_TIMEOUT_S } from '../protocol/deadlines.js';
import type { EventName } from '../protocol/schemas.js';

export interface HookSpec {
  event: EventName;
  /** File name of the bundle in dist/ and `<wardenHome>/bin/`. */
  bundle: string;
  /** `"*"` for every tool; undefined: no matcher key at all (every source of the event). */
  matcher: string | undefined;
}

export const HOOKS: readonly HookSpec[] = [
  { event: 'PreToolUse', bundle: 'pre-tool-use.cjs', matcher: '*' },
  { event: 'PostToolUse', bundle: 'post-tool-use.cjs', matcher: '*' },
  { event: 'SessionStart', bundle: 'session-start.cjs', matcher: undefined },
  { event: 'PostToolUseFailure', bundle: 'post-tool-use-failure.cjs', matcher: '*' },
  { event: 'UserPromptSubmit', bundle: 'user-prompt-submit.cjs', matcher: undefined },
  { event: 'SubagentStart', bundle: 'subagent-start.cjs', matcher: undefined },
  { event: 'SessionEnd', bundle: 'session-end.cjs', matcher: undefined },
];

/** The launcher every registered hook command runs: `node <bin>/launch.cjs <hook> [--warden-home D]`. */
export const LAUNCHER = 'launch.cjs';

/** The CLI bundle, linked into ~/.local/bin as `warden`. */
export const CLI_BUNDLE = 'warden.cjs';
/** The shipped default policy, copied next to the bundles and used as the user's first policy. */
export const DEFAULT_POLICY = 'policy.yaml';

export interface Handler {
  type: 'command';
  command: string;
  args: string[];
  timeout: number;
}

export interface Group {
  matcher?: string;
  hooks: Handler[];
}

export interface Placement {
  /** Absolute path of the node binary the hooks run with. */
  nodePath: string;
  wardenHome: string;
  /** True when wardenHome is `~/.claude/warden`; otherwise hooks get `--warden-home <dir>`. */
  defaultHome: boolean;
}

export function binDir(wardenHome: string): string {
  return path.join(wardenHome, 'bin');
}

export function handlerFor(spec: HookSpec, p: Placement): Handler {
  // Every hook runs through the launcher, which loads the bundle with V8's code cache (hooks/launch.cjs).
  const args = [path.join(binDir(p.wardenHome), LAUNCHER), spec.bundle.replace(/\.cjs$/, '')];
  if (!p.defaultHome) args.push('--warden-home', p.wardenHome);
  return { type: 'command', command: p.nodePath, args, timeout: HOOK_TIMEOUT_S[spec.event] };
}

export function groupFor(spec: HookSpec, p: Placement): Group {
  const hooks = [handlerFor(spec, p)];
  return spec.matcher === undefined ? { hooks } : { matcher: spec.matcher, hooks };
}

/** A matcher that lets every tool / every source through (CLAUDE-CODE-HOOKS.md §3). */
export function matchesAll(matcher: unknown): boolean {
  return matcher === undefined || matcher === '' || matcher === '*';
}

export function isWardenHandler(h: unknown, wardenHome: string): boolean {
  if (typeof h !== 'object' || h === null) return false;
  const args = (h as { args?: unknown }).args;
  if (!Array.isArray(args) || typeof args[0] !== 'string' || !path.isAbsolute(args[0])) return false;
  const rel = path.relative(binDir(wardenHome), args[0]);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
