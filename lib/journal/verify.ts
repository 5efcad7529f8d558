// `warden journal verify`: walks every segment and checks the chain entry by entry, then the head
// and the anchor. Reports the FIRST bad entry, by the sequence number that belongs at its place
// and its file and line, and why:
//   edited     — the entry's hash does not match its content (any field changed, added, removed)
//   deleted    — a sequence number is missing, or an entry's prev is not the hash before it
//   reordered  — sequence numbers out of order
//   truncated  — the journal ends before the entry head.json records, or a line is incomplete
//   pruned     — the chain does not start at seq 1 and no anchor (matching the last `prune` entry)
//                says where the kept chain starts
// See ./store.ts for the trust model (tamper-evident, not tamper-proof).

import path from 'node:path';
import { GENESIS, entryHash } from './entry.js';
import { ANCHOR_FILE, HEAD_FILE, listSegments, readHead, readJson, segmentLines } from './read.js';
import { AnchorSchema, EntrySchema, type Anchor } from './schema.js';

/** The anchor file: undefined when absent, null when present but not a valid anchor. */
export function readAnchor(dir: string): Anchor | null | undefined {
  const raw = readJson(path.join(dir, ANCHOR_FILE));
  if (raw === undefined) return undefined;
  const p = AnchorSchema.safeParse(raw);
  return p.success ? p.data : null;
}

export interface BadEntry {
  /** The sequence number that belongs at this place in the chain. */
  seq: number;
  segment: string;
  line: number | undefined;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  segments: number;
  firstSeq: number | undefined;
  lastSeq: number | undefined;
  anchor: Anchor | undefined;
  bad: BadEntry | undefined;
  /** Not failures: repairs warden made to its own journal, shown so they are not missed. */
  notes: string[];
}

function where(b: BadEntry): string {
  return `${b.segment}${b.line !== undefined ? ` line ${b.line}` : ''}`;
}

export function describeBad(b: BadEntry): string {
  return `entry seq ${b.seq} (${where(b)}): ${b.reason}`;
}

const sameAnchor = (a: Anchor, b: Anchor): boolean => a.seq === b.seq && a.prev === b.prev && a.segment === b.segment;

