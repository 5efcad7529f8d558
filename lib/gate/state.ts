// The safety gate's state files (trust scores, approvals, the review cache): small JSON documents
// under `<warden home>/gate/`, read without a lock and changed only under one.
//
// Files and modes: `<warden home>/gate/` 0700; each `<name>.json` 0600 (approvals and the review
// cache quote tool inputs), with `<name>.json.lock` beside it while a process changes it.
//
// Concurrency: every change is read-modify-write under the lock of lib/journal/lock.ts (O_EXCL lock
// file, bounded wait, stale-lock recovery), written to a temp file, fsynced and renamed over the old
// one (lib/install/files.ts writeAtomic). Readers never see a half-written file, and of two
// concurrent writers neither loses the other's change.
//
// Fail mode: a file that is missing is empty state. A file that cannot be read, is larger than its
// bound, is not JSON or does not match its schema throws StateError: the callers fail closed (no
// trust, no approval) and report it; nothing overwrites such a file except a human's explicit reset.

import fs from 'node:fs';
import path from 'node:path';
import type * as z from 'zod/mini';
import { writeAtomic } from '../install/files.js';
import { withLock } from '../journal/lock.js';

export const GATE_DIR_MODE = 0o700;
export const STATE_FILE_MODE = 0o600;
/** Longest wait for a state file's lock; past it the change is not made and the caller fails closed. */
export const STATE_LOCK_TIMEOUT_MS = 6000;

export class StateError extends Error {}

export function gateDir(wardenHome: string): string {
  return path.join(wardenHome, 'gate');
}

export interface StateFile<T> {
  /** Absolute path of the JSON file. */
  file: string;
  schema: z.ZodMiniType<T>;
  empty: () => T;
  maxBytes: number;
}

/** The state in the file, or the empty state if there is no file. Throws StateError if it is unusable. */
export function readState<T>(s: StateFile<T>): T {
  let text: string;
  try {
    // Without blocking, and regular files only: a FIFO or a device (/dev/zero never ends) in the
    // store's place must fail closed at once, not hang the hook until its deadline.
    const fd = fs.openSync(s.file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) throw new StateError(`${s.file} is not a regular file (a directory, a device or a pipe stands in its place)`);
      if (st.size > s.maxBytes) throw new StateError(`${s.file} is larger than ${s.maxBytes} bytes`);
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof StateError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return s.empty();
    throw new StateError(`cannot read ${s.file} (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StateError(`${s.file} is not valid JSON`);
  }
  const parsed = s.schema.safeParse(json);
  if (!parsed.success) throw new StateError(`${s.file} does not have the expected shape (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/**
 * Changes the state under its lock: `fn` gets the current state to modify in place and returns a
 * result; the state is written back unless `fn` returns with `write: false`.
 */
export function updateState<T, R>(s: StateFile<T>, fn: (state: T) => { result: R; write?: boolean }): R {
  const dir = path.dirname(s.file);
  fs.mkdirSync(dir, { recursive: true, mode: GATE_DIR_MODE });
  return withLock(
    `${s.file}.lock`,
    () => {
      const state = readState(s);
      const { result, write } = fn(state);
      if (write !== false) {
        const text = `${JSON.stringify(state, null, 1)}\n`;
        if (text.length > s.maxBytes) throw new StateError(`${s.file} would grow past ${s.maxBytes} bytes`);
        writeAtomic(s.file, text, STATE_FILE_MODE);
      }
      return result;
    },
    { timeoutMs: STATE_LOCK_TIMEOUT_MS },
  );
}

/** Replaces whatever is in the file (a human's reset of an unusable file), under the lock. */
export function resetState<T>(s: StateFile<T>): void {
  fs.mkdirSync(path.dirname(s.file), { recursive: true, mode: GATE_DIR_MODE });
  withLock(`${s.file}.lock`, () => writeAtomic(s.file, `${JSON.stringify(s.empty(), null, 1)}\n`, STATE_FILE_MODE), { timeoutMs: STATE_LOCK_TIMEOUT_MS });
}
