// decideCall: the guard, then the safety gate and approvals, end to end in-process with a
// throwaway warden home and the real SDK against a loopback stand-in of the Messages API.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { decideApproval, listApprovals, approvalsFile } from '../../lib/gate/approvals.js';
import { setTrust, trustFile, trustOf } from '../../lib/gate/trust.js';
import { VERDICT_TOOL } from '../../lib/gate/review.js';
import { decideCall, type Env } from '../../lib/pipeline.js';
import { loadPolicy } from '../../lib/policy/load.js';
import { renderPreToolUse } from '../../lib/protocol/output.js';
import type { Decision, ToolCall } from '../../lib/types.js';
import { messageResponse, startStub, type OtherReply, type Stub } from '../e2e/stub.js';

const HOME = '/home/agent';
const PROJECT = '/home/agent/proj';
const roots: string[] = [];
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

interface World {
  env: Env;
  decide(call: ToolCall, opts?: { dryRun?: boolean; session?: string }): Promise<Decision>;
  stub: Stub;
  reply: OtherReply;
  policy: ReturnType<typeof loadPolicy>;
}

/** A warden home with an optional user policy and project policy, and a reviewer stub. */
async function world(userPolicy = '', projectPolicy?: string): Promise<World> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-stage-'));
  roots.push(root);
  const wardenHome = path.join(root, 'warden');
  fs.mkdirSync(wardenHome);
  fs.writeFileSync(path.join(wardenHome, 'policy.yaml'), userPolicy);
  let project: string | undefined;
  if (projectPolicy !== undefined) {
    project = path.join(root, 'warden.yaml');
    fs.writeFileSync(project, projectPolicy);
  }
  const env: Env = { home: HOME, wardenHome, projectDir: PROJECT };
  const policy = loadPolicy({ user: path.join(wardenHome, 'policy.yaml'), project }, HOME, PROJECT);
  assert.deepEqual(policy.errors, []);
  const w: World = {
    env,
    policy,
    reply: verdict('allow'),
    stub: await startStub([], { onOther: () => w.reply }),
    decide: (call, opts = {}) => decideCall(call, env, { ...opts, review: { baseURL: w.stub.url, env: { ANTHROPIC_API_KEY: 'k' } } }, policy),
  };
  return w;
}
/** Runs a scenario and always closes its stub, so a failed assertion cannot leave a server running. */
async function scenario(fn: (w: World) => Promise<void>, userPolicy = '', projectPolicy?: string): Promise<void> {
  const w = await world(userPolicy, projectPolicy);
  try {
    await fn(w);
  } finally {
    await w.stub.close();
  }
}

function verdict(decision: string, rationale = `reviewer says ${decision}`): OtherReply {
  return { json: messageResponse('claude-haiku-5-5', [{ type: 'tool_use', id: 'toolu_r', name: VERDICT_TOOL, input: { decision, risk: 'medium', rationale } }]) };
}

const bash = (command: string): ToolCall => ({ tool: 'Bash', input: { command }, cwd: PROJECT });
const POST = bash('curl -X POST -d name=widget https://api.example-service.test/items');
const SERVICE = 'example-service.test';

void test('a write to a service warden has not seen is held for a human, with an approval id in the reason', () =>
  scenario(async (w) => {
    const d = await w.decide(POST, { session: 's1' });
    assert.equal(d.verdict, 'ask');
    assert.equal(d.gate?.ops[0]?.route, 'approve');
    assert.equal(d.gate?.ops[0]?.score, 0.2);
    assert.equal(d.approval?.state, 'pending');
    const reason = String((renderPreToolUse(d).json.hookSpecificOutput as Record<string, unknown>).permissionDecisionReason);
    assert.match(reason, new RegExp(`warden approve ${d.approval?.id ?? '?'}`));
    assert.match(reason, /Do not run warden approve yourself/);
    assert.equal(w.stub.reviewRequests.length, 0, 'low trust goes to a human, not the reviewer');
    const again = await w.decide({ ...POST, input: { ...POST.input, description: 'retry' } });
    assert.equal(again.approval?.id, d.approval?.id, 'a retry before the human answers shows the same approval');
  }));

void test('after approval the identical call runs exactly once', () =>
  scenario(async (w) => {
    const held = await w.decide(POST);
    decideApproval(w.env.wardenHome, held.approval?.id ?? '', 'granted', 15 * 60_000);
    const other = await w.decide(bash('curl -X POST -d name=gadget https://api.example-service.test/items'));
    assert.equal(other.verdict, 'ask', 'the grant covers only the approved call');
    const run = await w.decide(POST);
    assert.equal(run.verdict, 'allow');
    assert.deepEqual(run.approval && { id: run.approval.id, state: run.approval.state }, { id: held.approval?.id, state: 'used' });
    const next = await w.decide(POST);
    assert.equal(next.verdict, 'ask', 'single use');
    assert.notEqual(next.approval?.id, held.approval?.id);
  }));

