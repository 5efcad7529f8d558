// The hash-chained store and verify: appends chain across segments; any edit, deletion, reordering
// or truncation is found and the first bad entry named; warden's own repairs (an interrupted
// append, a lost head file) and retention pruning keep verify green.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { GENESIS, entryHash } from '../../lib/journal/entry.js';
import { ANCHOR_FILE, HEAD_FILE, allEntries } from '../../lib/journal/read.js';
import { MAX_ENTRY_BYTES, appendEntries } from '../../lib/journal/store.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { DAY1, DAY2, DAY3, SAMPLE, lines, rewriteLine, segmentFiles, tempDir, writeSample } from './helpers.js';

void test('appends number and chain entries across daily segments; verify passes', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  assert.deepEqual(segmentFiles(dir), ['2026-03-01.jsonl', '2026-03-02.jsonl']);
  const { entries } = allEntries(dir);
  assert.deepEqual(entries.map((e) => e.seq), SAMPLE.map((_, i) => i + 1));
  assert.equal(entries[0]?.prev, GENESIS);
  for (let i = 1; i < entries.length; i++) assert.equal(entries[i]?.prev, entries[i - 1]?.hash, `entry ${i + 1} does not chain`);
  for (const e of entries) assert.equal(e.hash, entryHash(e as unknown as Record<string, unknown>));
  const r = verifyJournal(dir);
  assert.equal(r.ok, true, JSON.stringify(r.bad));
  assert.equal(r.entries, SAMPLE.length);
  assert.equal(r.lastSeq, SAMPLE.length);
});

void test('files and modes: directory 0700, segments and head 0600', (t) => {
  const dir = path.join(tempDir(t), 'journal');
  appendEntries(dir, [{ event: 'note', note: 'n', rationale: 'r' }], { now: DAY1 });
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  for (const f of ['2026-03-01.jsonl', HEAD_FILE]) assert.equal(fs.statSync(path.join(dir, f)).mode & 0o777, 0o600, f);
  assert.equal(fs.existsSync(path.join(dir, 'journal.lock')), false, 'the lock was not released');
});

void test('an empty or absent journal verifies', (t) => {
  const dir = tempDir(t);
  assert.equal(verifyJournal(dir).ok, true);
  assert.equal(verifyJournal(path.join(dir, 'none')).ok, true);
});

/** Every way to change one field: a different value, the field removed, a field added. */
function mutations(v: unknown): unknown[] {
  if (typeof v === 'string') return [/^[0-9a-f]{64}$/.test(v) ? `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}` : `${v}x`, ''];
  if (typeof v === 'number') return [v + 1, v - 0.5];
  if (typeof v === 'boolean') return [!v];
  if (Array.isArray(v)) return [[...(v as unknown[]), 'extra'], v.slice(1)];
  if (typeof v === 'object' && v !== null) return [{ ...v, extra: 1 }];
  return ['x'];
}

void test('changing, removing or adding any field of any entry fails verify, naming that entry', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  const all = lines(dir);
  let cases = 0;
  for (const [i, l] of all.entries()) {
    const original = JSON.parse(l.text) as Record<string, unknown>;
    const variants: [string, Record<string, unknown>][] = [['added field', { ...original, added: 'x' }]];
    for (const [k, v] of Object.entries(original)) {
      for (const m of mutations(v)) variants.push([`${k} → ${JSON.stringify(m)}`, { ...original, [k]: m }]);
      const rest = { ...original };
      delete rest[k];
      variants.push([`${k} removed`, rest]);
    }
    for (const [what, changed] of variants) {
      rewriteLine(dir, l.file, l.index, JSON.stringify(changed));
      const r = verifyJournal(dir);
      assert.equal(r.ok, false, `entry ${i + 1}, ${what}: verify passed`);
      assert.equal(r.bad?.seq, i + 1, `entry ${i + 1}, ${what}: named ${JSON.stringify(r.bad)}`);
      assert.equal(r.bad?.segment, l.file);
      assert.equal(r.bad?.line, l.index + 1);
      cases++;
    }
    rewriteLine(dir, l.file, l.index, l.text);
  }
  assert.ok(cases > 150, `only ${cases} cases`);
  assert.equal(verifyJournal(dir).ok, true, 'restoring every line did not restore the journal');
});

