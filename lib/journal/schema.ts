// The journal's zod schemas: what a draft, an entry, the head and the anchor may hold. Loaded by
// verify and the readers that validate; the append path (hooks) only imports the types.

import * as z from 'zod/mini';
import { JOURNAL_EVENTS } from './entry.js';
import { SEGMENT_RE } from './read.js';

const Hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const AnchorSchema = z.strictObject({
  /** Sequence number of the first entry kept. */
  seq: z.int().check(z.gte(1)),
  /** The `prev` that entry carries (the hash of the last pruned entry). */
  prev: Hex64,
  /** The segment the kept chain starts in. */
  segment: z.string(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

/** Everything an entry says, before the store numbers and chains it. */
const DraftShape = {
  event: z.enum(JOURNAL_EVENTS),
  session: z.optional(z.string()),
  /** Subagent id or type, when the event happened inside one. */
  agent: z.optional(z.string()),
  cwd: z.optional(z.string()),
  /** Claude Code's permission mode (`bypassPermissions`, …). */
  mode: z.optional(z.string()),
  tool: z.optional(z.string()),
  /** Redacted, truncated summary of the tool input. */
  input: z.optional(z.string()),
  decision: z.optional(z.enum(['allow', 'ask', 'deny'])),
  rules: z.optional(z.array(z.string())),
  /** Why: the rule messages, an error, the agent's reasoning for a note. */
  rationale: z.optional(z.string()),
  /** SessionStart source, SessionEnd reason. */
  source: z.optional(z.string()),
  /** A note's decision, in the agent's words. */
  note: z.optional(z.string()),
  /** Safety gate (issue 5). */
  gate: z.optional(
    z.strictObject({
      verdict: z.string(),
      service: z.optional(z.string()),
      kind: z.optional(z.string()),
      risk: z.optional(z.string()),
      rationale: z.optional(z.string()),
      model: z.optional(z.string()),
    }),
  ),
  trust: z.optional(z.strictObject({ service: z.string(), before: z.number(), after: z.number() })),
  approval: z.optional(
    z.strictObject({ id: z.string(), state: z.enum(['opened', 'granted', 'rejected', 'used', 'expired']), by: z.optional(z.string()) }),
  ),
  identity: z.optional(
    z.strictObject({
      files: z.array(z.string()),
      bytes: z.int(),
      /** sha256 of the identity text injected, to tell which version the agent saw. */
      sha256: Hex64,
      truncated: z.boolean(),
      skipped: z.optional(z.array(z.string())),
    }),
  ),
  anchor: z.optional(AnchorSchema),
  pruned: z.optional(z.array(z.string())),
};

export const DraftSchema = z.strictObject(DraftShape);
export type Draft = z.infer<typeof DraftSchema>;

export const EntrySchema = z.strictObject({
  v: z.literal(1),
  seq: z.int().check(z.gte(1)),
  time: z.iso.datetime(),
  ...DraftShape,
  prev: Hex64,
  hash: Hex64,
});
export type JournalEntry = z.infer<typeof EntrySchema>;

/** The end of the chain, rewritten (atomically) by every append. */
export const HeadSchema = z.strictObject({
  seq: z.int().check(z.gte(1)),
  hash: Hex64,
  segment: z.string().check(z.regex(SEGMENT_RE)),
  /** Size in bytes of `segment` after the last append. */
  size: z.int().check(z.gte(0)),
});
export type Head = z.infer<typeof HeadSchema>;
