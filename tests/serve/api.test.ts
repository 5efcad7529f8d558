// The endpoints over HTTP: they show and change what the CLI shows and changes (approvals, the
// journal, trust, the effective policy), and journal who made a change (page or api).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { listApprovals, openApproval } from '../../lib/gate/approvals.js';
import { trustOf } from '../../lib/gate/trust.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { allEntries } from '../../lib/journal/read.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import type { ToolCall } from '../../lib/types.js';
import { lines, rewriteLine, writeSample } from '../journal/helpers.js';
import { bearer, cleanupHomes, login, request, testServer } from './helpers.js';

const T = gateSettings(PolicySchema.parse({})).trust;
const servers: { close(): Promise<void> }[] = [];
after(async () => {
  for (const s of servers) await s.close();
  cleanupHomes();
});
async function server() {
  const s = await testServer();
  servers.push(s);
  return s;
}

const CALL: ToolCall = { tool: 'Bash', input: { command: 'curl -X POST -d a=1 https://api.example.com/items' }, cwd: '/p' };
const open = (home: string, call: ToolCall = CALL): string => openApproval(home, call, { reason: '[gate] write on example.com needs a human', service: 'example.com', kind: 'write' }, 15 * 60_000).approval.id;
const json = (token: string): Record<string, string> => ({ ...bearer(token), 'Content-Type': 'application/json' });

void test('GET /api/health says who is asking', async () => {
  const s = await server();
  const r = await request(s.port, '/api/health', { headers: bearer(s.token) });
  assert.equal(r.status, 200);
  assert.equal(r.json.ok, true);
  assert.equal(r.json.who, 'api');
});

void test('GET /api/pending lists what waits, without the call hash; ?all=1 adds decided ones', async () => {
  const s = await server();
  assert.deepEqual((await request(s.port, '/api/pending', { headers: bearer(s.token) })).json, { approvals: [] });
  const a = open(s.home.wardenHome);
  const b = open(s.home.wardenHome, { ...CALL, cwd: '/q' });
  await request(s.port, `/api/approvals/${b}/reject`, { method: 'POST', headers: bearer(s.token) });
  const r = await request(s.port, '/api/pending', { headers: bearer(s.token) });
  const list = r.json.approvals as Record<string, unknown>[];
  assert.deepEqual(list.map((x) => [x.id, x.state, x.service, x.summary, x.cwd]), [[a, 'pending', 'example.com', CALL.input.command, '/p']]);
  assert.equal('hash' in (list[0] ?? {}), false);
  const all = (await request(s.port, '/api/pending?all=1', { headers: bearer(s.token) })).json.approvals as Record<string, unknown>[];
  assert.deepEqual(all.map((x) => [x.id, x.state]).sort(), [[a, 'pending'], [b, 'rejected']].sort());
});

void test('POST approve grants exactly once and journals it as the API; again is 409, unknown 404, malformed 400', async () => {
  const s = await server();
  const id = open(s.home.wardenHome);
  const r = await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: bearer(s.token) });
  assert.equal(r.status, 200, r.text);
  assert.equal((r.json.approval as Record<string, unknown>).state, 'granted');
  assert.equal(listApprovals(s.home.wardenHome, true)[0]?.now, 'granted');
  const again = await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: bearer(s.token) });
  assert.equal(again.status, 409);
  assert.match(String(again.json.error), /is granted, not pending/);
  assert.equal((await request(s.port, '/api/approvals/zzzzzz/approve', { method: 'POST', headers: bearer(s.token) })).status, 404);
  assert.equal((await request(s.port, '/api/approvals/NOT-AN-ID/approve', { method: 'POST', headers: bearer(s.token) })).status, 400);
  const entry = allEntries(path.join(s.home.wardenHome, 'journal')).entries.find((e) => e.event === 'approval');
  assert.deepEqual(entry?.approval, { id, state: 'granted', by: 'api' });
  assert.equal(entry?.input, CALL.input.command);
});

