// One-line helpers for rule tests: run a command through the real pipeline (`evaluate`) in a fixed
// fake environment and assert on the verdict and rule ids, never on prose.
//
// The environment is fake on purpose: home `/home/agent`, project `/home/agent/proj`, cwd = project,
// and a warden home that does not exist, so no real policy file on the machine is ever read. A
// policy given as YAML text is written to a temp file and loaded by the real loader, so tests see
// exactly what users get (no hand-built policy object that could drift from the schema).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate, type Env } from '../lib/pipeline.js';
import { loadPolicy, type EffectivePolicy } from '../lib/policy/load.js';
import type { Action, Decision } from '../lib/types.js';
import { test } from 'node:test';

export const HOME = '/home/agent';
export const PROJECT = '/home/agent/proj';
/** Never created: the default policy comes from the shipped schema defaults only. */
export const WARDEN_HOME = '/nonexistent/warden-test-home';

export interface Opts {
  cwd?: string;
  home?: string;
  projectDir?: string;
  /** The user's policy (`$WARDEN_HOME/policy.yaml`) as YAML text. */
  policy?: string;
  /** The project's policy (`<project>/.claude/warden.yaml`) as YAML text. */
  projectPolicy?: string;
  /** Tool name; `Bash` unless given. */
  tool?: string;
  /** CLAUDE_PLUGIN_ROOT: warden runs as a plugin from this checkout. */
  pluginRoot?: string;
}

