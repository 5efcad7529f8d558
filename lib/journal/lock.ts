// A cross-process lock for the journal: an O_EXCL lock file with bounded waiting and stale-lock
// recovery. Concurrent hook processes (parallel tool calls, several sessions) serialise their
// appends through it, so the hash chain never forks.
//
// Protocol: `open(lock, O_CREAT|O_EXCL)` and write `{pid, token, time}`; release by unlinking it
// only while it still holds our token. A waiter polls with a growing pause, at most
// `timeoutMs` in all, then gives up (the caller reports it; the decision is not held up).
//
// Stale locks: a holder keeps the lock for about a millisecond, so a lock file that stays is left
// by a process that died. It is broken when its holder's pid is gone (and it is older than
// LOCK_DEAD_HOLDER_MS, to let a holder finish writing its pid) or when it is older than
// LOCK_STALE_MS whatever the pid says (pid reuse, another pid namespace). Breaking renames the file
// to a unique name first (atomic: of two breakers only one wins), then checks it moved the lock it
// judged stale; if a fresh lock was moved by mistake it is put back with link(), which fails rather
// than overwrite a newer one.

import fs from 'node:fs';

/** A lock older than this is stale whatever its pid says. */
export const LOCK_STALE_MS = 10_000;
/**
 * Longest wait for the lock before the append is given up and reported. A holder needs about a
 * millisecond, but a loaded machine deschedules it: 40 hooks at once on 2 CPUs with a load of 20
 * have needed more than 5 s in all. Longer than LOCK_STALE_MS, so a holder that hangs is broken
 * before a waiter gives up; well below the PreToolUse deadline. SessionEnd passes a shorter one.
 */
export const LOCK_TIMEOUT_MS = LOCK_STALE_MS + 2000;
/** A lock whose pid is gone is stale once it is this old. */
export const LOCK_DEAD_HOLDER_MS = 250;
const FIRST_PAUSE_MS = 1;
const MAX_PAUSE_MS = 10;

export class LockTimeout extends Error {
  constructor(file: string, ms: number, cutShort = false) {
    super(`could not lock ${file} within ${ms} ms (another warden process holds it${cutShort ? "; the wait was cut short by the hook's deadline" : ''})`);
  }
}

/**
 * When every lock wait in this process must have ended (a Date.now() time). The hook runtime sets
 * it below its internal deadline (lib/protocol/run.ts): the waits are synchronous, so the deadline
 * timer cannot cut them short, and several in a row (approvals, then the journal) must not outlast
 * the time Claude Code gives the hook — a PreToolUse hook killed at its timeout lets the tool run.
 */
let waitsEndBy = Number.POSITIVE_INFINITY;

export function endLockWaitsBy(time: number): void {
  waitsEndBy = time;
}

export interface LockOptions {
  timeoutMs?: number;
  staleMs?: number;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(pauseCell, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Seen {
  token: string | undefined;
  pid: number | undefined;
  ageMs: number;
}

function look(file: string): Seen | undefined {
  try {
    const st = fs.statSync(file);
    let token: string | undefined;
    let pid: number | undefined;
    try {
      const o = JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: unknown; pid?: unknown };
      if (typeof o.token === 'string') token = o.token;
      if (typeof o.pid === 'number') pid = o.pid;
    } catch {
      // being written right now, or garbage: judged by age alone
    }
    return { token, pid, ageMs: Date.now() - st.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function isStale(s: Seen, staleMs: number): boolean {
  if (s.ageMs > staleMs) return true;
  return s.pid !== undefined && s.pid !== process.pid && s.ageMs > LOCK_DEAD_HOLDER_MS && !alive(s.pid);
}

/**
 * Tells this process's lock files apart from another's (not a secret: the pid already does, this
 * guards against a recycled pid). No node:crypto on the hooks' hot path (3.5 ms to load).
 */
function uniqueSuffix(): string {
  return `${process.hrtime.bigint().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function breakLock(file: string, seen: Seen): void {
  const aside = `${file}.stale-${process.pid}-${uniqueSuffix()}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // released or broken meanwhile
    throw e;
  }
  try {
    const moved = look(aside);
    if (moved !== undefined && moved.token !== seen.token) {
      // A fresh lock replaced the stale one between our look and our rename: give it back.
      try {
        fs.linkSync(aside, file);
      } catch {
        // a newer lock exists already; the holder we displaced will find its token gone
      }
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

export interface Held {
  file: string;
  token: string;
  /** True while the lock file still carries our token. */
  stillHeld(): boolean;
  release(): void;
}

export function acquire(file: string, opts: LockOptions = {}): Held {
  const timeoutMs = opts.timeoutMs ?? LOCK_TIMEOUT_MS;
  const staleMs = opts.staleMs ?? LOCK_STALE_MS;
  const token = `${process.pid}-${uniqueSuffix()}`;
  const body = JSON.stringify({ pid: process.pid, token, time: new Date().toISOString() });
  const started = Date.now();
  const deadline = Math.min(started + timeoutMs, waitsEndBy);
  let wait = FIRST_PAUSE_MS;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, body);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const seen = look(file);
    if (seen !== undefined && isStale(seen, staleMs)) {
      breakLock(file, seen);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeout(file, Math.max(0, deadline - started), deadline < started + timeoutMs);
    pause(Math.min(wait, Math.max(1, deadline - Date.now())));
    wait = Math.min(wait * 2, MAX_PAUSE_MS);
  }
  const stillHeld = (): boolean => look(file)?.token === token;
  return {
    file,
    token,
    stillHeld,
    release: () => {
      if (!stillHeld()) return;
      try {
        fs.unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    },
  };
}

/** Runs `fn` holding the lock. Throws LockTimeout when it cannot be had in time. */
export function withLock<T>(file: string, fn: (held: Held) => T, opts: LockOptions = {}): T {
  const held = acquire(file, opts);
  try {
    return fn(held);
  } finally {
    held.release();
  }
}