void test('deleting any one entry fails verify, naming the entry that is missing', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  const all = lines(dir);
  for (const [i, l] of all.entries()) {
    rewriteLine(dir, l.file, l.index, undefined);
    const r = verifyJournal(dir);
    assert.equal(r.ok, false, `deleting entry ${i + 1} went unnoticed`);
    assert.equal(r.bad?.seq, i + 1, `deleting entry ${i + 1}: ${JSON.stringify(r.bad)}`);
    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(dir);
    writeSample(dir);
  }
});

void test('swapping two neighbouring entries fails verify at the first of them', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  const all = lines(dir);
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i];
    const b = all[i + 1];
    if (!a || !b || a.file !== b.file) continue;
    rewriteLine(dir, a.file, a.index, b.text);
    rewriteLine(dir, b.file, b.index, a.text);
    const r = verifyJournal(dir);
    assert.equal(r.ok, false, `swapping ${i + 1} and ${i + 2} went unnoticed`);
    assert.equal(r.bad?.seq, i + 1, JSON.stringify(r.bad));
    assert.match(r.bad?.reason ?? '', /out of order|missing|moved/);
    rewriteLine(dir, a.file, a.index, a.text);
    rewriteLine(dir, b.file, b.index, b.text);
  }
  assert.equal(verifyJournal(dir).ok, true);
});

void test('truncation: a cut last line, the last entries removed, the last segment removed', (t) => {
  const n = SAMPLE.length;
  const cases: { name: string; cut: (dir: string) => void; seq: number; reason: RegExp }[] = [
    {
      name: 'last line cut in half',
      cut: (dir) => {
        const f = path.join(dir, '2026-03-02.jsonl');
        fs.truncateSync(f, fs.statSync(f).size - 40);
      },
      seq: n,
      reason: /incomplete/,
    },
    { name: 'last entry removed', cut: (dir) => rewriteLine(dir, '2026-03-02.jsonl', 4, undefined), seq: n, reason: /truncated/ },
    { name: 'last three entries removed', cut: (dir) => [4, 3, 2].forEach((i) => rewriteLine(dir, '2026-03-02.jsonl', i, undefined)), seq: n - 2, reason: /truncated/ },
    { name: 'last segment removed', cut: (dir) => fs.rmSync(path.join(dir, '2026-03-02.jsonl')), seq: 5, reason: /truncated/ },
    { name: 'every segment removed', cut: (dir) => segmentFiles(dir).forEach((f) => fs.rmSync(path.join(dir, f))), seq: n, reason: /no entries/ },
    { name: 'first segment removed', cut: (dir) => fs.rmSync(path.join(dir, '2026-03-01.jsonl')), seq: 1, reason: /starts at seq 5/ },
    { name: 'head.json removed', cut: (dir) => fs.rmSync(path.join(dir, HEAD_FILE)), seq: n + 1, reason: /missing/ },
  ];
  for (const c of cases) {
    const dir = tempDir(t);
    writeSample(dir);
    c.cut(dir);
    const r = verifyJournal(dir);
    assert.equal(r.ok, false, `${c.name}: verify passed`);
    assert.equal(r.bad?.seq, c.seq, `${c.name}: ${JSON.stringify(r.bad)}`);
    assert.match(r.bad?.reason ?? '', c.reason, c.name);
  }
});

void test('an append interrupted before the head was updated: the next append counts its entry', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  const head = fs.readFileSync(path.join(dir, HEAD_FILE), 'utf8');
  appendEntries(dir, [{ event: 'note', note: 'written, head lost', rationale: 'crash' }], { now: DAY2 });
  fs.writeFileSync(path.join(dir, HEAD_FILE), head); // as if the process died before replacing the head
  const [after] = appendEntries(dir, [{ event: 'note', note: 'next', rationale: 'r' }], { now: DAY2 });
  assert.equal(after?.event, 'repair');
  assert.match(after?.rationale ?? '', /counted 1 entries/);
  const r = verifyJournal(dir);
  assert.equal(r.ok, true, JSON.stringify(r.bad));
  assert.equal(r.entries, SAMPLE.length + 3);
  assert.equal(r.notes.length, 1);
});

