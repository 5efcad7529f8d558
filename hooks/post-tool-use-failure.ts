// PostToolUseFailure: a call that failed. For an external write, the safety gate lowers the trust
// of the services it wrote to (lib/gate/outcome-hook.ts); anything else is acknowledged.
import { handleOutcome } from '../lib/gate/outcome-hook.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { run } from '../lib/protocol/run.js';

void run('PostToolUseFailure', (input) => handleOutcome(input, 'failure'), { deadlineMs: deadlineMs('PostToolUseFailure') });
