// Start-up probe (npm run bench): + every rule pack (the guard's decision, no gate, no journal).
import os from 'node:os';
import { envFrom, evaluate, loadPolicyFor } from '../../../lib/pipeline.js';
import { wardenHome } from '../../../lib/paths.js';
import { deadlineMs } from '../../../lib/protocol/deadlines.js';
import { renderPreToolUse } from '../../../lib/protocol/output.js';
import { run } from '../../../lib/protocol/run.js';

void run(
  'PreToolUse',
  (input) => {
    const env = envFrom(process.env, input.cwd, os.homedir(), wardenHome());
    return renderPreToolUse(evaluate({ tool: input.tool_name, input: input.tool_input, cwd: input.cwd }, env, loadPolicyFor(env)));
  },
  { deadlineMs: deadlineMs('PreToolUse') },
);
