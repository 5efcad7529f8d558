// What Claude Code 2.1.x sends on stdin, per event (../shared/CLAUDE-CODE-HOOKS.md §1), and the
// check of it. Loose objects: unknown fields are tolerated, known ones are checked.
//
// Checked here rather than with zod (which validates the policy): every hook process runs this, and
// loading zod costs each of them about 4 ms (npm run bench) for a dozen fields of fixed shape.

/** `string`: required string; `string?`: optional string; `nonempty`: required, not empty; `record`: a JSON object; `unknown?`: anything. */
type FieldKind = 'string' | 'string?' | 'nonempty' | 'record' | 'unknown?';

/** hook_event_name is checked against the event itself. */
const COMMON: Readonly<Record<string, FieldKind>> = {
  session_id: 'string',
  transcript_path: 'string?',
  cwd: 'nonempty',
  prompt_id: 'string?',
  permission_mode: 'string?',
  agent_id: 'string?',
  agent_type: 'string?',
};

const TOOL: Readonly<Record<string, FieldKind>> = {
  ...COMMON,
  tool_name: 'nonempty',
  tool_input: 'record',
  tool_use_id: 'string?',
};

interface CommonInput {
  session_id: string;
  transcript_path?: string;
  cwd: string;
  prompt_id?: string;
  permission_mode?: string;
  agent_id?: string;
  agent_type?: string;
  [extra: string]: unknown;
}

interface ToolInput extends CommonInput {
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id?: string;
}

export interface Inputs {
  PreToolUse: ToolInput & { hook_event_name: 'PreToolUse' };
  PostToolUse: ToolInput & { hook_event_name: 'PostToolUse'; tool_response?: unknown };
  PostToolUseFailure: ToolInput & { hook_event_name: 'PostToolUseFailure'; error?: string };
  UserPromptSubmit: CommonInput & { hook_event_name: 'UserPromptSubmit'; prompt: string };
  SessionStart: CommonInput & { hook_event_name: 'SessionStart'; source?: string };
  SubagentStart: CommonInput & { hook_event_name: 'SubagentStart' };
  SessionEnd: CommonInput & { hook_event_name: 'SessionEnd'; reason?: string };
}

export type EventName = keyof Inputs;
export type InputOf<E extends EventName> = Inputs[E];

export const FIELDS: Readonly<Record<EventName, Readonly<Record<string, FieldKind>>>> = {
  PreToolUse: TOOL,
  PostToolUse: { ...TOOL, tool_response: 'unknown?' },
  PostToolUseFailure: { ...TOOL, error: 'string?' },
  UserPromptSubmit: { ...COMMON, prompt: 'string' },
  SessionStart: { ...COMMON, source: 'string?' },
  SubagentStart: COMMON,
  SessionEnd: { ...COMMON, reason: 'string?' },
};

export const EVENT_NAMES = Object.keys(FIELDS) as EventName[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function problem(kind: FieldKind, v: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof v === 'string' ? undefined : v === undefined ? 'required' : 'expected string';
    case 'string?':
      return v === undefined || typeof v === 'string' ? undefined : 'expected string';
    case 'nonempty':
      return typeof v === 'string' ? (v.length > 0 ? undefined : 'must not be empty') : v === undefined ? 'required' : 'expected string';
    case 'record':
      return isRecord(v) ? undefined : v === undefined ? 'required' : 'expected object';
    case 'unknown?':
      return undefined;
  }
}

export type ParseResult<E extends EventName> = { success: true; data: InputOf<E> } | { success: false; error: string };

/** Checks one event's input; the error names up to three fields and what is wrong with each. */
export function parseInput<E extends EventName>(event: E, json: unknown): ParseResult<E> {
  if (!isRecord(json)) return { success: false, error: `(input): expected object` };
  const issues: string[] = [];
  if (json.hook_event_name !== event) issues.push(`hook_event_name: expected "${event}"`);
  for (const [field, kind] of Object.entries(FIELDS[event])) {
    const p = problem(kind, json[field]);
    if (p !== undefined) issues.push(`${field}: ${p}`);
  }
  if (issues.length > 0) return { success: false, error: issues.slice(0, 3).join('; ') };
  return { success: true, data: json as InputOf<E> };
}
