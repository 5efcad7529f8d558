// The built SessionStart and SubagentStart hooks: identity + briefing at every boundary, read fresh;
// a recap of the session's blocked calls after resume and compact; the boundary journaled.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { createHash } from 'node:crypto';
import { CONTEXT_MAX_CHARS } from '../../lib/identity/context.js';
import { allEntries } from '../../lib/journal/read.js';
import { appendEntries } from '../../lib/journal/store.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { preToolUse, runHook } from '../protocol/hook-helpers.js';

interface Setup {
  root: string;
  home: string;
  project: string;
  journal: string;
  env: Record<string, string>;
}

function setup(t: TestContext, policy?: string): Setup {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-session-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const home = path.join(root, 'warden');
  const project = path.join(root, 'project');
  fs.mkdirSync(home);
  fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
  if (policy !== undefined) fs.writeFileSync(path.join(home, 'policy.yaml'), policy);
  return { root, home, project, journal: path.join(home, 'journal'), env: { HOME: root, WARDEN_HOME: home } };
}

function start(s: Setup, source: string, session = 'sess-1'): { context: string; json: Record<string, unknown> | undefined; code: number | null } {
  const r = runHook('session-start.cjs', JSON.stringify({ session_id: session, cwd: s.project, hook_event_name: 'SessionStart', source }), s.env);
  const h = r.json?.hookSpecificOutput as { hookEventName?: string; additionalContext?: string } | undefined;
  assert.equal(h?.hookEventName, 'SessionStart', r.stdout);
  return { context: h?.additionalContext ?? '', json: r.json, code: r.code };
}

void test('startup: the user identity, then the project identity, then the guard briefing', (t) => {
  const s = setup(t);
  fs.writeFileSync(path.join(s.home, 'identity.md'), '# Me\nYou work for Ada. Never deploy on Fridays.\n');
  fs.writeFileSync(path.join(s.project, '.claude', 'identity.md'), '# Project\nThis is the billing service.\n');
  const { context, code } = start(s, 'startup');
  assert.equal(code, 0);
  const user = context.indexOf('Never deploy on Fridays.');
  const project = context.indexOf('This is the billing service.');
  const brief = context.indexOf('warden is guarding this session');
  assert.ok(user > 0 && project > user && brief > project, context);
  assert.match(context, /Never work around a block/);
  assert.match(context, /warden journal note --decision "…" --rationale "…"/);
  assert.match(context, /Rule packs active: [^.]*\bgit\b/);
  assert.doesNotMatch(context, /This session so far/);
  assert.ok(context.length <= CONTEXT_MAX_CHARS);
});

void test('identity files are read fresh: an edit shows at the next boundary', (t) => {
  const s = setup(t);
  const file = path.join(s.home, 'identity.md');
  fs.writeFileSync(file, 'IDENTITY VERSION ONE\n');
  assert.match(start(s, 'startup').context, /IDENTITY VERSION ONE/);
  fs.writeFileSync(file, 'IDENTITY VERSION TWO\n');
  const { context } = start(s, 'compact');
  assert.match(context, /IDENTITY VERSION TWO/);
  assert.doesNotMatch(context, /VERSION ONE/);
});

void test('without identity files: the briefing alone', (t) => {
  const s = setup(t);
  const { context } = start(s, 'startup');
  assert.doesNotMatch(context, /Your identity/);
  assert.match(context, /warden is guarding this session/);
});

const RECAP: readonly { source: string; recap: boolean }[] = [
  { source: 'startup', recap: false },
  { source: 'resume', recap: true },
  { source: 'clear', recap: false },
  { source: 'compact', recap: true },
  { source: 'fork', recap: false },
];