export function verifyJournal(dir: string): VerifyResult {
  const segments = listSegments(dir);
  const head = readHead(dir);
  const anchorRead = readAnchor(dir);
  const anchor = anchorRead ?? undefined;
  const notes: string[] = [];
  const result = (bad: BadEntry | undefined, entries: number, firstSeq?: number, lastSeq?: number): VerifyResult => ({
    ok: bad === undefined,
    entries,
    segments: segments.length,
    firstSeq,
    lastSeq,
    anchor,
    bad,
    notes,
  });

  if (anchorRead === null) return result({ seq: 1, segment: ANCHOR_FILE, line: undefined, reason: `${ANCHOR_FILE} is not a valid anchor` }, 0);
  if (head === null) return result({ seq: 1, segment: HEAD_FILE, line: undefined, reason: `${HEAD_FILE} is not a valid head` }, 0);

  let expectSeq: number | undefined;
  let prev = '';
  let count = 0;
  let firstSeq: number | undefined;
  /** The anchor of the last `prune` entry (EntrySchema has checked its shape). */
  let lastPrune: Anchor | undefined;
  let last: { segment: string; line: number } | undefined;

  for (const seg of segments) {
    let read: ReturnType<typeof segmentLines>;
    try {
      read = segmentLines(dir, seg);
    } catch (e) {
      // A directory, a device or a pipe in a segment's place, or a segment that cannot be read.
      return result({ seq: expectSeq ?? 1, segment: seg, line: undefined, reason: `the segment cannot be read: ${(e as Error).message}` }, count, firstSeq, expectSeq !== undefined ? expectSeq - 1 : undefined);
    }
    const { lines, incomplete } = read;
    for (const l of lines) {
      const at = expectSeq ?? 1;
      const bad = (reason: string): VerifyResult => result({ seq: at, segment: seg, line: l.line, reason }, count, firstSeq, expectSeq !== undefined ? expectSeq - 1 : undefined);
      if (incomplete && l === lines.at(-1)) return bad('the line is incomplete (the segment was cut, or a write was interrupted)');
      const v = l.value;
      if (v === undefined) return bad('the line is not a JSON object');
      if (typeof v.hash !== 'string' || v.hash !== entryHash(v)) return bad(`its hash does not match its content: the entry was edited${typeof v.seq === 'number' ? ` (it says seq ${v.seq})` : ''}`);
      const seq = v.seq;
      if (typeof seq !== 'number') return bad('it has no sequence number');
      if (expectSeq === undefined) {
        // The first entry kept: the genesis, or at/before the anchor after retention pruned the start.
        if (seq !== 1 || v.prev !== GENESIS) {
          if (anchor === undefined) return result({ seq: 1, segment: seg, line: l.line, reason: `the journal starts at seq ${seq}, not 1, and there is no ${ANCHOR_FILE}: entries before it were deleted or moved` }, 0);
          if (seq > anchor.seq) return result({ seq: anchor.seq, segment: seg, line: l.line, reason: `the journal starts at seq ${seq}, after the retention anchor (seq ${anchor.seq}): entries were deleted` }, 0);
        }
        firstSeq = seq;
      } else {
        if (seq !== expectSeq) {
          return bad(seq > expectSeq ? `found seq ${seq} here: entries are missing (deleted) or out of order` : `found seq ${seq} here: entries are out of order or repeated`);
        }
        if (v.prev !== prev) return bad('its prev is not the hash of the entry before it: an entry before it was changed, removed or reordered');
      }
      if (anchor !== undefined && seq === anchor.seq && v.prev !== anchor.prev) return bad(`its prev does not match the retention anchor in ${ANCHOR_FILE}`);
      const parsed = EntrySchema.safeParse(v);
      if (!parsed.success) return bad(`not a valid journal entry (${parsed.error.issues[0]?.path.map(String).join('.') ?? '?'}: ${parsed.error.issues[0]?.message ?? ''})`);
      if (parsed.data.event === 'prune') lastPrune = parsed.data.anchor;
      if (parsed.data.event === 'repair') notes.push(`seq ${seq}: warden repaired its journal: ${parsed.data.rationale ?? ''}`);
      prev = v.hash;
      expectSeq = seq + 1;
      count++;
      last = { segment: seg, line: l.line };
    }
  }
  const lastSeq = expectSeq !== undefined ? expectSeq - 1 : undefined;

  if (anchor !== undefined && firstSeq !== undefined && firstSeq !== 1) {
    if (lastPrune === undefined || !sameAnchor(anchor, lastPrune)) {
      return result({ seq: firstSeq, segment: ANCHOR_FILE, line: undefined, reason: `${ANCHOR_FILE} does not match the last prune entry in the chain: the anchor was edited, or entries were deleted` }, count, firstSeq, lastSeq);
    }
  }
  if (count === 0) {
    if (head !== undefined) return result({ seq: head.seq, segment: head.segment, line: undefined, reason: `${HEAD_FILE} records seq ${head.seq} but the journal has no entries: they were deleted` }, 0);
    return result(undefined, 0);
  }
  if (head === undefined) {
    return result({ seq: (lastSeq ?? 0) + 1, segment: HEAD_FILE, line: undefined, reason: `${HEAD_FILE} is missing, so a cut-off end cannot be ruled out (entries after seq ${lastSeq} may have been removed)` }, count, firstSeq, lastSeq);
  }
  if (head.seq !== lastSeq || head.hash !== prev) {
    const seg = last?.segment ?? head.segment;
    if (lastSeq !== undefined && head.seq > lastSeq) {
      return result({ seq: lastSeq + 1, segment: seg, line: undefined, reason: `the journal ends at seq ${lastSeq} but ${HEAD_FILE} records seq ${head.seq}: the entries after it were removed (truncated)` }, count, firstSeq, lastSeq);
    }
    return result({ seq: head.seq, segment: HEAD_FILE, line: undefined, reason: `${HEAD_FILE} (seq ${head.seq}) does not match the last entry (seq ${lastSeq}): the head or the end of the journal was changed` }, count, firstSeq, lastSeq);
  }
  return result(undefined, count, firstSeq, lastSeq);
}