void test('an incomplete write at the end (disk full, crash) is cut by the next append, which says so', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  fs.appendFileSync(path.join(dir, '2026-03-02.jsonl'), '{"v":1,"seq":10,"time":"2026-03-0');
  assert.equal(verifyJournal(dir).ok, false);
  const written = appendEntries(dir, [{ event: 'note', note: 'after', rationale: 'r' }], { now: DAY2 });
  assert.deepEqual(written.map((e) => e.event), ['repair', 'note']);
  assert.match(written[0]?.rationale ?? '', /cut 33 bytes of an incomplete write/);
  const r = verifyJournal(dir);
  assert.equal(r.ok, true, JSON.stringify(r.bad));
});

void test('a lost or garbled head.json is rebuilt from the newest segment, and recorded', (t) => {
  for (const damage of [(f: string) => fs.rmSync(f), (f: string) => fs.writeFileSync(f, '{garbage')]) {
    const dir = tempDir(t);
    writeSample(dir);
    damage(path.join(dir, HEAD_FILE));
    const written = appendEntries(dir, [{ event: 'note', note: 'after', rationale: 'r' }], { now: DAY2 });
    assert.deepEqual(written.map((e) => [e.seq, e.event]), [
      [SAMPLE.length + 1, 'repair'],
      [SAMPLE.length + 2, 'note'],
    ]);
    assert.equal(verifyJournal(dir).ok, true);
  }
});

void test('head.json lost and a FIFO in the newest segment\'s place: the append fails at once, it does not wait on the pipe', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  fs.rmSync(path.join(dir, HEAD_FILE));
  const name = segmentFiles(dir).at(-1);
  assert.ok(name);
  const newest = path.join(dir, name);
  fs.rmSync(newest);
  assert.equal(spawnSync('mkfifo', [newest]).status, 0);
  assert.throws(() => appendEntries(dir, [{ event: 'note', note: 'after', rationale: 'r' }], { now: DAY2 }), /not a regular file/);
});

void test('lines written by someone else after the head are not adopted: verify reports them', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  fs.appendFileSync(path.join(dir, '2026-03-02.jsonl'), '{"v":1,"seq":10,"note":"forged"}\n');
  appendEntries(dir, [{ event: 'note', note: 'after', rationale: 'r' }], { now: DAY2 });
  const r = verifyJournal(dir);
  assert.equal(r.ok, false);
  assert.equal(r.bad?.seq, SAMPLE.length + 1);
});

void test('a clock that goes back a day does not write into an older segment', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  appendEntries(dir, [{ event: 'note', note: 'late', rationale: 'r' }], { now: DAY1 });
  assert.deepEqual(segmentFiles(dir), ['2026-03-01.jsonl', '2026-03-02.jsonl']);
  assert.equal(lines(dir).at(-1)?.file, '2026-03-02.jsonl');
  assert.equal(verifyJournal(dir).ok, true);
});

void test('an entry never exceeds the size cap; long fields are cut with a marker', (t) => {
  const dir = tempDir(t);
  const [e] = appendEntries(dir, [{ event: 'guard', tool: 'Bash', decision: 'deny', input: 'x'.repeat(100_000), rationale: 'é'.repeat(50_000), rules: Array.from({ length: 200 }, (_, i) => `r/${'y'.repeat(100)}${i}`) }], { now: DAY1 });
  assert.ok(e);
  const line = fs.readFileSync(path.join(dir, '2026-03-01.jsonl'));
  assert.ok(line.length <= MAX_ENTRY_BYTES, `${line.length} bytes`);
  assert.match(e.input ?? '', /… \[cut: 100000 characters in all\]$/);
  assert.equal(verifyJournal(dir).ok, true);
});

