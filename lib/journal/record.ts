// What the hooks journal, as drafts for the store: one function per kind of event. The hooks call
// `tryAppend`, which never throws: a journal failure becomes a message for the user
// (`systemMessage`) and the hook's decision stands (see the fail mode in ./store.ts).

import type { Decision, ToolCall } from '../types.js';
import type { Draft } from './entry.js';
import { redactSummary } from './redact.js';
import { appendEntries, type AppendOptions } from './store.js';

export type AllowsMode = 'compact' | 'full' | 'off';

export interface JournalSettings {
  dir: string;
  retentionDays: number;
  allows: AllowsMode;
}

/** Input summary length of a compact `allow` entry. */
export const COMPACT_INPUT_CHARS = 200;

/** Who and where, as the hook input says. */
export interface Origin {
  session?: string | undefined;
  agent?: string | undefined;
  cwd?: string | undefined;
  mode?: string | undefined;
}

/** The draft fields of an origin, those it has. */
export function origin(o: Origin): Partial<Draft> {
  return {
    ...(o.session !== undefined ? { session: o.session } : {}),
    ...(o.agent !== undefined ? { agent: o.agent } : {}),
    ...(o.cwd !== undefined ? { cwd: o.cwd } : {}),
    ...(o.mode !== undefined ? { mode: o.mode } : {}),
  };
}

/** The part of a tool input worth recording (the store redacts and cuts every string it writes). */
export function inputSummary(call: Pick<ToolCall, 'tool' | 'input'>): string {
  const i = call.input;
  if (typeof i.command === 'string') return i.command;
  if (typeof i.file_path === 'string') {
    const size = typeof i.content === 'string' ? ` (${i.content.length} characters)` : typeof i.new_string === 'string' ? ` (edit of ${i.new_string.length} characters)` : '';
    return `${i.file_path}${size}`;
  }
  if (typeof i.url === 'string') return i.url;
  try {
    return JSON.stringify(i);
  } catch {
    return '(input not serialisable)';
  }
}

/**
 * A PreToolUse decision; undefined when allows are not journaled and this is one. A decision made
 * while a component failed (a trust store that cannot be read, …) is always journaled in full, with
 * the fault, whatever `allows` says: how warden failed closed is part of the record.
 */
export function guardDraft(call: ToolCall, decision: Decision, o: Origin, allows: AllowsMode): Draft | undefined {
  const rules = [...new Set(decision.findings.map((f) => f.ruleId))];
  const summary = inputSummary(call);
  const faults = decision.trace.flatMap((s) => (s.kind === 'error' ? [`fault: ${s.component}: ${s.message} (failed ${s.failMode})`] : []));
  if (decision.verdict === 'allow' && faults.length === 0) {
    if (allows === 'off') return undefined;
    // Redact before cutting, so a secret across the cut is not left half-visible.
    if (allows === 'compact') return { event: 'guard', ...origin({ session: o.session, agent: o.agent }), tool: call.tool, decision: 'allow', input: redactSummary(summary, COMPACT_INPUT_CHARS) };
  }
  const exceptions = decision.trace.flatMap((s) => (s.kind === 'exception' ? [`${s.ruleId} let through by ${s.by}`] : []));
  const rationale = [decision.reason, ...exceptions, ...faults].filter((s) => s !== '').join('\n');
  return {
    event: 'guard',
    ...origin(o),
    tool: call.tool,
    decision: decision.verdict,
    input: summary,
    ...(rules.length > 0 ? { rules } : {}),
    ...(rationale !== '' ? { rationale } : {}),
  };
}

/** The guard itself failed on this call (it fails closed: the call was denied). */
export function guardFailureDraft(call: ToolCall, error: string, o: Origin): Draft {
  return { event: 'guard', ...origin(o), tool: call.tool, decision: 'deny', input: inputSummary(call), rationale: `the guard failed (${error}) and failed closed` };
}

/** Appends; returns undefined on success, else a one-line message for the user. Never throws. */
export function tryAppend(settings: Pick<JournalSettings, 'dir' | 'retentionDays'>, drafts: readonly Draft[], opts: AppendOptions = {}): string | undefined {
  if (drafts.length === 0) return undefined;
  try {
    appendEntries(settings.dir, drafts, { retentionDays: settings.retentionDays, ...opts });
    return undefined;
  } catch (e) {
    return `warden could not write its decision journal (${e instanceof Error ? e.message : String(e)}); the decision stands, but it is not recorded. Check ${settings.dir} and run \`warden journal verify\`.`;
  }
}
