// The decision journal (layer 5): an append-only, hash-chained JSONL record of what warden decided
// and why. Every hook appends here; `warden journal verify` walks it all (./verify.ts).
//
// Trust model: the journal is tamper-EVIDENT, not tamper-proof. It runs as the user, and anything
// that runs as the user (the agent's shell included) can rewrite its files; what it cannot do
// unnoticed is change, remove, reorder or cut entries without also recomputing every later hash
// and the head file. That makes casual or partial edits visible to `verify`; a deliberate
// rewrite of the whole chain by a process with the user's rights is not detected. Keeping the
// agent away from these files is the command guard's job (self-protection), not this module's.
// Secrets are redacted (./redact.ts) from every string before anything is written.
//
// Files and modes (in `journal.dir`, default `<wardenHome>/journal`):
//   <dir>/                 0700
//   YYYY-MM-DD.jsonl       0600  segments, one entry per line, named by the UTC day; the chain
//                                runs on across segments (an entry's `prev` is the hash of the
//                                entry before it, wherever that is)
//   head.json              0600  {seq, hash, segment, size} of the last entry, rewritten atomically
//                                (temp + rename) by every append, so an append never reads a
//                                segment, and verify can tell a cut-off end
//   anchor.json            0600  {seq, prev, segment}: where the kept chain starts after retention
//                                pruned older segments; also recorded in the chain as a `prune` entry
//   journal.lock           0600  the append lock (./lock.ts), present only while held
//
// Concurrency: appends from concurrent hook processes are serialised by the lock; under it an
// append reads the head, writes its lines with one O_APPEND write, then replaces the head. So
// the chain never forks. A crash between the two writes leaves entries the head does not count;
// the next append adopts them if they chain, and cuts an incomplete last line (recording a
// `repair` entry), so the journal stays verifiable after a crash or a full disk.
//
// Fail mode: the journal never decides anything. An append that cannot get the lock in
// LOCK_TIMEOUT_MS, or fails (ENOSPC, EACCES, …), throws; the hooks catch it, let their decision
// stand, and tell the user through `systemMessage` (./record.ts `tryAppend`). Nothing is fsynced:
// a power loss can lose the last entries, which verify then reports as a cut-off end.
//
// Limits: MAX_ENTRY_BYTES per entry (long fields are cut with a visible marker, never dropped);
// retention (`journal.retention_days`, 0 = keep forever) prunes whole segments older than that,
// checked when an append opens a new day's segment.

import fs from 'node:fs';
import path from 'node:path';
import { GENESIS, entryHash, entryLine } from './entry.js';
import type { Anchor, Draft, JournalEntry } from './schema.js';
import { acquire, type LockOptions } from './lock.js';
import { ANCHOR_FILE, HEAD_FILE, LOCK_FILE, listSegments, openRegular, parseObject, readHead, segmentFor, segmentLines, type Head } from './read.js';
import { redactSummary } from './redact.js';

export const JOURNAL_DIR_MODE = 0o700;
export const JOURNAL_FILE_MODE = 0o600;
/** Largest line one entry may take; longer fields are cut until it fits. */
export const MAX_ENTRY_BYTES = 16 * 1024;
/** Default caps per field (characters), before the whole-entry cap. */
export const FIELD_CAPS: Readonly<Record<string, number>> = { input: 2000, rationale: 4000, note: 2000 };
const DEFAULT_FIELD_CAP = 500;
/** Most items kept of a list field (rule ids, files), the rest counted. */
const MAX_LIST_ITEMS = 50;
/** Unaccounted bytes after the head's offset that an append will look at to repair. */
const MAX_REPAIR_BYTES = 1024 * 1024;
/** Bytes read from the end of a segment to find its last entry when head.json is lost. */
const HEAD_RECOVERY_BYTES = 4 * MAX_ENTRY_BYTES;
const DAY_MS = 86_400_000;

/** Keys whose values are hashes, copied as they are. */
const NOT_REDACTED = new Set(['sha256', 'prev']);

export interface AppendOptions {
  now?: Date;
  /** Days of segments to keep; 0 or undefined: keep everything. */
  retentionDays?: number;
  lock?: LockOptions;
}

export class JournalError extends Error {}

function fitString(key: string, s: string, cap: number): string {
  return NOT_REDACTED.has(key) ? s : redactSummary(s, cap);
}

