// The launcher every registered hook command runs (hooks/launch.cjs, copied to dist/): it loads the
// hook's bundle through V8's code cache. Each test works on its own copy of dist/, so caches and
// broken bundles never touch the shared build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DIST, decisionOf, distCopy as distCopyOf, launchHook, preToolUse, tempHome, type HookRun } from './hook-helpers.js';

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

const distCopy = (): string => distCopyOf(temps);

function home(): string {
  const h = tempHome();
  temps.push(h);
  return h;
}

const launch = (dir: string, hook: string, stdin: string, h: string): HookRun => launchHook(dir, hook, stdin, { HOME: h });

const cacheOf = (dir: string, hook: string): string => path.join(dir, `${hook}.cjs.v8cache`);

void test('the launcher runs the hook: same decisions as the bundle itself, and a code cache after the first run', () => {
  const dir = distCopy();
  const h = home();
  assert.ok(!fs.existsSync(cacheOf(dir, 'pre-tool-use')));
  const first = launch(dir, 'pre-tool-use', preToolUse('git push --force origin main'), h);
  assert.equal(decisionOf(first).decision, 'deny');
  assert.match(decisionOf(first).reason, /\[git\/push-force\]/);
  const cache = fs.readFileSync(cacheOf(dir, 'pre-tool-use'));
  assert.match(cache.subarray(0, 40).toString('latin1'), /^warden-v8cache 1 v\d+/);
  // With the cache: still the same answers, and the cache is not rewritten.
  const mtime = fs.statSync(cacheOf(dir, 'pre-tool-use')).mtimeMs;
  const benign = launch(dir, 'pre-tool-use', preToolUse('git status'), h);
  assert.equal(benign.code, 0);
  assert.deepEqual(benign.json, {});
  const again = launch(dir, 'pre-tool-use', preToolUse('rm -rf ~'), h);
  assert.equal(decisionOf(again).decision, 'deny');
  assert.equal(fs.statSync(cacheOf(dir, 'pre-tool-use')).mtimeMs, mtime);
});

void test('a cache made from another bundle, or garbage, is not used: the hook still decides and the cache is remade', () => {
  const dir = distCopy();
  const h = home();
  launch(dir, 'pre-tool-use', preToolUse('ls'), h);
  const good = fs.readFileSync(cacheOf(dir, 'pre-tool-use'));
  // The bundle changes (an upgrade): the header no longer matches, whatever the cache holds.
  const bundle = path.join(dir, 'pre-tool-use.cjs');
  fs.appendFileSync(bundle, '\n// changed\n');
  const afterChange = launch(dir, 'pre-tool-use', preToolUse('git push --force origin main'), h);
  assert.match(decisionOf(afterChange).reason, /\[git\/push-force\]/);
  assert.notDeepEqual(fs.readFileSync(cacheOf(dir, 'pre-tool-use')), good, 'the stale cache was not replaced');
  for (const garbage of [Buffer.from('warden-v8cache 1 nonsense\n'), Buffer.from([0, 1, 2, 3, 255]), Buffer.alloc(0)]) {
    fs.writeFileSync(cacheOf(dir, 'pre-tool-use'), garbage);
    const r = launch(dir, 'pre-tool-use', preToolUse('git push --force origin main'), h);
    assert.match(decisionOf(r).reason, /\[git\/push-force\]/, `with cache ${garbage.toString('hex')}`);
    assert.equal(launch(dir, 'pre-tool-use', preToolUse('ls -la'), h).code, 0);
  }
});

void test('a valid cache under a bundle of the same size but other content is rejected by the stamp', () => {
  const dir = distCopy();
  const h = home();
  launch(dir, 'pre-tool-use', preToolUse('ls'), h);
  const bundle = path.join(dir, 'pre-tool-use.cjs');
  const st = fs.statSync(bundle);
  // Same length, same mtime: only the inode/ctime differ (a copy over it) — the cache must not apply.
  const text = fs.readFileSync(bundle, 'utf8');
  // Same length, still valid: the first statement's quotes swapped ("use strict" → 'use strict').
  assert.ok(text.startsWith('"use strict";'));
  const replaced = `'use strict';${text.slice('"use strict";'.length)}`;
  assert.equal(Buffer.byteLength(replaced), Buffer.byteLength(text));
  // In place (same inode) and by rename (new inode), each time with the old mtime put back.
  fs.writeFileSync(bundle, replaced);
  fs.utimesSync(bundle, st.atime, st.mtime);
  const inPlace = launch(dir, 'pre-tool-use', preToolUse('git push --force origin main'), h);
  assert.equal(decisionOf(inPlace).decision, 'deny');
  assert.match(decisionOf(inPlace).reason, /\[git\/push-force\]/, 'the guard decided, not a failed start');
  assert.match(fs.readFileSync(cacheOf(dir, 'pre-tool-use')).subarray(0, 200).toString('latin1'), new RegExp(` ${fs.statSync(bundle, { bigint: true }).ctimeNs} `));
  fs.writeFileSync(`${bundle}.new`, text);
  fs.renameSync(`${bundle}.new`, bundle);
  fs.utimesSync(bundle, st.atime, st.mtime);
  const renamed = launch(dir, 'pre-tool-use', preToolUse('git push --force origin main'), h);
  assert.match(decisionOf(renamed).reason, /\[git\/push-force\]/);
  assert.match(fs.readFileSync(cacheOf(dir, 'pre-tool-use')).subarray(0, 200).toString('latin1'), new RegExp(` ${fs.statSync(bundle, { bigint: true }).ino} `));
});

