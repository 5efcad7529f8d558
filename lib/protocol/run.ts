// The hook runtime: read stdin to EOF, validate it, run the handler under an internal deadline,
// write exactly one JSON object. Fail closed: on PreToolUse any exception, timeout, or unreadable
// stdin becomes a deny (JSON and exit 2); other events report the failure to the user and go on.
//
// Limits: the deadline is below the timeout install registers for each event (lib/install), so a
// slow hook answers deny before Claude Code kills it (a killed hook lets the tool run). A
// synchronous infinite loop cannot be interrupted from inside; analysis is bounded to prevent one.

import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { endLockWaitsBy } from '../journal/lock.js';
import { parseInput, type EventName, type InputOf } from './schemas.js';
import { failClosedPreToolUse, failNotice, type HookOutput } from './output.js';

/** Time left to answer after the last lock wait has given up. */
export const LOCK_WAIT_MARGIN_MS = 500;

/** Largest stdin read; more is garbage or an attack, and fails closed. */
export const MAX_STDIN_BYTES = 8 * 1024 * 1024;

export type Handler<E extends EventName> = (input: InputOf<E>) => HookOutput | Promise<HookOutput>;

export interface RunOptions {
  deadlineMs: number;
  stdin?: NodeJS.ReadableStream;
  write?: (out: HookOutput) => void;
  /** Called after a deadline answer, to leave even if the handler still holds the event loop. */
  exit?: () => void;
}

function failure(event: EventName, what: string): HookOutput {
  return event === 'PreToolUse' ? failClosedPreToolUse(what) : failNotice(event, what);
}

// Synchronous writes to fd 1 and 2: process.stdout/stderr would load Node's stream machinery, a
// few ms of every hook run (npm run bench).
export function writeOutput(out: HookOutput): void {
  fs.writeSync(1, JSON.stringify(out.json));
  if (out.stderr) fs.writeSync(2, `${out.stderr}\n`);
  process.exitCode = out.exitCode;
}

/**
 * All of fd 0, synchronously (no stream machinery on the hot path). undefined when the descriptor
 * is non-blocking (EAGAIN): the caller then reads it as a stream. Claude Code writes the event and
 * closes the pipe, so the read ends; a writer that never closed it would hold the hook until Claude
 * Code's own timeout, which the internal deadline below cannot shorten (SECURITY.md).
 */
function readStdinSync(): string | undefined {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const b = Buffer.allocUnsafe(65536);
    let n: number;
    try {
      n = fs.readSync(0, b, 0, b.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN' && size === 0) return undefined;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(b.subarray(0, n));
  }
  return utf8(Buffer.concat(chunks));
}

/**
 * Claude Code writes JSON, which is valid UTF-8; bytes that are not mean a corrupt channel, and
 * replacing them would judge another command than the one that runs (`r\xffm`): fail closed.
 */
function utf8(b: Buffer): string {
  if (!isUtf8(b)) throw new Error('stdin is not valid UTF-8');
  return b.toString('utf8');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(b);
  }
  return utf8(Buffer.concat(chunks));
}

export async function run<E extends EventName>(event: E, handler: Handler<E>, opts: RunOptions): Promise<void> {
  const write = opts.write ?? writeOutput;
  let done = false;
  const finish = (out: HookOutput): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    write(out);
  };
  const timer = setTimeout(() => {
    finish(failure(event, `internal deadline of ${opts.deadlineMs} ms passed`));
    // The handler may still hold the event loop open; the answer is out, so leave.
    setImmediate(opts.exit ?? (() => process.exit(process.exitCode ?? 0)));
  }, opts.deadlineMs);
  // Lock waits (approvals, journal) are synchronous: the timer above cannot interrupt them, so they
  // end LOCK_WAIT_MARGIN_MS before it instead, and the hook still answers in time.
  endLockWaitsBy(Date.now() + opts.deadlineMs - LOCK_WAIT_MARGIN_MS);
  try {
    const text = (opts.stdin === undefined ? readStdinSync() : undefined) ?? (await readAll(opts.stdin ?? process.stdin));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      finish(failure(event, 'stdin is not valid JSON'));
      return;
    }
    const parsed = parseInput(event, json);
    if (!parsed.success) {
      finish(failure(event, `unexpected hook input: ${parsed.error}`));
      return;
    }
    finish(await handler(parsed.data));
  } catch (e) {
    finish(failure(event, `internal error: ${e instanceof Error ? e.message : String(e)}`));
  }
}
