// PostToolUse / PostToolUseFailure for the safety gate. These hooks run after every tool call, so a
// call that cannot be external is acknowledged at once, with nothing but the shell analysis loaded;
// for a possible external write, ./outcome-run.ts (its own bundle in dist/) moves trust, journals the
// change and tells the user (systemMessage) when trust could not be updated. Never blocks anything.

import os from 'node:os';
import type { HookOutput } from '../protocol/output.js';
import { mayBeExternal } from './candidates.js';
import { loadOutcomeRunner } from './outcome-loader.js';

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
  const { runOutcome } = await loadOutcomeRunner();
  return runOutcome(call, outcome, { session: input.session_id, agent: input.agent_id, mode: input.permission_mode });
}