/** Redacts and caps every string of a draft (deeply). */
function fitValue(key: string, v: unknown, scale: number): unknown {
  if (typeof v === 'string') return fitString(key, v, Math.max(32, Math.floor((FIELD_CAPS[key] ?? DEFAULT_FIELD_CAP) * scale)));
  if (Array.isArray(v)) {
    const keep = Math.max(4, Math.floor(MAX_LIST_ITEMS * scale));
    const items = v.slice(0, keep).map((x) => fitValue(key, x, scale));
    return v.length > keep ? [...items, `… ${v.length - keep} more`] : items;
  }
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fitValue(k, x, scale)]));
  return v;
}

/** Redacted and cut to fit MAX_ENTRY_BYTES, measured with the longest seq and prev it can get. */
function fit(draft: Draft, time: string): Draft {
  for (let scale = 1; ; scale /= 2) {
    const fitted = fitValue('', draft, scale) as Draft;
    // Its size with the longest seq and a hash of full length (no need to compute one to measure).
    const probe = { v: 1 as const, seq: Number.MAX_SAFE_INTEGER, time, ...fitted, prev: GENESIS, hash: GENESIS };
    if (Buffer.byteLength(entryLine(probe)) <= MAX_ENTRY_BYTES || scale < 1 / 64) return fitted;
  }
}

function seal(fitted: Draft, seq: number, time: string, prev: string): JournalEntry {
  const e = { v: 1 as const, seq, time, ...fitted, prev, hash: '' };
  e.hash = entryHash(e);
  return e;
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: JOURNAL_DIR_MODE });
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: JOURNAL_FILE_MODE });
  fs.renameSync(tmp, file);
}

/**
 * Appends `text` to `file` (created 0600) in one write; returns the file's size after it.
 * O_NONBLOCK: a FIFO in the segment's place fails at once (ENXIO) instead of hanging the hook.
 */
function appendText(file: string, text: string): number {
  const { O_WRONLY, O_APPEND, O_CREAT, O_NONBLOCK } = fs.constants;
  const fd = fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK, JOURNAL_FILE_MODE);
  try {
    const buf = Buffer.from(text);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    return fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
}

function isChained(v: Record<string, unknown> | undefined, prevSeq: number, prevHash: string): v is JournalEntry {
  return v !== undefined && v.seq === prevSeq + 1 && v.prev === prevHash && v.hash === entryHash(v);
}

/** The head rebuilt from the newest segment's last entry, when head.json is missing or unreadable. */
function recoverHead(dir: string): Head | undefined {
  for (const seg of listSegments(dir).reverse()) {
    const file = path.join(dir, seg);
    // Regular files only, opened without blocking: a FIFO in a segment's place must not hang the hook.
    const fd = openRegular(file);
    const size = fs.fstatSync(fd).size;
    const n = Math.min(size, HEAD_RECOVERY_BYTES);
    let text: string;
    try {
      const buf = Buffer.alloc(n);
      fs.readSync(fd, buf, 0, n, size - n);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
    const lines = text.split('\n');
    let end = size;
    if (lines.at(-1) !== '') end -= Buffer.byteLength(lines.at(-1) ?? '');
    lines.pop();
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] ?? '';
      const v = parseObject(line);
      if (v !== undefined && typeof v.seq === 'number' && typeof v.hash === 'string' && v.hash === entryHash(v)) {
        return { seq: v.seq, hash: v.hash, segment: seg, size: end };
      }
      end -= Buffer.byteLength(line) + 1;
    }
  }
  return undefined;
}

/**
 * Accounts for bytes after the head's offset in its segment: entries a crashed append wrote but
 * could not count (adopted), then an incomplete last line (cut). Anything else is left for verify.
 */
