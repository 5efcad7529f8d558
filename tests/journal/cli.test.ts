// `warden journal …` as a user (and the agent, for `note`) runs it: the built CLI, spawned with a
// throwaway WARDEN_HOME.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Draft } from '../../lib/journal/entry.js';
import { appendEntries } from '../../lib/journal/store.js';
import { DIST } from '../protocol/hook-helpers.js';
import { lines, rewriteLine, tempDir } from './helpers.js';

interface Cli {
  root: string;
  journal: string;
  env: Record<string, string>;
  warden(args: string[], env?: Record<string, string>): { status: number | null; out: string; err: string };
}

function cli(t: TestContext): Cli {
  const root = tempDir(t);
  const home = path.join(root, 'warden');
  fs.mkdirSync(home);
  const env = { PATH: process.env.PATH ?? '', HOME: root, WARDEN_HOME: home };
  return {
    root,
    journal: path.join(home, 'journal'),
    env,
    warden: (args, extra = {}) => {
      const r = spawnSync(process.execPath, [path.join(DIST, 'warden.cjs'), 'journal', ...args], { cwd: root, encoding: 'utf8', env: { ...env, ...extra } });
      return { status: r.status, out: r.stdout, err: r.stderr };
    },
  };
}

/** A journal with three sessions' worth of guard decisions. */
function populate(c: Cli): void {
  const g = (session: string, decision: 'allow' | 'ask' | 'deny', input: string, rules?: string[], rationale?: string): Draft => ({
    event: 'guard',
    session,
    tool: 'Bash',
    decision,
    input,
    ...(rules ? { rules } : {}),
    ...(rationale !== undefined ? { rationale } : {}),
  });
  appendEntries(c.journal, [
    g('alpha-1', 'allow', 'git status'),
    g('alpha-1', 'deny', 'git push --force origin main', ['git/push-force'], '[git/push-force] Force-pushing (--force) overwrites commits on the remote; use `git push --force-with-lease` on your own branch.'),
    g('beta-22', 'ask', 'git reset --hard HEAD~2', ['git/reset-hard'], '[git/reset-hard] throws away every uncommitted change.'),
    g('beta-22', 'deny', 'rm -rf ~/', ['fs/rm-critical'], '[fs/rm-critical] deletes your home directory.'),
    g('gamma-333', 'allow', 'ls -la'),
  ]);
}

void test('tail: the last entries, oldest first, with rule ids and rationale', (t) => {
  const c = cli(t);
  populate(c);
  const r = c.warden(['tail']);
  assert.equal(r.status, 0, r.err);
  const heads = r.out.split('\n').filter((l) => l.startsWith('#'));
  assert.deepEqual(heads.map((l) => l.split(' ')[0]), ['#1', '#2', '#3', '#4', '#5']);
  assert.match(r.out, /^#2 \S+ \S+ alpha-1 guard deny Bash \[git\/push-force\] {2}git push --force origin main$/m);
  assert.match(r.out, /^\s{4}\[git\/push-force\] Force-pushing/m);
  assert.equal(c.warden(['tail', '-n', '2']).out.split('\n').filter((l) => l.startsWith('#')).length, 2);
});

const FILTERS: readonly { args: string[]; seqs: number[] }[] = [
  { args: ['--decision', 'deny'], seqs: [2, 4] },
  { args: ['--decision', 'ask'], seqs: [3] },
  { args: ['--session', 'beta'], seqs: [3, 4] },
  { args: ['--rule', 'git/push-force'], seqs: [2] },
  { args: ['--rule', 'git'], seqs: [2, 3] },
  { args: ['--rule', 'fs/rm-critical'], seqs: [4] },
  { args: ['--event', 'guard', '--decision', 'allow'], seqs: [1, 5] },
  { args: ['--session', 'alpha', '--decision', 'ask'], seqs: [] },
];

for (const f of FILTERS) {
  void test(`tail ${f.args.join(' ')} --json`, (t) => {
    const c = cli(t);
    populate(c);
    const r = c.warden(['tail', '--json', ...f.args]);
    assert.equal(r.status, 0, r.err);
    const got = r.out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as { seq: number }).seq);
    assert.deepEqual(got, f.seqs);
  });
}

