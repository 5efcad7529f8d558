// The safety gate's settings as the pipeline uses them, built from the `gate:` and `approvals:`
// sections of the policy (lib/policy/schema.ts), and how a project layer may change them.
//
// Trust model (lib/policy/load.ts): the user's file sets everything. A project file — which comes
// with a repository — may only tighten: add always_review kinds, route a service more strictly,
// lower the initial score and the success step, raise the thresholds and the failure and rejection
// steps, shorten the review cache and the approval TTL. It cannot pick the model, the key variable,
// the timeout or the half-life (ignored with a warning), unless the user's policy trusts the project.

import type { Policy } from '../policy/schema.js';
import type { GateRoute, OpKind } from '../types.js';

export interface TrustSettings {
  initial: number;
  approveBelow: number;
  autoAbove: number;
  halfLifeDays: number;
  success: number;
  failure: number;
  rejection: number;
}

export interface GateSettings {
  model: string;
  timeoutMs: number;
  apiKeyEnv: string;
  alwaysReview: ReadonlySet<OpKind>;
  cacheTtlSeconds: number;
  /** The user's route per service key (replaces what trust would decide). */
  services: ReadonlyMap<string, GateRoute>;
  /** A project's minimum route per service key. */
  serviceFloors: ReadonlyMap<string, GateRoute>;
  trust: TrustSettings;
  approvalTtlMinutes: number;
}

export const ROUTE_RANK: Record<GateRoute, number> = { allow: 0, review: 1, approve: 2, deny: 3 };

export function stricterRoute(a: GateRoute, b: GateRoute): GateRoute {
  return ROUTE_RANK[a] >= ROUTE_RANK[b] ? a : b;
}

export function gateSettings(p: Pick<Policy, 'gate' | 'approvals'>): GateSettings {
  const g = p.gate;
  return {
    model: g.model,
    timeoutMs: g.timeout_ms,
    apiKeyEnv: g.api_key_env,
    alwaysReview: new Set(g.always_review),
    cacheTtlSeconds: g.cache_ttl_seconds,
    services: new Map(Object.entries(g.services)),
    serviceFloors: new Map(),
    trust: {
      initial: g.trust.initial,
      approveBelow: g.trust.approve_below,
      autoAbove: g.trust.auto_above,
      halfLifeDays: g.trust.half_life_days,
      success: g.trust.success,
      failure: g.trust.failure,
      rejection: g.trust.rejection,
    },
    approvalTtlMinutes: p.approvals.ttl_minutes,
  };
}

/** Does the file itself (before defaults) set this key path? */
function given(raw: unknown, ...keys: string[]): boolean {
  let cur: unknown = raw;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return false;
    cur = (cur as Record<string, unknown>)[k];
  }
  return true;
}

/**
 * Applies a project layer to the user's gate settings. `raw` is the project file as parsed (to tell
 * what it sets from schema defaults); `loosen(what)` records an ignored loosening.
 */
export function layerGate(base: GateSettings, project: Pick<Policy, 'gate' | 'approvals'>, raw: unknown, trusted: boolean, loosen: (what: string) => void): GateSettings {
  const g = project.gate;
  const out = { ...base, alwaysReview: new Set(base.alwaysReview), services: new Map(base.services), serviceFloors: new Map(base.serviceFloors), trust: { ...base.trust } };
  const only = (key: string, value: string | number, current: string | number, apply: () => void): void => {
    if (!given(raw, 'gate', key) || value === current) return;
    if (trusted) apply();
    else loosen(`gate.${key}: ${String(value)}`);
  };
  only('model', g.model, base.model, () => (out.model = g.model));
  only('api_key_env', g.api_key_env, base.apiKeyEnv, () => (out.apiKeyEnv = g.api_key_env));
  only('timeout_ms', g.timeout_ms, base.timeoutMs, () => (out.timeoutMs = g.timeout_ms));

  if (given(raw, 'gate', 'always_review')) {
    for (const k of g.always_review) out.alwaysReview.add(k);
    if (trusted) out.alwaysReview = new Set(g.always_review);
  }
  if (given(raw, 'gate', 'cache_ttl_seconds') && (trusted || g.cache_ttl_seconds < base.cacheTtlSeconds)) out.cacheTtlSeconds = g.cache_ttl_seconds;
  else if (given(raw, 'gate', 'cache_ttl_seconds') && g.cache_ttl_seconds !== base.cacheTtlSeconds) loosen(`gate.cache_ttl_seconds: ${g.cache_ttl_seconds}`);

  // A trusted project sets routes as the user does; any other project sets floors: a service's
  // operations go at least that strictly, whatever the user's route or the trust score says.
  for (const [service, route] of Object.entries(g.services)) {
    if (trusted) out.services.set(service, route);
    else if (route === 'allow') loosen(`gate.services.${service}: allow`);
    else {
      const floor = out.serviceFloors.get(service);
      if (floor === undefined || ROUTE_RANK[route] > ROUTE_RANK[floor]) out.serviceFloors.set(service, route);
    }
  }

  // Trust: each value may move only in the stricter direction.
  const t = g.trust;
  const step = (key: keyof typeof t, field: keyof TrustSettings, stricter: 'higher' | 'lower'): void => {
    if (!given(raw, 'gate', 'trust', key)) return;
    const v = t[key];
    const cur = out.trust[field];
    if (trusted || (stricter === 'higher' ? v > cur : v < cur)) out.trust[field] = v;
    else if (v !== cur) loosen(`gate.trust.${key}: ${v}`);
  };
  step('initial', 'initial', 'lower');
  step('approve_below', 'approveBelow', 'higher');
  step('auto_above', 'autoAbove', 'higher');
  step('success', 'success', 'lower');
  step('failure', 'failure', 'higher');
  step('rejection', 'rejection', 'higher');
  if (given(raw, 'gate', 'trust', 'half_life_days') && t.half_life_days !== out.trust.halfLifeDays) {
    if (trusted) out.trust.halfLifeDays = t.half_life_days;
    else loosen(`gate.trust.half_life_days: ${t.half_life_days}`);
  }
  out.trust.autoAbove = Math.max(out.trust.autoAbove, out.trust.approveBelow);

  if (given(raw, 'approvals', 'ttl_minutes') && (trusted || project.approvals.ttl_minutes < base.approvalTtlMinutes)) out.approvalTtlMinutes = project.approvals.ttl_minutes;
  else if (given(raw, 'approvals', 'ttl_minutes') && project.approvals.ttl_minutes !== base.approvalTtlMinutes) loosen(`approvals.ttl_minutes: ${project.approvals.ttl_minutes}`);
  return out;
}
