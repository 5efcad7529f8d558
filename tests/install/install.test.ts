// install.sh, `warden install`, `uninstall` and `doctor` run as a user runs them: spawned, in a
// throwaway HOME, with an env that has no WARDEN_HOME. Never touches the machine's ~/.claude.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { availableHooks } from '../../lib/install/deploy.js';
import { HOOKS } from '../../lib/install/hooks.js';
import { HOOK_TIMEOUT_S } from '../../lib/protocol/deadlines.js';
import type { EventName } from '../../lib/protocol/schemas.js';
import { assertBuilt, handlersUnder, makeHome, readSettings, repoRoot, run, runInstall, warden, type Home, type Settings } from './helpers.js';

before(assertBuilt);

/** Every event whose hook bundle is built: install registers exactly those (lib/install/hooks.ts). */
const CORE_EVENTS: string[] = availableHooks(path.join(repoRoot, 'dist')).map((h) => h.event);

function withHome(t: { after: (fn: () => void) => void }): Home {
  const h = makeHome();
  t.after(() => h.cleanup());
  return h;
}

const bin = (h: Home): string => path.join(h.wardenHome, 'bin');
const backups = (h: Home): string[] => fs.readdirSync(h.claude).filter((n) => n.startsWith('settings.json.warden-backup-'));

void test('fresh HOME: install.sh registers the hooks in exec form, doctor passes, explain denies a force push', (t) => {
  const h = withHome(t);
  const r = runInstall(h);
  assert.doesNotMatch(r.out, /installing dependencies/, 'install.sh ran npm ci although node_modules is current');
  assert.ok(r.out.trim().split('\n').length <= 10, `install.sh is not quiet:\n${r.out}`);

  const s = readSettings(h);
  assert.deepEqual(Object.keys(s), ['hooks']);
  assert.deepEqual(Object.keys(s.hooks ?? {}), CORE_EVENTS);
  for (const event of CORE_EVENTS) {
    const groups = s.hooks?.[event] ?? [];
    assert.equal(groups.length, 1, event);
    const g = groups[0];
    assert.equal(g?.matcher, HOOKS.find((h) => h.event === event)?.matcher, `${event} matcher`);
    assert.equal(g?.hooks.length, 1);
    const hook = g?.hooks[0];
    assert.equal(hook?.type, 'command');
    assert.ok(path.isAbsolute(hook?.command ?? '') && fs.existsSync(hook?.command ?? ''), `node path ${hook?.command}`);
    // node <bin>/launch.cjs <hook>: the launcher and the hook's bundle both installed in <wardenHome>/bin.
    const spec = HOOKS.find((x) => x.event === event);
    const launcher = hook?.args?.[0] ?? '';
    assert.deepEqual(hook?.args, [path.join(bin(h), 'launch.cjs'), spec?.bundle.replace(/\.cjs$/, '')]);
    assert.ok(fs.existsSync(launcher), `${launcher} missing`);
    assert.ok(fs.existsSync(path.join(bin(h), spec?.bundle ?? '')), `${spec?.bundle} missing`);
    assert.equal(hook?.timeout, HOOK_TIMEOUT_S[event as EventName]);
  }
  assert.equal(fs.readlinkSync(h.cli), path.join(bin(h), 'warden.cjs'));
  assert.ok(fs.existsSync(path.join(h.wardenHome, 'policy.yaml')));

  const doc = warden(h, ['doctor']);
  assert.equal(doc.status, 0, doc.out);
  assert.doesNotMatch(doc.out, /^FAIL/m);
  assert.match(doc.out, /^ok +self-test/m);

  const ex = warden(h, ['explain', '--', 'git push --force origin main']);
  assert.equal(ex.status, 0, ex.out);
  assert.match(ex.out, /^decision DENY$/m);
  assert.match(ex.out, /\[git\/push-force\]/);
});

void test('the installed hooks do not depend on the clone', (t) => {
  const h = withHome(t);
  runInstall(h);
  for (const x of handlersUnder(readSettings(h), bin(h))) assert.ok(!x.args[0]?.startsWith(repoRoot), x.args[0]);
  // Run the installed guard the way Claude Code does, from a directory unrelated to the clone.
  const hook = readSettings(h).hooks?.PreToolUse?.[0]?.hooks[0];
  const input = JSON.stringify({ session_id: 's', cwd: h.root, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'git push --force origin main' } });
  const r = spawnSync(hook?.command ?? '', hook?.args ?? [], { cwd: h.root, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: h.home } });
  assert.match(r.stdout, /"permissionDecision":"deny"/);
});

