// The hook runtime: read stdin to EOF, validate it, run the handler under an internal deadline,
// write exactly one JSON object. Fail closed: on PreToolUse any exception, timeout, or unreadable
// stdin becomes a deny (JSON and exit 2); other events report the failure to the user and go on.
//
// Limits: the deadline is below the timeout install registers for each event (lib/install), so a
// slow hook answers deny before Claude Code kills it (a killed hook lets the tool run). A
// synchronous infinite loop cannot be interrupted from inside; analysis is bounded to prevent one.

import { SCHEMAS, describeError, type EventName, type InputOf } from './schemas.js';
import { failClosedPreToolUse, failNotice, type HookOutput } from './output.js';

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

export function writeOutput(out: HookOutput): void {
  process.stdout.write(JSON.stringify(out.json));
  if (out.stderr) process.stderr.write(`${out.stderr}\n`);
  process.exitCode = out.exitCode;
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
  return Buffer.concat(chunks).toString('utf8');
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
  try {
    const text = await readAll(opts.stdin ?? process.stdin);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      finish(failure(event, 'stdin is not valid JSON'));
      return;
    }
    const parsed = SCHEMAS[event].safeParse(json);
    if (!parsed.success) {
      finish(failure(event, `unexpected hook input: ${describeError(parsed.error)}`));
      return;
    }
    finish(await handler(parsed.data as InputOf<E>));
  } catch (e) {
    finish(failure(event, `internal error: ${e instanceof Error ? e.message : String(e)}`));
  }
}
