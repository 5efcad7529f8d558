// Per-service trust: a score in [0, 1] for each service key, with its history (successes, failures,
// rejections, last use). DESIGN.md, "Safety gate".
//
// Trust model: scores move only through outcomes warden itself observes (PostToolUse and
// PostToolUseFailure of an external write, a human's `warden reject`, a reviewer's deny) and through
// the human's `warden trust set|reset`. Reads never move a score (an agent must not be able to earn
// trust for a POST by making GETs). UNRESOLVED has no record and always scores 0.
//
// Score: starts at `initial`; success adds `success`, failure takes off `failure`, a rejection takes
// off `rejection`, clamped to [0, 1]. Between events it decays toward `initial` with a half-life:
// score(t) = initial + (stored − initial) · 2^(−Δt / half_life). The stored value is the score at
// `updated`; every change first applies the decay up to now.
//
// Files and modes: `<warden home>/gate/trust.json` 0600 (./state.ts: lock + atomic write, so 40
// concurrent hook processes lose no update). Limits: MAX_SERVICES records (the least recently
// used go first), MAX_TRUST_BYTES.
//
// Fail mode: an unreadable or corrupt store gives every service a score of 0 (a human approves
// each operation) and the error is reported; updates are refused until a human resets the store
// (`warden trust reset --all`).

import path from 'node:path';
import * as z from 'zod/mini';
import { UNRESOLVED } from './service.js';
import type { TrustSettings } from './policy.js';
import { gateDir, readState, resetState, updateState, type StateFile } from './state.js';

export const MAX_SERVICES = 5000;
export const MAX_TRUST_BYTES = 2 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
/** What a service key looks like (service.ts and the classifiers make them). */
export const SERVICE_KEY = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,252}$/;

const RecordSchema = z.strictObject({
  score: z.number().check(z.gte(0), z.lte(1)),
  successes: z.int().check(z.gte(0)),
  failures: z.int().check(z.gte(0)),
  rejections: z.int().check(z.gte(0)),
  last_used: z.nullable(z.string()),
  /** When `score` was stored (decay runs from here). */
  updated: z.string(),
});
export type TrustRecord = z.infer<typeof RecordSchema>;

const TrustFileSchema = z.strictObject({ version: z.literal(1), services: z.record(z.string(), RecordSchema) });
type TrustFile = z.infer<typeof TrustFileSchema>;

export function trustFile(wardenHome: string): StateFile<TrustFile> {
  return { file: path.join(gateDir(wardenHome), 'trust.json'), schema: TrustFileSchema, empty: () => ({ version: 1, services: {} }), maxBytes: MAX_TRUST_BYTES };
}

/** A service's trust as of now. */
export interface TrustView {
  service: string;
  score: number;
  successes: number;
  failures: number;
  rejections: number;
  last_used: string | null;
  /** False for a service with no record (its score is `initial`). */
  known: boolean;
}

export type TrustEvent = 'success' | 'failure' | 'rejection';