let tmpRoot: string | undefined;
function tmp(): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'warden-test-'));
  return tmpRoot;
}
process.on('exit', () => {
  if (tmpRoot !== undefined) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

let fileCounter = 0;
/** Writes YAML text to a fresh temp file and returns its path (the path appears in messages). */
export function writePolicyFile(text: string, name = 'policy.yaml'): string {
  const dir = path.join(tmp(), `p${fileCounter++}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

export function envFor(opts: Opts = {}): Env {
  return { home: opts.home ?? HOME, wardenHome: WARDEN_HOME, projectDir: opts.projectDir ?? PROJECT, ...(opts.pluginRoot !== undefined ? { pluginRoot: opts.pluginRoot } : {}) };
}

const policyCache = new Map<string, EffectivePolicy>();
/** The effective policy for the given YAML texts, through the real loader. */
export function policyFor(opts: Opts = {}): EffectivePolicy {
  const env = envFor(opts);
  const key = JSON.stringify([opts.policy, opts.projectPolicy, env.home, env.projectDir]);
  const hit = policyCache.get(key);
  if (hit) return hit;
  const user = opts.policy !== undefined ? writePolicyFile(opts.policy) : path.join(WARDEN_HOME, 'policy.yaml');
  const project = opts.projectPolicy !== undefined ? writePolicyFile(opts.projectPolicy, 'warden.yaml') : undefined;
  const p = loadPolicy({ user, project }, env.home, env.projectDir);
  policyCache.set(key, p);
  return p;
}

/** The pipeline's decision for a Bash command (or `opts.tool` with `{command}` input). */
export function decisionFor(cmd: string, opts: Opts = {}): Decision {
  const env = envFor(opts);
  return evaluate({ tool: opts.tool ?? 'Bash', input: { command: cmd }, cwd: opts.cwd ?? env.projectDir }, env, policyFor(opts));
}

function describe(d: Decision): string {
  const found = d.findings.map((f) => `${f.ruleId}(${f.action})`).join(', ') || 'no findings';
  return `verdict ${d.verdict}; ${found}\n${d.reason}`;
}

export interface BlockOpts extends Opts {
  /** The finding's action and the verdict must be exactly this. */
  action?: Exclude<Action, 'allow'>;
  /** The finding must carry this message id. */
  messageId?: string;
}

/** A row of a rule's `valid` table: a command that must pass, optionally in another environment. */
export interface Valid {
  cmd: string;
  /** Static words telling apart rows with the same command (shown in the test name). */
  note?: string;
  opts?: Opts;
}

/** A row of a rule's `invalid` table. The rule id is the file's; rows may pin the message id. */
export interface Invalid extends Valid {
  ruleId: string;
  messageId?: string;
  /** Expected action when not the rule's default (e.g. under a policy override). */
  action?: Exclude<Action, 'allow'>;
}

/** Test name for a table row: the command text, plus its static note. */
export function nameOf(c: Valid): string {
  return c.note === undefined ? c.cmd : `${c.cmd}  [${c.note}]`;
}

/**
 * The command is held (deny or ask) with a finding of `ruleId`. With `opts.action`, that finding's
 * action and the verdict must be exactly it.
 */
export function assertBlocked(cmd: string, ruleId: string, opts: BlockOpts = {}): Decision {
  const d = decisionFor(cmd, opts);
  assert.notEqual(d.verdict, 'allow', `expected ${ruleId} to hold ${JSON.stringify(cmd)}, got ${describe(d)}`);
  const f = d.findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `expected a ${ruleId} finding for ${JSON.stringify(cmd)}, got ${describe(d)}`);
  if (opts.action !== undefined) {
    assert.equal(f.action, opts.action, `${ruleId} action for ${JSON.stringify(cmd)}: ${describe(d)}`);
    assert.equal(d.verdict, opts.action, `verdict for ${JSON.stringify(cmd)}: ${describe(d)}`);
  }
  if (opts.messageId !== undefined) {
    assert.ok(
      d.findings.some((x) => x.ruleId === ruleId && x.messageId === opts.messageId),
      `expected ${ruleId} message ${opts.messageId} for ${JSON.stringify(cmd)}, got ${d.findings.map((x) => `${x.ruleId}:${x.messageId}`).join(', ')}`,
    );
  }
  return d;
}

/**
 * A rule's static table as tests: each `valid` row passes untouched (assertAllowed), each `invalid`
 * row is held by its rule, with its action (or `defaultAction`) and its message id when given.
 */
export function tableTests(valid: readonly Valid[], invalid: readonly Invalid[], defaultAction?: Exclude<Action, 'allow'>): void {
  for (const c of valid) {
    void test(nameOf(c), () => {
      assertAllowed(c.cmd, c.opts);
    });
  }
  for (const c of invalid) {
    void test(nameOf(c), () => {
      assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? defaultAction, messageId: c.messageId });
    });
  }
}

/** The command is allowed and no rule found anything. */
export function assertAllowed(cmd: string, opts: Opts = {}): Decision {
  const d = decisionFor(cmd, opts);
  assert.equal(d.verdict, 'allow', `expected ${JSON.stringify(cmd)} to be allowed, got ${describe(d)}`);
  assert.deepEqual(
    d.findings.map((f) => f.ruleId),
    [],
    `expected no findings for ${JSON.stringify(cmd)}, got ${describe(d)}`,
  );
  return d;
}

/** No finding of `ruleId` (other rules may still fire): for cases owned by a sibling rule. */
export function assertNotRaised(cmd: string, ruleId: string, opts: Opts = {}): Decision {
  const d = decisionFor(cmd, opts);
  assert.ok(!d.findings.some((f) => f.ruleId === ruleId), `expected no ${ruleId} for ${JSON.stringify(cmd)}, got ${describe(d)}`);
  return d;
}

/**
 * A throwaway git work tree whose HEAD names `branch` (no git process needed: warden reads HEAD
 * directly). `worktree`: `.git` is a file pointing elsewhere, as in a linked worktree or submodule;
 * `detached`: HEAD holds a commit id. Returns its path; removed at exit with the other temp files.
 */
export function gitFixture(branch: string, opts: { worktree?: boolean; detached?: boolean } = {}): string {
  const dir = path.join(tmp(), `repo-${branch.replace(/[^a-z0-9]/gi, '_')}-${fileCounter++}`);
  const gitDir = opts.worktree === true ? path.join(dir, '..', `${path.basename(dir)}.gitdir`) : path.join(dir, '.git');
  fs.mkdirSync(gitDir, { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  if (opts.worktree === true) fs.writeFileSync(path.join(dir, '.git'), `gitdir: ../${path.basename(gitDir)}\n`);
  fs.writeFileSync(path.join(gitDir, 'HEAD'), opts.detached === true ? '3f6c7fa741cc9c56af9ad542bd6ee4cea17abe7f\n' : `ref: refs/heads/${branch}\n`);
  return dir;
}
