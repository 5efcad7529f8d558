// The asynchronous stage after the guard (lib/pipeline.ts `decideCall`): the safety gate for
// external operations, then approvals for every call that would be held. DESIGN.md, "Safety gate"
// and "Decisions and modes".
//
//   guard deny ─────────────────────────────────────────────────────────────► deny (never approvable)
//   classify → per external operation a route: allow | review | approve | deny
//     (a credential in the URL → approve; the user's gate.services route; reads → allow;
//      UNRESOLVED → approve; else trust: < approve_below → approve; always_review kind or
//      < auto_above → review; else allow; a project's floor raises the route)
//   held (guard ask, approve, review)? a granted approval of exactly this call → allow, once
//                                      a live rejection of it → deny
//   review needed and nothing else holds the call → the LLM reviewer (cached verdict first):
//     allow → allow; ask or unavailable → ask; deny → deny and the services' trust drops
//   ask → open (or find open) a pending approval; its id goes into the reason.
//
// Trust model and fail mode: every failure holds the call. A trust store that cannot be read scores
// 0 (a human approves); a classifier error, an approvals store that cannot be read or locked, a
// reviewer that cannot be reached: ask, with the cause in the reason and the trace. Nothing here
// turns an error into allow. `dryRun` (`warden explain`) reads the stores but asks no reviewer and
// opens, uses and records nothing.
//
// Cost: only light modules are loaded up front; the classifier (with the public-suffix data), the
// stores and the reviewer are imported when a call needs them.

import type { Env } from '../pipeline.js';
import type { EffectivePolicy } from '../policy/load.js';
import type { Action, ApprovalRef, Decision, GateOp, GateResult, GateReview, GateRoute, ToolCall, TraceStep } from '../types.js';
import { isStricter, stricter } from '../types.js';
import { bashCommands, mayBeExternal } from './candidates.js';
import { stricterRoute } from './policy.js';
import type { ReviewOptions } from './review.js';

/** The service key of targets warden cannot name (kept in sync with service.ts, which is loaded lazily). */
const UNRESOLVED = 'unresolved';

export interface DecideOptions {
  /** Claude Code's session id: whose latest prompt the reviewer sees, whose approval this is. */
  session?: string;
  /** `warden explain`: no review request, no approval opened or used, nothing recorded. */
  dryRun?: boolean;
  now?: number;
  review?: ReviewOptions;
}

const fmt = (x: number): string => x.toFixed(2);

function opLine(op: GateOp): string {
  return `${op.kind} on ${op.service} (${op.target})`;
}

