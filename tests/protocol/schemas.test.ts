// The check of what Claude Code sends on stdin (lib/protocol/schemas.ts): known fields are checked,
// unknown ones tolerated; the error names the fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInput, type EventName } from '../../lib/protocol/schemas.js';

const base = { session_id: 's', cwd: '/p', transcript_path: '/t' };
const tool = { ...base, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } };

const CASES: { name: string; event: EventName; input: unknown; error?: RegExp }[] = [
  { name: 'a PreToolUse call', event: 'PreToolUse', input: tool },
  { name: 'unknown fields are tolerated', event: 'PreToolUse', input: { ...tool, effort: { level: 'high' }, future_field: [1] } },
  { name: 'optional fields may be absent', event: 'SessionStart', input: { session_id: 's', cwd: '/p', hook_event_name: 'SessionStart' } },
  { name: 'PostToolUse with any tool_response', event: 'PostToolUse', input: { ...tool, hook_event_name: 'PostToolUse', tool_response: [1, 'x'] } },
  { name: 'UserPromptSubmit with its prompt', event: 'UserPromptSubmit', input: { ...base, hook_event_name: 'UserPromptSubmit', prompt: 'hi' } },
  { name: 'not an object', event: 'PreToolUse', input: [tool], error: /^\(input\): expected object$/ },
  { name: 'null', event: 'PreToolUse', input: null, error: /\(input\): expected object/ },
  { name: 'another event', event: 'PreToolUse', input: { ...tool, hook_event_name: 'PostToolUse' }, error: /hook_event_name: expected "PreToolUse"/ },
  { name: 'missing tool_input', event: 'PreToolUse', input: { ...tool, tool_input: undefined }, error: /tool_input: required/ },
  { name: 'tool_input a string', event: 'PreToolUse', input: { ...tool, tool_input: 'ls' }, error: /tool_input: expected object/ },
  { name: 'tool_input an array', event: 'PreToolUse', input: { ...tool, tool_input: ['ls'] }, error: /tool_input: expected object/ },
  { name: 'empty tool_name', event: 'PreToolUse', input: { ...tool, tool_name: '' }, error: /tool_name: must not be empty/ },
  { name: 'empty cwd', event: 'PreToolUse', input: { ...tool, cwd: '' }, error: /cwd: must not be empty/ },
  { name: 'numeric session_id', event: 'PreToolUse', input: { ...tool, session_id: 5 }, error: /session_id: expected string/ },
  { name: 'optional field of the wrong type', event: 'PreToolUse', input: { ...tool, agent_id: 7 }, error: /agent_id: expected string/ },
  { name: 'prompt missing', event: 'UserPromptSubmit', input: { ...base, hook_event_name: 'UserPromptSubmit' }, error: /prompt: required/ },
  { name: 'at most three problems named', event: 'PreToolUse', input: { hook_event_name: 'PreToolUse' }, error: /^session_id: required; cwd: required; tool_name: required$/ },
];

for (const c of CASES) {
  void test(`parseInput: ${c.name}`, () => {
    const r = parseInput(c.event, c.input);
    if (c.error === undefined) {
      assert.equal(r.success, true, r.success ? '' : r.error);
      if (r.success) assert.equal(r.data, c.input);
    } else {
      assert.equal(r.success, false);
      if (!r.success) assert.match(r.error, c.error);
    }
  });
}
