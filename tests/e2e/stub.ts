// A scripted stand-in for the Anthropic Messages API, for driving the real Claude Code CLI in
// end-to-end tests. It listens on 127.0.0.1 (random port) and answers only `POST /v1/messages`
// (Claude Code appends `?beta=true`); everything else gets a 404.
//
// Two kinds of request reach it:
// - main-loop requests: the agent loop, recognisable by a tool named `Bash` in `tools`. The number
//   of `tool_result` blocks already in `messages` selects the next scripted step, so the script is
//   replayed deterministically however many times Claude Code retries.
// - other requests: title/summary generation, and later the safety gate's review through
//   @anthropic-ai/sdk (which forces a tool with `tool_choice`). These are recorded separately and
//   answered by a pluggable handler (default: a short text reply).
//
// Replies are SSE when the request says `stream: true` (Claude Code always streams), plain JSON
// otherwise (the SDK's `messages.create` without streaming).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** One scripted model turn: a tool call, or a plain text answer. */
export type ScriptStep =
  | { tool: string; input: Record<string, unknown> }
  | { text: string };

/** A parsed Messages API request body. Kept loose: we only read a few fields. */
export type RequestBody = Record<string, unknown> & {
  model?: string;
  stream?: boolean;
  system?: unknown;
  messages?: unknown[];
  tools?: unknown[];
  tool_choice?: unknown;
};

/** What the `onOther` handler returns for a non-main-loop request. */
export interface OtherReply {
  /** HTTP status, default 200. */
  status?: number;
  /**
   * A complete Messages API response object (`{id, type:"message", role, content, stop_reason,
   * usage, …}`). For a streaming request it is converted to SSE events. Omitted: a short text reply.
   * With a non-2xx status it is sent verbatim as the error body.
   */
  json?: Record<string, unknown>;
  /** Wait this long before answering (to test timeouts). */
  delayMs?: number;
}

export interface StubOptions {
  onOther?: (body: RequestBody) => OtherReply | Promise<OtherReply>;
}

export interface Stub {
  /** Base URL to use as ANTHROPIC_BASE_URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Every request body (parsed JSON) that reached POST /v1/messages, in order. */
  requests: RequestBody[];
  /** Only the main-loop requests (those carrying the Bash tool), in order. */
  mainRequests: RequestBody[];
  /** Every other request (title generation, gate reviews, …), in order. */
  reviewRequests: RequestBody[];
  /** Requests to any other path/method (answered 404): "METHOD /path". */
  unhandled: string[];
  close(): Promise<void>;
}

/** A tool_result block as the model saw it. */
export interface ToolResult {
  tool_use_id: string;
  /** The content flattened to plain text (text blocks joined with newlines). */
  content: string;
  is_error: boolean;
}

type Block = Record<string, unknown>;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Does this request belong to the main agent loop (it offers the Bash tool)? */
export function isMainLoop(body: RequestBody): boolean {
  return Array.isArray(body.tools) && body.tools.some((t) => isObj(t) && t.name === 'Bash');
}

/** All content blocks of all messages, in order (string content becomes a text block). */
function allBlocks(body: RequestBody): Block[] {
  const out: Block[] = [];
  for (const m of body.messages ?? []) {
    if (!isObj(m)) continue;
    if (typeof m.content === 'string') out.push({ type: 'text', text: m.content });
    else if (Array.isArray(m.content)) for (const b of m.content) if (isObj(b)) out.push(b);
  }
  return out;
}

/** Flatten tool_result / message content (string or block array) to plain text. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((b) => (isObj(b) && typeof b.text === 'string' ? b.text : ''))
    .filter((s) => s !== '')
    .join('\n');
}

/** The tool_result blocks contained in one request. */
export function toolResultsOf(body: RequestBody): ToolResult[] {
  return allBlocks(body)
    .filter((b) => b.type === 'tool_result')
    .map((b) => ({
      tool_use_id: String(b.tool_use_id),
      content: contentText(b.content),
      is_error: b.is_error === true,
    }));
}

/** The tool_result blocks as seen in the LAST main-loop request ([] if there was none). */
export function toolResults(stub: Pick<Stub, 'mainRequests'>): ToolResult[] {
  const last = stub.mainRequests.at(-1);
  return last ? toolResultsOf(last) : [];
}

/**
 * All text the model was shown in one request: the system prompt blocks plus every text-bearing
 * part of every message (text blocks, tool_result content, tool_use inputs as JSON), newline-joined.
 * Use it to check that a hook's injected context reached the model.
 */
