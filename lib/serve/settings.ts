// The `serve:` section of the policy, as the server uses it. Only the user's own policy
// (`<warden home>/policy.yaml`) is read: the server belongs to the user, not to a project, so a
// project's `.claude/warden.yaml` has no say in its limits.
//
// Fail mode: an invalid policy file refuses the start (the error names file, line and key) rather
// than serving with defaults the user may have meant to tighten.

import { policyPaths } from '../policy/load.js';
import { readPolicyFile } from '../policy/parse.js';
import { PolicySchema, type Policy } from '../policy/schema.js';
import type { Rate } from './ratelimit.js';

export interface ServeSettings {
  port: number;
  rateLimit: { client: Rate; anonymous: Rate; failedAuth: Rate };
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  loginMs: number;
  sessionMs: number;
}

export class SettingsError extends Error {}

const rate = (r: { per_minute: number; burst: number }): Rate => ({ perMinute: r.per_minute, burst: r.burst });

export function serveSettingsFrom(p: Pick<Policy, 'serve'>): ServeSettings {
  const s = p.serve;
  return {
    port: s.port,
    rateLimit: { client: rate(s.rate_limit.client), anonymous: rate(s.rate_limit.anonymous), failedAuth: rate(s.rate_limit.failed_auth) },
    maxBodyBytes: s.max_body_bytes,
    headersTimeoutMs: s.headers_timeout_ms,
    requestTimeoutMs: s.request_timeout_ms,
    keepAliveTimeoutMs: s.keep_alive_timeout_ms,
    loginMs: s.login_minutes * 60_000,
    sessionMs: s.session_hours * 3_600_000,
  };
}

/** The user's serve settings (defaults when there is no policy file). Throws SettingsError for an invalid file. */
export function loadServeSettings(wardenHome: string): ServeSettings {
  const file = policyPaths(wardenHome, undefined).user;
  const r = readPolicyFile(file);
  if (r.errors.length > 0) throw new SettingsError(`your policy is invalid, so warden serve does not start:\n  ${r.errors.join('\n  ')}`);
  return serveSettingsFrom(r.layer?.policy ?? PolicySchema.parse({}));
}
