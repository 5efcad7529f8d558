// The gate's hooks as Claude Code runs them (built bundles, JSON on stdin, a throwaway HOME):
// PreToolUse holds and opens an approval, PostToolUse / PostToolUseFailure move trust for external
// writes only, UserPromptSubmit keeps the latest prompt per session; the SDK stays in its own bundle.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { listApprovals } from '../../lib/gate/approvals.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { latestPrompt, MAX_PROMPT_CHARS } from '../../lib/gate/prompts.js';
import { trustOf } from '../../lib/gate/trust.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { DIST, decisionOf, runHook } from '../protocol/hook-helpers.js';

const T = gateSettings(PolicySchema.parse({})).trust;
const roots: string[] = [];
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});
function sandbox(): { HOME: string; wardenHome: string } {
  const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-gate-hooks-'));
  roots.push(HOME);
  return { HOME, wardenHome: path.join(HOME, '.claude', 'warden') };
}

const POST = 'curl -X POST -d a=1 https://api.example.com/items';
const tool = (event: string, command: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ session_id: 'sess-1', cwd: os.tmpdir(), hook_event_name: event, permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command }, ...extra });

void test('PreToolUse: an external write to an unknown service is held with an approval id', () => {
  const s = sandbox();
  const r = runHook('pre-tool-use.cjs', tool('PreToolUse', POST), { HOME: s.HOME });
  assert.equal(r.code, 0, r.stderr);
  const d = decisionOf(r);
  assert.equal(d.decision, 'ask');
  const id = /warden approve ([a-z2-9]{6})/.exec(d.reason)?.[1];
  assert.ok(id !== undefined, d.reason);
  assert.deepEqual(
    listApprovals(s.wardenHome, false).map((a) => [a.id, a.service, a.session]),
    [[id, 'example.com', 'sess-1']],
  );
});

void test('PostToolUse raises and PostToolUseFailure lowers trust for an external write', () => {
  const s = sandbox();
  assert.equal(runHook('post-tool-use.cjs', tool('PostToolUse', POST, { tool_response: { stdout: '{}' } }), { HOME: s.HOME }).stdout, '{}');
  assert.equal(trustOf(s.wardenHome, 'example.com', T).view.successes, 1);
  assert.equal(runHook('post-tool-use-failure.cjs', tool('PostToolUseFailure', POST, { error: 'Exit code 7' }), { HOME: s.HOME }).stdout, '{}');
  const v = trustOf(s.wardenHome, 'example.com', T).view;
  assert.equal(v.failures, 1);
  assert.ok(Math.abs(v.score - (T.initial + T.success - T.failure)) < 1e-3, String(v.score));
});

void test('reads, local calls and other tools do not move trust', () => {
  const s = sandbox();
  for (const cmd of ['curl https://api.example.com/items', 'curl -X POST http://localhost:8080/x', 'ls -la', 'git status']) {
    assert.equal(runHook('post-tool-use.cjs', tool('PostToolUse', cmd, { tool_response: {} }), { HOME: s.HOME }).stdout, '{}', cmd);
  }
  assert.equal(fs.existsSync(path.join(s.wardenHome, 'gate', 'trust.json')), false);
});

void test('PostToolUse reports a trust store it cannot update, and never blocks', () => {
  const s = sandbox();
  fs.mkdirSync(path.join(s.wardenHome, 'gate'), { recursive: true });
  fs.writeFileSync(path.join(s.wardenHome, 'gate', 'trust.json'), 'garbage');
  const r = runHook('post-tool-use.cjs', tool('PostToolUse', POST, { tool_response: {} }), { HOME: s.HOME });
  assert.equal(r.code, 0);
  assert.match(String(r.json?.systemMessage), /could not update service trust/);
  assert.equal(r.json?.decision, undefined);
});

void test('UserPromptSubmit keeps the latest prompt of each session, redacted and capped, and adds nothing', () => {
  const s = sandbox();
  const prompt = (session: string, text: string) => JSON.stringify({ session_id: session, cwd: os.tmpdir(), hook_event_name: 'UserPromptSubmit', prompt: text });
  assert.equal(runHook('user-prompt-submit.cjs', prompt('a', 'first request'), { HOME: s.HOME }).stdout, '{}');
  runHook('user-prompt-submit.cjs', prompt('a', 'deploy with token ghp_0123456789abcdefghijABCDEFGHIJ012345'), { HOME: s.HOME });
  runHook('user-prompt-submit.cjs', prompt('b', 'x'.repeat(MAX_PROMPT_CHARS * 2)), { HOME: s.HOME });
  const a = latestPrompt(s.wardenHome, 'a');
  assert.match(a?.prompt ?? '', /^deploy with token \[REDACTED\]/);
  const b = latestPrompt(s.wardenHome, 'b');
  assert.ok((b?.prompt.length ?? 0) < MAX_PROMPT_CHARS + 100);
  assert.match(b?.prompt ?? '', /cut/);
  assert.equal(latestPrompt(s.wardenHome, 'c'), undefined);
});

void test('the SDK is only in dist/gate-review.cjs, which the gate stage loads by path; the stage is dist/gate-stage.cjs', async () => {
  for (const bundle of ['pre-tool-use.cjs', 'post-tool-use.cjs', 'warden.cjs', 'gate-stage.cjs']) {
    const text = fs.readFileSync(path.join(DIST, bundle), 'utf8');
    assert.doesNotMatch(text, /api\.anthropic\.com/, `${bundle} carries the SDK`);
  }
  // The hook carries neither the stage nor the public-suffix data; it requires the stage by path.
  const hook = fs.readFileSync(path.join(DIST, 'pre-tool-use.cjs'), 'utf8');
  assert.match(hook, /"gate-stage\.cjs"/);
  assert.doesNotMatch(hook, /"gate-review\.cjs"/);
  assert.match(fs.readFileSync(path.join(DIST, 'gate-stage.cjs'), 'utf8'), /"gate-review\.cjs"/);
  const mod = (await import(path.join(DIST, 'gate-review.cjs'))) as { callModel?: unknown };
  assert.equal(typeof mod.callModel, 'function');
});
