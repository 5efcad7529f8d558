// PostToolUse: the outcome of a call. Registered for calls that can reach outside the machine; the
// safety gate (layer 2) will move per-service trust from here. Today it only acknowledges.
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { run } from '../lib/protocol/run.js';

void run('PostToolUse', () => ({ json: {}, exitCode: 0 }), { deadlineMs: deadlineMs('PostToolUse') });
