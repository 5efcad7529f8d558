// The internal deadline, in a spawned hook: waits that add up. A call the gate sends to review
// waits for the approvals lock (held by a live process), then for a reviewer that never answers,
// then for the approvals lock again to open an approval, then for the journal's lock — about
// 6 + 8 + 6 + 12 s with the default policy, past the 30 s after which Claude Code kills the hook and
// runs the tool. The lock waits are synchronous, so the deadline timer cannot cut them; instead the
// runtime ends every lock wait shortly before its deadline, and the hook answers in time: held, with
// the causes in the reason and the systemMessage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { gateSettings } from '../../lib/gate/policy.js';
import { setTrust } from '../../lib/gate/trust.js';
import { HOOK_TIMEOUT_S } from '../../lib/protocol/deadlines.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { swarm } from '../concurrency/swarm.js';
import { DIST, bash, sandbox, verdictOf } from './helpers.js';

const T = gateSettings(PolicySchema.parse({})).trust;

/** A lock held by a live process (pid 1 always runs) and dated in the future, so it never turns stale here. */
function heldLock(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = JSON.stringify({ pid: 1, token: 'held-by-another-process', time: '' });
  fs.writeFileSync(file, body);
  const future = new Date(Date.now() + 3_600_000);
  fs.utimesSync(file, future, future);
  return body;
}

void test('waits that add up past Claude Code\'s timeout: the hook still answers before its deadline, held, saying why', async (t) => {
  const s = sandbox(t);
  setTrust(s.wardenHome, 'example.com', (T.approveBelow + T.autoAbove) / 2, T);
  const approvalsLock = heldLock(path.join(s.wardenHome, 'gate', 'approvals.json.lock'));
  const journalLock = heldLock(path.join(s.journal, 'journal.lock'));

  // A reviewer endpoint that accepts the connection and never answers.
  const sockets: net.Socket[] = [];
  const server = net.createServer((c) => sockets.push(c));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const c of sockets) c.destroy();
    server.close();
  });
  const port = (server.address() as net.AddressInfo).port;

  const { results: [r], wallMs: ms } = await swarm(
    path.join(DIST, 'pre-tool-use.cjs'),
    [bash(s, 'curl -X POST -d a=1 https://api.example.com/items')],
    { ...s.env, ANTHROPIC_API_KEY: 'sk-test-never-sent-anywhere', ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` },
    s.project,
  );
  assert.ok(r);

  assert.ok(ms < HOOK_TIMEOUT_S.PreToolUse * 1000, `answered after ${Math.round(ms)} ms: Claude Code would have killed the hook and run the tool`);
  const v = verdictOf({ ...r, json: JSON.parse(r.stdout) as Record<string, unknown> });
  assert.ok(v.decision === 'ask' || v.decision === 'deny', r.stdout);
  if (v.decision === 'ask') {
    assert.match(v.reason, /reviewer is unavailable \(no answer within \d+ ms\)/);
    assert.match(v.reason, /could not open an approval for this call \(could not lock .*approvals\.json\.lock/);
    // The last waits were cut short so that the answer comes in time.
    assert.match(`${v.reason}\n${v.systemMessage ?? ''}`, /cut short by the hook's deadline/);
    assert.match(v.systemMessage ?? '', /could not write its decision journal \(could not lock .*journal\.lock/);
  } else {
    assert.match(v.reason, /internal deadline/);
  }
  // The other process's locks are not broken.
  assert.equal(fs.readFileSync(path.join(s.wardenHome, 'gate', 'approvals.json.lock'), 'utf8'), approvalsLock);
  assert.equal(fs.readFileSync(path.join(s.journal, 'journal.lock'), 'utf8'), journalLock);
});
