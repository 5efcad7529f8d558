// SessionStart (startup, resume, clear, compact, fork): re-ground the agent with its identity, the
// guard briefing and, after resume/compact, a recap of this session's guard decisions.
import os from 'node:os';
import { sessionBoundary } from '../lib/identity/boundary.js';
import { wardenHome } from '../lib/paths.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { withSystemMessage } from '../lib/protocol/output.js';
import { run } from '../lib/protocol/run.js';

void run(
  'SessionStart',
  (input) => {
    const b = sessionBoundary({ event: 'SessionStart', session: input.session_id, cwd: input.cwd, source: input.source, agent: input.agent_id }, process.env, os.homedir(), wardenHome());
    return withSystemMessage({ json: { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: b.context } }, exitCode: 0 }, b.journalError);
  },
  { deadlineMs: deadlineMs('SessionStart') },
);
