// Pending approvals: every `ask` opens one; a human grants it (`warden approve <id>`) or rejects it
// (`warden reject <id>`); the identical call, retried by the agent, consumes a grant and runs once.
// DESIGN.md, "Decisions and modes".
//
// Trust model: an approval is bound to the hash of (tool, canonical input, cwd) — the exact call
// the human was shown — and is single use: consuming it and marking it used happen in one locked
// update, so two racing retries cannot both run. A grant expires `ttl` after it is given, a pending
// request `ttl` after it was opened; a rejection holds the identical call (deny) until it expires.
// Only the human's own terminal should grant: the reason text tells the agent so, and the guard's
// self-protection is what stops an agent that runs `warden approve` anyway (SECURITY.md).
//
// Canonical input: Bash → the command string alone (`description`, `timeout` and
// `run_in_background` do not change what runs); other tools → the input object without
// `description`, keys sorted at every level.
//
// Files and modes: `<warden home>/gate/approvals.json` 0600 (./state.ts: lock + atomic write).
// Summaries are redacted (lib/journal/redact.ts) and cut to MAX_SUMMARY_CHARS. Limits:
// MAX_APPROVALS entries; decided and expired entries are pruned after KEEP_DECIDED_MS.
//
// Fail mode: an unreadable store or a lock that cannot be had throws; the pipeline then holds the
// call (ask, without an id) and says why — never "allow".

import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import * as z from 'zod/mini';
import { canonical } from '../journal/entry.js';
import { redactSummary } from '../journal/redact.js';
import type { ApprovalState, ToolCall } from '../types.js';
import { gateDir, readState, updateState, type StateFile } from './state.js';

export const MAX_APPROVALS = 500;
export const MAX_APPROVALS_BYTES = 2 * 1024 * 1024;
export const MAX_SUMMARY_CHARS = 500;
export const MAX_REASON_CHARS = 1000;
/** Decided or expired approvals stay listed this long, then are pruned. */
export const KEEP_DECIDED_MS = 24 * 60 * 60 * 1000;
/** Approval ids: 6 characters without look-alikes (0/o, 1/l/i). */
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ID_LENGTH = 6;
export const APPROVAL_ID = /^[a-hjkmnp-z2-9]{6}$/;

const ApprovalSchema = z.strictObject({
  id: z.string(),
  hash: z.string(),
  tool: z.string(),
  summary: z.string(),
  cwd: z.string(),
  reason: z.string(),
  service: z.optional(z.string()),
  kind: z.optional(z.string()),
  session: z.optional(z.string()),
  created: z.string(),
  expires: z.string(),
  state: z.enum(['pending', 'granted', 'rejected', 'used']),
  decided: z.optional(z.string()),
  used: z.optional(z.string()),
});
export type Approval = z.infer<typeof ApprovalSchema>;

const ApprovalsFileSchema = z.strictObject({ version: z.literal(1), approvals: z.array(ApprovalSchema) });
type ApprovalsFile = z.infer<typeof ApprovalsFileSchema>;

export function approvalsFile(wardenHome: string): StateFile<ApprovalsFile> {
  return { file: path.join(gateDir(wardenHome), 'approvals.json'), schema: ApprovalsFileSchema, empty: () => ({ version: 1, approvals: [] }), maxBytes: MAX_APPROVALS_BYTES };
}

/** The input that identifies a call for approval purposes. */
export function canonicalInput(call: Pick<ToolCall, 'tool' | 'input'>): unknown {
  if (call.tool === 'Bash') return { command: call.input.command };
  return Object.fromEntries(Object.entries(call.input).filter(([k]) => k !== 'description'));
}

/** sha256 of (tool, canonical input, cwd). */
export function callHash(call: ToolCall): string {
  return createHash('sha256')
    .update(canonical([call.tool, canonicalInput(call), call.cwd]))
    .digest('hex');
}

/** An approval's state as of `now` (pending or granted past its expiry is expired). */
export function stateAt(a: Approval, now: number): ApprovalState {
  if ((a.state === 'pending' || a.state === 'granted') && Date.parse(a.expires) <= now) return 'expired';
  return a.state;
}

