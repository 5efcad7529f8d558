// Outcomes move trust: after an external operation ran, PostToolUse (it succeeded) and
// PostToolUseFailure (it failed) record it for each service the call wrote to. DESIGN.md, "Safety
// gate".
//
// Trust model: only writes count (write, delete, send, publish, execute); reads never move a score,
// so an agent cannot earn trust for a POST by making GETs. UNRESOLVED services have no score.
// "Succeeded" is what Claude Code reports: a Bash command that exits 0 (curl without -f exits 0 on
// an HTTP error status) counts as a success.
//
// Fail mode: a store that cannot be changed is reported (the hook shows it to the user); the
// outcome is then lost, which can only keep a score lower or higher than it would be by one step,
// never skip an approval: a corrupt store scores every service 0.

import type { Env } from '../pipeline.js';
import type { EffectivePolicy } from '../policy/load.js';
import type { ToolCall } from '../types.js';
import { bashCommands, mayBeExternal } from './candidates.js';
import type { TrustChange } from './trust.js';

export interface OutcomeResult {
  changes: TrustChange[];
  errors: string[];
}

export async function recordOutcome(call: ToolCall, env: Env, policy: () => EffectivePolicy, outcome: 'success' | 'failure', now: number = Date.now()): Promise<OutcomeResult> {
  const result: OutcomeResult = { changes: [], errors: [] };
  const commands = bashCommands(call, env.home);
  if (!mayBeExternal(call, env.home, commands)) return result;
  const { classifyCall } = await import('./classify.js');
  const { recordTrust } = await import('./trust.js');
  const services = new Set(
    classifyCall(call, env.home, commands)
      .filter((op) => !op.local && op.kind !== 'read')
      .map((op) => op.service),
  );
  if (services.size === 0) return result;
  const settings = policy().gate.trust;
  for (const service of services) {
    try {
      const change = recordTrust(env.wardenHome, service, outcome, settings, now);
      if (change !== undefined) result.changes.push(change);
    } catch (e) {
      result.errors.push(`${service}: ${(e as Error).message}`);
    }
  }
  return result;
}
