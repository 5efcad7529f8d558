// Registered timeouts (seconds, written into settings.json by install) and the internal deadline of
// each hook (ms), always well below the timeout: Claude Code lets a tool run when a PreToolUse hook
// is killed at its timeout, so warden must answer deny first.

import type { EventName } from './schemas.js';

export const HOOK_TIMEOUT_S: Record<EventName, number> = {
  PreToolUse: 30,
  PostToolUse: 10,
  PostToolUseFailure: 10,
  UserPromptSubmit: 10,
  SessionStart: 10,
  SubagentStart: 10,
  SessionEnd: 5,
};

export function deadlineMs(event: EventName): number {
  // Leave 20% and at least one second for process start, output and Claude Code's own overhead.
  const t = HOOK_TIMEOUT_S[event] * 1000;
  return Math.min(t * 0.8, t - 1000);
}
