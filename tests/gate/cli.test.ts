// warden pending | approve | reject | trust, and explain's dry run of the gate, through the built CLI
// with a throwaway warden home.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { listApprovals, openApproval } from '../../lib/gate/approvals.js';
import { gateSettings } from '../../lib/gate/policy.js';
import { trustOf } from '../../lib/gate/trust.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import type { ToolCall } from '../../lib/types.js';
import { DIST } from '../protocol/hook-helpers.js';

const T = gateSettings(PolicySchema.parse({})).trust;
const roots: string[] = [];
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function home(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-gate-cli-'));
  roots.push(d);
  fs.mkdirSync(path.join(d, 'warden'));
  return d;
}

function cli(root: string, args: string[], extraEnv: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(DIST, 'warden.cjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: root, WARDEN_HOME: path.join(root, 'warden'), ...extraEnv },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CALL: ToolCall = { tool: 'Bash', input: { command: 'curl -X POST -d a=1 https://api.example.com/items' }, cwd: '/p' };
const open = (root: string): string => openApproval(path.join(root, 'warden'), CALL, { reason: '[gate] write on example.com needs a human', service: 'example.com', kind: 'write' }, 15 * 60_000).approval.id;

void test('pending lists what waits, with the command, directory and reason', () => {
  const root = home();
  assert.match(cli(root, ['pending']).out, /Nothing is waiting/);
  const id = open(root);
  const r = cli(root, ['pending']);
  assert.equal(r.code, 0);
  assert.match(r.out, new RegExp(`^${id}  pending .*Bash  write → example\\.com`, 'm'));
  assert.match(r.out, /curl -X POST -d a=1 https:\/\/api\.example\.com\/items/);
  assert.match(r.out, /in \/p/);
  const json = JSON.parse(cli(root, ['pending', '--json']).out) as Record<string, unknown>[];
  assert.deepEqual(json.map((a) => [a.id, a.state, a.service]), [[id, 'pending', 'example.com']]);
  assert.equal('hash' in (json[0] ?? {}), false);
});

void test('approve grants once; approving again, or an unknown id, fails', () => {
  const root = home();
  const id = open(root);
  const r = cli(root, ['approve', id]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, new RegExp(`Approved ${id}`));
  assert.equal(listApprovals(path.join(root, 'warden'), true)[0]?.now, 'granted');
  const again = cli(root, ['approve', id]);
  assert.equal(again.code, 1);
  assert.match(again.err, /is granted, not pending/);
  assert.equal(cli(root, ['approve', 'zzzzzz']).code, 1);
  assert.equal(cli(root, ['approve', 'not-an-id']).code, 64);
  assert.equal(cli(root, ['approve']).code, 64);
});

void test('reject refuses the call and lowers the service trust', () => {
  const root = home();
  const id = open(root);
  const r = cli(root, ['reject', id]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Trust in example\.com: 0\.20 → 0\.00/);
  assert.equal(trustOf(path.join(root, 'warden'), 'example.com', T).view.rejections, 1);
  assert.match(cli(root, ['journal', 'tail']).out, new RegExp(`approval ${id} rejected`));
});

void test('granting and raising refuse to run inside a Claude Code session; rejecting does not', () => {
  const root = home();
  const id = open(root);
  const inside = { CLAUDECODE: '1' };
  for (const args of [['approve', id], ['trust', 'set', 'example.com', '1'], ['trust', 'reset', 'example.com'], ['trust', 'reset', '--all']]) {
    const r = cli(root, args, inside);
    assert.equal(r.code, 77, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, /must be run by a human in their own terminal/);
  }
  assert.equal(listApprovals(path.join(root, 'warden'), false)[0]?.now, 'pending');
  assert.equal(cli(root, ['reject', id], inside).code, 0);
});

void test('trust set, show, list and reset', () => {
  const root = home();
  assert.match(cli(root, ['trust', 'list']).out, /No service has a trust record yet/);
  assert.equal(cli(root, ['trust', 'set', 'github.com', '0.6']).code, 0);
  const show = JSON.parse(cli(root, ['trust', 'show', 'github.com', '--json']).out) as Record<string, unknown>;
  assert.deepEqual(Object.keys(show).sort(), ['failures', 'last_used', 'rejections', 'score', 'service', 'successes']);
  assert.equal(show.score, 0.6);
  assert.match(cli(root, ['trust', 'show', 'github.com']).out, /trust 0\.60[^]*writes are reviewed/);
  assert.match(cli(root, ['trust', 'list']).out, /^github\.com +0\.60/m);
  assert.equal(cli(root, ['trust', 'set', 'github.com', '1.5']).code, 64);
  assert.equal(cli(root, ['trust', 'set', 'github.com', 'high']).code, 64);
  assert.match(cli(root, ['trust', 'reset', 'github.com']).out, /Forgot github\.com/);
  assert.match(cli(root, ['trust', 'show', 'github.com']).out, /never used/);
  assert.equal(cli(root, ['trust', 'frob']).code, 64);
});

void test('a corrupt trust store is reported, and trust reset --all starts afresh', () => {
  const root = home();
  fs.mkdirSync(path.join(root, 'warden', 'gate'), { recursive: true });
  fs.writeFileSync(path.join(root, 'warden', 'gate', 'trust.json'), '{"version":1,');
  const r = cli(root, ['trust', 'list']);
  assert.equal(r.code, 1);
  assert.match(r.err, /not valid JSON.*warden trust reset --all/);
  assert.equal(cli(root, ['trust', 'reset', '--all']).code, 0);
  assert.equal(cli(root, ['trust', 'list']).code, 0);
});

void test('explain shows the gate route as a dry run, and opens no approval', () => {
  const root = home();
  const r = cli(root, ['explain', '--', 'curl', '-X', 'POST', '-d', 'a=1', 'https://api.example.com/items']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^gate +write on example\.com → approve \(trust 0\.20\)/m);
  assert.match(r.out, /^decision ASK/m);
  assert.equal(fs.existsSync(path.join(root, 'warden', 'gate', 'approvals.json')), false);
  const json = JSON.parse(cli(root, ['explain', '--json', '--', 'curl', 'https://api.example.com/']).out) as { verdict: string; gate?: { ops: { route: string }[]; dryRun?: boolean } };
  assert.equal(json.verdict, 'allow');
  assert.equal(json.gate?.ops[0]?.route, 'allow');
  assert.equal(json.gate?.dryRun, true);
});
