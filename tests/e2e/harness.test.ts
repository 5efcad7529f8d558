// Self-test of the e2e harness against the real Claude Code CLI, WITHOUT warden installed:
// proves that a scripted Bash call really runs, that the stub sees its result, and that a
// user-level PreToolUse hook registered in the sandbox HOME is honoured (deny blocks the call).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addUserHook, describeRun, makeSandbox, runClaude, systemAndContextText } from './harness.js';

void test('scripted Bash calls run for real and their results reach the model', async (t) => {
  const sb = makeSandbox();
  t.after(() => sb.cleanup());

  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [
      { tool: 'Bash', input: { command: 'echo hello > out.txt', description: 'write a file' } },
      { tool: 'Bash', input: { command: 'cat out.txt', description: 'read it back' } },
    ],
  });
  t.diagnostic(`claude run took ${r.durationMs} ms`);

  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.result?.result, 'done', describeRun(r));
  assert.equal(fs.readFileSync(path.join(sb.project, 'out.txt'), 'utf8'), 'hello\n');

  // One main-loop request per step plus the final one; the last carries both results.
  assert.equal(r.stub.mainRequests.length, 3, describeRun(r));
  assert.equal(r.toolResults.length, 2, describeRun(r));
  for (const tr of r.toolResults) assert.equal(tr.is_error, false, describeRun(r));
  assert.match(r.toolResults[1]?.content ?? '', /^hello$/m, describeRun(r));
  // The model was really shown the tool output (and its own prompt).
  const last = r.stub.mainRequests.at(-1);
  assert.ok(last);
  assert.match(systemAndContextText(last), /\bhello\b/);
  assert.match(systemAndContextText(last), /Primary working directory: .*project/);
});

void test('a PreToolUse hook in the sandbox HOME can deny a Bash call', async (t) => {
  const sb = makeSandbox();
  t.after(() => sb.cleanup());

  // A throwaway hook: logs its stdin, then denies every call.
  const script = path.join(sb.home, 'deny-hook.mjs');
  const log = path.join(sb.root, 'hook-stdin.jsonl');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
let input = '';
for await (const c of process.stdin) input += c;
fs.appendFileSync(${JSON.stringify(log)}, input.trim() + '\\n');
process.stdout.write(JSON.stringify({ hookSpecificOutput: {
  hookEventName: 'PreToolUse',
  permissionDecision: 'deny',
  permissionDecisionReason: 'blocked by test hook',
} }));
`,
  );
  addUserHook(
    sb.home,
    'PreToolUse',
    { type: 'command', command: process.execPath, args: [script], timeout: 10 },
    'Bash',
  );

  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: 'echo hello > out.txt', description: 'write a file' } }],
  });
  t.diagnostic(`claude run took ${r.durationMs} ms`);

  assert.equal(r.code, 0, describeRun(r));
  assert.equal(fs.existsSync(path.join(sb.project, 'out.txt')), false, 'the denied command ran');

  assert.equal(r.toolResults.length, 1, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr);
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /blocked by test hook/, describeRun(r));

  // The hook really ran, once, on this call.
  const calls = fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(calls.length, 1);
  assert.equal(calls[0]?.hook_event_name, 'PreToolUse');
  assert.equal(calls[0]?.tool_name, 'Bash');
  assert.deepEqual((calls[0]?.tool_input as { command?: unknown }).command, 'echo hello > out.txt');
  assert.equal(calls[0]?.permission_mode, 'bypassPermissions');
});
