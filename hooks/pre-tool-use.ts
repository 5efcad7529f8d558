// PreToolUse: every pending tool call → the pipeline → journal → allow (no output) / ask / deny.
// The journal never changes the decision: if it cannot record it, the user is told (systemMessage).
import os from 'node:os';
import { decideCall, envFrom, loadPolicyFor } from '../lib/pipeline.js';
import { gateDrafts } from '../lib/gate/journal.js';
import { wardenHome } from '../lib/paths.js';
import { guardDraft, guardFailureDraft, tryAppend } from '../lib/journal/record.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { renderPreToolUse, withSystemMessage } from '../lib/protocol/output.js';
import { run } from '../lib/protocol/run.js';
import type { Decision } from '../lib/types.js';

void run(
  'PreToolUse',
  async (input) => {
    const env = envFrom(process.env, input.cwd, os.homedir(), wardenHome());
    const policy = loadPolicyFor(env);
    const call = { tool: input.tool_name, input: input.tool_input, cwd: input.cwd };
    const origin = { session: input.session_id, agent: input.agent_id, cwd: input.cwd, mode: input.permission_mode };
    let decision: Decision;
    try {
      // The guard, then the safety gate and approvals (every ask opens one; a granted one lets the
      // identical call through once).
      decision = await decideCall(call, env, { session: input.session_id }, policy);
    } catch (e) {
      // The runtime answers deny (fail closed); record that it did.
      tryAppend(policy.journal, [guardFailureDraft(call, e instanceof Error ? e.message : String(e), origin)]);
      throw e;
    }
    const draft = guardDraft(call, decision, origin, policy.journal.allows);
    const drafts = [...(draft ? [draft] : []), ...gateDrafts(call, decision, origin)];
    return withSystemMessage(renderPreToolUse(decision), drafts.length > 0 ? tryAppend(policy.journal, drafts) : undefined);
  },
  { deadlineMs: deadlineMs('PreToolUse') },
);
