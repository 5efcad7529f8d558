// SessionEnd: journal that the session ended, and why (clear, logout, exit, …).
import os from 'node:os';
import { envFrom, loadPolicyFor } from '../lib/env.js';
import { wardenHome } from '../lib/paths.js';
import { tryAppend } from '../lib/journal/record.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { withSystemMessage } from '../lib/protocol/output.js';
import { run } from '../lib/protocol/run.js';

const SESSION_END_LOCK_MS = 2000;

void run(
  'SessionEnd',
  (input) => {
    const policy = loadPolicyFor(envFrom(process.env, input.cwd, os.homedir(), wardenHome()));
    const problem = tryAppend(
      policy.journal,
      [{ event: 'session-end', session: input.session_id, cwd: input.cwd, ...(input.reason !== undefined ? { source: input.reason } : {}) }],
      // Claude Code gives SessionEnd hooks little time; give up on the lock well before the deadline.
      { lock: { timeoutMs: SESSION_END_LOCK_MS } },
    );
    return withSystemMessage({ json: {}, exitCode: 0 }, problem);
  },
  { deadlineMs: deadlineMs('SessionEnd') },
);