void test('no bundle: PreToolUse fails closed (deny, exit 2); other events tell the user and go on', () => {
  const dir = distCopy();
  const h = home();
  fs.rmSync(path.join(dir, 'pre-tool-use.cjs'));
  const r = launch(dir, 'pre-tool-use', preToolUse('ls'), h);
  assert.equal(r.code, 2);
  assert.equal(decisionOf(r).decision, 'deny');
  assert.match(decisionOf(r).reason, /could not start its pre-tool-use hook.*no bundle/);
  fs.rmSync(path.join(dir, 'session-start.cjs'));
  const s = launch(dir, 'session-start', JSON.stringify({ session_id: 's', cwd: h, hook_event_name: 'SessionStart', source: 'startup' }), h);
  assert.equal(s.code, 0);
  assert.match(String(s.json?.systemMessage), /could not start its session-start hook/);
  for (const bad of ['', '../x', 'PRE-TOOL-USE']) {
    const b = spawnSync(process.execPath, [path.join(dir, 'launch.cjs'), bad], { input: preToolUse('ls'), encoding: 'utf8' });
    assert.equal(b.status, 0, `hook name ${JSON.stringify(bad)}: not the guard, so not a deny`);
    assert.match(b.stdout, /no bundle/);
  }
});

void test('a bundle that cannot be compiled or throws at start-up: deny, exit 2', () => {
  for (const body of ['this is not javascript {', 'throw new Error("boom at start")']) {
    const dir = distCopy();
    fs.writeFileSync(path.join(dir, 'pre-tool-use.cjs'), body);
    const r = launch(dir, 'pre-tool-use', preToolUse('ls'), home());
    assert.equal(r.code, 2, body);
    assert.equal(decisionOf(r).decision, 'deny', body);
  }
});

void test('the parts a hook loads on demand start from a code cache too, and one that cannot load fails the guard closed', () => {
  const dir = distCopy();
  const h = home();
  // An external write: the guard allows it, the safety gate (dist/gate-stage.cjs, loaded on demand) holds it.
  const push = preToolUse('git push origin main');
  const first = launch(dir, 'pre-tool-use', push, h);
  assert.equal(decisionOf(first).decision, 'ask', first.stdout);
  const stageCache = cacheOf(dir, 'gate-stage');
  assert.match(fs.readFileSync(stageCache).subarray(0, 40).toString('latin1'), /^warden-v8cache 1 v\d+/);
  const mtime = fs.statSync(stageCache).mtimeMs;
  const second = launch(dir, 'pre-tool-use', push, h);
  assert.equal(decisionOf(second).decision, 'ask', second.stdout);
  assert.equal(fs.statSync(stageCache).mtimeMs, mtime, 'a valid cache is not rewritten');
  // The on-demand part broken or gone: deny with exit 2, never the call let through.
  fs.writeFileSync(path.join(dir, 'gate-stage.cjs'), 'this is not javascript {');
  const broken = launch(dir, 'pre-tool-use', push, h);
  assert.equal(broken.code, 2, broken.stdout);
  assert.equal(decisionOf(broken).decision, 'deny');
  assert.match(decisionOf(broken).reason, /gate-stage\.cjs/);
  fs.rmSync(path.join(dir, 'gate-stage.cjs'));
  const gone = launch(dir, 'pre-tool-use', push, h);
  assert.equal(gone.code, 2, gone.stdout);
  assert.equal(decisionOf(gone).decision, 'deny');
  // A call that needs no on-demand part still runs.
  assert.deepEqual(launch(dir, 'pre-tool-use', preToolUse('ls -la'), h).json, {});
});

void test('the launcher finds the bundles in ../dist from a checkout or plugin directory (hooks/launch.cjs)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-plugin-'));
  temps.push(root);
  fs.mkdirSync(path.join(root, 'hooks'));
  fs.cpSync(DIST, path.join(root, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.v8cache') });
  fs.copyFileSync(path.join(DIST, 'launch.cjs'), path.join(root, 'hooks', 'launch.cjs'));
  const r = launch(path.join(root, 'hooks'), 'pre-tool-use', preToolUse('git push --force origin main'), home());
  assert.match(decisionOf(r).reason, /\[git\/push-force\]/);
});

void test('bundles the launcher runs never import(): inside its vm.Script there is no loader for it once the code cache is used', () => {
  const hooks = fs.readdirSync(path.join(DIST, '..', 'hooks')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '.cjs'));
  assert.ok(hooks.length >= 7, hooks.join(' '));
  for (const bundle of hooks) assert.doesNotMatch(fs.readFileSync(path.join(DIST, bundle), 'utf8'), /[^\w.$]import\(/, `${bundle} calls import()`);
});

void test('PostToolUse through the launcher, with and without its code cache: an external write reaches the outcome runner', () => {
  const dir = distCopy();
  const h = home();
  const input = JSON.stringify({
    session_id: 's',
    cwd: h,
    hook_event_name: 'PostToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'curl -sf -X POST https://api.example.com/items -d item=one' },
    tool_response: { stdout: 'ok', stderr: '', interrupted: false },
  });
  for (let i = 0; i < 2; i++) {
    const r = launch(dir, 'post-tool-use', input, h);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /hook failed/, `run ${i + 1}: ${r.stdout}`);
  }
  assert.ok(fs.existsSync(cacheOf(dir, 'post-tool-use')));
  const journal = path.join(h, '.claude', 'warden', 'journal');
  const lines = fs.readdirSync(journal).filter((f) => f.endsWith('.jsonl')).flatMap((f) => fs.readFileSync(path.join(journal, f), 'utf8').trim().split('\n'));
  const trust = lines.map((l) => JSON.parse(l) as { event: string; trust?: { service: string } }).filter((e) => e.event === 'trust' && e.trust?.service === 'example.com');
  assert.equal(trust.length, 2, lines.join('\n'));
});