export async function gateStage(call: ToolCall, env: Env, policy: EffectivePolicy, guard: Decision, opts: DecideOptions = {}): Promise<Decision> {
  if (guard.verdict === 'deny') return guard;
  const now = opts.now ?? Date.now();
  const g = policy.gate;
  const trace: TraceStep[] = [...guard.trace];
  const reasons: { action: Action; text: string }[] = guard.verdict === 'ask' && guard.reason !== '' ? [{ action: 'ask', text: guard.reason }] : [];
  const fail = (component: string, message: string): void => {
    trace.push({ kind: 'error', component, message, failMode: 'closed' });
  };

  // 1. Classify and route.
  const ops: GateOp[] = [];
  let classifyFailed = false;
  // One shell analysis for the first look and the classifier.
  const commands = bashCommands(call, env.home);
  if (mayBeExternal(call, env.home, commands)) {
    try {
      const { classifyCall } = await import('./classify.js');
      const { trustOf } = await import('./trust.js');
      const scores = new Map<string, number>();
      for (const op of classifyCall(call, env.home, commands)) {
        if (op.local) continue;
        let route: GateRoute;
        let why: string;
        let score: number | undefined;
        const fixed = g.services.get(op.service);
        if (fixed === 'deny') {
          route = 'deny';
          why = `your policy (gate.services) blocks ${op.service}`;
        } else if (op.secret !== undefined) {
          route = 'approve';
          why = `the URL carries ${op.secret}; credentials in URLs end up in logs and proxies. Send it in a header instead (e.g. curl -H "Authorization: Bearer $TOKEN"), or ask the human`;
        } else if (op.service === UNRESOLVED && op.kind !== 'read') {
          // Whatever gate.services says: a route for "anything warden cannot name" is no route.
          route = 'approve';
          why = 'warden cannot tell which service this goes to; write the target out literally, or ask the human';
        } else if (fixed !== undefined) {
          route = fixed;
          why = `your policy (gate.services) routes ${op.service} to ${fixed}`;
        } else if (op.kind === 'read') {
          route = 'allow';
          why = 'reads pass the gate';
        } else {
          if (!scores.has(op.service)) {
            const t = trustOf(env.wardenHome, op.service, g.trust, now);
            if (t.error !== undefined) fail('gate/trust', `${t.error}; every service scores 0 until the store is fixed or reset (warden trust reset --all)`);
            scores.set(op.service, t.view.score);
          }
          score = scores.get(op.service) ?? 0;
          if (score < g.trust.approveBelow) {
            route = 'approve';
            why = `trust in ${op.service} is ${fmt(score)}, below approve_below ${fmt(g.trust.approveBelow)}: a human approves each such operation until the service has earned trust`;
          } else if (g.alwaysReview.has(op.kind)) {
            route = 'review';
            why = `${op.kind} operations are always reviewed (gate.always_review)`;
          } else if (score < g.trust.autoAbove) {
            route = 'review';
            why = `trust in ${op.service} is ${fmt(score)}, between approve_below ${fmt(g.trust.approveBelow)} and auto_above ${fmt(g.trust.autoAbove)}`;
          } else {
            route = 'allow';
            why = `trust in ${op.service} is ${fmt(score)}, at or above auto_above ${fmt(g.trust.autoAbove)}`;
          }
        }
        const floor = g.serviceFloors.get(op.service);
        if (floor !== undefined && stricterRoute(route, floor) !== route) {
          route = floor;
          why += `; the project's policy sends ${op.service} to ${floor} at least`;
        }
        const gop: GateOp = { service: op.service, kind: op.kind, target: op.target, segment: op.segment, route, why, ...(score !== undefined ? { score } : {}) };
        ops.push(gop);
        trace.push({ kind: 'gate-op', service: gop.service, op: gop.kind, target: gop.target, route, why, ...(score !== undefined ? { score } : {}) });
      }
    } catch (e) {
      classifyFailed = true;
      fail('gate/classify', (e as Error).message);
      reasons.push({ action: 'ask', text: `[gate] warden could not classify this call (${(e as Error).message}), so a human decides.` });
    }
  }
  if (ops.length === 0 && !classifyFailed && guard.verdict === 'allow') return guard;

  const denied = ops.filter((o) => o.route === 'deny');
  const approve = ops.filter((o) => o.route === 'approve');
  const toReview = ops.filter((o) => o.route === 'review');
  for (const o of denied) reasons.push({ action: 'deny', text: `[gate] ${opLine(o)}: ${o.why}.` });
  for (const o of approve) reasons.push({ action: 'ask', text: `[gate] ${opLine(o)} needs a human: ${o.why}.` });

  let gateVerdict: Action = denied.length > 0 ? 'deny' : approve.length > 0 || classifyFailed ? 'ask' : 'allow';
  let verdict = stricter(guard.verdict, gateVerdict);
  const gate: GateResult = { ops, verdict: gateVerdict, ...(opts.dryRun === true ? { dryRun: true } : {}) };
  let approval: ApprovalRef | undefined;

  const finish = (): Decision => {
    gate.verdict = gateVerdict;
    const shown = reasons.filter((r) => r.action === verdict).map((r) => r.text);
    const reason = verdict === 'allow' ? '' : shown.join('\n');
    return { ...guard, verdict, reason, trace, ...(ops.length > 0 || classifyFailed ? { gate } : {}), ...(approval !== undefined ? { approval } : {}) };
  };
  if (verdict === 'deny') return finish();

  // 2. A human's answer to exactly this call.
  const held = verdict === 'ask' || toReview.length > 0;
  if (held) {
    try {
      const { consumeApproval, peekApproval } = await import('./approvals.js');
      const match = opts.dryRun === true ? peekApproval(env.wardenHome, call, now) : consumeApproval(env.wardenHome, call, now);
      if (match !== undefined && 'use' in match) {
        approval = { id: match.use.id, state: opts.dryRun === true ? 'granted' : 'used', expires: match.use.expires };
        trace.push({ kind: 'approval', id: match.use.id, state: approval.state });
        verdict = 'allow';
        gateVerdict = 'allow';
        return finish();
      }
      if (match !== undefined && 'rejected' in match) {
        approval = { id: match.rejected.id, state: 'rejected', expires: match.rejected.expires };
        trace.push({ kind: 'approval', id: match.rejected.id, state: 'rejected' });
        reasons.push({ action: 'deny', text: `[approval] A human rejected exactly this call (approval ${match.rejected.id}). Do not retry it or work around it; ask the user what to do instead.` });
        verdict = 'deny';
        gateVerdict = 'deny';
        return finish();
      }
    } catch (e) {
      fail('gate/approvals', (e as Error).message);
    }
  }

  // 3. The reviewer, when it is all that stands between the call and running.
  if (toReview.length > 0) {
    if (verdict !== 'allow') {
      for (const o of toReview) reasons.push({ action: 'ask', text: `[gate] ${opLine(o)} would go to review (${o.why}); a human decides instead, as the call is held anyway.` });
    } else if (opts.dryRun === true) {
      for (const o of toReview) reasons.push({ action: 'ask', text: `[gate] ${opLine(o)} goes to the LLM reviewer (${g.model}): ${o.why}. Its answer decides: allow runs, ask or no answer holds for a human, deny blocks.` });
      verdict = 'ask';
      gateVerdict = 'ask';
    } else {
      const r = await runReview(call, env, policy, toReview, opts, now, fail);
      gate.review = r.review;
      if (r.trust.length > 0) gate.trust = r.trust;
      trace.push({ kind: 'gate-review', decision: r.review.decision, model: r.review.model, cached: r.review.cached, rationale: r.review.rationale, ...(r.review.risk !== undefined ? { risk: r.review.risk } : {}) });
      const what = toReview.map(opLine).join('; ');
      switch (r.review.decision) {
        case 'allow':
          break;
        case 'deny':
          gateVerdict = 'deny';
          reasons.push({ action: 'deny', text: `[gate] The safety reviewer blocked ${what}: ${r.review.rationale} Do not retry it or work around it; if the user wants it, they can run it themselves.` });
          break;
        case 'ask':
          gateVerdict = 'ask';
          reasons.push({ action: 'ask', text: `[gate] The safety reviewer wants a human to decide on ${what}: ${r.review.rationale}` });
          break;
        case 'unavailable':
          gateVerdict = 'ask';
          reasons.push({ action: 'ask', text: `[gate] ${what} needs review (${toReview[0]?.why ?? ''}), but the reviewer is unavailable (${r.review.rationale}), so a human decides.` });
          break;
      }
      verdict = stricter(verdict, gateVerdict);
    }
  }

  // 4. Every ask opens a pending approval.
  if (verdict === 'ask' && opts.dryRun !== true) {
    try {
      const { openApproval } = await import('./approvals.js');
      const first = [...approve, ...toReview][0];
      const opened = openApproval(
        env.wardenHome,
        call,
        {
          reason: reasons.filter((r) => r.action === 'ask').map((r) => r.text).join('\n'),
          ...(first !== undefined ? { service: first.service, kind: first.kind } : {}),
          ...(opts.session !== undefined ? { session: opts.session } : {}),
        },
        g.approvalTtlMinutes * 60_000,
        now,
      );
      approval = { id: opened.approval.id, state: 'pending', expires: opened.approval.expires, ...(opened.reused ? { reused: true } : {}) };
      trace.push({ kind: 'approval', id: opened.approval.id, state: 'pending' });
    } catch (e) {
      fail('gate/approvals', (e as Error).message);
      reasons.push({ action: 'ask', text: `[approval] warden could not open an approval for this call (${(e as Error).message}); the human has to run it themselves or fix warden's state (\`warden doctor\`).` });
    }
  }
  if (isStricter(gateVerdict, gate.verdict)) gate.verdict = gateVerdict;
  return finish();
}

