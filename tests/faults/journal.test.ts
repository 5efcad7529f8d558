// A journal that cannot be written never changes a decision: a deny stays a deny, an allow stays an
// allow, and the user is told through `systemMessage`; `warden doctor` fails naming the journal.
// Faults: no space (today's segment is a link to /dev/full: every write fails with ENOSPC), no
// permission (a journal directory the hook's user may not write: EACCES — as root the hook runs as
// nobody, since permission bits do not stop root), a directory in a segment's place (EISDIR), a
// file in the journal directory's place (EEXIST) or above it (ENOTDIR), a FIFO in the segment's
// place (ENXIO at once, not a hang).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { segmentFor } from '../../lib/journal/read.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { bash, doctor, hook, install, sandbox, verdictOf, type Sandbox, type SpawnOptions } from './helpers.js';

/** The uid the hooks run as for the permission fault when the tests run as root. */
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

interface Fault {
  name: string;
  /** Breaks the journal of an installed warden that has journaled one decision already. */
  inject: (s: Sandbox) => SpawnOptions;
  /** The cause the systemMessage names. */
  cause: RegExp;
  /** What doctor's journal line says. */
  doctor: RegExp;
}

const today = (s: Sandbox): string => path.join(s.journal, segmentFor(new Date()));

const FAULTS: readonly Fault[] = [
  {
    name: 'no space left (a segment linked to /dev/full)',
    inject: (s) => {
      fs.rmSync(today(s));
      fs.symlinkSync('/dev/full', today(s));
      return {};
    },
    cause: /ENOSPC/,
    doctor: /is not a regular file/,
  },
  {
    name: 'no permission (a journal directory the hook may not write)',
    inject: (s) => {
      if (isRoot) {
        // Everything else stays readable (and the warden home writable) for the other user.
        for (const d of [s.root, s.home, path.dirname(s.wardenHome)]) fs.chmodSync(d, 0o755);
        execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, s.wardenHome, s.project]);
        execFileSync('chown', ['-R', '0:0', s.journal]);
        fs.chmodSync(s.journal, 0o700);
        return { uid: NOBODY, gid: NOBODY };
      }
      fs.chmodSync(s.journal, 0o500);
      return {};
    },
    cause: /EACCES|permission denied/i,
    doctor: /cannot be written \(EACCES\)/,
  },
  {
    name: "a directory in the segment's place (EISDIR)",
    inject: (s) => {
      fs.rmSync(today(s));
      fs.mkdirSync(today(s));
      return {};
    },
    cause: /EISDIR/,
    doctor: /is not a regular file/,
  },
  {
    name: "a file in the journal directory's place (EEXIST)",
    inject: (s) => {
      fs.rmSync(s.journal, { recursive: true });
      fs.writeFileSync(s.journal, 'not a directory\n');
      return {};
    },
    cause: /EEXIST/,
    doctor: /is not a directory/,
  },
  {
    name: 'a journal.dir under a file (ENOTDIR)',
    inject: (s) => {
      fs.writeFileSync(path.join(s.root, 'a-file'), '');
      fs.writeFileSync(path.join(s.wardenHome, 'policy.yaml'), `version: 1\njournal:\n  dir: ${path.join(s.root, 'a-file', 'journal')}\n`);
      return {};
    },
    cause: /ENOTDIR/,
    doctor: /a-file is not a directory/,
  },
  {
    name: "a FIFO in the segment's place (no reader: fails at once, never hangs)",
    inject: (s) => {
      fs.rmSync(today(s));
      execFileSync('mkfifo', [today(s)]);
      return {};
    },
    cause: /ENXIO/,
    doctor: /is not a regular file/,
  },
];

function prepared(t: TestContext): Sandbox {
  const s = sandbox(t);
  install(s);
  // One decision journaled the ordinary way: head.json and today's segment exist.
  assert.equal(verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'git push --force origin main'))).decision, 'deny');
  assert.equal(verifyJournal(s.journal).entries, 1);
  return s;
}

for (const f of FAULTS) {
  void test(`unwritable journal, ${f.name}: deny stays deny, allow stays allow, the user is told; doctor fails`, (t) => {
    const s = prepared(t);
    const as = f.inject(s);

    const deny = hook(s, 'pre-tool-use.cjs', bash(s, 'git push --force origin main'), as);
    assert.equal(deny.code, 0, deny.stderr);
    const dv = verdictOf(deny);
    assert.equal(dv.decision, 'deny');
    assert.match(dv.reason, /\[git\/push-force\]/);
    assert.match(dv.systemMessage ?? '', /could not write its decision journal .*the decision stands, but it is not recorded/);
    assert.match(dv.systemMessage ?? '', f.cause);

    const allow = hook(s, 'pre-tool-use.cjs', bash(s, 'git status'), as);
    assert.equal(allow.code, 0, allow.stderr);
    assert.deepEqual(Object.keys(allow.json ?? {}), ['systemMessage'], `an allow gained a decision: ${allow.stdout}`);
    assert.match(verdictOf(allow).systemMessage ?? '', f.cause);

    const ask = verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'git reset --hard HEAD~1'), as));
    assert.equal(ask.decision, 'ask');
    assert.match(ask.systemMessage ?? '', f.cause);

    const d = doctor(s, as);
    assert.equal(d.code, 1, d.out);
    assert.ok(
      d.fails.some((l) => /^FAIL +journal: /.test(l) && f.doctor.test(l)),
      `doctor does not report the journal (${f.doctor}):\n${d.out}`,
    );
  });
}

void test('verify and doctor report a device in a segment\'s place instead of reading it forever', (t) => {
  const s = prepared(t);
  fs.rmSync(today(s));
  fs.symlinkSync('/dev/zero', today(s));
  const r = verifyJournal(s.journal);
  assert.equal(r.ok, false);
  assert.match(r.bad?.reason ?? '', /cannot be read: .*is not a regular file/);
  const d = doctor(s);
  assert.ok(d.fails.some((l) => /journal: .*fails verification at entry seq 1 .*not a regular file/.test(l)), d.out);
});
