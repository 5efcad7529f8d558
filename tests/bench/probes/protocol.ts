// Start-up probe (npm run bench): + the hook runtime (stdin, input check, output), no decision.
import { deadlineMs } from '../../../lib/protocol/deadlines.js';
import { run } from '../../../lib/protocol/run.js';

void run('PreToolUse', () => ({ json: {}, exitCode: 0 }), { deadlineMs: deadlineMs('PreToolUse') });
