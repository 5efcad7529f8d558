// SubagentStart: a subagent gets the same identity and guard briefing as the main agent.
import os from 'node:os';
import { sessionBoundary } from '../lib/identity/boundary.js';
import { wardenHome } from '../lib/paths.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { withSystemMessage } from '../lib/protocol/output.js';
import { run } from '../lib/protocol/run.js';

void run(
  'SubagentStart',
  (input) => {
    const b = sessionBoundary({ event: 'SubagentStart', session: input.session_id, cwd: input.cwd, agent: input.agent_id ?? input.agent_type }, process.env, os.homedir(), wardenHome());
    return withSystemMessage({ json: { hookSpecificOutput: { hookEventName: 'SubagentStart', additionalContext: b.context } }, exitCode: 0 }, b.journalError);
  },
  { deadlineMs: deadlineMs('SubagentStart') },
);
