// The safety gate through the real Claude Code CLI (--dangerously-skip-permissions, scripted model).
// A stand-in external service listens on loopback and is reached by an external-looking name
// (api.example-service.test, with curl --resolve pointing it at 127.0.0.1: no DNS, no root); the
// classifier sees the name, so the service is `example-service.test`. The scenario, in order:
//   1. a POST to the unknown service is held and the service receives nothing;
//   2. after `warden approve <id>` (the CLI, against the sandbox's warden home) the identical call
//      runs exactly once, and a second identical call is held again;
//   3. after `warden trust set example-service.test 0.6` the next POST goes to the LLM reviewer
//      (the API stub receives the review request); a review deny holds it;
//   4. a review allow runs it, and its success raises the service's trust.
// Everything lives in the throwaway sandbox; the service is a counter, not a real endpoint.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { describeRun, installWarden, makeSandbox, messageResponse, runClaude, type OtherReply, type RequestBody, type Sandbox } from './harness.js';

const HOST = 'api.example-service.test';
const SERVICE = 'example-service.test';
const VERDICT_TOOL = 'warden_verdict';

let sb: Sandbox;
let server: http.Server;
let port = 0;
/** Request bodies the stand-in service received, in order. */
const received: string[] = [];

before(async () => {
  sb = makeSandbox();
  installWarden(sb.home);
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(`${req.method ?? '?'} ${req.url ?? ''} ${body}`);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  sb.cleanup();
});

/** The POST the agent runs: an external name, connected to the loopback stand-in. */
const post = (item: string): string => `curl -sS -X POST --resolve ${HOST}:${port}:127.0.0.1 -d item=${item} http://${HOST}:${port}/items`;

/** The installed warden CLI, as the human runs it in their terminal (no CLAUDECODE). */
function warden(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(sb.home, '.claude', 'warden', 'bin', 'warden.cjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: sb.home },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function verdict(decision: 'allow' | 'ask' | 'deny', rationale: string): (b: RequestBody) => OtherReply {
  return (b) => {
    const forced = (b.tool_choice as { name?: string } | undefined)?.name;
    if (forced !== VERDICT_TOOL) return {};
    return { json: messageResponse(b.model ?? 'claude-stub', [{ type: 'tool_use', id: 'toolu_review', name: VERDICT_TOOL, input: { decision, risk: 'medium', rationale } }]) };
  };
}

const reviews = (r: { stub: { reviewRequests: RequestBody[] } }): RequestBody[] => r.stub.reviewRequests.filter((b) => (b.tool_choice as { name?: string } | undefined)?.name === VERDICT_TOOL);

let approvalId = '';

void test('a POST to a service warden has never seen is held for a human, and the service receives nothing', async () => {
  const r = await runClaude({ home: sb.home, cwd: sb.project, script: [{ tool: 'Bash', input: { command: post('one'), description: 'create item one' } }] });
  assert.equal(r.code, 0, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[gate\] write on example-service\.test/);
  const m = /warden approve ([a-z2-9]{6})/.exec(tr.content);
  assert.ok(m?.[1], `no approval id in: ${tr.content}`);
  approvalId = m[1];
  assert.match(tr.content, /Do not run warden approve yourself/);
  assert.deepEqual(received, [], 'the service received a request');
  assert.equal(reviews(r).length, 0, 'an unknown service goes to a human, not the reviewer');
  const pending = warden('pending', '--json');
  assert.equal(pending.code, 0, pending.out);
  assert.deepEqual(
    (JSON.parse(pending.out) as { id: string; service: string }[]).map((a) => [a.id, a.service]),
    [[approvalId, SERVICE]],
  );
});

void test('after warden approve <id> the identical call runs exactly once', async () => {
  assert.notEqual(approvalId, '', 'needs the approval from the test before');
  const ok = warden('approve', approvalId);
  assert.equal(ok.code, 0, ok.out);
  const r = await runClaude({ home: sb.home, cwd: sb.project, script: [{ tool: 'Bash', input: { command: post('one'), description: 'create item one, approved' } }] });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.toolResults[0]?.is_error, false, describeRun(r));
  assert.deepEqual(received, ['POST /items item=one']);

  const again = await runClaude({ home: sb.home, cwd: sb.project, script: [{ tool: 'Bash', input: { command: post('one'), description: 'once more' } }] });
  assert.equal(again.toolResults[0]?.is_error, true, describeRun(again));
  assert.match(again.toolResults[0]?.content ?? '', /warden approve [a-z2-9]{6}/);
  assert.deepEqual(received, ['POST /items item=one'], 'the approval was single use');
});

void test('with trust 0.6 the next POST goes to the LLM reviewer; a review deny holds it', async () => {
  const set = warden('trust', 'set', SERVICE, '0.6');
  assert.equal(set.code, 0, set.out);
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    prompt: 'Add item two to the inventory service',
    script: [{ tool: 'Bash', input: { command: post('two'), description: 'create item two' } }],
    onOther: verdict('deny', 'The request does not match what the user asked for.'),
  });
  assert.equal(r.code, 0, describeRun(r));
  const [review] = reviews(r);
  assert.ok(review, `the reviewer was not asked: ${describeRun(r)}`);
  const asked = JSON.stringify(review.messages);
  assert.match(asked, /item=two/);
  assert.match(asked, /Add item two to the inventory service/, "the user's prompt (UserPromptSubmit) reached the reviewer");
  assert.equal(r.toolResults[0]?.is_error, true, describeRun(r));
  assert.match(r.toolResults[0]?.content ?? '', /safety reviewer blocked/);
  assert.deepEqual(received, ['POST /items item=one'], 'the service received the denied request');
  const show = warden('trust', 'show', SERVICE, '--json');
  assert.equal((JSON.parse(show.out) as { rejections: number }).rejections, 1, 'a review deny lowers trust');
});

void test('a review allow runs it, and its success raises trust', async () => {
  assert.equal(warden('trust', 'set', SERVICE, '0.6').code, 0);
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    prompt: 'Add item three to the inventory service',
    script: [{ tool: 'Bash', input: { command: post('three'), description: 'create item three' } }],
    onOther: verdict('allow', 'The user asked to add this item.'),
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(reviews(r).length, 1, describeRun(r));
  assert.equal(r.toolResults[0]?.is_error, false, describeRun(r));
  assert.deepEqual(received, ['POST /items item=one', 'POST /items item=three']);
  const show = JSON.parse(warden('trust', 'show', SERVICE, '--json').out) as { score: number; successes: number };
  assert.equal(show.successes, 2, 'PostToolUse recorded both runs');
  assert.ok(show.score > 0.6 && show.score <= 0.65 + 1e-9, `score ${show.score}`);
});