void test('POST reject from the page refuses the call, lowers trust, and journals both as the page', async () => {
  const s = await server();
  const page = await login(s);
  const id = open(s.home.wardenHome);
  const r = await request(s.port, `/api/approvals/${id}/reject`, { method: 'POST', headers: { ...page, Origin: `http://127.0.0.1:${s.port}` } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.trust, { service: 'example.com', before: T.initial, after: 0 });
  assert.equal(trustOf(s.home.wardenHome, 'example.com', T).view.rejections, 1);
  const entries = allEntries(path.join(s.home.wardenHome, 'journal')).entries;
  assert.deepEqual(entries.map((e) => e.event), ['approval', 'trust']);
  assert.deepEqual(entries[0]?.approval, { id, state: 'rejected', by: 'page' });
  assert.match(entries[1]?.rationale ?? '', /rejected approval .* \(warden serve, page\)/);
});

void test('GET /api/journal: newest first, filters, and paging by sequence number', async () => {
  const s = await server();
  writeSample(path.join(s.home.wardenHome, 'journal'));
  const get = async (q: string): Promise<{ seqs: number[]; next: unknown; status: number }> => {
    const r = await request(s.port, `/api/journal${q}`, { headers: bearer(s.token) });
    return { seqs: ((r.json.entries as { seq: number }[] | undefined) ?? []).map((e) => e.seq), next: r.json.next, status: r.status };
  };
  const cases: [string, number[], unknown][] = [
    ['', [9, 8, 7, 6, 5, 4, 3, 2, 1], null],
    ['?limit=3', [9, 8, 7], 7],
    ['?limit=3&before=7', [6, 5, 4], 4],
    ['?limit=3&before=4', [3, 2, 1], null],
    ['?decision=deny', [4], null],
    ['?decision=allow', [3], null],
    ['?event=note', [8], null],
    ['?rule=git', [4], null],
    ['?rule=git/push-force', [4], null],
    ['?rule=fs', [], null],
    ['?tool=Bash', [5, 4, 3], null],
    ['?q=APPROACH%20b', [8], null],
    ['?session=sess', [9, 8, 7, 6, 5, 4, 3, 2, 1], null],
    ['?session=other', [], null],
  ];
  for (const [q, seqs, next] of cases) {
    const r = await get(q);
    assert.equal(r.status, 200, q);
    assert.deepEqual(r.seqs, seqs, q);
    assert.equal(r.next, next, q);
  }
  for (const q of ['?limit=0', '?limit=x', '?before=-1', '?decision=maybe', '?event=nope']) assert.equal((await get(q)).status, 400, q);
  const rationale = (await request(s.port, '/api/journal?decision=deny', { headers: bearer(s.token) })).json.entries as { rationale?: string }[];
  assert.match(rationale[0]?.rationale ?? '', /git\/push-force/);
});

void test('GET /api/journal/verify reports an intact chain, and the first edited entry', async () => {
  const s = await server();
  const dir = path.join(s.home.wardenHome, 'journal');
  writeSample(dir);
  const ok = await request(s.port, '/api/journal/verify', { headers: bearer(s.token) });
  assert.deepEqual([ok.json.ok, ok.json.entries, ok.json.bad], [true, 9, null]);
  const third = lines(dir)[2];
  assert.ok(third !== undefined);
  rewriteLine(dir, third.file, third.index, third.text.replace('git status', 'git stash'));
  const bad = await request(s.port, '/api/journal/verify', { headers: bearer(s.token) });
  assert.equal(bad.json.ok, false);
  assert.match(String(bad.json.bad), /^entry seq 3 .*edited/);
});

void test('GET /api/trust and PUT /api/trust/:service set and forget a score, journaled', async () => {
  const s = await server();
  const put = (service: string, body: string, headers = json(s.token)) => request(s.port, `/api/trust/${encodeURIComponent(service)}`, { method: 'PUT', headers, body });
  const set = await put('github.com', '{"score":0.9}');
  assert.equal(set.status, 200, set.text);
  assert.deepEqual(set.json, { service: 'github.com', before: T.initial, after: 0.9 });
  const list = await request(s.port, '/api/trust', { headers: bearer(s.token) });
  assert.deepEqual((list.json.services as Record<string, unknown>[]).map((v) => [v.service, v.score, v.route]), [['github.com', 0.9, 'allow']]);
  assert.deepEqual(list.json.thresholds, { initial: T.initial, approve_below: T.approveBelow, auto_above: T.autoAbove, half_life_days: T.halfLifeDays });
  const reset = await put('github.com', '{"reset":true}');
  assert.deepEqual(reset.json, { service: 'github.com', before: 0.9, after: T.initial });
  assert.equal(trustOf(s.home.wardenHome, 'github.com', T).view.known, false);
  const trustEntries = allEntries(path.join(s.home.wardenHome, 'journal')).entries.filter((e) => e.event === 'trust');
  assert.deepEqual(trustEntries.map((e) => [e.trust?.after, e.rationale]), [
    [0.9, 'set by a human (warden serve, api)'],
    [T.initial, 'reset by a human (warden serve, api)'],
  ]);
  const refused: [string, string, Record<string, string>, number][] = [
    ['github.com', '{"score":2}', json(s.token), 400],
    ['github.com', '{"score":0.5,"extra":1}', json(s.token), 400],
    ['github.com', 'not json', json(s.token), 400],
    ['github.com', '{"score":0.5}', { ...bearer(s.token), 'Content-Type': 'text/plain' }, 415],
    ['unresolved', '{"score":1}', json(s.token), 400],
    ['not a service!', '{"score":1}', json(s.token), 400],
  ];
  for (const [service, body, headers, status] of refused) assert.equal((await put(service, body, headers)).status, status, `${service} ${body}`);
  assert.equal(trustOf(s.home.wardenHome, 'github.com', T).view.known, false);
});

void test('GET /api/policy shows the effective policy read-only, with every rule and its action', async () => {
  const s = await server();
  fs.writeFileSync(path.join(s.home.wardenHome, 'policy.yaml'), 'preset: strict\noverrides:\n  git/reset-hard: deny\n');
  const r = await request(s.port, '/api/policy', { headers: bearer(s.token) });
  assert.equal(r.status, 200);
  const p = r.json.policy as Record<string, unknown>;
  assert.equal(p.preset, 'strict');
  assert.deepEqual(p.overrides, { 'git/reset-hard': 'deny' });
  assert.deepEqual((p.sources as string[]).map((f) => path.basename(f)), ['policy.yaml']);
  const rules = r.json.rules as { id: string; action: string }[];
  assert.equal(rules.find((x) => x.id === 'git/reset-hard')?.action, 'deny');
  assert.ok(rules.some((x) => x.id === 'gate/self-approve'));
  assert.equal((await request(s.port, '/api/policy?project=relative', { headers: bearer(s.token) })).status, 400);
  assert.equal((await request(s.port, '/api/policy', { method: 'PUT', headers: json(s.token), body: '{}' })).status, 405);
});

void test('unknown endpoints are 404, a known one with another method 405', async () => {
  const s = await server();
  const cases: [string, string, number][] = [
    ['GET', '/api/nope', 404],
    ['GET', '/api/approvals/abcdef/approve', 405],
    ['POST', '/api/pending', 405],
    ['DELETE', '/api/trust/github.com', 405],
    ['GET', '/api/approvals/abcdef', 404],
  ];
  for (const [method, target, status] of cases) assert.equal((await request(s.port, target, { method, headers: bearer(s.token) })).status, status, `${method} ${target}`);
});
