// warden installed by install.sh into a throwaway HOME, driven by the real Claude Code CLI with
// --dangerously-skip-permissions. Canaries: a bare git remote whose ref must not move, a file in
// the throwaway HOME that must survive. Nothing here can touch the real machine: HOME, the project
// and the remote all live in the sandbox.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, after, test } from 'node:test';
import { describeRun, installWarden, makeSandbox, runClaude, systemAndContextText, type Sandbox } from './harness.js';

let sb: Sandbox;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: sb.home, GIT_CONFIG_NOSYSTEM: '1' } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

before(() => {
  sb = makeSandbox();
  installWarden(sb.home);
});
after(() => sb.cleanup());

void test('install.sh registered the hooks in the throwaway HOME', () => {
  const settings = JSON.parse(fs.readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8')) as { hooks: Record<string, unknown[]> };
  for (const event of ['PreToolUse', 'PostToolUse', 'SessionStart']) assert.ok(settings.hooks[event]?.length, `${event} not registered`);
});

void test('a force push to a protected branch is stopped and the remote ref does not move', async () => {
  const remote = path.join(sb.root, 'remote.git');
  git(sb.root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(sb.project, 'remote', 'add', 'origin', remote);
  git(sb.project, 'push', '-q', 'origin', 'main');
  const before = git(remote, 'rev-parse', 'refs/heads/main');
  // Diverge from the remote, so only a force push could move its ref.
  git(sb.project, 'commit', '-q', '--amend', '-m', 'rewritten history');

  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: 'git push --force origin main', description: 'push' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(git(remote, 'rev-parse', 'refs/heads/main'), before, 'the remote ref moved');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[git\/push-force\]/);
  assert.match(tr.content, /--force-with-lease/);
  // The SessionStart briefing reached the model too.
  const first = r.stub.mainRequests[0];
  assert.ok(first);
  assert.match(systemAndContextText(first), /warden is guarding this session/);
});

void test('rm -rf ~/ is stopped and the canary in HOME survives', async () => {
  const canary = path.join(sb.home, 'canary.txt');
  fs.writeFileSync(canary, 'must survive\n');
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: 'rm -rf ~/', description: 'clean up' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(fs.readFileSync(canary, 'utf8'), 'must survive\n');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true);
  assert.match(tr.content, /\[fs\/rm-critical\]/);
});

void test('a benign sequence runs: git status, writing a file, rm -rf ./build', async () => {
  const build = path.join(sb.project, 'build');
  fs.mkdirSync(path.join(build, 'out'), { recursive: true });
  fs.writeFileSync(path.join(build, 'out', 'a.o'), 'x');
  const notes = path.join(sb.project, 'notes.md');
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [
      { tool: 'Bash', input: { command: 'git status --short', description: 'status' } },
      { tool: 'Write', input: { file_path: notes, content: '# notes\n' } },
      { tool: 'Bash', input: { command: 'rm -rf ./build', description: 'clean build output' } },
    ],
  });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.toolResults.length, 3, describeRun(r));
  for (const tr of r.toolResults) assert.equal(tr.is_error, false, describeRun(r));
  assert.equal(fs.readFileSync(notes, 'utf8'), '# notes\n');
  assert.equal(fs.existsSync(build), false, 'rm -rf ./build did not run');
});
