// Protocol tests: the built PreToolUse bundle, spawned with JSON on stdin like Claude Code does.
// Every malformed or hostile input must get a clear, fail-closed decision.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import fs from 'node:fs';
import { run } from '../../lib/protocol/run.js';
import type { HookOutput } from '../../lib/protocol/output.js';
import { decisionOf, preToolUse, runHook, tempHome } from './hook-helpers.js';

const homes: string[] = [];
const home = (policy?: string): string => {
  const h = tempHome(policy);
  homes.push(h);
  return h;
};
after(() => {
  for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
});

void test('benign command: empty object, exit 0 (no opinion; Claude Code decides)', () => {
  const r = runHook('pre-tool-use.cjs', preToolUse('git status'), { HOME: home() });
  assert.equal(r.code, 0);
  assert.deepEqual(r.json, {});
  assert.equal(r.stdout, '{}');
});

void test('dangerous command: deny with the rule id and an alternative', () => {
  const r = runHook('pre-tool-use.cjs', preToolUse('git push --force origin main'), { HOME: home() });
  assert.equal(r.code, 0);
  const d = decisionOf(r);
  assert.equal(d.decision, 'deny');
  assert.match(d.reason, /\[git\/push-force\]/);
  assert.match(d.reason, /--force-with-lease/);
});

void test('ask: reason says a human must confirm and not to work around it', () => {
  const r = runHook('pre-tool-use.cjs', preToolUse('git reset --hard HEAD~3'), { HOME: home() });
  const d = decisionOf(r);
  assert.equal(d.decision, 'ask');
  assert.match(d.reason, /\[git\/reset-hard\]/);
  assert.match(d.reason, /human/);
  assert.match(d.reason, /Do not try to get around/);
});

const MALFORMED: { name: string; stdin: string | Buffer; why: RegExp }[] = [
  { name: 'not JSON', stdin: 'rm -rf /', why: /not valid JSON/ },
  { name: 'empty stdin', stdin: '', why: /not valid JSON/ },
  { name: 'binary garbage', stdin: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x80]), why: /not valid UTF-8/ },
  { name: 'JSON array', stdin: '[1,2]', why: /unexpected hook input/ },
  { name: 'missing tool_input', stdin: JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash' }), why: /tool_input/ },
  { name: 'missing tool_name', stdin: JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_input: { command: 'ls' } }), why: /tool_name/ },
  { name: 'tool_input is a string', stdin: preToolUse(undefined, { tool_input: 'rm -rf /' }), why: /tool_input/ },
  { name: 'Bash without a command', stdin: preToolUse(undefined), why: /no command/ },
  { name: 'command is a number', stdin: preToolUse(undefined, { tool_input: { command: 42 } }), why: /no command/ },
  { name: 'wrong event name', stdin: preToolUse('ls', { hook_event_name: 'PostToolUse' }), why: /hook_event_name/ },
];

for (const m of MALFORMED) {
  void test(`malformed stdin (${m.name}): deny, exit 2, reason names the problem and warden doctor`, () => {
    const r = runHook('pre-tool-use.cjs', m.stdin, { HOME: home() });
    assert.equal(r.code, 2);
    const d = decisionOf(r);
    assert.equal(d.decision, 'deny');
    assert.match(d.reason, m.why);
    assert.match(d.reason, /warden doctor/);
    assert.match(r.stderr, /fails closed/);
  });
}

void test('1 MiB command hiding rm -rf ~ at the end: not allowed', () => {
  const cmd = `echo ${'x'.repeat(1 << 20)}; rm -rf ~`;
  const r = runHook('pre-tool-use.cjs', preToolUse(cmd), { HOME: home() });
  const d = decisionOf(r);
  assert.ok(d.decision === 'ask' || d.decision === 'deny', `got ${r.stdout.slice(0, 200)}`);
  assert.match(d.reason, /core\/analysis-bound/);
});

void test('1 MiB benign command: a decision, not a crash', () => {
  const r = runHook('pre-tool-use.cjs', preToolUse(`echo ${'y'.repeat((1 << 20) - 10)}`), { HOME: home() });
  assert.equal(r.code, 0);
  assert.deepEqual(r.json, {});
});

void test('broken user policy: guarded calls get ask naming file and line; read-only tools still run', () => {
  const h = home('version: 1\npreset: extreme\n');
  const bash = runHook('pre-tool-use.cjs', preToolUse('ls'), { HOME: h });
  const d = decisionOf(bash);
  assert.equal(d.decision, 'ask');
  assert.match(d.reason, /core\/policy-invalid/);
  assert.match(d.reason, /policy\.yaml:2: preset: expected standard\|strict\|paranoid/);
  const read = runHook('pre-tool-use.cjs', preToolUse('x', { tool_name: 'Read', tool_input: { file_path: '/etc/hostname' } }), { HOME: h });
  assert.deepEqual(read.json, {});
  // The built-in defaults still apply: a deny stays a deny.
  const push = decisionOf(runHook('pre-tool-use.cjs', preToolUse('git push -f origin main'), { HOME: h }));
  assert.equal(push.decision, 'deny');
});

void test('YAML syntax error in the policy: ask with the line', () => {
  const h = home('preset: [standard\n');
  const d = decisionOf(runHook('pre-tool-use.cjs', preToolUse('ls'), { HOME: h }));
  assert.equal(d.decision, 'ask');
  assert.match(d.reason, /policy\.yaml:\d+:/);
});

void test('internal deadline: the runtime answers deny before the handler finishes', async () => {
  const outs: HookOutput[] = [];
  let exited = false;
  await new Promise<void>((resolve) => {
    void run('PreToolUse', () => new Promise<HookOutput>(() => undefined), {
      deadlineMs: 50,
      stdin: Readable.from([preToolUse('ls')]),
      write: (o) => outs.push(o),
      exit: () => {
        exited = true;
        resolve();
      },
    });
  });
  assert.equal(outs.length, 1);
  assert.equal(exited, true);
  const o = outs[0] as HookOutput;
  assert.equal(o.exitCode, 2);
  assert.match(JSON.stringify(o.json), /"permissionDecision":"deny"/);
  assert.match(JSON.stringify(o.json), /internal deadline of 50 ms/);
});

void test('a handler that throws: deny with the error', async () => {
  const outs: HookOutput[] = [];
  await run('PreToolUse', () => {
    throw new Error('boom');
  }, { deadlineMs: 5000, stdin: Readable.from([preToolUse('ls')]), write: (o) => outs.push(o) });
  assert.equal(outs.length, 1);
  assert.match(JSON.stringify(outs[0]?.json), /internal error: boom/);
  assert.equal(outs[0]?.exitCode, 2);
});
