// The part of PostToolUse / PostToolUseFailure that runs only for a call that may be external:
// policy, trust store, journal. Built as its own bundle (dist/gate-outcome.cjs, scripts/build.mjs)
// so the hooks, which run after every tool call, do not parse it otherwise.

import os from 'node:os';
import { tryAppend } from '../journal/record.js';
import { wardenHome } from '../paths.js';
import { envFrom, loadPolicyFor } from '../env.js';
import type { HookOutput } from '../protocol/output.js';
import type { ToolCall } from '../types.js';
import { trustDraft } from './journal.js';
import { recordOutcome } from './outcome.js';

export interface OutcomeOrigin {
  session: string;
  agent?: string | undefined;
  mode?: string | undefined;
}

export async function runOutcome(call: ToolCall, outcome: 'success' | 'failure', o: OutcomeOrigin): Promise<HookOutput> {
  const env = envFrom(process.env, call.cwd, os.homedir(), wardenHome());
  let policy: ReturnType<typeof loadPolicyFor> | undefined;
  const lazyPolicy = (): ReturnType<typeof loadPolicyFor> => (policy ??= loadPolicyFor(env));
  const r = await recordOutcome(call, env, lazyPolicy, outcome);
  const notes: string[] = [];
  if (r.errors.length > 0) notes.push(`warden could not update service trust (${r.errors.join('; ')}); run \`warden trust list\` or \`warden doctor\`.`);
  if (r.changes.length > 0) {
    const origin = { session: o.session, agent: o.agent, cwd: call.cwd, mode: o.mode };
    const note = tryAppend(
      lazyPolicy().journal,
      r.changes.map((c) => trustDraft(c, `outcome of an external operation (${outcome})`, origin)),
    );
    if (note !== undefined) notes.push(note);
  }
  return { json: notes.length > 0 ? { systemMessage: notes.join('\n') } : {}, exitCode: 0 };
}
