// The compiled-policy cache (lib/policy/cache.ts): a policy file is parsed once per change; any
// change to it — even one that keeps its size and puts its mtime back — is seen; a broken, foreign
// or racy cache is never trusted. Then the same through the built hook.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { CACHE_FILE, layerReader } from '../../lib/policy/cache.js';
import { decisionOf, preToolUse, runHook } from '../protocol/hook-helpers.js';

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function setup(policy: string): { dir: string; file: string; cache: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-pcache-'));
  temps.push(dir);
  const file = path.join(dir, 'policy.yaml');
  fs.writeFileSync(file, policy);
  ageFile(file);
  return { dir, file, cache: path.join(dir, 'cache') };
}

/** Moves a file's mtime a minute into the past: it is no longer "racy". */
function ageFile(file: string): void {
  const t = new Date(Date.now() - 60_000);
  fs.utimesSync(file, t, t);
}

/** The stored entry for a file, edited in place: proves a later read comes from the cache. */
function tamperStored(cache: string, file: string, preset: string): void {
  const store = JSON.parse(fs.readFileSync(path.join(cache, CACHE_FILE), 'utf8')) as { entries: Record<string, { layer: { policy: { preset: string } } }> };
  const e = Object.entries(store.entries).find(([k]) => k.endsWith(`\n${file}`))?.[1];
  assert.ok(e, 'no cache entry was stored');
  e.layer.policy.preset = preset;
  fs.writeFileSync(path.join(cache, CACHE_FILE), JSON.stringify(store));
}

void test('an unchanged file is read from the cache; nothing is written when nothing was parsed', () => {
  const { file, cache } = setup('preset: strict\n');
  const r1 = layerReader(cache, 'build-a');
  assert.equal(r1.read(file).layer?.policy.preset, 'strict');
  r1.save();
  tamperStored(cache, file, 'paranoid');
  const mtime = fs.statSync(path.join(cache, CACHE_FILE)).mtimeMs;
  const r2 = layerReader(cache, 'build-a');
  assert.equal(r2.read(file).layer?.policy.preset, 'paranoid', 'second read did not come from the cache');
  r2.save();
  assert.equal(fs.statSync(path.join(cache, CACHE_FILE)).mtimeMs, mtime);
});

void test('any change is seen: same size with the mtime put back (in place), and a rename over it', () => {
  const { file, cache } = setup('preset: strict\n');
  const r1 = layerReader(cache, 'b');
  r1.read(file);
  r1.save();
  const st = fs.statSync(file);
  assert.equal('on_error: deny\n'.length, 'preset: strict\n'.length);
  fs.writeFileSync(file, 'on_error: deny\n');
  fs.utimesSync(file, st.atime, st.mtime);
  const r2 = layerReader(cache, 'b');
  const got = r2.read(file).layer?.policy;
  assert.equal(got?.on_error, 'deny', 'in-place edit with the old mtime was not seen');
  r2.save();
  // A rename over the file (what editors do), mtime again put back.
  fs.writeFileSync(`${file}.new`, 'preset: strict\n');
  fs.renameSync(`${file}.new`, file);
  fs.utimesSync(file, st.atime, st.mtime);
  assert.equal(layerReader(cache, 'b').read(file).layer?.policy.on_error, 'ask');
});

void test('a file changed within the racy window is parsed but not stored', () => {
  const { file, cache } = setup('preset: strict\n');
  fs.writeFileSync(file, 'preset: paranoid\n');
  const r = layerReader(cache, 'b');
  assert.equal(r.read(file).layer?.policy.preset, 'paranoid');
  r.save();
  assert.ok(!fs.existsSync(path.join(cache, CACHE_FILE)), 'a racy file was stored');
});

void test("a corrupt or malformed cache is an empty one; another build's entries are not read, and both builds keep theirs", () => {
  const { file, cache } = setup('preset: strict\n');
  const r1 = layerReader(cache, 'b');
  r1.read(file);
  r1.save();
  tamperStored(cache, file, 'paranoid');
  // Another build: its entries are not trusted; it stores its own next to them.
  const other = layerReader(cache, 'other-build');
  assert.equal(other.read(file).layer?.policy.preset, 'strict');
  other.save();
  assert.equal(layerReader(cache, 'b').read(file).layer?.policy.preset, 'paranoid', "build b's entry was dropped by the other build");
  for (const garbage of ['not json', '[]', '{"v":2,"entries":{"x":1}}', `{"v":2,"entries":{${JSON.stringify(`b\n${file}`)}:{"stamp":5}}}`, `{"v":1,"entries":{}}`]) {
    fs.writeFileSync(path.join(cache, CACHE_FILE), garbage);
    assert.equal(layerReader(cache, 'b').read(file).layer?.policy.preset, 'strict', garbage);
  }
});

void test('an invalid file: its errors (with file:line) come back from the cache too; a missing file is no layer', () => {
  const { dir, file, cache } = setup('preset: lenient\n');
  const r1 = layerReader(cache, 'b');
  const first = r1.read(file);
  r1.save();
  assert.equal(first.layer, undefined);
  assert.match(first.errors.join('\n'), /policy\.yaml:1: preset: expected standard\|strict\|paranoid/);
  const second = layerReader(cache, 'b').read(file);
  assert.deepEqual(second.errors, first.errors);
  assert.equal(second.layer, undefined);
  assert.deepEqual(layerReader(cache, 'b').read(path.join(dir, 'absent.yaml')), { errors: [] });
});

void test('without a build id (tsx) or a cache directory, nothing is cached', () => {
  const { file, cache } = setup('preset: strict\n');
  const r = layerReader(cache, undefined);
  assert.equal(r.read(file).layer?.policy.preset, 'strict');
  r.save();
  assert.ok(!fs.existsSync(cache));
});

void test('the built hook: an invalid policy stays invalid on every call, and a fix of the same size is seen at once', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-pcache-hook-'));
  temps.push(home);
  const wh = path.join(home, '.claude', 'warden');
  fs.mkdirSync(wh, { recursive: true });
  const policy = path.join(wh, 'policy.yaml');
  fs.writeFileSync(policy, 'preset: strictt\n');
  ageFile(policy);
  for (let i = 0; i < 2; i++) {
    const d = decisionOf(runHook('pre-tool-use.cjs', preToolUse('ls'), { HOME: home }));
    assert.equal(d.decision, 'ask', `call ${i + 1}`);
    assert.match(d.reason, /core\/policy-invalid/);
  }
  assert.ok(fs.existsSync(path.join(wh, 'cache', CACHE_FILE)), 'the hook did not cache the parse');
  const st = fs.statSync(policy);
  fs.writeFileSync(policy, 'preset: strict \n');
  fs.utimesSync(policy, st.atime, st.mtime);
  assert.equal(runHook('pre-tool-use.cjs', preToolUse('ls'), { HOME: home }).stdout, '{}');
  // strict is in force: what standard asks, strict denies.
  assert.equal(decisionOf(runHook('pre-tool-use.cjs', preToolUse('git reset --hard HEAD~3'), { HOME: home })).decision, 'deny');
});
