// Approvals: bound to the exact call (tool, canonical input, cwd), single use, expiring; a
// rejection holds the identical call; ids are short and distinct; the store stays private.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { APPROVAL_ID, ApprovalError, approvalsFile, callHash, consumeApproval, decideApproval, listApprovals, openApproval, peekApproval } from '../../lib/gate/approvals.js';
import type { ToolCall } from '../../lib/types.js';

const MIN = 60_000;
const TTL = 15 * MIN;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const CALL: ToolCall = { tool: 'Bash', input: { command: 'curl -X POST -d a=1 https://api.example.com/items', description: 'create an item' }, cwd: '/home/agent/proj' };
const INFO = { reason: '[gate] write on example.com needs a human', service: 'example.com', kind: 'write', session: 's1' };

const roots: string[] = [];
function home(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-approvals-'));
  roots.push(d);
  return d;
}
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function granted(h: string, call: ToolCall = CALL, at = NOW): string {
  const { approval } = openApproval(h, call, INFO, TTL, at);
  decideApproval(h, approval.id, 'granted', TTL, at + MIN);
  return approval.id;
}

void test('an ask opens a pending approval with a short id; a retry before any answer finds the same one', () => {
  const h = home();
  const first = openApproval(h, CALL, INFO, TTL, NOW);
  assert.match(first.approval.id, APPROVAL_ID);
  assert.equal(first.reused, false);
  assert.equal(first.approval.state, 'pending');
  assert.equal(first.approval.expires, new Date(NOW + TTL).toISOString());
  const again = openApproval(h, { ...CALL, input: { ...CALL.input, description: 'try again' } }, INFO, TTL, NOW + MIN);
  assert.equal(again.approval.id, first.approval.id, 'the description is not part of the call');
  assert.equal(again.reused, true);
  assert.deepEqual(
    listApprovals(h, false, NOW + MIN).map((a) => a.id),
    [first.approval.id],
  );
});

void test('a granted approval lets exactly that call through once', () => {
  const h = home();
  const id = granted(h);
  assert.equal(peekApproval(h, CALL, NOW + 2 * MIN) !== undefined, true, 'peek does not consume');
  const m = consumeApproval(h, CALL, NOW + 2 * MIN);
  assert.ok(m !== undefined && 'use' in m && m.use.id === id);
  assert.equal(consumeApproval(h, CALL, NOW + 3 * MIN), undefined, 'single use');
  assert.equal(listApprovals(h, true, NOW + 3 * MIN)[0]?.now, 'used');
});

const OTHERS: readonly [string, ToolCall][] = [
  ['another command', { ...CALL, input: { command: 'curl -X POST -d a=2 https://api.example.com/items' } }],
  ['the same command with a trailing space', { ...CALL, input: { command: 'curl -X POST -d a=1 https://api.example.com/items ' } }],
  ['another directory', { ...CALL, cwd: '/home/agent/other' }],
  ['another tool with the same input', { ...CALL, tool: 'PowerShell' }],
];
for (const [what, other] of OTHERS) {
  void test(`a grant does not cover ${what}`, () => {
    const h = home();
    granted(h);
    assert.notEqual(callHash(other), callHash(CALL));
    assert.equal(consumeApproval(h, other, NOW + 2 * MIN), undefined);
    assert.ok(consumeApproval(h, CALL, NOW + 2 * MIN) !== undefined, 'the original call still has its grant');
  });
}

void test('tool inputs are compared canonically: key order and description do not matter, values do', () => {
  const a: ToolCall = { tool: 'mcp__slack__post_message', input: { channel: 'C1', text: 'hi', description: 'x' }, cwd: '/p' };
  const b: ToolCall = { tool: 'mcp__slack__post_message', input: { text: 'hi', channel: 'C1' }, cwd: '/p' };
  const c: ToolCall = { tool: 'mcp__slack__post_message', input: { text: 'hi!', channel: 'C1' }, cwd: '/p' };
  assert.equal(callHash(a), callHash(b));
  assert.notEqual(callHash(a), callHash(c));
});

void test('a grant expires TTL after it is given', () => {
  const h = home();
  granted(h);
  assert.equal(consumeApproval(h, CALL, NOW + MIN + TTL), undefined);
  assert.equal(listApprovals(h, true, NOW + MIN + TTL)[0]?.now, 'expired');
});

void test('a pending approval expires TTL after it was opened and cannot be granted late', () => {
  const h = home();
  const { approval } = openApproval(h, CALL, INFO, TTL, NOW);
  assert.throws(() => decideApproval(h, approval.id, 'granted', TTL, NOW + TTL + 1), (e: unknown) => e instanceof ApprovalError && /expired/.test(e.message));
  const next = openApproval(h, CALL, INFO, TTL, NOW + TTL + 2);
  assert.notEqual(next.approval.id, approval.id, 'a retry after expiry opens a new one');
});

void test('a rejection holds the identical call until it expires, and cannot be granted afterwards', () => {
  const h = home();
  const { approval } = openApproval(h, CALL, INFO, TTL, NOW);
  decideApproval(h, approval.id, 'rejected', TTL, NOW + MIN);
  const m = consumeApproval(h, CALL, NOW + 2 * MIN);
  assert.ok(m !== undefined && 'rejected' in m && m.rejected.id === approval.id);
  assert.throws(() => decideApproval(h, approval.id, 'granted', TTL, NOW + 2 * MIN), /rejected, not pending/);
  assert.equal(consumeApproval(h, CALL, NOW + MIN + TTL + 1), undefined, 'the rejection expires');
});

void test('unknown ids are refused', () => {
  const h = home();
  assert.throws(() => decideApproval(h, 'zzzzzz', 'granted', TTL, NOW), /no approval zzzzzz/);
});

void test('summaries are redacted and the store is private', () => {
  const h = home();
  const call: ToolCall = { tool: 'Bash', input: { command: 'curl -H "Authorization: Bearer ghp_0123456789abcdefghijABCDEFGHIJ012345" -d x https://api.example.com' }, cwd: '/p' };
  openApproval(h, call, INFO, TTL, NOW);
  const [a] = listApprovals(h, false, NOW);
  assert.ok(a !== undefined);
  assert.doesNotMatch(a.summary, /ghp_/);
  assert.equal(fs.statSync(approvalsFile(h).file).mode & 0o777, 0o600);
});

void test('ids stay distinct over many approvals', () => {
  const h = home();
  const ids = new Set<string>();
  for (let i = 0; i < 60; i++) ids.add(openApproval(h, { ...CALL, input: { command: `curl -d n=${i} https://api.example.com` } }, INFO, TTL, NOW).approval.id);
  assert.equal(ids.size, 60);
});

void test('an unreadable store throws rather than letting anything through', () => {
  const h = home();
  fs.mkdirSync(path.dirname(approvalsFile(h).file), { recursive: true });
  fs.writeFileSync(approvalsFile(h).file, 'garbage');
  assert.throws(() => consumeApproval(h, CALL, NOW), /not valid JSON/);
  assert.throws(() => openApproval(h, CALL, INFO, TTL, NOW), /not valid JSON/);
});
