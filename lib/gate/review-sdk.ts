// The one place warden talks to the Messages API: a single forced-tool request through
// @anthropic-ai/sdk. Built as its own bundle (dist/gate-review.cjs, see scripts/build.mjs) and
// loaded by ./review.ts only when a review is needed, so the SDK never slows a hook that does not
// review. No retries (the hook has a deadline); the request is aborted at `timeoutMs`.
//
// Trust model: what this returns is untrusted model output; ./review.ts validates it.

import Anthropic from '@anthropic-ai/sdk';

export interface ModelRequest {
  apiKey: string;
  /** Default: the SDK's (ANTHROPIC_BASE_URL, else the public API). */
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxTokens: number;
  system: string;
  user: string;
  tool: { name: string; description: string; input_schema: { type: 'object'; [k: string]: unknown } };
}

export interface ModelReply {
  model: string;
  stopReason: string | null;
  /** Input of the first tool_use block naming the forced tool, if any. */
  toolInput?: unknown;
}

export async function callModel(req: ModelRequest): Promise<ModelReply> {
  const client = new Anthropic({ apiKey: req.apiKey, ...(req.baseURL !== undefined ? { baseURL: req.baseURL } : {}), timeout: req.timeoutMs, maxRetries: 0 });
  const msg = await client.messages.create(
    {
      model: req.model,
      max_tokens: req.maxTokens,
      system: req.system,
      messages: [{ role: 'user', content: req.user }],
      tools: [req.tool],
      tool_choice: { type: 'tool', name: req.tool.name },
    },
    { signal: AbortSignal.timeout(req.timeoutMs), timeout: req.timeoutMs },
  );
  const block = msg.content.find((b) => b.type === 'tool_use' && b.name === req.tool.name);
  return { model: msg.model, stopReason: msg.stop_reason, ...(block !== undefined && block.type === 'tool_use' ? { toolInput: block.input } : {}) };
}