export function systemAndContextText(body: RequestBody): string {
  const parts: string[] = [];
  if (typeof body.system === 'string') parts.push(body.system);
  else if (Array.isArray(body.system)) parts.push(contentText(body.system));
  for (const b of allBlocks(body)) {
    if (b.type === 'text' && typeof b.text === 'string') parts.push(b.text);
    else if (b.type === 'tool_result') parts.push(contentText(b.content));
    else if (b.type === 'tool_use') parts.push(JSON.stringify(b.input ?? {}));
  }
  return parts.join('\n');
}

const rid = (prefix: string): string => `${prefix}_01${randomBytes(12).toString('hex')}`;

const usage = (output: number) => ({
  input_tokens: 120,
  output_tokens: output,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
});

/** Build a complete (non-streaming) Messages API response. */
export function messageResponse(
  model: string,
  content: Block[],
  stopReason: 'end_turn' | 'tool_use' = content.some((b) => b.type === 'tool_use')
    ? 'tool_use'
    : 'end_turn',
): Record<string, unknown> {
  return {
    id: rid('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usage(20),
  };
}

/** Convert a complete message into the SSE event sequence the streaming API would send. */
function toSse(message: Record<string, unknown>): string {
  const events: [string, unknown][] = [];
  const content = Array.isArray(message.content) ? (message.content as Block[]) : [];
  events.push([
    'message_start',
    {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: usage(1) },
    },
  ]);
  content.forEach((block, index) => {
    if (block.type === 'tool_use') {
      // The block starts with an empty input; the whole input arrives as one JSON delta.
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { ...block, input: {} } },
      ]);
      events.push([
        'content_block_delta',
        {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input ?? {}) },
        },
      ]);
    } else if (block.type === 'text') {
      events.push([
        'content_block_start',
        { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
      ]);
      events.push([
        'content_block_delta',
        { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } },
      ]);
    } else {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: block }]);
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }]);
  });
  const u = isObj(message.usage) ? message.usage : usage(20);
  events.push([
    'message_delta',
    {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason ?? 'end_turn', stop_sequence: null },
      usage: { output_tokens: typeof u.output_tokens === 'number' ? u.output_tokens : 20 },
    },
  ]);
  events.push(['message_stop', { type: 'message_stop' }]);
  return events.map(([ev, data]) => `event: ${ev}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

/** The response for a main-loop request, chosen by how many tool results are already present. */
function mainLoopReply(script: readonly ScriptStep[], body: RequestBody): Record<string, unknown> {
  const model = body.model ?? 'claude-stub';
  const step = script[toolResultsOf(body).length];
  if (step === undefined) return messageResponse(model, [{ type: 'text', text: 'done' }], 'end_turn');
  if ('text' in step) return messageResponse(model, [{ type: 'text', text: step.text }], 'end_turn');
  return messageResponse(
    model,
    [{ type: 'tool_use', id: rid('toolu'), name: step.tool, input: step.input }],
    'tool_use',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStub(
  script: readonly ScriptStep[],
  options: StubOptions = {},
): Promise<Stub> {
  const requests: RequestBody[] = [];
  const mainRequests: RequestBody[] = [];
  const reviewRequests: RequestBody[] = [];
  const unhandled: string[] = [];

  const send = (
    res: http.ServerResponse,
    stream: boolean,
    status: number,
    message: Record<string, unknown>,
  ) => {
    if (stream && status >= 200 && status < 300) {
      res.writeHead(status, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        'request-id': rid('req'),
      });
      res.end(toSse(message));
    } else {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': rid('req') });
      res.end(JSON.stringify(message));
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || path !== '/v1/messages') {
      unhandled.push(`${req.method} ${req.url}`);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'stub: not found' } }));
      return;
    }
    let body: RequestBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RequestBody;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'stub: bad JSON' } }));
      return;
    }
    requests.push(body);
    const stream = body.stream === true;
    if (isMainLoop(body)) {
      mainRequests.push(body);
      send(res, stream, 200, mainLoopReply(script, body));
      return;
    }
    reviewRequests.push(body);
    const reply: OtherReply = options.onOther ? await options.onOther(body) : {};
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return; // the client gave up (timeout) meanwhile
    const message =
      reply.json ?? messageResponse(body.model ?? 'claude-stub', [{ type: 'text', text: 'ok' }]);
    send(res, stream, reply.status ?? 200, message);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(err) } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    mainRequests,
    reviewRequests,
    unhandled,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
