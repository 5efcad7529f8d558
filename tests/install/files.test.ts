// The file primitives install relies on: backups are pruned to MAX_BACKUPS (newest kept, 0600),
// create-only-if-absent never overwrites, atomic writes keep the mode and refuse a file that
// changed under them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_BACKUPS, backup, createExclusive, listBackups, writeAtomic } from '../../lib/install/files.js';

function tmpDir(t: { after: (fn: () => void) => void }): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-files-test-'));
  t.after(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

void test(`backups are 0600 copies, and only the newest ${MAX_BACKUPS} are kept`, (t) => {
  const file = path.join(tmpDir(t), 'settings.json');
  const made: string[] = [];
  for (let i = 0; i < MAX_BACKUPS + 3; i++) {
    fs.writeFileSync(file, `{"n": ${i}}`);
    made.push(backup(file, new Date(Date.UTC(2026, 0, 1, 0, 0, i))));
  }
  const kept = listBackups(file);
  assert.deepEqual(kept, made.slice(-MAX_BACKUPS));
  assert.equal(fs.readFileSync(kept.at(-1) ?? '', 'utf8'), `{"n": ${MAX_BACKUPS + 2}}`);
  assert.equal(fs.statSync(kept[0] ?? '').mode & 0o777, 0o600);
  // Two backups in the same millisecond do not overwrite each other.
  const now = new Date(Date.UTC(2027, 0, 1));
  assert.notEqual(backup(file, now), backup(file, now));
});

void test('createExclusive never overwrites', (t) => {
  const file = path.join(tmpDir(t), 'policy.yaml');
  assert.equal(createExclusive(file, 'first\n', 0o644), true);
  assert.equal(createExclusive(file, 'second\n', 0o644), false);
  assert.equal(fs.readFileSync(file, 'utf8'), 'first\n');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['policy.yaml'], 'a temp file was left behind');
});

void test('writeAtomic sets the mode and refuses when the file changed meanwhile', (t) => {
  const file = path.join(tmpDir(t), 'settings.json');
  fs.writeFileSync(file, 'old');
  writeAtomic(file, 'new', 0o640, 'old');
  assert.equal(fs.readFileSync(file, 'utf8'), 'new');
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.throws(() => writeAtomic(file, 'newer', 0o640, 'old'), /changed while warden was editing it/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'new');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['settings.json']);
});
