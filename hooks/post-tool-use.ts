// PostToolUse: the outcome of a call. For an external write that succeeded, the safety gate raises
// the trust of the services it wrote to (lib/gate/outcome-hook.ts); anything else is acknowledged.
import { handleOutcome } from '../lib/gate/outcome-hook.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { run } from '../lib/protocol/run.js';

void run('PostToolUse', (input) => handleOutcome(input, 'success'), { deadlineMs: deadlineMs('PostToolUse') });
