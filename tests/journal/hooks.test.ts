// The built PreToolUse and SessionEnd hooks journal what they decide; a journal that cannot be
// written never changes a decision: the user is told through systemMessage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import type { JournalEntry } from '../../lib/journal/entry.js';
import { LOCK_TIMEOUT_MS } from '../../lib/journal/lock.js';
import { allEntries } from '../../lib/journal/read.js';
import { deadlineMs } from '../../lib/protocol/deadlines.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { decisionOf, preToolUse, runHook } from '../protocol/hook-helpers.js';
import { tempDir } from './helpers.js';

interface Setup {
  root: string;
  home: string;
  journal: string;
  env: Record<string, string>;
}

function setup(t: TestContext, policy?: string): Setup {
  const root = tempDir(t);
  const home = path.join(root, 'warden');
  fs.mkdirSync(home);
  if (policy !== undefined) fs.writeFileSync(path.join(home, 'policy.yaml'), policy);
  return { root, home, journal: path.join(home, 'journal'), env: { HOME: root, WARDEN_HOME: home } };
}

function entries(s: Setup): JournalEntry[] {
  return allEntries(s.journal).entries;
}

void test('a deny is journaled with tool, input, rule id, rationale, session, cwd and mode', (t) => {
  const s = setup(t);
  const r = runHook('pre-tool-use.cjs', preToolUse('git push --force origin main', { session_id: 'sess-A', cwd: s.root }), s.env);
  assert.equal(decisionOf(r).decision, 'deny');
  assert.equal(r.json?.systemMessage, undefined);
  const [e] = entries(s);
  assert.ok(e);
  assert.equal(e.event, 'guard');
  assert.equal(e.decision, 'deny');
  assert.equal(e.tool, 'Bash');
  assert.equal(e.input, 'git push --force origin main');
  assert.deepEqual(e.rules, ['git/push-force']);
  assert.match(e.rationale ?? '', /^\[git\/push-force\] .*--force-with-lease/);
  assert.equal(e.session, 'sess-A');
  assert.equal(e.cwd, s.root);
  assert.equal(e.mode, 'bypassPermissions');
  assert.equal(verifyJournal(s.journal).ok, true);
});

void test('an ask is journaled like a deny', (t) => {
  const s = setup(t);
  runHook('pre-tool-use.cjs', preToolUse('git reset --hard HEAD~3', { cwd: s.root }), s.env);
  const [e] = entries(s);
  assert.equal(e?.decision, 'ask');
  assert.deepEqual(e?.rules, ['git/reset-hard']);
});

const ALLOWS: readonly { allows: string; expect: (e: JournalEntry | undefined) => void }[] = [
  {
    allows: 'compact',
    expect: (e) => {
      assert.ok(e);
      assert.deepEqual(Object.keys(e).sort(), ['decision', 'event', 'hash', 'input', 'prev', 'seq', 'session', 'time', 'tool', 'v']);
      assert.match(e.input ?? '', /^echo x{195}… \[cut: \d+ characters in all\]$/);
    },
  },
  {
    allows: 'full',
    expect: (e) => {
      assert.ok(e);
      assert.equal(e.cwd !== undefined && e.mode !== undefined, true);
      assert.equal(e.input, `echo ${'x'.repeat(400)}`);
    },
  },
  { allows: 'off', expect: (e) => assert.equal(e, undefined) },
];

for (const c of ALLOWS) {
  void test(`allows: ${c.allows}`, (t) => {
    const s = setup(t, `journal:\n  allows: ${c.allows}\n`);
    const r = runHook('pre-tool-use.cjs', preToolUse(`echo ${'x'.repeat(400)}`, { cwd: s.root }), s.env);
    assert.deepEqual(r.json, {});
    c.expect(entries(s)[0]);
  });
}