/** The score of a record at `now`, decayed toward `initial`. */
export function decayed(rec: Pick<TrustRecord, 'score' | 'updated'>, t: TrustSettings, now: number): number {
  if (t.halfLifeDays <= 0) return rec.score;
  const dt = Math.max(0, now - Date.parse(rec.updated));
  if (!Number.isFinite(dt)) return t.initial;
  return t.initial + (rec.score - t.initial) * Math.pow(2, -dt / (t.halfLifeDays * DAY_MS));
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
const clamp = (x: number): number => Math.min(1, Math.max(0, x));

function view(service: string, rec: TrustRecord | undefined, t: TrustSettings, now: number): TrustView {
  if (rec === undefined) return { service, score: t.initial, successes: 0, failures: 0, rejections: 0, last_used: null, known: false };
  return { service, score: round(decayed(rec, t, now)), successes: rec.successes, failures: rec.failures, rejections: rec.rejections, last_used: rec.last_used, known: true };
}

/** A service's trust; a store that cannot be read gives 0 and the reason (fail closed). */
export function trustOf(wardenHome: string, service: string, t: TrustSettings, now: number = Date.now()): { view: TrustView; error?: string } {
  if (service === UNRESOLVED) return { view: { ...view(service, undefined, t, now), score: 0 } };
  try {
    const state = readState(trustFile(wardenHome));
    return { view: view(service, state.services[service], t, now) };
  } catch (e) {
    return { view: { ...view(service, undefined, t, now), score: 0 }, error: (e as Error).message };
  }
}

/** Every service with a record, most recently used first. Throws StateError on a corrupt store. */
export function listTrust(wardenHome: string, t: TrustSettings, now: number = Date.now()): TrustView[] {
  const state = readState(trustFile(wardenHome));
  return Object.entries(state.services)
    .map(([s, rec]) => view(s, rec, t, now))
    .sort((a, b) => (b.last_used ?? '').localeCompare(a.last_used ?? '') || a.service.localeCompare(b.service));
}

function prune(state: TrustFile): void {
  const names = Object.keys(state.services);
  if (names.length <= MAX_SERVICES) return;
  const byUse = names.sort((a, b) => (state.services[a]?.last_used ?? state.services[a]?.updated ?? '').localeCompare(state.services[b]?.last_used ?? state.services[b]?.updated ?? ''));
  for (const n of byUse.slice(0, names.length - MAX_SERVICES)) delete state.services[n];
}

export interface TrustChange {
  service: string;
  before: number;
  after: number;
}

/** Records an outcome for a service. Throws (StateError, LockTimeout) when the store cannot be changed. */
export function recordTrust(wardenHome: string, service: string, event: TrustEvent, t: TrustSettings, now: number = Date.now()): TrustChange | undefined {
  if (service === UNRESOLVED || !SERVICE_KEY.test(service)) return undefined;
  const iso = new Date(now).toISOString();
  return updateState(trustFile(wardenHome), (state) => {
    const rec = state.services[service];
    const before = rec === undefined ? t.initial : decayed(rec, t, now);
    const delta = event === 'success' ? t.success : event === 'failure' ? -t.failure : -t.rejection;
    const after = round(clamp(before + delta));
    state.services[service] = {
      score: after,
      successes: (rec?.successes ?? 0) + (event === 'success' ? 1 : 0),
      failures: (rec?.failures ?? 0) + (event === 'failure' ? 1 : 0),
      rejections: (rec?.rejections ?? 0) + (event === 'rejection' ? 1 : 0),
      last_used: event === 'rejection' ? (rec?.last_used ?? null) : iso,
      updated: iso,
    };
    prune(state);
    return { result: { service, before: round(before), after } };
  });
}

/** A service key or score a human gave that cannot be set (not a store failure). */
export class TrustInputError extends Error {}

/** A human sets a score (history kept). Throws TrustInputError for a bad service key or score. */
export function setTrust(wardenHome: string, service: string, score: number, t: TrustSettings, now: number = Date.now()): TrustChange {
  if (service === UNRESOLVED) throw new TrustInputError(`${UNRESOLVED} is not a service: it stands for targets warden cannot name, and always needs a human`);
  if (!SERVICE_KEY.test(service)) throw new TrustInputError(`not a service key: ${JSON.stringify(service)} (e.g. github.com, mcp:slack, email:example.com, registry:npm)`);
  if (!(score >= 0 && score <= 1)) throw new TrustInputError(`a trust score is a number from 0 to 1, not ${score}`);
  const iso = new Date(now).toISOString();
  return updateState(trustFile(wardenHome), (state) => {
    const rec = state.services[service];
    const before = rec === undefined ? t.initial : decayed(rec, t, now);
    state.services[service] = { score, successes: rec?.successes ?? 0, failures: rec?.failures ?? 0, rejections: rec?.rejections ?? 0, last_used: rec?.last_used ?? null, updated: iso };
    prune(state);
    return { result: { service, before: round(before), after: score } };
  });
}

/** A human forgets a service (it starts again from `initial`). True if it had a record. */
export function resetTrust(wardenHome: string, service: string): boolean {
  return updateState(trustFile(wardenHome), (state) => {
    if (!(service in state.services)) return { result: false, write: false };
    delete state.services[service];
    return { result: true };
  });
}

/** A human starts the whole store afresh (also the way out of a corrupt store). */
export function resetAllTrust(wardenHome: string): void {
  resetState(trustFile(wardenHome));
}
