// What Claude Code 2.1.x sends on stdin, per event (../shared/CLAUDE-CODE-HOOKS.md §1). Loose
// objects: unknown fields are tolerated, known ones are checked. zod/mini keeps start-up cheap.

import * as z from 'zod/mini';

const PermissionMode = z.string();

const Common = {
  session_id: z.string(),
  transcript_path: z.optional(z.string()),
  cwd: z.string().check(z.minLength(1)),
  hook_event_name: z.string(),
  prompt_id: z.optional(z.string()),
  permission_mode: z.optional(PermissionMode),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
};

const ToolCommon = {
  ...Common,
  tool_name: z.string().check(z.minLength(1)),
  tool_input: z.record(z.string(), z.unknown()),
  tool_use_id: z.optional(z.string()),
};

export const PreToolUseInput = z.looseObject({ ...ToolCommon, hook_event_name: z.literal('PreToolUse') });
export const PostToolUseInput = z.looseObject({ ...ToolCommon, hook_event_name: z.literal('PostToolUse'), tool_response: z.optional(z.unknown()) });
export const PostToolUseFailureInput = z.looseObject({ ...ToolCommon, hook_event_name: z.literal('PostToolUseFailure'), error: z.optional(z.string()) });
export const UserPromptSubmitInput = z.looseObject({ ...Common, hook_event_name: z.literal('UserPromptSubmit'), prompt: z.string() });
export const SessionStartInput = z.looseObject({ ...Common, hook_event_name: z.literal('SessionStart'), source: z.optional(z.string()) });
export const SubagentStartInput = z.looseObject({ ...Common, hook_event_name: z.literal('SubagentStart') });
export const SessionEndInput = z.looseObject({ ...Common, hook_event_name: z.literal('SessionEnd'), reason: z.optional(z.string()) });

export const SCHEMAS = {
  PreToolUse: PreToolUseInput,
  PostToolUse: PostToolUseInput,
  PostToolUseFailure: PostToolUseFailureInput,
  UserPromptSubmit: UserPromptSubmitInput,
  SessionStart: SessionStartInput,
  SubagentStart: SubagentStartInput,
  SessionEnd: SessionEndInput,
} as const;

export type EventName = keyof typeof SCHEMAS;
export type InputOf<E extends EventName> = z.infer<(typeof SCHEMAS)[E]>;

/** One-line description of why stdin did not match, for the fail-closed reason. */
export function describeError(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.code === 'invalid_type' ? `expected ${i.expected}` : i.code}`)
    .join('; ');
}
