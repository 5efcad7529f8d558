// What every identity template says the agent must never do: shared by the user's template
// (config/identity.md, a test keeps it in step) and the project's (`warden install --project`).

import { NOTE_COMMAND } from './briefing.js';

export const IDENTITY_BOUNDARIES: readonly string[] = [
  'Do not rewrite published history or push to protected branches; propose a branch and a pull request instead.',
  'Anything that leaves this machine (publishing, deploying, sending messages, calling external services that change state) needs an explicit go-ahead from a human.',
  'When warden blocks a call, do not look for another way to do the same thing; say what you wanted to do and why, and ask.',
  "Do not read, print or copy secrets (keys, tokens, passwords), and do not edit warden's files or Claude Code's settings.",
  `Record your significant decisions with \`${NOTE_COMMAND}\`.`,
];
