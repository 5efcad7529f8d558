// The one pipeline: a pending tool call → a Decision with its findings and trace. The PreToolUse
// hook, `warden explain` and (later) the API render what this returns; there is no second copy.
// Pure apart from reading the policy files and `.git/HEAD`; never prints, never exits.

import path from 'node:path';
import { analyze, isDynamic, type SimpleCommand } from './shell/analyze.js';
import { currentBranch } from './git/branch.js';
import { actionFor, type EffectivePolicy } from './policy/load.js';
import { envFrom, loadPolicyFor as loadPolicyAt, type Env } from './env.js';
import { renderMessage, type Hit, type Rule, type RuleContext } from './rules/define.js';
import { allCheckedRules, indexBy, programsOf, residentRule, rulesForProgram, rulesForTool } from './rules/shipped.js';
import { wildcard } from './rules/args.js';
import { isInside } from './rules/filesystem/paths.js';
import { loadEngine } from './sql/engine-loader.js';
import type { SqlFacts } from './sql/index.js';
import { mayRunSql } from './sql/programs.js';
import type { Action, Decision, Finding, ToolCall, TraceStep } from './types.js';
import type { DecideOptions } from './gate/stage.js';
import { isStricter, stricter } from './types.js';
import { mayBeExternal } from './gate/candidates.js';
import { loadStage } from './gate/stage-loader.js';

export type { ToolCall, DecideOptions };

export type { Env };

/** Tools that only read local state: they keep running even while the policy is invalid. */
export const READ_ONLY_TOOLS: ReadonlySet<string> = new Set([
  'Read',
  'Glob',
  'Grep',
  'LS',
  'NotebookRead',
  'TodoRead',
  'TodoWrite',
  'ToolSearch',
  'ListAgents',
  'AskUserQuestion',
  'ExitPlanMode',
]);

export { envFrom };

/**
 * The effective policy for a call (lib/env.ts). The rule registry (every pack) is loaded only when
 * a policy file must be parsed and names rules or packs; the guard itself loads rules by program
 * (lib/rules/shipped.ts).
 */
export function loadPolicyFor(env: Env): EffectivePolicy {
  return loadPolicyAt(env);
}


export function evaluate(call: ToolCall, env: Env, policy: EffectivePolicy = loadPolicyFor(env)): Decision {
  const trace: TraceStep[] = [{ kind: 'input', tool: call.tool, summary: summarize(call) }];
  trace.push({ kind: 'policy', sources: [...policy.sources], preset: policy.preset, warnings: [...policy.warnings], errors: [...policy.errors] });
  const findings: Finding[] = [];
  const sqlSeen = new Map<SimpleCommand, SqlFacts | undefined>();
  const ctx: RuleContext = {
    home: env.home,
    projectDir: env.projectDir,
    protectedBranches: policy.protectedBranches,
    protectedPaths: policy.protectedPaths,
    currentBranch,
    sql: (cmd) => {
      if (!sqlSeen.has(cmd)) {
        // The engine (its own bundle) loads only for a command that may run SQL.
        const f = mayRunSql(cmd) ? loadEngine().sqlFacts(cmd) : undefined;
        sqlSeen.set(cmd, f);
        if (f !== undefined) trace.push(loadEngine().sqlTrace(f, cmd.depth));
      }
      return sqlSeen.get(cmd);
    },
    database: policy.database,
    wardenHome: env.wardenHome,
    claudeDirs: env.claudeConfigDir !== undefined ? [path.join(env.home, '.claude'), env.claudeConfigDir] : [path.join(env.home, '.claude')],
    trustedProjects: policy.trustedProjects,
    pluginRoot: env.pluginRoot,
  };
  const custom = policy.customRules.length > 0 ? indexBy(policy.customRules, programsOf) : undefined;
  let commands: SimpleCommand[] | undefined;

  const raise = (rule: Rule, messageId: string, data: Record<string, string>, segment: string, paths?: string[], hit?: Pick<Hit<string>, 'action' | 'atLeast'>): void => {
    let action = hit?.action !== undefined && !rule.meta.locked ? hit.action : actionFor(rule, policy);
    if (hit?.atLeast !== undefined) action = stricter(action, hit.atLeast);
    const f: Finding = { ruleId: rule.id, messageId, data, action, segment, message: renderMessage(rule, messageId, data), ...(paths ? { paths } : {}) };
    const exception = rule.meta.locked ? undefined : exceptionFor(f, policy);
    if (exception !== undefined) {
      trace.push({ kind: 'exception', ruleId: rule.id, by: exception });
      return;
    }
    trace.push({ kind: 'rule', ruleId: rule.id, action, segment });
    findings.push(f);
  };

  if (call.tool === 'Bash') {
    // A Bash call without a command string is malformed input: refuse to guess (the hook fails closed).
    if (typeof call.input.command !== 'string') throw new Error('Bash tool_input has no command string');
    // NUL bytes: a shell reading the command from a pipe drops them (`r\0m` runs rm), exec() would
    // cut the command at the first one. Judged without them, and held for a human (issue 8).
    const nul = call.input.command.includes('\0');
    const analysis = analyze(nul ? call.input.command.replaceAll('\0', '') : call.input.command, { cwd: call.cwd, home: env.home });
    if (nul) analysis.bounds.unshift('a NUL byte in the command (a shell drops it or ends the command there)');
    trace.push(...analysis.trace);
    commands = analysis.commands;
    for (const cmd of analysis.commands) {
      for (const rule of candidates(cmd, custom)) {
        if (rule.meta.packs.every((p) => policy.disabledPacks.has(p)) && !rule.meta.locked) continue;
        for (const hit of rule.check?.(cmd, ctx) ?? []) raise(rule, hit.messageId, hit.data ?? {}, cmd.text, hit.paths, hit);
      }
    }
    if (analysis.bounds.length > 0) {
      raise(residentRule('core/analysis-bound'), 'bound', { what: analysis.bounds.join('; ') }, truncate(call.input.command, 200));
    }
  }

  // Rules on the tool call itself (file tools, MCP tools, …): indexed by tool name, `*` for all.
  for (const rule of rulesForTool(call.tool)) {
    if (rule.meta.packs.every((p) => policy.disabledPacks.has(p)) && !rule.meta.locked) continue;
    for (const hit of rule.checkTool?.(call, ctx) ?? []) raise(rule, hit.messageId, hit.data ?? {}, summarize(call), hit.paths, hit);
  }

  if (policy.errors.length > 0 && !READ_ONLY_TOOLS.has(call.tool)) {
    raise(residentRule('core/policy-invalid'), 'invalid', { errors: policy.errors.join('; ') }, call.tool);
  }

  const decision = decide(findings, trace);
  if (commands !== undefined) ANALYSES.set(decision, commands);
  return decision;
}

