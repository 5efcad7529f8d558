// The journal lock: concurrent appends serialise; a lock left by a dead process is broken; a live
// holder is waited for only up to the timeout, and then the append fails (the hooks report it).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { allEntries, LOCK_FILE } from '../../lib/journal/read.js';
import { LOCK_STALE_MS, LockTimeout } from '../../lib/journal/lock.js';
import { appendEntries } from '../../lib/journal/store.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { swarm } from '../concurrency/swarm.js';
import { DIST } from '../protocol/hook-helpers.js';
import { tempDir } from './helpers.js';

const NOTE = { event: 'note' as const, note: 'n', rationale: 'r' };

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeLock(dir: string, body: string, ageMs: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  fs.writeFileSync(file, body);
  const t = new Date(Date.now() - ageMs);
  fs.utimesSync(file, t, t);
  return file;
}

void test('a lock left by a process that died is broken, and the append goes through', (t) => {
  const dir = tempDir(t);
  writeLock(dir, JSON.stringify({ pid: deadPid(), token: 'dead', time: '' }), 1000);
  const t0 = Date.now();
  appendEntries(dir, [NOTE], { lock: { timeoutMs: 5000 } });
  assert.ok(Date.now() - t0 < 1000, 'waited for a dead holder');
  assert.equal(verifyJournal(dir).entries, 1);
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('stale')), [], 'the broken lock was left behind');
});

void test('a lock older than LOCK_STALE_MS is broken whatever its pid says', (t) => {
  const dir = tempDir(t);
  writeLock(dir, JSON.stringify({ pid: process.pid, token: 'old', time: '' }), LOCK_STALE_MS + 5000);
  appendEntries(dir, [NOTE], { lock: { timeoutMs: 5000 } });
  assert.equal(verifyJournal(dir).entries, 1);
});

void test('a live holder is waited for up to the timeout; then the append fails and writes nothing', (t) => {
  const dir = tempDir(t);
  for (const body of [JSON.stringify({ pid: process.pid, token: 'live', time: '' }), '']) {
    writeLock(dir, body, 0);
    const t0 = Date.now();
    assert.throws(() => appendEntries(dir, [NOTE], { lock: { timeoutMs: 300 } }), LockTimeout);
    const waited = Date.now() - t0;
    assert.ok(waited >= 290 && waited < 2000, `waited ${waited} ms`);
    assert.equal(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'), body, "another holder's lock was touched");
    assert.equal(verifyJournal(dir).entries, 0);
  }
});

void test('a holder that finishes within the timeout is waited for', async (t) => {
  const dir = tempDir(t);
  const file = writeLock(dir, JSON.stringify({ pid: process.pid, token: 'brief', time: '' }), 0);
  // Release from another process: this one blocks while it waits.
  const releaser = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').rmSync(${JSON.stringify(file)}), 200)`]);
  await new Promise((r) => setTimeout(r, 20));
  appendEntries(dir, [NOTE], { lock: { timeoutMs: 3000 } });
  await new Promise((r) => releaser.once('close', r));
  assert.equal(verifyJournal(dir).entries, 1);
});

void test('40 concurrent hook processes append 40 entries; the chain verifies', async (t) => {
  const root = tempDir(t);
  const home = path.join(root, 'warden');
  const N = 40;
  const commands = Array.from({ length: N }, (_, i) => (i % 4 === 0 ? `git push --force origin main # ${i}` : `git status # ${i}`));
  const { results } = await swarm(
    path.join(DIST, 'pre-tool-use.cjs'),
    commands.map((command, i) => JSON.stringify({ session_id: `concurrent-${i}`, cwd: root, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: `t${i}` })),
    { PATH: process.env.PATH ?? '', HOME: root, WARDEN_HOME: home },
  );
  for (const r of results) {
    assert.equal(r.code, 0, r.stdout);
    assert.doesNotMatch(r.stdout, /systemMessage/, r.stdout);
  }
  const dir = path.join(home, 'journal');
  const v = verifyJournal(dir);
  assert.equal(v.ok, true, JSON.stringify(v.bad));
  const all = allEntries(dir).entries;
  assert.deepEqual(all.map((e) => e.seq), Array.from({ length: v.entries }, (_, i) => i + 1));
  // One guard entry per call (the safety gate may journal more of its own).
  const entries = all.filter((e) => e.event === 'guard');
  assert.equal(entries.length, N);
  assert.deepEqual(new Set(entries.map((e) => e.session)).size, N, 'an append was lost or doubled');
  assert.equal(entries.filter((e) => e.decision === 'deny').length, N / 4);
});
