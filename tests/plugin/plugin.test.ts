// warden as a Claude Code plugin, through the real CLI: `claude --plugin-dir <repository root>` with
// NO settings install (the throwaway HOME has no settings.json and no warden home), driven by the
// scripted model stub with --dangerously-skip-permissions. The guard is active (a force push to a
// local bare remote and `rm -rf ~/` are stopped, with their canaries intact; benign calls run), the
// SessionStart briefing reaches the model, and the shipped default policy applies without any
// install step. Fail closed: a plugin directory without dist/ (never built) and a PATH without node
// both block every tool call instead of letting it run.
//
// Nothing here can touch the real machine: HOME, the project, the remote and the plugin copy all live
// in the sandbox; the repository's dist/ is only read (and its V8 code caches written, as any run does).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { allEntries } from '../../lib/journal/read.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { describeRun, makeSandbox, repoRoot, runClaude, systemAndContextText, type RunClaudeResult, type Sandbox, type ScriptStep } from '../e2e/harness.js';

let sb: Sandbox;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: sb.home, GIT_CONFIG_NOSYSTEM: '1' } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** The real CLI with warden loaded only as a plugin from `pluginDir`. */
function runWithPlugin(script: readonly ScriptStep[], pluginDir = repoRoot, env: Record<string, string> = {}): Promise<RunClaudeResult> {
  return runClaude({ home: sb.home, cwd: sb.project, script, extraArgs: ['--plugin-dir', pluginDir], env });
}

const wardenHome = (): string => path.join(sb.home, '.claude', 'warden');

before(() => {
  sb = makeSandbox();
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'pre-tool-use.cjs')), 'dist/ is not built: run `npm run build` (npm test does)');
});
after(() => sb.cleanup());

void test('the throwaway HOME has no settings install: no settings.json and no warden home', () => {
  assert.equal(fs.existsSync(path.join(sb.home, '.claude', 'settings.json')), false);
  assert.equal(fs.existsSync(wardenHome()), false);
});

void test('a force push to a protected branch is stopped and the remote ref does not move; the briefing reaches the model', async () => {
  const remote = path.join(sb.root, 'remote.git');
  git(sb.root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(sb.project, 'remote', 'add', 'origin', remote);
  git(sb.project, 'push', '-q', 'origin', 'main');
  const ref = git(remote, 'rev-parse', 'refs/heads/main');
  // Diverge from the remote, so only a force push could move its ref.
  git(sb.project, 'commit', '-q', '--amend', '-m', 'rewritten history');

  const r = await runWithPlugin([{ tool: 'Bash', input: { command: 'git push --force origin main', description: 'push' } }]);
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(git(remote, 'rev-parse', 'refs/heads/main'), ref, 'the remote ref moved');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[git\/push-force\]/);
  const first = r.stub.mainRequests[0];
  assert.ok(first, describeRun(r));
  assert.match(systemAndContextText(first), /warden is guarding this session/);
});

void test('rm -rf ~/ is stopped by warden and the canary in HOME survives', async () => {
  const canary = path.join(sb.home, 'canary.txt');
  fs.writeFileSync(canary, 'must survive\n');
  const r = await runWithPlugin([{ tool: 'Bash', input: { command: 'rm -rf ~/', description: 'clean up' } }]);
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(fs.readFileSync(canary, 'utf8'), 'must survive\n');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[fs\/rm-critical\]/);
});

void test('a benign sequence runs: git status, writing a file, rm -rf ./build', async () => {
  const build = path.join(sb.project, 'build');
  fs.mkdirSync(path.join(build, 'out'), { recursive: true });
  fs.writeFileSync(path.join(build, 'out', 'a.o'), 'x');
  const notes = path.join(sb.project, 'notes.md');
  const r = await runWithPlugin([
    { tool: 'Bash', input: { command: 'git status --short', description: 'status' } },
    { tool: 'Write', input: { file_path: notes, content: '# notes\n' } },
    { tool: 'Bash', input: { command: 'rm -rf ./build', description: 'clean build output' } },
  ]);
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(r.toolResults.length, 3, describeRun(r));
  for (const tr of r.toolResults) assert.equal(tr.is_error, false, describeRun(r));
  assert.equal(fs.readFileSync(notes, 'utf8'), '# notes\n');
  assert.equal(fs.existsSync(build), false, 'rm -rf ./build did not run');
});

void test('the plugin keeps its state in ~/.claude/warden under the shipped default policy, with no policy file written', () => {
  // The runs above were judged by the schema defaults (= config/policy.yaml): no install step made a policy.
  assert.equal(fs.existsSync(path.join(wardenHome(), 'policy.yaml')), false);
  const guards = allEntries(path.join(wardenHome(), 'journal')).entries.filter((e) => e.event === 'guard');
  assert.ok(guards.some((e) => JSON.stringify(e).includes('git/push-force')), 'the force push is not in the journal');
  assert.ok(guards.some((e) => JSON.stringify(e).includes('fs/rm-critical')), 'rm -rf ~/ is not in the journal');
  const v = verifyJournal(path.join(wardenHome(), 'journal'));
  assert.equal(v.ok, true, JSON.stringify(v));
});

/** A copy of the plugin as a fresh checkout has it before `npm run build`: manifests and launcher, no dist/. */
function unbuiltPlugin(): string {
  const dir = path.join(sb.root, 'unbuilt-plugin');
  for (const f of ['.claude-plugin/plugin.json', 'hooks/hooks.json', 'hooks/launch.cjs']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, f), path.join(dir, f));
  }
  return dir;
}

void test('without dist/ every tool call is denied, with a reason that says to build', async () => {
  const marker = path.join(sb.project, 'ran-unbuilt.txt');
  const r = await runWithPlugin([{ tool: 'Bash', input: { command: `touch ${marker}`, description: 'benign' } }], unbuiltPlugin());
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(fs.existsSync(marker), false, 'the call ran although warden could not start');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /no bundle for "pre-tool-use".*npm ci && npm run build/s);
});

/** A PATH holding only what the scripted calls need (links to the real programs), and no node. */
function pathWithoutNode(): string {
  const dir = path.join(sb.root, 'bin-without-node');
  fs.mkdirSync(dir, { recursive: true });
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const tool of ['sh', 'bash', 'touch', 'git']) {
    const found = dirs.map((d) => path.join(d, tool)).find((p) => fs.existsSync(p));
    assert.ok(found, `${tool} is not on PATH`);
    fs.symlinkSync(found, path.join(dir, tool));
  }
  assert.equal(fs.existsSync(path.join(dir, 'node')), false);
  return dir;
}

void test('when node is not on the PATH Claude Code runs with, every tool call is blocked, not run', async () => {
  const marker = path.join(sb.project, 'ran-without-node.txt');
  const r = await runWithPlugin([{ tool: 'Bash', input: { command: `touch ${marker}`, description: 'benign' } }], repoRoot, { PATH: pathWithoutNode() });
  assert.equal(r.code, 0, describeRun(r));
  assert.equal(fs.existsSync(marker), false, 'the call ran although warden could not start');
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /node: (command )?not found/);
});
