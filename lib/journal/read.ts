// Reading the journal's files: segment names, the head and anchor files, entries with their
// location. Shared by the store (head recovery), verify, the CLI and the SessionStart recap.
// Reads only; never throws for a damaged line (that is reported as a `bad` line).

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

/** A small JSON file of the journal: undefined when absent, null when it is not JSON. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof SyntaxError) return null;
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

/** The lines of one segment; `incomplete` when the file does not end in a newline. */
export function segmentLines(dir: string, segment: string): { lines: Located[]; incomplete: boolean } {
  const text = fs.readFileSync(path.join(dir, segment), 'utf8');
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
    const fd = fs.openSync(file, 'r');
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
