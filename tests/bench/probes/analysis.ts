// Start-up probe (npm run bench): + the shell analysis of the command (no rules).
import os from 'node:os';
import { envFrom, loadPolicyFor } from '../../../lib/pipeline.js';
import { wardenHome } from '../../../lib/paths.js';
import { deadlineMs } from '../../../lib/protocol/deadlines.js';
import { run } from '../../../lib/protocol/run.js';
import { analyze } from '../../../lib/shell/analyze.js';

void run(
  'PreToolUse',
  (input) => {
    const env = envFrom(process.env, input.cwd, os.homedir(), wardenHome());
    const policy = loadPolicyFor(env);
    const a = analyze(String(input.tool_input.command), { cwd: input.cwd, home: env.home });
    return { json: {}, exitCode: policy.errors.length > 0 || a.commands.length === 0 ? 2 : 0 };
  },
  { deadlineMs: deadlineMs('PreToolUse') },
);