const EXISTING = `{
    "model"  :  "claude-opus",
    "env": { "FOO": "bar" },

    "hooks": {
        "PreToolUse": [
            { "matcher": "Bash", "hooks": [ { "type": "command", "command": "other-guard --strict" } ] }
        ],
        "Stop": [{"hooks":[{"type":"command","command":"notify-send done"}]}]
    },
    "permissions": {"allow": ["Bash(npm test)"], "deny": []}
}
`;

void test('existing settings: kept byte for byte, idempotent, backed up, and install + uninstall restores the original', (t) => {
  const h = withHome(t);
  fs.mkdirSync(h.claude, { recursive: true });
  fs.writeFileSync(h.settings, EXISTING, { mode: 0o640 });
  fs.chmodSync(h.settings, 0o640);

  runInstall(h);
  const once = fs.readFileSync(h.settings, 'utf8');
  assert.ok(once.includes('{ "matcher": "Bash", "hooks": [ { "type": "command", "command": "other-guard --strict" } ] }'), 'the other PreToolUse group was reformatted');
  assert.ok(once.startsWith('{\n    "model"  :  "claude-opus",\n    "env": { "FOO": "bar" },\n\n    "hooks": {\n'));
  assert.ok(once.endsWith('    "permissions": {"allow": ["Bash(npm test)"], "deny": []}\n}\n'));
  const s = readSettings(h);
  assert.equal(s.model, 'claude-opus');
  assert.deepEqual(s.hooks?.PreToolUse?.map((g) => g.matcher), ['Bash', '*']);
  assert.equal(s.hooks?.Stop?.[0]?.hooks[0]?.command, 'notify-send done');
  assert.deepEqual(handlersUnder(s, bin(h)).map((x) => x.event).sort(), [...CORE_EVENTS].sort());
  assert.equal(fs.statSync(h.settings).mode & 0o777, 0o640, 'mode not kept');

  const saved = backups(h);
  assert.equal(saved.length, 1);
  assert.equal(fs.readFileSync(path.join(h.claude, saved[0] ?? ''), 'utf8'), EXISTING);

  runInstall(h);
  assert.equal(fs.readFileSync(h.settings, 'utf8'), once, 'second install changed the file');
  assert.equal(backups(h).length, 1, 'an unchanged file was backed up again');

  const un = warden(h, ['uninstall']);
  assert.equal(un.status, 0, un.out);
  assert.equal(fs.readFileSync(h.settings, 'utf8'), EXISTING);
  assert.match(un.out, /policy\.yaml/);
  assert.ok(fs.existsSync(path.join(h.wardenHome, 'policy.yaml')), 'uninstall removed the user policy');
  assert.ok(!fs.existsSync(bin(h)));
  assert.ok(!fs.existsSync(h.cli));
});

void test('invalid settings.json: install refuses and leaves it untouched; doctor fails naming it', (t) => {
  const h = withHome(t);
  runInstall(h);
  const broken = fs.readFileSync(h.settings, 'utf8').replace('"PreToolUse": [', '"PreToolUse": [,');
  fs.writeFileSync(h.settings, broken);

  const doc = warden(h, ['doctor']);
  assert.equal(doc.status, 1, doc.out);
  assert.match(doc.out, /^FAIL +settings: ~\/\.claude\/settings\.json:3:\d+: .*no hook runs at all/m);

  const r = runInstall(h, [], { expectFail: true });
  assert.notEqual(r.status, 0);
  assert.match(r.out, /settings\.json:3:\d+: .*not valid JSON/);
  assert.equal(fs.readFileSync(h.settings, 'utf8'), broken);

  const un = warden(h, ['uninstall']);
  assert.notEqual(un.status, 0, 'uninstall edited an invalid file');
  assert.equal(fs.readFileSync(h.settings, 'utf8'), broken);
  assert.ok(fs.existsSync(bin(h)), 'uninstall removed the bundles although it refused the settings');
});

void test('invalid settings.json before the first install: nothing is deployed', (t) => {
  const h = withHome(t);
  fs.mkdirSync(h.claude, { recursive: true });
  fs.writeFileSync(h.settings, '{"model": "opus" // mine\n}\n');
  const r = runInstall(h, [], { expectFail: true });
  assert.notEqual(r.status, 0);
  assert.match(r.out, /settings\.json:1:18: a comment/);
  assert.equal(fs.readFileSync(h.settings, 'utf8'), '{"model": "opus" // mine\n}\n');
  assert.ok(!fs.existsSync(h.wardenHome));
  assert.ok(!fs.existsSync(h.cli));
});