function reconcileTail(dir: string, head: Head, notes: Draft[]): Head {
  const file = path.join(dir, head.segment);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return head; // removed: verify reports it
    throw e;
  }
  if (size <= head.size || size - head.size > MAX_REPAIR_BYTES) return head;
  const fd = fs.openSync(file, 'r');
  let tail: Buffer;
  try {
    tail = Buffer.alloc(size - head.size);
    fs.readSync(fd, tail, 0, tail.length, head.size);
  } finally {
    fs.closeSync(fd);
  }
  let h = head;
  let off = 0;
  let adopted = 0;
  let foreign = false;
  for (;;) {
    const nl = tail.indexOf(0x0a, off);
    if (nl < 0) break;
    const v = parseObject(tail.subarray(off, nl).toString('utf8'));
    if (!isChained(v, h.seq, h.hash)) {
      foreign = true;
      break;
    }
    h = { seq: v.seq, hash: v.hash, segment: h.segment, size: h.size + (nl + 1 - off) };
    off = nl + 1;
    adopted++;
  }
  if (adopted > 0) notes.push({ event: 'repair', rationale: `counted ${adopted} entries of ${head.segment} that an interrupted append wrote without updating ${HEAD_FILE}` });
  const rest = tail.length - off;
  if (!foreign && rest > 0) {
    fs.truncateSync(file, h.size);
    notes.push({ event: 'repair', rationale: `cut ${rest} bytes of an incomplete write at the end of ${head.segment} (offset ${h.size})` });
  }
  return h;
}

interface PrunePlan {
  remove: string[];
  anchor: Anchor;
}

/** Segments older than the retention, and where the kept chain then starts. */
function planPrune(dir: string, head: Head, newSegment: string, now: Date, retentionDays: number): PrunePlan | undefined {
  const cutoff = segmentFor(new Date(now.getTime() - retentionDays * DAY_MS));
  const all = listSegments(dir);
  const remove = all.filter((s) => s < cutoff && s !== head.segment && s !== newSegment);
  if (remove.length === 0) return undefined;
  const first = all.find((s) => !remove.includes(s));
  if (first === undefined) return undefined;
  const v = segmentLines(dir, first).lines[0]?.value;
  if (v === undefined || typeof v.seq !== 'number' || typeof v.prev !== 'string') return undefined; // cannot anchor: keep all
  return { remove, anchor: { seq: v.seq, prev: v.prev, segment: first } };
}

/**
 * Appends entries, in order, under the lock. Returns them as written (with any `repair` or `prune`
 * entries this append had to add first). Throws JournalError / LockTimeout / fs errors.
 */
export function appendEntries(dir: string, drafts: readonly Draft[], opts: AppendOptions = {}): JournalEntry[] {
  const now = opts.now ?? new Date();
  const time = now.toISOString();
  // Redaction and cutting happen before the lock: the time it is held is a few file operations.
  const ready = drafts.map((d) => fit(d, time));
  ensureDir(dir);
  const held = acquire(path.join(dir, LOCK_FILE), opts.lock);
  try {
    const pending: Draft[] = [];
    let head = readHead(dir) ?? undefined;
    if (head === undefined) {
      head = recoverHead(dir);
      if (head !== undefined) pending.push({ event: 'repair', rationale: `${HEAD_FILE} was missing or unreadable; the chain head was recovered from ${head.segment} (seq ${head.seq})` });
      else if (listSegments(dir).length > 0) throw new JournalError(`${HEAD_FILE} is missing and no entry could be recovered from the segments; run \`warden journal verify\``);
    } else {
      head = reconcileTail(dir, head, pending);
    }
    const today = segmentFor(now);
    const segment = head !== undefined && head.segment > today ? head.segment : today;
    const plan = head !== undefined && segment !== head.segment && (opts.retentionDays ?? 0) > 0 ? planPrune(dir, head, segment, now, opts.retentionDays ?? 0) : undefined;
    if (plan) pending.push({ event: 'prune', anchor: plan.anchor, pruned: plan.remove, rationale: `retention: segments older than ${opts.retentionDays} days removed` });
    let prev = head?.hash ?? GENESIS;
    let seq = head?.seq ?? 0;
    const entries = [...pending.map((d) => fit(d, time)), ...ready].map((d) => {
      const e = seal(d, ++seq, time, prev);
      prev = e.hash;
      return e;
    });
    if (!held.stillHeld()) throw new JournalError('the journal lock was taken over as stale while this append held it; nothing written');
    const size = appendText(path.join(dir, segment), entries.map(entryLine).join(''));
    writeAtomic(path.join(dir, HEAD_FILE), JSON.stringify({ seq, hash: prev, segment, size } satisfies Head));
    if (plan) {
      writeAtomic(path.join(dir, ANCHOR_FILE), JSON.stringify(plan.anchor));
      // Oldest first: an interrupted prune leaves a chain that starts before the anchor, which verify accepts.
      for (const s of plan.remove) fs.rmSync(path.join(dir, s), { force: true });
    }
    return entries;
  } finally {
    held.release();
  }
}