async function runReview(
  call: ToolCall,
  env: Env,
  policy: EffectivePolicy,
  ops: readonly GateOp[],
  opts: DecideOptions,
  now: number,
  fail: (component: string, message: string) => void,
): Promise<{ review: GateReview; trust: { service: string; before: number; after: number }[] }> {
  const g = policy.gate;
  const { cacheKey, cachedVerdict, review, storeVerdict } = await import('./review.js');
  const { callHash } = await import('./approvals.js');
  const key = cacheKey(callHash(call), g.model);
  let result = cachedVerdict(env.wardenHome, key, g.cacheTtlSeconds, now);
  if (result === undefined) {
    const { trustOf } = await import('./trust.js');
    const { latestPrompt } = await import('./prompts.js');
    const prompt = opts.session !== undefined ? latestPrompt(env.wardenHome, opts.session) : undefined;
    const history = [...new Set(ops.map((o) => o.service))].map((s) => trustOf(env.wardenHome, s, g.trust, now).view);
    result = await review(
      { call, ops, history, ...(prompt !== undefined ? { userRequest: prompt.prompt } : {}) },
      g,
      opts.review ?? {},
    );
    try {
      storeVerdict(env.wardenHome, key, result, g.cacheTtlSeconds, now);
    } catch (e) {
      fail('gate/review-cache', (e as Error).message);
    }
  }
  const trust: { service: string; before: number; after: number }[] = [];
  if (result.decision === 'deny' && !result.cached) {
    const { recordTrust } = await import('./trust.js');
    for (const service of new Set(ops.map((o) => o.service))) {
      try {
        const change = recordTrust(env.wardenHome, service, 'rejection', g.trust, now);
        if (change !== undefined) trust.push(change);
      } catch (e) {
        fail('gate/trust', (e as Error).message);
      }
    }
  }
  return { review: result, trust };
}