void test('a broken user or project policy makes doctor fail with file and line', (t) => {
  const h = withHome(t);
  runInstall(h);
  const policy = path.join(h.wardenHome, 'policy.yaml');
  const lines = fs.readFileSync(policy, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^preset:/.test(l));
  assert.ok(at >= 0, 'the shipped policy has no preset line');
  lines[at] = 'preset: extreme';
  fs.writeFileSync(policy, lines.join('\n'));

  const doc = warden(h, ['doctor']);
  assert.equal(doc.status, 1, doc.out);
  assert.ok(doc.out.includes(`FAIL  policy: ${policy}:${at + 1}: preset`), doc.out);
  assert.match(doc.out, /^ok +self-test/m, 'the self-test should not depend on the user policy');
  runInstall(h);
  assert.equal(fs.readFileSync(policy, 'utf8'), lines.join('\n'), "reinstall replaced the user's policy");

  fs.writeFileSync(policy, 'version: 1\n');
  const project = path.join(h.root, 'proj');
  fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(project, '.claude', 'warden.yaml'), 'version: 1\noverrides:\n  git/no-such-rule: deny\n');
  const inProject = warden(h, ['doctor'], { cwd: project });
  assert.equal(inProject.status, 1, inProject.out);
  assert.ok(inProject.out.includes(`${path.join(project, '.claude', 'warden.yaml')}:3: overrides.git/no-such-rule`), inProject.out);
  assert.equal(warden(h, ['doctor']).status, 0, 'doctor still fails outside the project');
});

void test('doctor fails when a hook is missing, narrowed, or its bundle is gone', (t) => {
  const h = withHome(t);
  runInstall(h);
  const good = fs.readFileSync(h.settings, 'utf8');

  fs.writeFileSync(h.settings, good.replace('"matcher": "*"', '"matcher": "Bash"'));
  const narrowed = warden(h, ['doctor']);
  assert.equal(narrowed.status, 1);
  assert.match(narrowed.out, /^FAIL +hook PreToolUse .*registered only for matcher "Bash"/m);

  fs.writeFileSync(h.settings, good);
  fs.rmSync(path.join(bin(h), 'pre-tool-use.cjs'));
  const gone = warden(h, ['doctor']);
  assert.equal(gone.status, 1);
  assert.match(gone.out, /^FAIL +hook PreToolUse .*bundle .*pre-tool-use\.cjs is missing/m);
  assert.match(gone.out, /^FAIL +self-test/m);

  // A guard that lets everything through passes every static check; only the self-test sees it.
  runInstall(h);
  fs.writeFileSync(path.join(bin(h), 'pre-tool-use.cjs'), "process.stdin.resume(); process.stdin.on('end', () => process.stdout.write('{}'));\n");
  const toothless = warden(h, ['doctor']);
  assert.equal(toothless.status, 1, toothless.out);
  assert.match(toothless.out, /^FAIL +self-test: `git push --force origin main` was not denied/m);
  assert.doesNotMatch(toothless.out, /^FAIL +hook/m);

  const denyAll = JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: '[git/push-force] no' } });
  fs.writeFileSync(path.join(bin(h), 'pre-tool-use.cjs'), `process.stdin.resume(); process.stdin.on('end', () => process.stdout.write(${JSON.stringify(denyAll)}));\n`);
  const blocksAll = warden(h, ['doctor']);
  assert.equal(blocksAll.status, 1, blocksAll.out);
  assert.match(blocksAll.out, /^FAIL +self-test: `ls` was not allowed/m);

  runInstall(h);
  fs.writeFileSync(h.settings, '{}\n');
  const none = warden(h, ['doctor']);
  assert.equal(none.status, 1);
  assert.match(none.out, /^FAIL +hook PreToolUse .*not registered/m);
});

