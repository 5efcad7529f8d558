// Reading the journal's files: segment names, the head and anchor files, entries with their
// location. Shared by the store (head recovery), verify, the CLI and the SessionStart recap.
// Reads only; never throws for a damaged line (that is reported as a `bad` line). Reads regular
// files only, opened without blocking: a directory, a device (/dev/full, /dev/zero never end) or a
// FIFO put where a journal file belongs is reported (SegmentError), never read or waited on.

import fs from 'node:fs';
import path from 'node:path';
import type { Head, JournalEntry } from './schema.js';

export type { Head };

export const HEAD_FILE = 'head.json';
export const ANCHOR_FILE = 'anchor.json';
export const LOCK_FILE = 'journal.lock';
/** Segments are named by the UTC day their first entry was written: `YYYY-MM-DD.jsonl`. */
export const SEGMENT_RE = /^\d{4}-\d{2}-\d{2}\.jsonl$/;

export function segmentFor(day: Date): string {
  return `${day.toISOString().slice(0, 10)}.jsonl`;
}

export function listSegments(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => SEGMENT_RE.test(n))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** A small JSON file of the journal: undefined when absent, null when it is not JSON or not a regular file. */
export function readJson(file: string): unknown {
  try {
    const fd = openRegular(file);
    try {
      return JSON.parse(fs.readFileSync(fd, 'utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof SyntaxError || e instanceof SegmentError) return null;
    throw e;
  }
}

/** HeadSchema's check by hand: this runs on every append, where zod schemas are not loaded. */
function isHead(v: unknown): v is Head {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const h = v as Record<string, unknown>;
  const count = (x: unknown, min: number): boolean => Number.isSafeInteger(x) && (x as number) >= min;
  return (
    Object.keys(h).length === 4 &&
    count(h.seq, 1) &&
    count(h.size, 0) &&
    typeof h.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(h.hash) &&
    typeof h.segment === 'string' &&
    SEGMENT_RE.test(h.segment)
  );
}

/** The head file: undefined when absent, null when present but unreadable. */
export function readHead(dir: string): Head | null | undefined {
  const raw = readJson(path.join(dir, HEAD_FILE));
  if (raw === undefined) return undefined;
  return isHead(raw) ? raw : null;
}

export interface Located {
  segment: string;
  /** 1-based line number in the segment. */
  line: number;
  /** The parsed line, or undefined when it is not a JSON object. */
  value: Record<string, unknown> | undefined;
  text: string;
}

/** Thrown for a segment that is not a regular file (a directory, a device such as /dev/full, a FIFO). */
export class SegmentError extends Error {}

/**
 * Opens a journal file for reading, only if it is a regular file. O_NONBLOCK: opening a FIFO put in
 * a segment's place must not hang the hook; a device must not be read (/dev/full and /dev/zero never
 * end).
 */
export function openRegular(file: string): number {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    if (!fs.fstatSync(fd).isFile()) throw new SegmentError(`${path.basename(file)} is not a regular file (a directory, a device or a pipe stands in its place)`);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  return fd;
}

/** The lines of one segment; `incomplete` when the file does not end in a newline. Throws SegmentError for a non-file. */
export function segmentLines(dir: string, segment: string): { lines: Located[]; incomplete: boolean } {
  const fd = openRegular(path.join(dir, segment));
  let text: string;
  try {
    text = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  return splitLines(text, segment, 1);
}

function splitLines(text: string, segment: string, firstLine: number): { lines: Located[]; incomplete: boolean } {
  const parts = text.split('\n');
  const last = parts.pop();
  const incomplete = last !== undefined && last !== '';
  if (incomplete) parts.push(last);
  return { lines: parts.map((t, i) => ({ segment, line: firstLine + i, value: parseObject(t), text: t })), incomplete };
}

export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Every entry of the journal, oldest first; lines that are not JSON objects are counted. */
export function allEntries(dir: string): { entries: JournalEntry[]; unreadable: number } {
  const entries: JournalEntry[] = [];
  let unreadable = 0;
  for (const seg of listSegments(dir)) {
    for (const l of segmentLines(dir, seg).lines) {
      if (l.value !== undefined) entries.push(l.value as unknown as JournalEntry);
      else unreadable++;
    }
  }
  return { entries, unreadable };
}

/** Does the entry name `rule`, or a rule of that pack (`git` or `git/`: every git rule)? */
export function entryHasRule(e: JournalEntry, rule: string): boolean {
  const prefix = `${rule.replace(/\/$/, '')}/`;
  return (e.rules ?? []).some((r) => r === rule || r.startsWith(prefix));
}

/** Does the entry, without its hashes, contain `lowerText` (already lower case)? */
export function entryMentions(e: JournalEntry, lowerText: string): boolean {
  const rest: Partial<JournalEntry> = { ...e };
  delete rest.hash;
  delete rest.prev;
  return JSON.stringify(rest).toLowerCase().includes(lowerText);
}

/**
 * The most recent entries, reading at most `maxBytes` from the ends of the newest segments (for the
 * SessionStart recap: bounded, whatever the journal's size). Oldest first.
 */
export function recentEntries(dir: string, maxBytes: number): JournalEntry[] {
  const out: JournalEntry[][] = [];
  let budget = maxBytes;
  for (const seg of listSegments(dir).reverse()) {
    if (budget <= 0) break;
    const file = path.join(dir, seg);
    let fd: number;
    try {
      fd = openRegular(file);
    } catch {
      continue; // not a journal file: `warden journal verify` and doctor report it
    }
    try {
      const size = fs.fstatSync(fd).size;
      const n = Math.min(size, budget);
      const buf = Buffer.alloc(n);
      fs.readSync(fd, buf, 0, n, size - n);
      budget -= n;
      let text = buf.toString('utf8');
      // A cut first line is not an entry.
      if (n < size) text = text.slice(text.indexOf('\n') + 1);
      const { lines } = splitLines(text, seg, 0);
      out.push(lines.flatMap((l) => (l.value !== undefined ? [l.value as unknown as JournalEntry] : [])));
    } finally {
      fs.closeSync(fd);
    }
  }
  return out.reverse().flat();
}