/** The simple commands `evaluate` found in a Bash call, for the gate's first look (no second analysis). */
const ANALYSES = new WeakMap<Decision, readonly SimpleCommand[]>();

/**
 * The whole decision on a call: the guard (`evaluate`, synchronous) and then, asynchronously, the
 * safety gate for external operations and approvals for every call it would hold (lib/gate/stage.ts).
 * The PreToolUse hook and `warden explain` (with `dryRun`) use this; rule tests use `evaluate`.
 */
export async function decideCall(call: ToolCall, env: Env, opts: DecideOptions = {}, policy: EffectivePolicy = loadPolicyFor(env)): Promise<Decision> {
  const guard = evaluate(call, env, policy);
  // Nothing held and nothing that could leave the machine: the gate has nothing to do, and its
  // modules stay unloaded (the common case, on every tool call).
  if (guard.verdict === 'allow' && !mayBeExternal(call, env.home, ANALYSES.get(guard))) return guard;
  const { gateStage } = await loadStage();
  return gateStage(call, env, policy, guard, opts);
}

function candidates(cmd: SimpleCommand, custom: Map<string, Rule[]> | undefined): Rule[] {
  // `$(echo rm) -rf /`, `$CMD push -f`: the program could be anything, so every rule looks at it.
  if (isDynamic(cmd.program)) return [...allCheckedRules(), ...(custom ? [...new Set([...custom.values()].flat())] : [])];
  const out = rulesForProgram(cmd.program);
  if (custom) out.push(...(custom.get(cmd.program) ?? []), ...(custom.get('*') ?? []));
  return out;
}

/** The policy exception that lets this finding through, if any (never for locked rules). */
function exceptionFor(f: Finding, policy: EffectivePolicy): string | undefined {
  for (const a of policy.allowCommands) {
    if (a.rules !== undefined && !a.rules.includes(f.ruleId)) continue;
    if (wildcard(a.pattern, f.segment)) return `allow.commands "${a.pattern}" (${a.source})`;
  }
  if (f.paths && f.paths.length > 0 && policy.allowPaths.length > 0) {
    const p = policy.allowPaths.find((dir) => f.paths?.every((fp) => isInside(fp, dir)));
    if (p !== undefined) return `allow.paths ${p}`;
  }
  return undefined;
}

/** Strictest finding wins; `allow`-overridden findings stay in the trace but do not count. */
export function decide(findings: Finding[], trace: TraceStep[]): Decision {
  const counted = findings.filter((f) => f.action !== 'allow');
  let verdict: Action = 'allow';
  for (const f of counted) if (isStricter(f.action, verdict)) verdict = f.action;
  const shown = counted.filter((f) => f.action === verdict);
  const reason = shown.length === 0 ? '' : shown.map((f) => `[${f.ruleId}] ${f.message}`).join('\n');
  return { verdict, findings, reason, trace };
}

function summarize(call: ToolCall): string {
  if (call.tool === 'Bash' && typeof call.input.command === 'string') return truncate(call.input.command, 500);
  if (typeof call.input.file_path === 'string') return call.input.file_path;
  return truncate(JSON.stringify(call.input), 300);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}… [${s.length - n} more characters]` : s;
}

