// SessionStart (startup, resume, clear, compact, fork): re-ground the agent with the guard briefing.
import { briefing } from '../lib/identity/briefing.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { run } from '../lib/protocol/run.js';

void run(
  'SessionStart',
  () => ({ json: { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: briefing() } }, exitCode: 0 }),
  { deadlineMs: deadlineMs('SessionStart') },
);
