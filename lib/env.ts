// Where a hook runs: the user's home, warden's home, the project, and Claude Code's configuration
// and plugin directories, from the hook's environment; and the effective policy there. Kept apart
// from lib/pipeline.ts so the session hooks (SessionStart, SubagentStart, SessionEnd) and the
// outcome runner get the policy without loading the shell analysis and the rules.

import path from 'node:path';
import { loadPolicy, policyPaths, type EffectivePolicy, type RuleRegistry } from './policy/load.js';

export interface Env {
  home: string;
  wardenHome: string;
  /** CLAUDE_PROJECT_DIR if set, else the call's cwd. */
  projectDir: string;
  /** CLAUDE_CONFIG_DIR, when Claude Code runs with another configuration directory than ~/.claude. */
  claudeConfigDir?: string;
  /** CLAUDE_PLUGIN_ROOT, when warden runs as a Claude Code plugin: the checkout its hooks run from. */
  pluginRoot?: string;
}

export function envFrom(vars: NodeJS.ProcessEnv, cwd: string, home: string, wardenHome: string): Env {
  const projectDir = vars.CLAUDE_PROJECT_DIR !== undefined && vars.CLAUDE_PROJECT_DIR !== '' ? path.resolve(vars.CLAUDE_PROJECT_DIR) : cwd;
  const configDir = vars.CLAUDE_CONFIG_DIR !== undefined && vars.CLAUDE_CONFIG_DIR !== '' ? path.resolve(vars.CLAUDE_CONFIG_DIR) : undefined;
  const pluginRoot = vars.CLAUDE_PLUGIN_ROOT !== undefined && vars.CLAUDE_PLUGIN_ROOT !== '' ? path.resolve(vars.CLAUDE_PLUGIN_ROOT) : undefined;
  return { home, wardenHome, projectDir, ...(configDir !== undefined ? { claudeConfigDir: configDir } : {}), ...(pluginRoot !== undefined ? { pluginRoot } : {}) };
}

/**
 * The effective policy for a call; parsed policy files are cached in `<wardenHome>/cache/`.
 * `rules`: the rule registry when the caller has it loaded already (the guard); otherwise it is
 * loaded only if a policy names rules or packs.
 */
export function loadPolicyFor(env: Env, rules?: () => RuleRegistry): EffectivePolicy {
  return loadPolicy(policyPaths(env.wardenHome, env.projectDir), env.home, env.projectDir, { cacheDir: path.join(env.wardenHome, 'cache'), ...(rules !== undefined ? { rules } : {}) });
}