void test('file tools are journaled by path and size, never by content', (t) => {
  const s = setup(t, 'journal:\n  allows: full\n');
  const stdin = preToolUse(undefined, { cwd: s.root, tool_name: 'Write', tool_input: { file_path: '/p/.env', content: 'API_KEY=abc123secretvalue\n' } });
  runHook('pre-tool-use.cjs', stdin, s.env);
  const [e] = entries(s);
  assert.equal(e?.input, '/p/.env (26 characters)');
  assert.ok(!fs.readdirSync(s.journal).some((f) => fs.readFileSync(path.join(s.journal, f), 'utf8').includes('abc123secretvalue')));
});

void test('a guard that fails closed is journaled as a deny with the cause', (t) => {
  const s = setup(t);
  const r = runHook('pre-tool-use.cjs', preToolUse(undefined, { cwd: s.root }), s.env);
  assert.equal(r.code, 2);
  const [e] = entries(s);
  assert.equal(e?.decision, 'deny');
  assert.match(e?.rationale ?? '', /the guard failed \(Bash tool_input has no command string\) and failed closed/);
});

/** A journal directory that cannot be created: a regular file stands where its parent should be. */
function brokenJournal(t: TestContext): Setup {
  const s = setup(t);
  fs.writeFileSync(path.join(s.root, 'not-a-dir'), '');
  fs.writeFileSync(path.join(s.home, 'policy.yaml'), `journal:\n  dir: ${path.join(s.root, 'not-a-dir', 'journal')}\n  allows: full\n`);
  return s;
}

void test('journal failure on a deny: the deny stands, the user is told', (t) => {
  const s = brokenJournal(t);
  const r = runHook('pre-tool-use.cjs', preToolUse('git push --force origin main', { cwd: s.root }), s.env);
  assert.equal(r.code, 0);
  assert.equal(decisionOf(r).decision, 'deny');
  assert.match(String(r.json?.systemMessage), /could not write its decision journal .*the decision stands/);
});

void test('journal failure on an allow: the call is still allowed, the user is told', (t) => {
  const s = brokenJournal(t);
  const r = runHook('pre-tool-use.cjs', preToolUse('git status', { cwd: s.root }), s.env);
  assert.equal(r.code, 0);
  assert.equal(decisionOf(r).decision, undefined);
  assert.deepEqual(Object.keys(r.json ?? {}), ['systemMessage']);
});

void test('journal lock held by a live process: the hook answers after the lock timeout, before its deadline, and says so', (t) => {
  const s = setup(t);
  fs.mkdirSync(s.journal, { recursive: true });
  // pid 1 is always alive, and a lock touched in the future never turns stale during the test.
  const lock = path.join(s.journal, 'journal.lock');
  fs.writeFileSync(lock, JSON.stringify({ pid: 1, token: 'held', time: '' }));
  const future = new Date(Date.now() + 3_600_000);
  fs.utimesSync(lock, future, future);
  const r = runHook('pre-tool-use.cjs', preToolUse('git push --force origin main', { cwd: s.root }), s.env);
  assert.equal(decisionOf(r).decision, 'deny');
  assert.match(String(r.json?.systemMessage), new RegExp(`could not lock .* within ${LOCK_TIMEOUT_MS} ms`));
  assert.ok(r.ms >= LOCK_TIMEOUT_MS && r.ms < deadlineMs('PreToolUse'), `${r.ms} ms`);
  assert.equal(fs.readFileSync(lock, 'utf8'), JSON.stringify({ pid: 1, token: 'held', time: '' }), "the live holder's lock was touched");
});

void test('SessionEnd journals the end of the session and its reason', (t) => {
  const s = setup(t);
  const r = runHook('session-end.cjs', JSON.stringify({ session_id: 'sess-E', cwd: s.root, hook_event_name: 'SessionEnd', reason: 'prompt_input_exit' }), s.env);
  assert.equal(r.code, 0);
  assert.deepEqual(r.json, {});
  const [e] = entries(s);
  assert.equal(e?.event, 'session-end');
  assert.equal(e?.session, 'sess-E');
  assert.equal(e?.source, 'prompt_input_exit');
});