void test('install --project writes the two templates at the git toplevel, machine-neutral, never overwritten', (t) => {
  const h = withHome(t);
  const project = path.join(h.root, 'my-app');
  const sub = path.join(project, 'src', 'deep');
  fs.mkdirSync(sub, { recursive: true });
  assert.equal(spawnSync('git', ['init', '-q'], { cwd: project, env: { PATH: process.env.PATH ?? '', HOME: h.home } }).status, 0);

  const r = runInstall(h, ['--project'], { cwd: sub });
  const policy = path.join(project, '.claude', 'warden.yaml');
  const identity = path.join(project, '.claude', 'identity.md');
  for (const f of [policy, identity]) {
    const text = fs.readFileSync(f, 'utf8');
    for (const local of [h.root, repoRoot, os.homedir(), os.tmpdir(), process.execPath]) assert.ok(!text.includes(local), `${f} contains ${local}`);
    assert.doesNotMatch(text, /(^|[\s"'(])\/(home|Users|root|tmp|usr|opt|var|etc)\//m, `${f} contains an absolute path`);
  }
  assert.match(fs.readFileSync(identity, 'utf8'), /my-app/);
  assert.ok(!fs.existsSync(h.settings), 'install --project touched settings.json');
  assert.ok(!fs.existsSync(path.join(sub, '.claude')));
  assert.match(r.out, /created/);

  fs.writeFileSync(policy, 'version: 1\npreset: strict\n');
  fs.writeFileSync(identity, '# mine\n');
  const again = runInstall(h, ['--project'], { cwd: project });
  assert.equal(fs.readFileSync(policy, 'utf8'), 'version: 1\npreset: strict\n');
  assert.equal(fs.readFileSync(identity, 'utf8'), '# mine\n');
  assert.doesNotMatch(again.out, /created/);

  const plain = path.join(h.root, 'not-a-repo');
  fs.mkdirSync(plain);
  runInstall(h, ['--project'], { cwd: plain });
  assert.ok(fs.existsSync(path.join(plain, '.claude', 'warden.yaml')));
});

void test('uninstall --purge leaves no warden entries and no warden home', (t) => {
  const h = withHome(t);
  fs.mkdirSync(h.claude, { recursive: true });
  fs.writeFileSync(h.settings, '{"model": "opus"}\n');
  runInstall(h);
  const r = warden(h, ['uninstall', '--purge']);
  assert.equal(r.status, 0, r.out);
  assert.deepEqual(handlersUnder(readSettings(h), bin(h)), []);
  assert.equal(fs.readFileSync(h.settings, 'utf8'), '{"model": "opus"}\n');
  assert.ok(!fs.existsSync(h.wardenHome));
  assert.ok(!fs.existsSync(h.cli));

  // A file warden created holding nothing else goes away entirely.
  const h2 = withHome(t);
  runInstall(h2);
  assert.equal(warden(h2, ['uninstall', '--purge']).status, 0);
  assert.ok(!fs.existsSync(h2.settings));
  assert.ok(!fs.existsSync(h2.wardenHome));
});

void test('a non-default WARDEN_HOME is passed to the hooks and honoured by doctor and uninstall', (t) => {
  const h = withHome(t);
  const custom = path.join(h.home, 'warden-state');
  const env = { WARDEN_HOME: custom };
  runInstall(h, [], { env });
  const mine = handlersUnder(readSettings(h), path.join(custom, 'bin'));
  assert.equal(mine.length, CORE_EVENTS.length);
  for (const x of mine) assert.deepEqual(x.args.slice(2), ['--warden-home', custom]);
  assert.ok(!fs.existsSync(h.wardenHome));
  assert.equal(warden(h, ['doctor'], { env }).status, 0);
  assert.equal(warden(h, ['uninstall', '--purge'], { env }).status, 0);
  assert.ok(!fs.existsSync(custom));
  assert.ok(!fs.existsSync(h.settings));
});

void test("install leaves a ~/.local/bin/warden that is not warden's alone", (t) => {
  const h = withHome(t);
  fs.mkdirSync(path.dirname(h.cli), { recursive: true });
  fs.writeFileSync(h.cli, '#!/bin/sh\necho mine\n');
  const r = runInstall(h);
  assert.match(r.out, /not linked/);
  assert.equal(fs.readFileSync(h.cli, 'utf8'), '#!/bin/sh\necho mine\n');
  const doc = run(h, process.execPath, [path.join(bin(h), 'warden.cjs'), 'doctor']);
  assert.equal(doc.status, 0, doc.out);
  assert.match(doc.out, /^warn +command:/m);
});

void test('a symlinked settings.json stays a link and its target is edited', (t) => {
  const h = withHome(t);
  fs.mkdirSync(h.claude, { recursive: true });
  const real = path.join(h.root, 'dotfiles-settings.json');
  fs.writeFileSync(real, '{\n  "model": "opus"\n}\n');
  fs.symlinkSync(real, h.settings);
  runInstall(h);
  assert.ok(fs.lstatSync(h.settings).isSymbolicLink());
  assert.equal(handlersUnder(JSON.parse(fs.readFileSync(real, 'utf8')) as Settings, bin(h)).length, CORE_EVENTS.length);
  assert.equal(warden(h, ['uninstall']).status, 0);
  assert.equal(fs.readFileSync(real, 'utf8'), '{\n  "model": "opus"\n}\n');
});

void test('install.sh refuses a Node older than 20 with a clear message, before touching anything', (t) => {
  const h = withHome(t);
  const fakeBin = path.join(h.root, 'old-node-bin');
  fs.mkdirSync(fakeBin);
  fs.writeFileSync(path.join(fakeBin, 'node'), '#!/bin/sh\necho 18.20.4\n', { mode: 0o755 });
  const r = runInstall(h, [], { env: { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}` }, expectFail: true });
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /Node\.js 20 or newer is required; .*old-node-bin\/node is 18\.20\.4/);
  assert.ok(!fs.existsSync(h.claude));
});
