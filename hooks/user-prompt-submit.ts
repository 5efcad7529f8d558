// UserPromptSubmit: remember the user's latest request in this session, so the safety gate's
// reviewer can judge an external operation against what was actually asked (lib/gate/prompts.ts).
// Adds nothing to the prompt.
import { savePrompt } from '../lib/gate/prompts.js';
import { wardenHome } from '../lib/paths.js';
import { deadlineMs } from '../lib/protocol/deadlines.js';
import { run } from '../lib/protocol/run.js';

void run(
  'UserPromptSubmit',
  (input) => {
    savePrompt(wardenHome(), input.session_id, input.prompt);
    return { json: {}, exitCode: 0 };
  },
  { deadlineMs: deadlineMs('UserPromptSubmit') },
);
