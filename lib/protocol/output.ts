// Rendering hook output. Exactly one JSON object per hook run, on stdout (CLAUDE-CODE-HOOKS.md §2).

import type { Decision } from '../types.js';

export interface HookOutput {
  json: Record<string, unknown>;
  /** 0 normally; 2 on fail-closed PreToolUse, so even a Claude Code that rejects our JSON blocks. */
  exitCode: 0 | 2;
  stderr?: string;
}

/**
 * How a human grants an `ask`: every ask opens a pending approval (lib/gate/approvals.ts), bound to
 * this exact call; the human approves it in their own terminal and the agent retries the call once.
 */
export function askSuffix(approval: Decision['approval']): string {
  if (approval === undefined || approval.state !== 'pending') {
    // No approval could be opened (the reason says why): the human runs it or changes the policy.
    return 'A human has to decide. Stop, tell the user what you wanted to run and why, and let them run it themselves or change the warden policy. Do not try to get around this block with another command.';
  }
  const minutes = Math.max(1, Math.round((Date.parse(approval.expires) - Date.now()) / 60_000));
  return (
    `A human has to approve this call. Stop and ask the user to run \`warden approve ${approval.id}\` in their own terminal (or \`warden reject ${approval.id}\`); ` +
    `after they approve, retry exactly the same call once. The approval covers only this exact call and expires in about ${minutes} min. ` +
    'Do not run warden approve yourself. Do not try to get around this block with another command.'
  );
}

export const DENY_SUFFIX = 'Do not try to get around this block with another spelling of the same operation.';

/**
 * PreToolUse: warden's `allow` means "no objection", rendered as an empty object so Claude Code's
 * own permission flow still applies. Only deny and ask carry a decision.
 */
export function renderPreToolUse(decision: Decision): HookOutput {
  if (decision.verdict === 'allow') return { json: {}, exitCode: 0 };
  const suffix = decision.verdict === 'ask' ? askSuffix(decision.approval) : DENY_SUFFIX;
  return {
    json: {
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: decision.verdict,
        permissionDecisionReason: `warden ${decision.verdict === 'deny' ? 'blocked' : 'held'} this call.\n${decision.reason}\n${suffix}`,
      },
    },
    exitCode: 0,
  };
}

/**
 * Adds a note for the user (`systemMessage`) to a hook's output without touching its decision:
 * how the journal reports that it could not record something.
 */
export function withSystemMessage(out: HookOutput, message: string | undefined): HookOutput {
  if (message === undefined) return out;
  const prior = typeof out.json.systemMessage === 'string' ? `${out.json.systemMessage}\n` : '';
  return { ...out, json: { ...out.json, systemMessage: `${prior}${message}` } };
}

export function failClosedPreToolUse(what: string): HookOutput {
  const reason = `warden blocked this call because the guard itself failed (${what}), and it fails closed. Tell the user; they can run \`warden doctor\` to find the cause.`;
  return {
    json: { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } },
    exitCode: 2,
    stderr: reason,
  };
}

/** Non-blocking events: the failure is shown to the user, the session goes on. */
export function failNotice(event: string, what: string): HookOutput {
  return { json: { systemMessage: `warden ${event} hook failed (${what}); run \`warden doctor\`.` }, exitCode: 0 };
}