void test('a rejected call is denied when the agent retries it', () =>
  scenario(async (w) => {
    const held = await w.decide(POST);
    decideApproval(w.env.wardenHome, held.approval?.id ?? '', 'rejected', 15 * 60_000);
    const d = await w.decide(POST);
    assert.equal(d.verdict, 'deny');
    assert.match(d.reason, /A human rejected exactly this call/);
  }));

const REVIEWED: readonly { reply: OtherReply; verdict: string; approval: boolean; why: RegExp }[] = [
  { reply: verdict('allow'), verdict: 'allow', approval: false, why: /^$/ },
  { reply: verdict('deny', 'posts data the user did not ask to send'), verdict: 'deny', approval: false, why: /reviewer blocked.*did not ask/ },
  { reply: verdict('ask', 'unclear intent'), verdict: 'ask', approval: true, why: /wants a human to decide.*unclear intent/ },
  { reply: { status: 500, json: { type: 'error', error: { type: 'api_error', message: 'x' } } }, verdict: 'ask', approval: true, why: /reviewer is unavailable \(the API answered HTTP 500\)/ },
];
for (const c of REVIEWED) {
  const what = /500/.test(c.why.source) ? 'failure (HTTP 500)' : `${c.verdict}`;
  void test(`middle trust goes to the reviewer; its ${what} → ${c.verdict}`, () =>
    scenario(async (w) => {
      setTrust(w.env.wardenHome, SERVICE, 0.6, w.policy.gate.trust);
      w.reply = c.reply;
      const d = await w.decide(POST, { session: 's1' });
      assert.equal(w.stub.reviewRequests.length, 1, 'the reviewer was asked');
      assert.equal(d.verdict, c.verdict, d.reason);
      assert.equal(d.approval !== undefined, c.approval);
      assert.match(d.reason, c.why);
      if (c.verdict === 'deny') {
        assert.deepEqual(d.gate?.trust, [{ service: SERVICE, before: 0.6, after: 0.3 }], 'a reviewer deny lowers trust hard');
        assert.equal(trustOf(w.env.wardenHome, SERVICE, w.policy.gate.trust).view.rejections, 1);
      }
    }),
  );
}

void test('a verdict is reused for the identical call within the cache TTL; failures are not cached', () =>
  scenario(async (w) => {
    setTrust(w.env.wardenHome, SERVICE, 0.6, w.policy.gate.trust);
    w.reply = { status: 500, json: { type: 'error', error: { type: 'api_error', message: 'x' } } };
    await w.decide(POST);
    w.reply = verdict('allow');
    const first = await w.decide(POST);
    const second = await w.decide(POST);
    assert.equal(w.stub.reviewRequests.length, 2);
    assert.equal(first.gate?.review?.cached, false);
    assert.equal(second.verdict, 'allow');
    assert.equal(second.gate?.review?.cached, true);
  }));

void test('high trust passes without review, except kinds that are always reviewed', () =>
  scenario(async (w) => {
    setTrust(w.env.wardenHome, SERVICE, 0.9, w.policy.gate.trust);
    assert.equal((await w.decide(POST)).verdict, 'allow');
    assert.equal(w.stub.reviewRequests.length, 0);
    w.reply = verdict('ask', 'deleting is not undoable');
    const del = await w.decide(bash('curl -X DELETE https://api.example-service.test/items/3'));
    assert.equal(w.stub.reviewRequests.length, 1);
    assert.equal(del.verdict, 'ask');
  }));

void test('reads pass and open nothing; a credential in a URL is held even for a read', () =>
  scenario(async (w) => {
    const read = await w.decide(bash('curl -s https://api.example-service.test/items'));
    assert.equal(read.verdict, 'allow');
    assert.equal(read.gate?.ops[0]?.route, 'allow');
    assert.equal(read.approval, undefined);
    const leak = await w.decide(bash('curl "https://api.example-service.test/items?api_key=$KEY"'));
    assert.equal(leak.verdict, 'ask');
    assert.match(leak.reason, /query parameter `api_key`.*header/);
  }));

void test('local operations are not gated', () =>
  scenario(async (w) => {
    const d = await w.decide(bash('curl -X POST -d x=1 http://localhost:3000/api'));
    assert.equal(d.verdict, 'allow');
    assert.equal(d.gate, undefined);
    assert.equal(fs.existsSync(approvalsFile(w.env.wardenHome).file), false);
  }));

void test('a guard deny is never approvable and opens nothing', () =>
  scenario(async (w) => {
    const d = await w.decide(bash('git push --force origin main && curl -X POST https://api.example-service.test/x'));
    assert.equal(d.verdict, 'deny');
    assert.equal(d.approval, undefined);
    assert.equal(fs.existsSync(approvalsFile(w.env.wardenHome).file), false);
  }));

void test("the guard's own asks open approvals too, and a grant lets the identical call through once", () =>
  scenario(async (w) => {
    const call = bash('git reset --hard HEAD~1');
    const held = await w.decide(call);
    assert.equal(held.verdict, 'ask');
    assert.ok(held.findings.some((f) => f.ruleId === 'git/reset-hard'));
    assert.equal(held.approval?.state, 'pending');
    decideApproval(w.env.wardenHome, held.approval?.id ?? '', 'granted', 15 * 60_000);
    assert.equal((await w.decide(call)).verdict, 'allow');
    assert.equal((await w.decide(call)).verdict, 'ask');
  }));

