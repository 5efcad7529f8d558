// A rule is one declarative object: id, meta (description, default action, packs, messages) and a
// small `check` over one simple command. Findings refer to messages by id; reason text is rendered
// here, in one place. Packs are derived from `meta.packs` (lib/rules/index.ts).

import type { Action, ToolCall } from '../types.js';
import type { SimpleCommand } from '../shell/analyze.js';
import type { DatabasePolicy } from '../sql/kinds.js';
import type { SqlFacts } from '../sql/index.js';

export type Preset = 'standard' | 'strict' | 'paranoid';

export interface RuleMeta<M extends string> {
  description: string;
  /** Action under the `standard` preset. */
  action: Action;
  /** Stricter actions under the stricter presets. */
  presets?: Partial<Record<Exclude<Preset, 'standard'>, Action>>;
  packs: readonly string[];
  messages: Readonly<Record<M, string>>;
  /**
   * Self-protection and fail-closed rules: a project policy cannot lower them, allow exceptions do
   * not apply, and their pack cannot be switched off.
   */
  locked?: boolean;
}

export interface Hit<M extends string> {
  messageId: M;
  data?: Record<string, string>;
  /** Absolute paths the finding is about (for `allow.paths`). */
  paths?: string[];
  /** Replaces the rule's action for this hit: a policy setting finer than the rule (`database.actions`). */
  action?: Action;
  /** The hit's action is at least this (a production database, a protected table). */
  atLeast?: Action;
}

export interface RuleContext {
  home: string;
  /** The project root: CLAUDE_PROJECT_DIR, else the hook's cwd. */
  projectDir: string;
  protectedBranches: readonly string[];
  /** Absolute, normalized. */
  protectedPaths: readonly string[];
  /** The checked-out branch of the repository containing `dir`, if it can be read cheaply. */
  currentBranch(dir: string): string | undefined;
  /** The SQL a database client command will run, judged (lib/sql); once per command. */
  sql(cmd: SimpleCommand): SqlFacts | undefined;
  /** The policy's `database:` section. */
  database: DatabasePolicy;
  /** warden's home (lib/paths.ts), absolute: its state, which self-protection guards. */
  wardenHome: string;
  /** Claude Code's user configuration directories: `~/.claude`, and `$CLAUDE_CONFIG_DIR` when set. */
  claudeDirs: readonly string[];
  /** Projects the user's policy trusts (absolute): their `.claude/warden.yaml` may loosen. */
  trustedProjects: readonly string[];
  /** The plugin checkout warden's hooks run from (CLAUDE_PLUGIN_ROOT), when installed as a plugin. */
  pluginRoot?: string | undefined;
}

export interface Rule<M extends string = string> {
  id: string;
  meta: RuleMeta<M>;
  /** Programs (basenames) whose simple commands this rule sees. Empty: only raised by the pipeline. */
  programs: readonly string[];
  check?(cmd: SimpleCommand, ctx: RuleContext): Hit<M>[];
  /** Tool names (not Bash: its commands go through `check`) whose calls `checkTool` sees; `*` for all. */
  tools?: readonly string[];
  checkTool?(call: ToolCall, ctx: RuleContext): Hit<M>[];
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  if (Object.keys(rule.meta.messages).length === 0) throw new Error(`rule ${rule.id} has no messages`);
  if (rule.programs.length > 0 && rule.check === undefined) throw new Error(`rule ${rule.id} lists programs but has no check`);
  if ((rule.tools?.length ?? 0) > 0 && rule.checkTool === undefined) throw new Error(`rule ${rule.id} lists tools but has no checkTool`);
  return rule;
}

/** Renders a rule message; an unknown message id or placeholder is a bug and throws. */
export function renderMessage(rule: Rule, messageId: string, data: Record<string, string>): string {
  const template = (rule.meta.messages as Record<string, string>)[messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const v = data[key];
    if (v === undefined) throw new Error(`rule ${rule.id} message ${messageId} needs data.${key}`);
    return v;
  });
}
