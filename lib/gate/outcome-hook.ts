// PostToolUse / PostToolUseFailure for the safety gate: a call that cannot be external is
// acknowledged at once (no policy, no stores, no rule registry loaded: these hooks run after every
// tool call); for an external write, trust moves (./outcome.ts), the change is journaled, and the
// user is told (systemMessage) when trust could not be updated or journaled. Never blocks anything.

import os from 'node:os';
import { wardenHome } from '../paths.js';
import type { HookOutput } from '../protocol/output.js';
import { mayBeExternal } from './candidates.js';

export interface OutcomeInput {
  tool_name: string;
  tool_input: Record<string, unknown>;
  cwd: string;
  session_id: string;
  agent_id?: string | undefined;
  permission_mode?: string | undefined;
}

export async function handleOutcome(input: OutcomeInput, outcome: 'success' | 'failure'): Promise<HookOutput> {
  const call = { tool: input.tool_name, input: input.tool_input, cwd: input.cwd };
  if (!mayBeExternal(call, os.homedir())) return { json: {}, exitCode: 0 };
  const { envFrom, loadPolicyFor } = await import('../pipeline.js');
  const { recordOutcome } = await import('./outcome.js');
  const { tryAppend } = await import('../journal/record.js');
  const { trustDraft } = await import('./journal.js');
  const env = envFrom(process.env, input.cwd, os.homedir(), wardenHome());
  let policy: ReturnType<typeof loadPolicyFor> | undefined;
  const lazyPolicy = (): ReturnType<typeof loadPolicyFor> => (policy ??= loadPolicyFor(env));
  const r = await recordOutcome(call, env, lazyPolicy, outcome);
  const notes: string[] = [];
  if (r.errors.length > 0) notes.push(`warden could not update service trust (${r.errors.join('; ')}); run \`warden trust list\` or \`warden doctor\`.`);
  if (r.changes.length > 0) {
    const origin = { session: input.session_id, agent: input.agent_id, cwd: input.cwd, mode: input.permission_mode };
    const note = tryAppend(
      lazyPolicy().journal,
      r.changes.map((c) => trustDraft(c, `outcome of an external operation (${outcome})`, origin)),
    );
    if (note !== undefined) notes.push(note);
  }
  return { json: notes.length > 0 ? { systemMessage: notes.join('\n') } : {}, exitCode: 0 };
}