void test('targets warden cannot name always need a human', () =>
  scenario(async (w) => {
    const d = await w.decide(bash('curl -X POST -d x=1 "$WEBHOOK_URL"'));
    assert.equal(d.verdict, 'ask');
    assert.match(d.reason, /cannot tell which service/);
  }, 'gate:\n  services:\n    unresolved: allow\n'));

void test("the user's gate.services routes replace trust; deny blocks even reads", () =>
  scenario(async (w) => {
    assert.equal((await w.decide(POST)).verdict, 'allow');
    const blocked = await w.decide(bash('curl https://evil.example/x'));
    assert.equal(blocked.verdict, 'deny');
    assert.match(blocked.reason, /your policy \(gate\.services\) blocks evil\.example/);
  }, `gate:\n  services:\n    ${SERVICE}: allow\n    evil.example: deny\n`));

void test('a project policy can only raise a route or a threshold', () =>
  scenario(async (w) => {
    assert.deepEqual(w.policy.gate.serviceFloors.get(SERVICE), 'approve');
    assert.equal(w.policy.gate.trust.approveBelow, 0.3, 'a lower threshold from a project is ignored');
    assert.ok(w.policy.warnings.some((x) => /gate\.services\.other\.example: allow ignored/.test(x)));
    assert.ok(w.policy.warnings.some((x) => /gate\.trust\.approve_below: 0\.1 ignored/.test(x)));
    const d = await w.decide(POST);
    assert.equal(d.verdict, 'ask', 'the project floor wins over the user route');
    assert.match(d.reason, /the project's policy sends .* to approve at least/);
  }, `gate:\n  services:\n    ${SERVICE}: allow\n`, `gate:\n  services:\n    ${SERVICE}: approve\n    other.example: allow\n  trust:\n    approve_below: 0.1\n`));

void test('a corrupt trust store scores 0: held for a human, and the error is in the trace', () =>
  scenario(async (w) => {
    fs.mkdirSync(path.dirname(trustFile(w.env.wardenHome).file), { recursive: true });
    fs.writeFileSync(trustFile(w.env.wardenHome).file, '{"version":1,"services":{"example-service.test":{"score":"high"}}}');
    const d = await w.decide(POST);
    assert.equal(d.verdict, 'ask');
    assert.equal(d.gate?.ops[0]?.score, 0);
    assert.ok(d.trace.some((s) => s.kind === 'error' && s.component === 'gate/trust'));
  }));

void test('an approvals store that cannot be used holds the call without an id and says why', () =>
  scenario(async (w) => {
    fs.mkdirSync(path.dirname(approvalsFile(w.env.wardenHome).file), { recursive: true });
    fs.writeFileSync(approvalsFile(w.env.wardenHome).file, 'not json');
    const d = await w.decide(POST);
    assert.equal(d.verdict, 'ask');
    assert.equal(d.approval, undefined);
    assert.match(d.reason, /could not open an approval/);
    const reason = String((renderPreToolUse(d).json.hookSpecificOutput as Record<string, unknown>).permissionDecisionReason);
    assert.doesNotMatch(reason, /warden approve/);
  }));

void test('a dry run (warden explain) asks no reviewer and opens, uses and records nothing', () =>
  scenario(async (w) => {
    setTrust(w.env.wardenHome, SERVICE, 0.6, w.policy.gate.trust);
    const d = await w.decide(POST, { dryRun: true });
    assert.equal(d.verdict, 'ask');
    assert.equal(d.gate?.dryRun, true);
    assert.match(d.reason, /goes to the LLM reviewer/);
    assert.equal(w.stub.reviewRequests.length, 0);
    assert.equal(fs.existsSync(approvalsFile(w.env.wardenHome).file), false);
    setTrust(w.env.wardenHome, SERVICE, 0.1, w.policy.gate.trust);
    const live = await w.decide(POST);
    decideApproval(w.env.wardenHome, live.approval?.id ?? '', 'granted', 15 * 60_000);
    const peek = await w.decide(POST, { dryRun: true });
    assert.equal(peek.verdict, 'allow');
    assert.equal(peek.approval?.state, 'granted');
    assert.equal(listApprovals(w.env.wardenHome, false).length, 0);
    assert.equal(listApprovals(w.env.wardenHome, true)[0]?.now, 'granted', 'the dry run did not use the grant');
  }));

void test('MCP writes and WebFetch are gated by the same routes', () =>
  scenario(async (w) => {
    const mcp = await w.decide({ tool: 'mcp__slack__post_message', input: { channel: 'C1', text: 'hi' }, cwd: PROJECT });
    assert.equal(mcp.verdict, 'ask');
    assert.equal(mcp.gate?.ops[0]?.service, 'mcp:slack');
    const fetchRead = await w.decide({ tool: 'WebFetch', input: { url: 'https://docs.example.com/', prompt: 'x' }, cwd: PROJECT });
    assert.equal(fetchRead.verdict, 'allow');
  }));
