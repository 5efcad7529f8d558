// The API's endpoints: each renders what lib/gate, lib/journal and lib/policy return, as the CLI
// does (lib/cli/gate.ts, lib/cli/journal.ts); no decision logic lives here. The server
// (./server.ts) has already checked Host, Origin, the credential, the rate limits and the body size
// before any of these run.
//
// Approvals and trust changes made here are journaled like the CLI's, with who made them: `page`
// (a logged-in browser session) or `api` (the bearer token).

import * as z from 'zod/mini';
import { APPROVAL_ID, ApprovalError, decideApproval, listApprovals, type Approval } from '../gate/approvals.js';
import { decisionDraft, trustDraft } from '../gate/journal.js';
import { TrustInputError, listTrust, recordTrust, resetTrust, setTrust, trustOf, type TrustView } from '../gate/trust.js';
import type { Draft, JournalEntry } from '../journal/entry.js';
import { JOURNAL_EVENTS } from '../journal/entry.js';
import { allEntries, entryHasRule, entryMentions } from '../journal/read.js';
import { tryAppend } from '../journal/record.js';
import { describeBad, verifyJournal } from '../journal/verify.js';
import { actionFor, loadPolicy, policyPaths, type EffectivePolicy } from '../policy/load.js';
import { RULES } from '../rules/index.js';

export type Who = 'page' | 'api';

export interface ApiContext {
  wardenHome: string;
  /** The user's home directory (for `~` in the policy). */
  home: string;
  who: Who;
  now: number;
  /** The `:name` segments of the route, decoded. */
  params: readonly string[];
  query: URLSearchParams;
  /** The parsed JSON body (PUT), undefined when there is none. */
  body: unknown;
  started: string;
}

export interface ApiResult {
  status: number;
  body: unknown;
}

/** Journal page size: default and most. */
export const JOURNAL_PAGE = 50;
export const MAX_JOURNAL_PAGE = 500;

const ok = (body: unknown): ApiResult => ({ status: 200, body });
const error = (status: number, message: string): ApiResult => ({ status, body: { error: message } });

/** The user's policy; with `?project=DIR` (absolute), that project's effective policy. */
function policyOf(ctx: ApiContext, project?: string): EffectivePolicy {
  return loadPolicy(policyPaths(ctx.wardenHome, project), ctx.home, project);
}

/** An approval as the CLI's `pending --json` shows it: without its hash, with its state as of now. */
function approvalView(a: Approval & { now?: string }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a, state: a.now ?? a.state };
  delete out.hash;
  delete out.now;
  return out;
}

export function health(ctx: ApiContext): ApiResult {
  return ok({ ok: true, who: ctx.who, started: ctx.started });
}

export function pending(ctx: ApiContext): ApiResult {
  const all = ctx.query.get('all') === '1' || ctx.query.get('all') === 'true';
  return ok({ approvals: listApprovals(ctx.wardenHome, all, ctx.now).map(approvalView) });
}

/** A human's answer to a pending approval, as `warden approve|reject <id>`. */
export function decide(ctx: ApiContext, answer: 'granted' | 'rejected'): ApiResult {
  const id = ctx.params[0] ?? '';
  if (!APPROVAL_ID.test(id)) return error(400, `not an approval id: ${JSON.stringify(id)}`);
  if (!listApprovals(ctx.wardenHome, true, ctx.now).some((a) => a.id === id)) return error(404, `no approval ${id}`);
  const policy = policyOf(ctx);
  let a: Approval;
  try {
    a = decideApproval(ctx.wardenHome, id, answer, policy.gate.approvalTtlMinutes * 60_000, ctx.now);
  } catch (e) {
    if (e instanceof ApprovalError) return error(409, e.message);
    throw e;
  }
  const drafts: Draft[] = [decisionDraft(a.id, answer, a.summary, ctx.who)];
  let trust: { service: string; before: number; after: number } | undefined;
  let trustError: string | undefined;
  if (answer === 'rejected' && a.service !== undefined) {
    try {
      trust = recordTrust(ctx.wardenHome, a.service, 'rejection', policy.gate.trust, ctx.now);
      if (trust !== undefined) drafts.push(trustDraft(trust, `a human rejected approval ${a.id} (warden serve, ${ctx.who})`));
    } catch (e) {
      trustError = `the rejection stands, but trust in ${a.service} could not be lowered (${(e as Error).message})`;
    }
  }
  const journalError = tryAppend(policy.journal, drafts);
  return ok({ approval: approvalView(a), ...(trust !== undefined ? { trust } : {}), ...(trustError !== undefined ? { trustError } : {}), ...(journalError !== undefined ? { journalError } : {}) });
}

const ACTIONS = ['allow', 'ask', 'deny'] as const;

function count(v: string | null, fallback: number, max: number): number | undefined {
  if (v === null || v === '') return fallback;
  if (!/^\d{1,9}$/.test(v)) return undefined;
  return Math.min(Number(v), max);
}

/**
 * Journal entries, newest first, filtered (session prefix, decision, event, tool, rule, text) and
 * paged: `limit` entries older than `before` (a sequence number); `next` is the `before` of the next
 * page, null on the last.
 */