void test('retention: old segments are pruned when a new day starts; the anchor keeps verify green', (t) => {
  const dir = tempDir(t);
  writeSample(dir); // 2026-03-01 (4 entries), 2026-03-02 (5 entries)
  const later = new Date('2026-03-05T12:00:00.000Z');
  const written = appendEntries(dir, [{ event: 'note', note: 'later', rationale: 'r' }], { now: later, retentionDays: 3 });
  assert.equal(written[0]?.event, 'prune');
  assert.deepEqual(written[0]?.pruned, ['2026-03-01.jsonl']);
  assert.deepEqual(segmentFiles(dir), ['2026-03-02.jsonl', '2026-03-05.jsonl']);
  const anchor = JSON.parse(fs.readFileSync(path.join(dir, ANCHOR_FILE), 'utf8')) as { seq: number; segment: string };
  assert.deepEqual({ seq: anchor.seq, segment: anchor.segment }, { seq: 5, segment: '2026-03-02.jsonl' });
  assert.deepEqual(written[0]?.anchor, JSON.parse(fs.readFileSync(path.join(dir, ANCHOR_FILE), 'utf8')));
  const r = verifyJournal(dir);
  assert.equal(r.ok, true, JSON.stringify(r.bad));
  assert.equal(r.firstSeq, 5);
  assert.equal(r.lastSeq, SAMPLE.length + 2);

  // No pruning within the same day, nor with retention 0.
  appendEntries(dir, [{ event: 'note', note: 'same day', rationale: 'r' }], { now: later, retentionDays: 1 });
  assert.deepEqual(segmentFiles(dir), ['2026-03-02.jsonl', '2026-03-05.jsonl']);
  appendEntries(dir, [{ event: 'note', note: 'keep all', rationale: 'r' }], { now: new Date('2026-06-01T00:00:00Z'), retentionDays: 0 });
  assert.deepEqual(segmentFiles(dir), ['2026-03-02.jsonl', '2026-03-05.jsonl', '2026-06-01.jsonl']);
  assert.equal(verifyJournal(dir).ok, true);
});

void test('after pruning: deleting more, editing the anchor or removing it fails verify', (t) => {
  const cases: { name: string; damage: (dir: string) => void; reason: RegExp }[] = [
    { name: 'next segment deleted too', damage: (dir) => fs.rmSync(path.join(dir, '2026-03-02.jsonl')), reason: /after the retention anchor/ },
    { name: 'first kept entry deleted', damage: (dir) => rewriteLine(dir, '2026-03-02.jsonl', 0, undefined), reason: /after the retention anchor/ },
    {
      name: 'anchor moved later to hide a deletion',
      damage: (dir) => {
        const first = lines(dir).find((l) => l.file === '2026-03-02.jsonl' && l.index === 1);
        const e = JSON.parse(first?.text ?? '{}') as { seq: number; prev: string };
        rewriteLine(dir, '2026-03-02.jsonl', 0, undefined);
        fs.writeFileSync(path.join(dir, ANCHOR_FILE), JSON.stringify({ seq: e.seq, prev: e.prev, segment: '2026-03-02.jsonl' }));
      },
      reason: /does not match the last prune entry/,
    },
    { name: 'anchor removed', damage: (dir) => fs.rmSync(path.join(dir, ANCHOR_FILE)), reason: /no anchor\.json/ },
    { name: 'anchor garbled', damage: (dir) => fs.writeFileSync(path.join(dir, ANCHOR_FILE), '{"seq":"x"}'), reason: /not a valid anchor/ },
  ];
  for (const c of cases) {
    const dir = tempDir(t);
    writeSample(dir);
    appendEntries(dir, [{ event: 'note', note: 'later', rationale: 'r' }], { now: DAY3, retentionDays: 1 });
    assert.equal(verifyJournal(dir).ok, true, c.name);
    c.damage(dir);
    const r = verifyJournal(dir);
    assert.equal(r.ok, false, `${c.name}: verify passed`);
    assert.match(r.bad?.reason ?? '', c.reason, `${c.name}: ${JSON.stringify(r.bad)}`);
  }
});

void test('a prune interrupted before its segments were removed still verifies', (t) => {
  const dir = tempDir(t);
  writeSample(dir);
  const keep = fs.readFileSync(path.join(dir, '2026-03-01.jsonl'));
  appendEntries(dir, [{ event: 'note', note: 'later', rationale: 'r' }], { now: DAY3, retentionDays: 1 });
  fs.writeFileSync(path.join(dir, '2026-03-01.jsonl'), keep); // as if the process died before removing it
  const r = verifyJournal(dir);
  assert.equal(r.ok, true, JSON.stringify(r.bad));
  assert.equal(r.firstSeq, 1);
});
