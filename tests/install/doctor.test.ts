// `warden doctor`, check by check, on an installed warden in a throwaway HOME (`warden install` from
// dist/, no install.sh): a green baseline, then one fault per row and the FAIL line it must give.
// settings.json that Claude Code cannot parse (it then runs no hook at all), warden's hooks missing
// or pointing at a bundle that is gone, the journal's hash chain, the gate's stores.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { bash, doctor, hook, install, sandbox, verdictOf, type Sandbox } from '../faults/helpers.js';

const settingsOf = (s: Sandbox): string => path.join(s.home, '.claude', 'settings.json');

void test('a fresh install with some history: every check is ok, and the journal and gate checks say what they saw', (t) => {
  const s = sandbox(t);
  install(s);
  assert.equal(verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'git push --force origin main'))).decision, 'deny');
  const d = doctor(s);
  assert.equal(d.code, 0, d.out);
  assert.deepEqual(d.fails, []);
  assert.match(d.out, /^ok +settings: ~\/\.claude\/settings\.json is valid JSON$/m);
  assert.match(d.out, /^ok +journal: ~\/\.claude\/warden\/journal, 1 entries, hash chain verified$/m);
  assert.match(d.out, /^ok +gate: trust scores ~\/\.claude\/warden\/gate\/trust\.json not created yet$/m);
  assert.match(d.out, /^ok +gate: approvals ~\/\.claude\/warden\/gate\/approvals\.json not created yet$/m);
  assert.match(d.out, /^ok +self-test: /m);
});

interface SettingsRow {
  name: string;
  /** settings.json as written (or a change to the installed one). */
  text: (installed: string) => string;
  /** The FAIL line, after `FAIL  settings: ~/.claude/settings.json`. */
  fail: RegExp;
}

const SETTINGS: readonly SettingsRow[] = [
  { name: 'a trailing comma', text: (i) => `${i.trimEnd().slice(0, -1)},}\n`, fail: /^:\d+:\d+: .*not valid JSON .*no hook runs at all/ },
  { name: 'a comment', text: (i) => `// mine\n${i}`, fail: /^:1:1: a comment .*not valid JSON .*no hook runs at all/ },
  { name: 'cut off half-way', text: (i) => i.slice(0, Math.floor(i.length / 2)), fail: /^:\d+:\d+: .*not valid JSON .*no hook runs at all/ },
  { name: 'a byte order mark', text: (i) => `\uFEFF${i}`, fail: /^:1:1: .*byte order mark.*no hook runs at all/ },
  { name: 'an array at the top level', text: () => '[]\n', fail: /: the top level is an array, not an object.*no hook runs at all/ },
  { name: 'an empty file', text: () => '', fail: /^:1:1: .*not valid JSON .*no hook runs at all/ },
];

for (const row of SETTINGS) {
  void test(`settings.json with ${row.name}: doctor fails naming the file and the position, and the self-test is not run`, (t) => {
    const s = sandbox(t);
    install(s);
    const file = settingsOf(s);
    fs.writeFileSync(file, row.text(fs.readFileSync(file, 'utf8')));
    const d = doctor(s);
    assert.equal(d.code, 1, d.out);
    const line = d.fails.find((l) => l.startsWith('FAIL  settings: ~/.claude/settings.json'));
    assert.ok(line !== undefined, d.out);
    assert.match(line.slice('FAIL  settings: ~/.claude/settings.json'.length), row.fail);
    assert.ok(d.fails.some((l) => /^FAIL +self-test: not run/.test(l)), d.out);
  });
}

void test('settings.json that sets disableAllHooks: doctor fails', (t) => {
  const s = sandbox(t);
  install(s);
  const file = settingsOf(s);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...json, disableAllHooks: true }, null, 2));
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.deepEqual(d.fails, ['FAIL  settings: ~/.claude/settings.json sets "disableAllHooks": true, so Claude Code runs no hook at all — remove it']);
});

void test("a warden hook whose bundle is gone, and one that is not registered: doctor names each", (t) => {
  const s = sandbox(t);
  install(s);
  fs.rmSync(path.join(s.wardenHome, 'bin', 'post-tool-use.cjs'));
  const file = settingsOf(s);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { hooks: Record<string, unknown> };
  delete json.hooks.SessionEnd;
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.ok(d.fails.some((l) => /^FAIL +hook PostToolUse .*bundle ~\/\.claude\/warden\/bin\/post-tool-use\.cjs is missing/.test(l)), d.out);
  assert.ok(d.fails.some((l) => /^FAIL +hook SessionEnd: not registered/.test(l)), d.out);
});

void test('a journal entry edited after the fact: doctor fails naming the entry, its file and line', (t) => {
  const s = sandbox(t);
  install(s);
  for (const cmd of ['git push --force origin main', 'git reset --hard HEAD~1', 'git status']) hook(s, 'pre-tool-use.cjs', bash(s, cmd));
  const [segment] = fs.readdirSync(s.journal).filter((f) => f.endsWith('.jsonl'));
  assert.ok(segment !== undefined);
  const file = path.join(s.journal, segment);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('git reset --hard HEAD~1', 'git reset --soft HEAD~1'));
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.deepEqual(d.fails, [
    `FAIL  journal: ~/.claude/warden/journal fails verification at entry seq 2 (${segment} line 2): its hash does not match its content: the entry was edited (it says seq 2) — see \`warden journal verify\``,
  ]);
});

void test('lock files: one dated in the future fails (it would never be broken), one left by a dead process warns', (t) => {
  const s = sandbox(t);
  install(s);
  const journalLock = path.join(s.journal, 'journal.lock');
  const trustLock = path.join(s.wardenHome, 'gate', 'trust.json.lock');
  for (const f of [journalLock, trustLock]) {
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, JSON.stringify({ pid: 1, token: 'x', time: '' }));
  }
  const future = new Date(Date.now() + 3_600_000);
  fs.utimesSync(journalLock, future, future);
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(trustLock, past, past);
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.deepEqual(d.fails.map((l) => l.replace(/\d+ s in the future/, 'N s in the future')), [
    'FAIL  lock: ~/.claude/warden/journal/journal.lock is dated N s in the future (a clock set back, or an edit), so no warden process will ever judge it stale: every hook waits for it and gives up — remove it',
  ]);
  assert.match(d.out, /^warn +lock: ~\/\.claude\/warden\/gate\/trust\.json\.lock was left \d+ s ago by a process that did not finish; the next hook breaks it$/m);
});
