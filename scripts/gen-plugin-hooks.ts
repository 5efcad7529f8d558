// Writes hooks/hooks.json, warden's hooks as a Claude Code plugin, from the one table of hooks
// (lib/install/hooks.ts: event, bundle, matcher) and the registered timeouts
// (lib/protocol/deadlines.ts), so the plugin registers exactly what `warden install` writes into
// settings.json. Run `npx tsx scripts/gen-plugin-hooks.ts` after changing that table;
// tests/plugin/manifest.test.ts fails while the committed file is stale.
//
// Every hook runs the launcher of the plugin directory (`${CLAUDE_PLUGIN_ROOT}/hooks/launch.cjs`,
// which loads `dist/<hook>.cjs`); Claude Code substitutes the placeholder in both forms below.
// The hooks run in exec form (no shell), except PreToolUse: when `node` is not on the PATH Claude
// Code runs with, an exec-form hook fails to spawn, and Claude Code treats that as a non-blocking
// hook error and runs the tool (seen on Claude Code 2.1.331). So PreToolUse goes through `sh -c`
// and turns every failure to run the launcher (no node, a crash, any exit code but warden's own 0
// and 2) into exit 2, which blocks the call. The other events fail open by design, as the launcher
// does for them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOOKS, LAUNCHER, type HookSpec } from '../lib/install/hooks.js';
import { HOOK_TIMEOUT_S } from '../lib/protocol/deadlines.js';

export const PLUGIN_HOOKS_FILE = fileURLToPath(new URL('../hooks/hooks.json', import.meta.url));

/** The launcher as Claude Code sees it from the plugin directory. */
const PLUGIN_LAUNCHER = `\${CLAUDE_PLUGIN_ROOT}/hooks/${LAUNCHER}`;

const DESCRIPTION =
  'warden: each hook runs hooks/launch.cjs, which loads its bundle from dist/ (run `npm ci && npm run build` in this directory first; without dist/ every tool call is denied). ' +
  'PreToolUse goes through sh so that any failure to run node (not on PATH, a crash) exits 2 and blocks the call. ' +
  'Written by scripts/gen-plugin-hooks.ts from lib/install/hooks.ts; do not edit by hand.';

type Handler = { type: 'command'; command: string; args?: string[]; timeout: number };

/** The hook name the launcher takes: the bundle's file name without `.cjs`. */
const hookName = (spec: HookSpec): string => spec.bundle.replace(/\.cjs$/, '');

function pluginHandler(spec: HookSpec): Handler {
  const timeout = HOOK_TIMEOUT_S[spec.event];
  if (spec.event === 'PreToolUse') return { type: 'command', command: `node "${PLUGIN_LAUNCHER}" ${hookName(spec)} || exit 2`, timeout };
  return { type: 'command', command: 'node', args: [PLUGIN_LAUNCHER, hookName(spec)], timeout };
}

function pluginHooks(): { description: string; hooks: Record<string, { matcher?: string; hooks: Handler[] }[]> } {
  const hooks: Record<string, { matcher?: string; hooks: Handler[] }[]> = {};
  for (const spec of HOOKS) {
    const hs = [pluginHandler(spec)];
    (hooks[spec.event] ??= []).push(spec.matcher === undefined ? { hooks: hs } : { matcher: spec.matcher, hooks: hs });
  }
  return { description: DESCRIPTION, hooks };
}

export function pluginHooksText(): string {
  return `${JSON.stringify(pluginHooks(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(PLUGIN_HOOKS_FILE, pluginHooksText());
  console.log(`wrote ${PLUGIN_HOOKS_FILE}`);
}