for (const c of RECAP) {
  void test(`SessionStart ${c.source}: ${c.recap ? 'a recap of this session\'s blocked calls and notes' : 'no recap'}`, (t) => {
    const s = setup(t);
    const hook = (cmd: string, session: string): void => {
      runHook('pre-tool-use.cjs', preToolUse(cmd, { session_id: session, cwd: s.project }), s.env);
    };
    hook('git push --force origin main', 'sess-1');
    hook('git status', 'sess-1');
    hook('rm -rf ~/', 'sess-other');
    appendEntries(s.journal, [{ event: 'note', session: 'sess-1', note: 'kept the old API', rationale: 'two callers depend on it' }]);
    const { context } = start(s, c.source);
    if (!c.recap) {
      assert.doesNotMatch(context, /This session so far/);
      return;
    }
    assert.match(context, /This session so far/);
    assert.match(context, /deny Bash: `git push --force origin main` \[git\/push-force\]/);
    assert.match(context, /1 other calls were allowed/);
    assert.match(context, /kept the old API \(why: two callers depend on it\)/);
    assert.doesNotMatch(context, /rm -rf/, 'another session leaked into the recap');
  });
}

void test('the boundary is journaled: session start, and which identity text was shown', (t) => {
  const s = setup(t);
  fs.writeFileSync(path.join(s.home, 'identity.md'), 'Who I am.\n');
  start(s, 'resume', 'sess-J');
  const [a, b] = allEntries(s.journal).entries;
  assert.equal(a?.event, 'session-start');
  assert.equal(a?.source, 'resume');
  assert.equal(a?.session, 'sess-J');
  assert.equal(b?.event, 'identity');
  assert.deepEqual(b?.identity?.files, [path.join(s.home, 'identity.md')]);
  assert.equal(b?.identity?.sha256, createHash('sha256').update('Who I am.').digest('hex'));
  assert.equal(verifyJournal(s.journal).ok, true);
});

void test('SubagentStart: the same identity and briefing, journaled with the agent', (t) => {
  const s = setup(t);
  fs.writeFileSync(path.join(s.home, 'identity.md'), 'SUBAGENT SEES ME\n');
  const r = runHook('subagent-start.cjs', JSON.stringify({ session_id: 'sess-S', cwd: s.project, hook_event_name: 'SubagentStart', agent_id: 'agent-9', agent_type: 'Explore' }), s.env);
  const h = r.json?.hookSpecificOutput as { hookEventName?: string; additionalContext?: string } | undefined;
  assert.equal(h?.hookEventName, 'SubagentStart');
  assert.match(h?.additionalContext ?? '', /SUBAGENT SEES ME/);
  assert.match(h?.additionalContext ?? '', /warden is guarding this session/);
  const [e] = allEntries(s.journal).entries;
  assert.equal(e?.event, 'identity');
  assert.equal(e?.agent, 'agent-9');
});

void test('a journal that cannot be written: the context is still delivered, the user is told', (t) => {
  const s = setup(t);
  fs.writeFileSync(path.join(s.root, 'blocker'), '');
  fs.writeFileSync(path.join(s.home, 'policy.yaml'), `journal:\n  dir: ${path.join(s.root, 'blocker', 'journal')}\n`);
  fs.writeFileSync(path.join(s.home, 'identity.md'), 'STILL DELIVERED\n');
  const { context, json } = start(s, 'resume');
  assert.match(context, /STILL DELIVERED/);
  assert.match(context, /could not read this session's recap|No call was blocked/);
  assert.match(String(json?.systemMessage), /could not write its decision journal/);
});

void test('the whole context stays within Claude Code\'s limit: the recap gives way, then the identity is cut', (t) => {
  const s = setup(t, 'identity:\n  max_bytes: 8192\n');
  fs.writeFileSync(path.join(s.home, 'identity.md'), 'i'.repeat(9000));
  for (let i = 0; i < 12; i++) runHook('pre-tool-use.cjs', preToolUse(`git push --force origin main # attempt ${i} ${'z'.repeat(150)}`, { session_id: 'sess-1', cwd: s.project }), s.env);
  const { context } = start(s, 'compact');
  assert.ok(context.length <= CONTEXT_MAX_CHARS, `${context.length} characters`);
  assert.match(context, /identity truncated|identity cut/);
  assert.match(context, /warden is guarding this session/);
});
