// Helpers for the self-protection tables: tool calls other than Bash through the real pipeline, and
// a throwaway HOME with real files (settings with hooks, a warden home with a token, symlinks) for
// the cases that read or resolve what is on disk. Everything lives under the OS temp directory and
// is removed at exit; the real ~/.claude is never touched.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { evaluate } from '../../../lib/pipeline.js';
import type { Decision } from '../../../lib/types.js';
import { envFor, policyFor, type Opts } from '../../helpers.js';

/**
 * A tool call row: the tool, its input, and the environment. `fx`: run in the throwaway HOME of
 * `fixture()`, with `$HOME` and `$PROJECT` in the input's strings standing for its paths.
 */
export interface ToolRow {
  tool: string;
  input: Record<string, unknown>;
  note?: string;
  opts?: Opts;
  fx?: boolean;
}

export function toolDecision(row: ToolRow): Decision {
  const opts = row.fx === true ? { ...fixture().opts, ...row.opts } : row.opts;
  const env = envFor(opts);
  const input = row.fx === true ? expand(row.input, fixture()) : row.input;
  return evaluate({ tool: row.tool, input, cwd: opts?.cwd ?? env.projectDir }, env, policyFor(opts));
}

/** The input with `$HOME` and `$PROJECT` replaced by the fixture's paths. */
function expand(input: Record<string, unknown>, fx: Fixture): Record<string, unknown> {
  const sub = (v: unknown): unknown =>
    typeof v === 'string' ? v.replaceAll('$HOME', fx.home).replaceAll('$PROJECT', fx.project) : Array.isArray(v) ? v.map(sub) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sub(x)])) : v;
  return sub(input) as Record<string, unknown>;
}

const describe = (d: Decision): string => `verdict ${d.verdict}; ${d.findings.map((f) => `${f.ruleId}:${f.messageId}(${f.action})`).join(', ') || 'no findings'}\n${d.reason}`;

export function assertToolBlocked(row: ToolRow, ruleId: string, messageId?: string, action?: 'ask' | 'deny'): Decision {
  const d = toolDecision(row);
  const f = d.findings.find((x) => x.ruleId === ruleId && (messageId === undefined || x.messageId === messageId));
  assert.ok(f, `expected ${ruleId}${messageId !== undefined ? `:${messageId}` : ''} for ${row.tool} ${JSON.stringify(row.input).slice(0, 200)}, got ${describe(d)}`);
  assert.notEqual(d.verdict, 'allow', describe(d));
  if (action !== undefined) {
    assert.equal(f.action, action, describe(d));
    assert.equal(d.verdict, action, describe(d));
  }
  return d;
}

export function assertToolAllowed(row: ToolRow): Decision {
  const d = toolDecision(row);
  assert.equal(d.verdict, 'allow', `expected ${row.tool} ${JSON.stringify(row.input).slice(0, 200)} to be allowed, got ${describe(d)}`);
  assert.deepEqual(d.findings.map((f) => f.ruleId), [], describe(d));
  return d;
}

export function toolName(row: ToolRow): string {
  const target = [row.input.file_path, row.input.notebook_path, row.input.path].find((v) => typeof v === 'string') ?? '';
  return `${row.tool} ${target}${row.note !== undefined ? `  [${row.note}]` : ''}`;
}

/** A tool call the rule must hold: with its own message id and action, or the table's. */
export type InvalidToolRow = ToolRow & { messageId?: string; action?: 'ask' | 'deny' };

/** One test per row, like tableTests for commands: valid rows allowed, invalid ones held by `ruleId`. */
export function toolTableTests(valid: readonly ToolRow[], invalid: readonly InvalidToolRow[], ruleId: string, defaults: { messageId?: string; action: 'ask' | 'deny' }): void {
  for (const r of valid) {
    void test(toolName(r), () => {
      assertToolAllowed(r);
    });
  }
  for (const r of invalid) {
    void test(toolName(r), () => {
      assertToolBlocked(r, ruleId, r.messageId ?? defaults.messageId, r.action ?? defaults.action);
    });
  }
}

/** Settings that register a PreToolUse hook, as install writes them. */
export const HOOKED = `${JSON.stringify(
  {
    permissions: { allow: ['Bash(npm test)'] },
    hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: '/usr/bin/node', args: ['/home/x/.claude/warden/bin/pre-tool-use.cjs'], timeout: 10 }] }] },
  },
  null,
  2,
)}\n`;

export interface Fixture {
  home: string;
  project: string;
  /** Options for rows that run in this fixture (home, project, cwd). */
  opts: Opts;
}

let made: Fixture | undefined;

/**
 * One throwaway HOME per test file: `~/.claude/settings.json` with warden's hooks, a warden home
 * with a policy and a server token, a project with `.claude/settings.json` (permissions only) and
 * links pointing into the protected places.
 */
export function fixture(): Fixture {
  if (made !== undefined) return made;
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-self-')));
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  const home = path.join(root, 'home');
  const project = path.join(home, 'proj');
  const wardenHome = path.join(home, '.claude', 'warden');
  fs.mkdirSync(path.join(wardenHome, 'journal'), { recursive: true });
  fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(home, '.claude', 'settings.json'), HOOKED);
  fs.writeFileSync(path.join(wardenHome, 'policy.yaml'), 'preset: standard\n');
  fs.writeFileSync(path.join(wardenHome, 'server.token'), 'f'.repeat(64));
  fs.writeFileSync(path.join(project, '.claude', 'settings.json'), '{\n  "permissions": { "allow": ["Bash(npm test)"] }\n}\n');
  fs.writeFileSync(path.join(project, '.claude', 'settings.local.json'), '{ "hooks": {} }\n');
  fs.writeFileSync(path.join(project, '.claude', 'commented.json'), '{}');
  fs.symlinkSync(path.join(home, '.claude', 'settings.json'), path.join(project, 'notes.json'));
  fs.symlinkSync(path.join(wardenHome, 'policy.yaml'), path.join(project, 'policy-link.yaml'));
  fs.symlinkSync(path.join(wardenHome, 'server.token'), path.join(project, 'token-link'));
  fs.symlinkSync(path.join(home, '.claude'), path.join(project, 'claude-dir'));
  made = { home, project, opts: { home, projectDir: project, cwd: project } };
  return made;
}