void test('tail rejects a bad -n and an unknown decision (exit 64)', (t) => {
  const c = cli(t);
  assert.equal(c.warden(['tail', '-n', 'many']).status, 64);
  assert.equal(c.warden(['tail', '--decision', 'maybe']).status, 64);
});

void test('search: case-insensitive text anywhere in an entry, not in its hashes', (t) => {
  const c = cli(t);
  populate(c);
  const r = c.warden(['search', 'RESET', '--HARD']);
  assert.equal(r.status, 64, 'an unknown option is refused');
  const s = c.warden(['search', 'reset --hard']);
  assert.equal(s.status, 0, s.err);
  assert.deepEqual(s.out.split('\n').filter((l) => l.startsWith('#')).map((l) => l.split(' ')[0]), ['#3']);
  assert.match(c.warden(['search', 'FORCE-WITH-LEASE']).out, /^#2 /m);
  const prev = lines(c.journal)[0]?.text.match(/"hash":"([0-9a-f]{12})/)?.[1] ?? 'x';
  assert.equal(c.warden(['search', prev]).out, '');
  assert.equal(c.warden(['search']).status, 64);
});

void test('verify: exit 0 on an intact journal, exit 1 naming the first bad entry after an edit', (t) => {
  const c = cli(t);
  assert.match(c.warden(['verify']).out, /no entries yet/);
  populate(c);
  const ok = c.warden(['verify']);
  assert.equal(ok.status, 0, ok.out);
  assert.match(ok.out, /^journal ok: 5 entries in 1 segment\(s\), seq 1–5, chain and head intact/m);
  const l = lines(c.journal)[2];
  assert.ok(l);
  rewriteLine(c.journal, l.file, l.index, l.text.replace('"ask"', '"allow"'));
  const bad = c.warden(['verify']);
  assert.equal(bad.status, 1);
  assert.match(bad.out, new RegExp(`FAILED .*first bad entry seq 3 \\(${l.file} line 3\\): its hash does not match its content`));
});

void test("note: the agent's own decision, with the session from Claude Code's environment", (t) => {
  const c = cli(t);
  const r = c.warden(['note', '--decision', 'Kept the v1 endpoint', '--rationale', 'two clients still call it; token=abc123secret'], { CLAUDE_CODE_SESSION_ID: 'sess-note' });
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /noted in warden's journal \(seq 1\)/);
  const e = JSON.parse(lines(c.journal)[0]?.text ?? '{}') as Record<string, unknown>;
  assert.equal(e.event, 'note');
  assert.equal(e.note, 'Kept the v1 endpoint');
  assert.equal(e.rationale, 'two clients still call it; token=[REDACTED]');
  assert.equal(e.session, 'sess-note');
  assert.match(c.warden(['tail']).out, /note {2}Kept the v1 endpoint\n {4}two clients/);
  for (const args of [['note'], ['note', '--decision', 'x'], ['note', '--rationale', 'y'], ['note', '--decision', ' ', '--rationale', 'y']]) {
    assert.equal(c.warden(args).status, 64, args.join(' '));
  }
  assert.equal(c.warden(['verify']).status, 0);
});

void test('an unknown subcommand is a usage error; `warden --help` lists the journal commands', (t) => {
  const c = cli(t);
  assert.equal(c.warden(['rewrite']).status, 64);
  const help = spawnSync(process.execPath, [path.join(DIST, 'warden.cjs'), '--help'], { encoding: 'utf8', env: c.env });
  for (const sub of ['tail', 'search', 'verify', 'note']) assert.match(help.stdout, new RegExp(`warden journal ${sub}`));
});
