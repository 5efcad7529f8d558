// What the safety gate puts in the decision journal (lib/journal): gate verdicts on external
// operations (reads included), approvals opened, used, rejected and decided, and trust scores that
// moved. Drafts only; the hooks and the CLI append them with the journal's `tryAppend`, which never
// throws and never changes a decision.

import type { Draft } from '../journal/entry.js';
import { inputSummary, origin, type Origin } from '../journal/record.js';
import type { Decision, ToolCall } from '../types.js';

/** The gate's and approvals' part of one PreToolUse decision. */
export function gateDrafts(call: ToolCall, d: Decision, o: Origin): Draft[] {
  const out: Draft[] = [];
  const g = d.gate;
  if (g !== undefined && !g.dryRun && g.ops.length > 0) {
    const services = [...new Set(g.ops.map((op) => op.service))].join(', ');
    const kinds = [...new Set(g.ops.map((op) => op.kind))].join(', ');
    const r = g.review;
    out.push({
      event: 'gate',
      ...origin(o),
      tool: call.tool,
      input: inputSummary(call),
      decision: d.verdict,
      rationale: g.ops.map((op) => `${op.kind} on ${op.service} → ${op.route}: ${op.why}`).join('\n'),
      gate: {
        verdict: r !== undefined ? r.decision : g.verdict,
        service: services,
        kind: kinds,
        ...(r?.risk !== undefined ? { risk: r.risk } : {}),
        ...(r !== undefined ? { rationale: `${r.cached ? '(cached) ' : ''}${r.rationale}`, model: r.model } : {}),
      },
    });
    for (const t of g.trust ?? []) out.push(trustDraft(t, 'the safety reviewer denied an operation', o));
  }
  const a = d.approval;
  if (a !== undefined && !(a.state === 'pending' && a.reused === true) && g?.dryRun !== true) {
    const state = a.state === 'pending' ? 'opened' : a.state === 'used' ? 'used' : a.state === 'rejected' ? 'rejected' : undefined;
    if (state !== undefined) out.push({ event: 'approval', ...origin(o), tool: call.tool, input: inputSummary(call), decision: d.verdict, approval: { id: a.id, state } });
  }
  return out;
}

export function trustDraft(t: { service: string; before: number; after: number }, why: string, o: Origin = {}): Draft {
  return { event: 'trust', ...origin(o), rationale: why, trust: { service: t.service, before: t.before, after: t.after } };
}

/** A human's answer, through the CLI unless `by` says otherwise (`page` or `api` of warden serve). */
export function decisionDraft(id: string, state: 'granted' | 'rejected', summary: string, by = 'human (warden CLI)'): Draft {
  return { event: 'approval', input: summary, approval: { id, state, by } };
}