function newId(taken: ReadonlySet<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

function prune(state: ApprovalsFile, now: number): void {
  state.approvals = state.approvals.filter((a) => {
    const s = stateAt(a, now);
    if (s === 'pending' || s === 'granted') return true;
    return now - Date.parse(a.decided ?? a.expires) < KEEP_DECIDED_MS && now - Date.parse(a.expires) < KEEP_DECIDED_MS;
  });
  if (state.approvals.length > MAX_APPROVALS) {
    // Oldest first, decided before open ones.
    const rank = (a: Approval): number => (stateAt(a, now) === 'pending' || stateAt(a, now) === 'granted' ? 1 : 0);
    state.approvals.sort((a, b) => rank(a) - rank(b) || a.created.localeCompare(b.created));
    state.approvals = state.approvals.slice(state.approvals.length - MAX_APPROVALS);
  }
}

export interface OpenInfo {
  reason: string;
  service?: string;
  kind?: string;
  session?: string;
}

/** Opens a pending approval for a held call, or returns the one already open for it. */
export function openApproval(wardenHome: string, call: ToolCall, info: OpenInfo, ttlMs: number, now: number = Date.now()): { approval: Approval; reused: boolean } {
  const hash = callHash(call);
  return updateState<ApprovalsFile, { approval: Approval; reused: boolean }>(approvalsFile(wardenHome), (state) => {
    prune(state, now);
    const open = state.approvals.find((a) => a.hash === hash && stateAt(a, now) === 'pending');
    if (open !== undefined) return { result: { approval: open, reused: true }, write: false };
    const summary = call.tool === 'Bash' && typeof call.input.command === 'string' ? call.input.command : JSON.stringify(canonicalInput(call));
    const approval: Approval = {
      id: newId(new Set(state.approvals.map((a) => a.id))),
      hash,
      tool: call.tool,
      summary: redactSummary(summary, MAX_SUMMARY_CHARS),
      cwd: call.cwd,
      reason: redactSummary(info.reason, MAX_REASON_CHARS),
      ...(info.service !== undefined ? { service: info.service } : {}),
      ...(info.kind !== undefined ? { kind: info.kind } : {}),
      ...(info.session !== undefined ? { session: info.session } : {}),
      created: new Date(now).toISOString(),
      expires: new Date(now + ttlMs).toISOString(),
      state: 'pending',
    };
    state.approvals.push(approval);
    return { result: { approval, reused: false } };
  });
}

export type Match = { use: Approval } | { rejected: Approval } | undefined;

/**
 * For a call about to be held: a granted, unexpired, unused approval of exactly this call is
 * consumed (marked used) and returned; else a live rejection of it; else undefined.
 */
export function consumeApproval(wardenHome: string, call: ToolCall, now: number = Date.now()): Match {
  const hash = callHash(call);
  return updateState<ApprovalsFile, Match>(approvalsFile(wardenHome), (state) => {
    const granted = state.approvals.find((a) => a.hash === hash && stateAt(a, now) === 'granted');
    if (granted !== undefined) {
      granted.state = 'used';
      granted.used = new Date(now).toISOString();
      return { result: { use: { ...granted } } };
    }
    const rejected = state.approvals.find((a) => a.hash === hash && a.state === 'rejected' && Date.parse(a.expires) > now);
    return { result: rejected !== undefined ? { rejected: { ...rejected } } : undefined, write: false };
  });
}

/** Read-only: what consumeApproval would find (`warden explain`). */
export function peekApproval(wardenHome: string, call: ToolCall, now: number = Date.now()): Match {
  const hash = callHash(call);
  const state = readState(approvalsFile(wardenHome));
  const granted = state.approvals.find((a) => a.hash === hash && stateAt(a, now) === 'granted');
  if (granted !== undefined) return { use: granted };
  const rejected = state.approvals.find((a) => a.hash === hash && a.state === 'rejected' && Date.parse(a.expires) > now);
  return rejected !== undefined ? { rejected } : undefined;
}

export class ApprovalError extends Error {}

/** A human's answer to a pending approval. Throws ApprovalError for an unknown, expired or decided id. */
export function decideApproval(wardenHome: string, id: string, answer: 'granted' | 'rejected', ttlMs: number, now: number = Date.now()): Approval {
  return updateState(approvalsFile(wardenHome), (state) => {
    const a = state.approvals.find((x) => x.id === id);
    if (a === undefined) throw new ApprovalError(`no approval ${id} (see \`warden pending\`)`);
    const s = stateAt(a, now);
    if (s !== 'pending') throw new ApprovalError(`approval ${id} is ${s}, not pending${s === 'expired' ? ': the agent has to try again, which opens a new one' : ''}`);
    a.state = answer;
    a.decided = new Date(now).toISOString();
    a.expires = new Date(now + ttlMs).toISOString();
    return { result: { ...a } };
  });
}

/** Approvals as of now, newest first; `all`: also decided and expired ones still kept. */
export function listApprovals(wardenHome: string, all: boolean, now: number = Date.now()): (Approval & { now: ApprovalState })[] {
  const state = readState(approvalsFile(wardenHome));
  return state.approvals
    .map((a) => ({ ...a, now: stateAt(a, now) }))
    .filter((a) => all || a.now === 'pending')
    .sort((a, b) => b.created.localeCompare(a.created));
}