export function journal(ctx: ApiContext): ApiResult {
  const q = ctx.query;
  const limit = count(q.get('limit'), JOURNAL_PAGE, MAX_JOURNAL_PAGE);
  const before = count(q.get('before'), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (limit === undefined || limit === 0) return error(400, `limit is a number from 1 to ${MAX_JOURNAL_PAGE}`);
  if (before === undefined) return error(400, 'before is a sequence number');
  const decision = q.get('decision') ?? '';
  if (decision !== '' && !(ACTIONS as readonly string[]).includes(decision)) return error(400, 'decision is allow, ask or deny');
  const event = q.get('event') ?? '';
  if (event !== '' && !(JOURNAL_EVENTS as readonly string[]).includes(event)) return error(400, `event is one of ${JOURNAL_EVENTS.join(', ')}`);
  const session = q.get('session') ?? '';
  const tool = q.get('tool') ?? '';
  const rule = q.get('rule') ?? '';
  const text = (q.get('q') ?? '').toLowerCase();
  const { entries, unreadable } = allEntries(policyOf(ctx).journal.dir);
  const matches: JournalEntry[] = [];
  let next: number | null = null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e === undefined || !(e.seq < before)) continue;
    if (session !== '' && !(e.session ?? '').startsWith(session)) continue;
    if (decision !== '' && e.decision !== decision) continue;
    if (event !== '' && e.event !== event) continue;
    if (tool !== '' && e.tool !== tool) continue;
    if (rule !== '' && !entryHasRule(e, rule)) continue;
    if (text !== '' && !entryMentions(e, text)) continue;
    if (matches.length === limit) {
      next = matches[matches.length - 1]?.seq ?? null;
      break;
    }
    matches.push(e);
  }
  return ok({ entries: matches, next, unreadable });
}

/** `warden journal verify`: whether the hash chain is intact, and the first bad entry if not. */
export function journalVerify(ctx: ApiContext): ApiResult {
  const dir = policyOf(ctx).journal.dir;
  const r = verifyJournal(dir);
  return ok({ ok: r.ok, entries: r.entries, firstSeq: r.firstSeq ?? null, lastSeq: r.lastSeq ?? null, bad: r.bad !== undefined ? describeBad(r.bad) : null, notes: r.notes });
}

function route(v: TrustView, p: EffectivePolicy): string {
  const fixed = p.gate.services.get(v.service);
  if (fixed !== undefined) return `${fixed} (gate.services)`;
  const t = p.gate.trust;
  return v.score < t.approveBelow ? 'approve' : v.score < t.autoAbove ? 'review' : 'allow';
}

function trustJson(v: TrustView, p: EffectivePolicy): Record<string, unknown> {
  return { service: v.service, score: v.score, successes: v.successes, failures: v.failures, rejections: v.rejections, last_used: v.last_used, route: route(v, p) };
}

export function trust(ctx: ApiContext): ApiResult {
  const p = policyOf(ctx);
  const t = p.gate.trust;
  return ok({
    services: listTrust(ctx.wardenHome, t, ctx.now).map((v) => trustJson(v, p)),
    thresholds: { initial: t.initial, approve_below: t.approveBelow, auto_above: t.autoAbove, half_life_days: t.halfLifeDays },
  });
}

const TrustBody = z.union([z.strictObject({ score: z.number().check(z.gte(0), z.lte(1)) }), z.strictObject({ reset: z.literal(true) })]);

/** `warden trust set <service> <score>` (`{"score": 0.6}`) or `warden trust reset <service>` (`{"reset": true}`). */
export function trustSet(ctx: ApiContext): ApiResult {
  const service = ctx.params[0] ?? '';
  const body = TrustBody.safeParse(ctx.body);
  if (!body.success) return error(400, 'the body is {"score": <0 to 1>} or {"reset": true}');
  const p = policyOf(ctx);
  const t = p.gate.trust;
  const why = `${'reset' in body.data ? 'reset' : 'set'} by a human (warden serve, ${ctx.who})`;
  let change: { service: string; before: number; after: number };
  if ('reset' in body.data) {
    const before = trustOf(ctx.wardenHome, service, t, ctx.now);
    if (before.error !== undefined) return error(500, before.error);
    if (!resetTrust(ctx.wardenHome, service)) return ok({ service, known: false });
    change = { service, before: before.view.score, after: t.initial };
  } else {
    try {
      change = setTrust(ctx.wardenHome, service, body.data.score, t, ctx.now);
    } catch (e) {
      if (e instanceof TrustInputError) return error(400, e.message);
      throw e;
    }
  }
  const journalError = tryAppend(p.journal, [trustDraft(change, why)]);
  return ok({ ...change, ...(journalError !== undefined ? { journalError } : {}) });
}

/** JSON of the effective policy: Maps as objects, Sets as arrays, functions left out. */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? Object.fromEntries(x as Map<string, unknown>) : x instanceof Set ? [...x] : x instanceof RegExp ? String(x) : x))) as unknown;
}

/** The effective policy (read-only): the user's, or with `?project=/abs/dir` that project's layered on it; and every rule's action under it. */
export function policy(ctx: ApiContext): ApiResult {
  const project = ctx.query.get('project') ?? undefined;
  if (project !== undefined && !project.startsWith('/')) return error(400, 'project is an absolute path');
  const p = policyOf(ctx, project);
  const rules = RULES.map((r) => ({ id: r.id, action: actionFor(r, p), packs: r.meta.packs, enabled: r.meta.locked === true || !r.meta.packs.every((x) => p.disabledPacks.has(x)), locked: r.meta.locked === true, description: r.meta.description }));
  return ok({ project: project ?? null, policy: plain(p), rules });
}
