// Start-up probe (npm run bench): + the effective policy (from the compiled-policy cache).
import os from 'node:os';
import { envFrom, loadPolicyFor } from '../../../lib/pipeline.js';
import { wardenHome } from '../../../lib/paths.js';
import { deadlineMs } from '../../../lib/protocol/deadlines.js';
import { run } from '../../../lib/protocol/run.js';

void run(
  'PreToolUse',
  (input) => {
    const policy = loadPolicyFor(envFrom(process.env, input.cwd, os.homedir(), wardenHome()));
    return { json: {}, exitCode: policy.errors.length > 0 ? 2 : 0 };
  },
  { deadlineMs: deadlineMs('PreToolUse') },
);
