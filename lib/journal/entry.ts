// One journal entry: its events, its canonical form and its hash (its schema is ./schema.ts). The store (./store.ts) chains
// entries; verify (./verify.ts) recomputes what is defined here. Nothing here touches the disk.
//
// hash = sha256 over the canonical JSON of the entry without `hash` (which includes `prev`, the hash
// of the entry before): keys sorted at every level, no whitespace, absent fields left out. Changing,
// adding or removing any field changes the hash; moving an entry breaks the `prev` of the next one.

// SHA-256 from @noble/hashes rather than node:crypto: loading node:crypto costs every hook process
// about 3.5 ms (npm run bench), half of the PreToolUse latency budget; the digests are identical.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { JournalEntry } from './schema.js';

// The schemas live in ./schema.ts, which the hooks' append path never loads (no work at import).
export type { Anchor, Draft, JournalEntry } from './schema.js';

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
  return bytesToHex(sha256(utf8ToBytes(canonical(rest))));
}

/** The line written for an entry: fields in reading order (verify does not depend on it). */
export function entryLine(e: JournalEntry): string {
  const { v, seq, time, event, session, prev, hash, ...rest } = e;
  return `${JSON.stringify({ v, seq, time, event, session, ...rest, prev, hash })}\n`;
}
