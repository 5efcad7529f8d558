// Start-up probe (npm run bench): + the safety gate's first look and approvals (no journal).
import os from 'node:os';
import { decideCall, envFrom, loadPolicyFor } from '../../../lib/pipeline.js';
import { wardenHome } from '../../../lib/paths.js';
import { deadlineMs } from '../../../lib/protocol/deadlines.js';
import { renderPreToolUse } from '../../../lib/protocol/output.js';
import { run } from '../../../lib/protocol/run.js';

void run(
  'PreToolUse',
  async (input) => {
    const env = envFrom(process.env, input.cwd, os.homedir(), wardenHome());
    return renderPreToolUse(await decideCall({ tool: input.tool_name, input: input.tool_input, cwd: input.cwd }, env, { session: input.session_id }, loadPolicyFor(env)));
  },
  { deadlineMs: deadlineMs('PreToolUse') },
);
