// Reading identity files: order, the size cap with its visible marker, files that are missing,
// not regular, or (for project files) lead out of the project; secrets redacted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { readIdentity } from '../../lib/identity/identity.js';

function dir(t: TestContext): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-identity-')));
  t.after(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

void test('files are read in order; missing ones are skipped silently', (t) => {
  const d = dir(t);
  fs.writeFileSync(path.join(d, 'a.md'), 'I am A.\n');
  fs.writeFileSync(path.join(d, 'c.md'), 'I am C.\n');
  const id = readIdentity(['a.md', 'b.md', 'c.md'].map((f) => ({ path: path.join(d, f), confine: undefined })), 6000);
  assert.deepEqual(id.parts, [
    { file: path.join(d, 'a.md'), text: 'I am A.' },
    { file: path.join(d, 'c.md'), text: 'I am C.' },
  ]);
  assert.deepEqual(id.skipped, []);
  assert.equal(id.truncated, false);
  assert.match(id.sha256, /^[0-9a-f]{64}$/);
});

void test('the cap holds for all files together, with a visible marker naming the file', (t) => {
  const d = dir(t);
  fs.writeFileSync(path.join(d, 'user.md'), 'u'.repeat(300));
  fs.writeFileSync(path.join(d, 'project.md'), 'p'.repeat(300));
  const id = readIdentity(['user.md', 'project.md'].map((f) => ({ path: path.join(d, f), confine: undefined })), 400);
  assert.equal(id.parts[0]?.text, 'u'.repeat(300));
  assert.equal(id.parts[1]?.text, `${'p'.repeat(100)}\n[… identity truncated: 200 more bytes of ${path.join(d, 'project.md')} not shown; warden shows at most identity.max_bytes = 400 bytes]`);
  assert.equal(id.truncated, true);
});

void test('a cut never splits a UTF-8 character', (t) => {
  const d = dir(t);
  fs.writeFileSync(path.join(d, 'i.md'), 'é'.repeat(200)); // 400 bytes
  const id = readIdentity([{ path: path.join(d, 'i.md'), confine: undefined }], 257);
  assert.ok(id.parts[0]?.text.startsWith(`${'é'.repeat(128)}\n[… identity truncated: 144 more bytes`), id.parts[0]?.text.slice(0, 300));
  assert.ok(!id.parts[0]?.text.includes('\uFFFD'));
});

void test('a project file that is a symlink out of the project is not read', (t) => {
  const d = dir(t);
  const proj = path.join(d, 'proj');
  fs.mkdirSync(path.join(proj, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(d, 'id_rsa'), 'PRIVATE MATERIAL');
  fs.symlinkSync(path.join(d, 'id_rsa'), path.join(proj, '.claude', 'identity.md'));
  const id = readIdentity([{ path: path.join(proj, '.claude', 'identity.md'), confine: proj }], 6000);
  assert.deepEqual(id.parts, []);
  assert.match(id.skipped[0] ?? '', /resolves outside the project/);
  // The same link in the user's own list is the user's choice.
  assert.equal(readIdentity([{ path: path.join(proj, '.claude', 'identity.md'), confine: undefined }], 6000).parts[0]?.text, 'PRIVATE MATERIAL');
});

// A read of the FIFO would block forever: the timeout turns that hang into a failure.
void test('a FIFO or a directory is not read (it could hang the hook)', { timeout: 30_000 }, (t) => {
  const d = dir(t);
  fs.mkdirSync(path.join(d, 'dir.md'));
  const fifo = path.join(d, 'fifo.md');
  const mk = spawnSync('mkfifo', [fifo]);
  const files = [path.join(d, 'dir.md'), ...(mk.status === 0 ? [fifo] : [])];
  const id = readIdentity(files.map((f) => ({ path: f, confine: undefined })), 6000);
  assert.deepEqual(id.parts, []);
  assert.equal(id.skipped.length, files.length);
  for (const s of id.skipped) assert.match(s, /not a regular file|EISDIR/);
});

void test('secrets in identity text are redacted before they reach the model', (t) => {
  const d = dir(t);
  fs.writeFileSync(path.join(d, 'i.md'), 'Deploy with GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789 set.\n');
  const id = readIdentity([{ path: path.join(d, 'i.md'), confine: undefined }], 6000);
  assert.equal(id.parts[0]?.text, 'Deploy with GITHUB_TOKEN=[REDACTED] set.');
});
