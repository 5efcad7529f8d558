// The policy schema: the single source of truth for what a policy file may say. Types are inferred
// from it, config/policy.schema.json is generated from it (`npm run schema`), and the shipped
// config/policy.yaml must parse to exactly its defaults (a test checks). zod/mini keeps the hook's
// start-up cost small.

import * as z from 'zod/mini';
import { DESTRUCTIVE_KINDS } from '../sql/kinds.js';

export const ActionSchema = z.enum(['allow', 'ask', 'deny']);
export const PresetSchema = z.enum(['standard', 'strict', 'paranoid']);

const CustomRuleSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/, 'lowercase letters, digits, dashes, at most one /')),
    program: z.optional(z.string().check(z.minLength(1))),
    args: z.optional(z.array(z.string())),
    regex: z.optional(z.string()),
    action: z.enum(['ask', 'deny']),
    message: z.string().check(z.minLength(1)),
  })
  .check(
    z.refine((r) => r.program !== undefined || r.regex !== undefined, { message: 'needs program or regex' }),
    z.refine((r) => r.args === undefined || r.program !== undefined, { message: 'args need a program' }),
    z.refine(
      (r) => {
        if (r.regex === undefined) return true;
        try {
          new RegExp(r.regex);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'regex does not compile' },
    ),
  );

/** Operation kinds the gate routes (reads always pass). */
const GateKindSchema = z.enum(['write', 'delete', 'send', 'publish', 'execute']);
const TrustScore = z.number().check(z.gte(0), z.lte(1));

const AllowCommandSchema = z.strictObject({
  /** Wildcard pattern (`*`, `?`) over one simple command as warden prints it. */
  pattern: z.string().check(z.minLength(1)),
  /** Rule ids this exception covers; all non-locked rules when absent. */
  rules: z.optional(z.array(z.string())),
  reason: z.optional(z.string()),
});

/** One rate limit of `warden serve`: a bucket of `burst` requests, refilled at `per_minute`. */
function serveRate(perMinute: number, burst: number) {
  return z.strictObject({
    per_minute: z._default(z.int().check(z.gte(1), z.lte(100_000)), perMinute),
    burst: z._default(z.int().check(z.gte(1), z.lte(10_000)), burst),
  });
}

export const PolicySchema = z.strictObject({
  version: z._default(z.literal(1), 1),
  preset: z._default(PresetSchema, 'standard'),
  on_error: z._default(z.enum(['ask', 'deny']), 'ask'),
  packs: z._default(z.record(z.string(), z.boolean()), {}),
  overrides: z._default(z.record(z.string(), ActionSchema), {}),
  protected: z.prefault(
    z.strictObject({
      branches: z._default(z.array(z.string()), ['main', 'master', 'trunk', 'develop', 'production', 'release/*']),
      paths: z._default(z.array(z.string()), ['~/.ssh', '~/.gnupg', '~/.aws', '~/.kube', '~/.config/gcloud', '~/.claude']),
    }),
    {},
  ),
  database: z.prefault(
    z.strictObject({
      /** Per statement kind: the action, instead of the action of the rule that judges the kind. */
      actions: z._default(z.partialRecord(z.enum(DESTRUCTIVE_KINDS), ActionSchema), {}),
      /** Objects no destructive statement may touch (denied). Wildcards, case-insensitive. */
      protected: z.prefault(
        z.strictObject({
          databases: z._default(z.array(z.string().check(z.minLength(1))), ['postgres', 'template0', 'template1', 'mysql', 'sys', 'information_schema', 'performance_schema']),
          schemas: z._default(z.array(z.string().check(z.minLength(1))), ['pg_catalog', 'information_schema', 'mysql', 'sys', 'performance_schema']),
          tables: z._default(z.array(z.string().check(z.minLength(1))), []),
        }),
        {},
      ),
      /** Targets (host, database) that are production: destructive statements there get `action`. */
      production: z.prefault(
        z.strictObject({
          hosts: z._default(z.array(z.string().check(z.minLength(1))), ['prod', 'production', 'prd']),
          databases: z._default(z.array(z.string().check(z.minLength(1))), ['prod', 'production', 'prd']),
          action: z._default(z.enum(['ask', 'deny']), 'deny'),
        }),
        {},
      ),
    }),
    {},
  ),
  allow: z.prefault(
    z.strictObject({
      commands: z._default(z.array(AllowCommandSchema), []),
      paths: z._default(z.array(z.string()), []),
    }),
    {},
  ),
  journal: z.prefault(
    z.strictObject({
      /** Where the journal lives; default `<warden home>/journal`. Only your own policy can set it. */
      dir: z.optional(z.string().check(z.minLength(1))),
      /** Days of journal segments kept; 0 keeps everything. */
      retention_days: z._default(z.int().check(z.gte(0), z.lte(36500)), 90),
      /** How `allow` decisions are journaled: compact (tool and a short input), full, or off. */
      allows: z._default(z.enum(['compact', 'full', 'off']), 'compact'),
    }),
    {},
  ),
  identity: z.prefault(
    z.strictObject({
      /** Read in order at every session boundary; `$WARDEN_HOME`, `~`, or relative to the project. */
      files: z._default(z.array(z.string().check(z.minLength(1))), ['$WARDEN_HOME/identity.md', '.claude/identity.md']),
      /** Most identity text shown, all files together; the rest is cut with a visible marker. */
      max_bytes: z._default(z.int().check(z.gte(256), z.lte(8192)), 6000),
    }),
    {},
  ),
  gate: z.prefault(
    z.strictObject({
      /** The reviewer model (a Haiku-class model answers in well under the timeout). */
      model: z._default(z.string().check(z.minLength(1)), 'claude-haiku-5-5'),
      /** The whole review request, in milliseconds; past it the review is unavailable and a human decides. */
      timeout_ms: z._default(z.int().check(z.gte(500), z.lte(15_000)), 8000),
      /** Environment variable holding the API key for the review. */
      api_key_env: z._default(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')), 'ANTHROPIC_API_KEY'),
      /** Kinds of operation reviewed whatever the service's trust (a human still decides below approve_below). */
      always_review: z._default(z.array(GateKindSchema), ['delete', 'send', 'publish']),
      /** Seconds a review verdict is reused for the identical call; 0 never reuses one. */
      cache_ttl_seconds: z._default(z.int().check(z.gte(0), z.lte(3600)), 300),
      /** Per service key (`github.com`, `mcp:slack`, `email:example.com`): where its operations go whatever its trust. */
      services: z._default(z.record(z.string().check(z.minLength(1)), z.enum(['allow', 'review', 'approve', 'deny'])), {}),
      trust: z.prefault(
        z
          .strictObject({
            /** Score of a service warden has not seen, and what scores decay back to. */
            initial: z._default(TrustScore, 0.2),
            /** Below this, a human approves each operation. */
            approve_below: z._default(TrustScore, 0.3),
            /** From this up, operations pass without review (kinds in always_review excepted). */
            auto_above: z._default(TrustScore, 0.8),
            /** Days for a score's distance from `initial` to halve; 0 never decays. */
            half_life_days: z._default(z.number().check(z.gte(0), z.lte(3650)), 30),
            /** Added after an operation that succeeded. */
            success: z._default(TrustScore, 0.05),
            /** Taken off after an operation that failed. */
            failure: z._default(TrustScore, 0.1),
            /** Taken off when a human rejects an operation or the reviewer denies one. */
            rejection: z._default(TrustScore, 0.3),
          })
          .check(z.refine((t) => t.approve_below <= t.auto_above, { message: 'approve_below must not be above auto_above', path: ['approve_below'] })),
        {},
      ),
    }),
    {},
  ),
  approvals: z.prefault(
    z.strictObject({
      /** Minutes a pending approval waits for a human, and a granted one waits for its call. */
      ttl_minutes: z._default(z.int().check(z.gte(1), z.lte(1440)), 15),
    }),
    {},
  ),
  serve: z.prefault(
    z
      .strictObject({
        /** Port of `warden serve` (loopback) when --port is not given; 0 picks a free one. */
        port: z._default(z.int().check(z.gte(0), z.lte(65_535)), 7591),
        /** Requests per client: a token bucket of `burst` requests, refilled at `per_minute`. */
        rate_limit: z.prefault(
          z.strictObject({
            /** Each page session, and the API token: every request it makes. */
            client: z.prefault(serveRate(600, 120), {}),
            /** Per address, every request without a valid credential: the page, static files, 404s, wrong Host, login links. */
            anonymous: z.prefault(serveRate(120, 60), {}),
            /** Per address, every failed credential: a wrong token, a used, expired or unknown login link; checked before any comparison. */
            failed_auth: z.prefault(serveRate(10, 5), {}),
          }),
          {},
        ),
        /** Largest request body; a larger one is refused (413). */
        max_body_bytes: z._default(z.int().check(z.gte(256), z.lte(1_048_576)), 16_384),
        /** The request headers must arrive within this (slow clients are cut off). */
        headers_timeout_ms: z._default(z.int().check(z.gte(1000), z.lte(120_000)), 5000),
        /** The whole request must arrive within this. */
        request_timeout_ms: z._default(z.int().check(z.gte(1000), z.lte(300_000)), 10_000),
        /** An idle kept-alive connection is closed after this. */
        keep_alive_timeout_ms: z._default(z.int().check(z.gte(1000), z.lte(120_000)), 5000),
        /** Minutes the one-time login link printed at start works (once). */
        login_minutes: z._default(z.int().check(z.gte(1), z.lte(1440)), 15),
        /** Hours a page session lasts. */
        session_hours: z._default(z.int().check(z.gte(1), z.lte(720)), 12),
      })
      .check(z.refine((s) => s.headers_timeout_ms <= s.request_timeout_ms, { message: 'headers_timeout_ms must not be above request_timeout_ms', path: ['headers_timeout_ms'] })),
    {},
  ),
  custom_rules: z._default(z.array(CustomRuleSchema), []),
  trusted_projects: z._default(z.array(z.string()), []),
});

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type CustomRule = z.infer<typeof CustomRuleSchema>;

export function policyJsonSchema(): unknown {
  return z.toJSONSchema(PolicySchema, { io: 'input' });
}
