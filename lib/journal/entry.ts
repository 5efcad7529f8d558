// One journal entry: its schema, its canonical form and its hash. The store (./store.ts) chains
// entries; verify (./verify.ts) recomputes what is defined here. Nothing here touches the disk.
//
// hash = sha256 over the canonical JSON of the entry without `hash` (which includes `prev`, the hash
// of the entry before): keys sorted at every level, no whitespace, absent fields left out. Changing,
// adding or removing any field changes the hash; moving an entry breaks the `prev` of the next one.

import { createHash } from 'node:crypto';
import * as z from 'zod/mini';

/** `prev` of the very first entry of a journal. */
export const GENESIS = '0'.repeat(64);

export const JOURNAL_EVENTS = [
  /** A PreToolUse decision of the command guard. */
  'guard',
  /** A safety-gate review (issue 5 fills `gate`). */
  'gate',
  /** An approval opened, granted, rejected, used or expired. */
  'approval',
  /** A per-service trust score moved. */
  'trust',
  /** Identity and briefing injected at a session boundary. */
  'identity',
  'session-start',
  'session-end',
  /** The agent's own note (`warden journal note`). */
  'note',
  /** Old segments removed by retention; `anchor` says where the kept chain starts. */
  'prune',
  /** warden repaired its own journal (an incomplete write, a lost head file). */
  'repair',
] as const;
export type JournalEvent = (typeof JOURNAL_EVENTS)[number];

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

/** JSON with keys sorted at every level; `undefined` members left out. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('journal: non-finite number');
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** The hash an entry must carry: sha256 of its canonical form without `hash`. */
export function entryHash(entry: Record<string, unknown>): string {
  const rest = { ...entry };
  delete rest.hash;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

/** The line written for an entry: fields in reading order (verify does not depend on it). */
export function entryLine(e: JournalEntry): string {
  const { v, seq, time, event, session, prev, hash, ...rest } = e;
  return `${JSON.stringify({ v, seq, time, event, session, ...rest, prev, hash })}\n`;
}
