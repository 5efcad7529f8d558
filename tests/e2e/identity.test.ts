// Identity re-grounding and the journal through the real Claude Code CLI, with warden installed by
// install.sh into a throwaway HOME: the identity reaches the model at startup; an edited identity
// file is delivered on --resume; /compact fires SessionStart:compact, which delivers it again; and
// afterwards the journal verifies, holds the blocked force push with its rule and rationale, and
// fails verify when any field of any entry is changed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { allEntries } from '../../lib/journal/read.js';
import { verifyJournal } from '../../lib/journal/verify.js';
import { describeRun, installWarden, makeSandbox, messageResponse, runClaude, systemAndContextText, type RequestBody, type RunClaudeResult, type Sandbox } from './harness.js';

let sb: Sandbox;
let wardenHome: string;
let identityFile: string;
let sessionId = '';

const IDENTITY = (version: string): string => `# Agent identity\n\nYou are the billing agent for Ada. Identity marker ${version}.\n`;
const SUMMARY = 'Summary: the agent tried a force push, warden blocked it.';

/**
 * /compact asks the model for a summary. Claude Code 2.1.331 sends that request with its tools, so
 * the scripted main loop answers it ("done"); should it come without them, this answers it.
 */
function summarise(body: RequestBody) {
  return { json: messageResponse(body.model ?? 'claude-stub', [{ type: 'text', text: SUMMARY }]) };
}

function wardenCli(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(wardenHome, 'bin', 'warden.cjs'), ...args], {
    cwd: sb.project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: sb.home },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The transcript entries of a session, wherever Claude Code put its project folder. */
function transcript(session: string): Record<string, unknown>[] {
  const projects = path.join(sb.home, '.claude', 'projects');
  const files = fs.readdirSync(projects).flatMap((d) => fs.readdirSync(path.join(projects, d)).map((f) => path.join(projects, d, f)));
  const file = files.find((f) => path.basename(f) === `${session}.jsonl`);
  assert.ok(file, `no transcript for ${session} among ${files.join(', ')}`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

before(() => {
  sb = makeSandbox();
  installWarden(sb.home);
  wardenHome = path.join(sb.home, '.claude', 'warden');
  identityFile = path.join(wardenHome, 'identity.md');
  fs.writeFileSync(identityFile, IDENTITY('ONE'));
});
after(() => sb.cleanup());

function firstMainText(r: RunClaudeResult): string {
  const first = r.stub.mainRequests[0];
  assert.ok(first, describeRun(r));
  return systemAndContextText(first);
}

void test('startup: the identity and the briefing reach the model; the force push is blocked', async () => {
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: 'git push --force origin main', description: 'push' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  const text = firstMainText(r);
  assert.match(text, /Identity marker ONE\./);
  assert.match(text, /warden is guarding this session/);
  assert.match(text, /warden journal note --decision/);
  const [tr] = r.toolResults;
  assert.equal(tr?.is_error, true, describeRun(r));
  assert.match(tr?.content ?? '', /\[git\/push-force\]/);
  sessionId = typeof r.result?.session_id === 'string' ? r.result.session_id : '';
  assert.match(sessionId, /^[0-9a-f-]{36}$/, describeRun(r));
});

void test('--resume after the identity file was edited: the new text reaches the model, with a recap; the agent notes a decision', async () => {
  assert.ok(sessionId, 'the startup run did not give a session id');
  fs.writeFileSync(identityFile, IDENTITY('TWO'));
  // The resumed conversation already holds one tool result, so the script goes on at its second step.
  const note = `"${process.execPath}" "${path.join(wardenHome, 'bin', 'warden.cjs')}" journal note --decision "pushed to a feature branch instead" --rationale "warden blocked the force push to main"`;
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    prompt: 'continue',
    script: [{ text: 'unused: the first step ran before the resume' }, { tool: 'Bash', input: { command: note, description: 'note' } }],
    extraArgs: ['--resume', sessionId],
  });
  assert.equal(r.code, 0, describeRun(r));
  const text = firstMainText(r);
  assert.match(text, /Identity marker TWO\./);
  assert.match(text, /This session so far/);
  assert.match(text, /deny Bash: `git push --force origin main` \[git\/push-force\]/);
  assert.equal(r.result?.session_id, sessionId, 'resume changed the session id');
  const noted = r.toolResults.at(-1);
  assert.equal(noted?.is_error, false, describeRun(r));
  assert.match(noted?.content ?? '', /noted in warden's journal/);
});

void test('/compact: SessionStart:compact delivers the identity again', async () => {
  fs.writeFileSync(identityFile, IDENTITY('THREE'));
  const r = await runClaude({ home: sb.home, cwd: sb.project, prompt: '/compact', script: [], extraArgs: ['--resume', sessionId], onOther: summarise });
  assert.equal(r.code, 0, describeRun(r));
  const hooks = transcript(sessionId).flatMap((e) => {
    const a = e.attachment as { type?: string; hookName?: string; content?: unknown; stdout?: unknown } | undefined;
    return e.type === 'attachment' && a?.type === 'hook_success' ? [{ name: a.hookName, text: JSON.stringify(a) }] : [];
  });
  const compact = hooks.filter((h) => h.name === 'SessionStart:compact');
  assert.ok(compact.length > 0, `no SessionStart:compact hook output; hooks seen: ${hooks.map((h) => h.name).join(', ')}`);
  assert.ok(compact.some((h) => h.text.includes('Identity marker THREE.')), compact.map((h) => h.text.slice(0, 300)).join('\n'));
  // The recap after compaction: the blocked push and the agent's own note.
  assert.ok(compact.some((h) => h.text.includes('[git/push-force]') && h.text.includes('pushed to a feature branch instead')), compact.map((h) => h.text).join('\n'));
});

void test('afterwards the journal verifies and holds the deny with its rule id and rationale', () => {
  const v = wardenCli(['journal', 'verify']);
  assert.equal(v.status, 0, v.out);
  assert.match(v.out, /^journal ok: /m);
  const entries = allEntries(path.join(wardenHome, 'journal')).entries;
  const deny = entries.find((e) => e.event === 'guard' && e.decision === 'deny');
  assert.ok(deny, JSON.stringify(entries, null, 1));
  assert.deepEqual(deny.rules, ['git/push-force']);
  assert.match(deny.rationale ?? '', /\[git\/push-force\] .*--force-with-lease/);
  assert.equal(deny.session, sessionId);
  assert.equal(deny.mode, 'bypassPermissions');
  const note = entries.find((e) => e.event === 'note');
  assert.equal(note?.session, sessionId, 'the note did not get the session from the Bash tool environment');
  assert.equal(note?.note, 'pushed to a feature branch instead');
  const sources = entries.filter((e) => e.event === 'identity' && e.session === sessionId).map((e) => e.source);
  for (const s of ['startup', 'resume', 'compact']) assert.ok(sources.includes(s), `no identity entry for ${s}: ${sources.join(', ')}`);
  const tail = wardenCli(['journal', 'tail', '--decision', 'deny']);
  assert.match(tail.out, /guard deny Bash \[git\/push-force\] {2}git push --force origin main/);
});

void test('changing any field of any entry of that journal makes verify fail and name the entry', () => {
  const live = path.join(wardenHome, 'journal');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-e2e-journal-'));
  try {
    fs.cpSync(live, copy, { recursive: true });
    const segments = fs.readdirSync(copy).filter((f) => f.endsWith('.jsonl')).sort();
    let seq = 0;
    let cases = 0;
    for (const seg of segments) {
      const file = path.join(copy, seg);
      const original = fs.readFileSync(file, 'utf8');
      const lines = original.split('\n').filter((l) => l !== '');
      for (const [i, line] of lines.entries()) {
        seq++;
        const entry = JSON.parse(line) as Record<string, unknown>;
        for (const key of Object.keys(entry)) {
          const v = entry[key];
          const changed = { ...entry, [key]: typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}!` : JSON.parse(JSON.stringify(v)) === null ? 'x' : { tampered: v } };
          const edited = lines.map((l, j) => (j === i ? JSON.stringify(changed) : l));
          fs.writeFileSync(file, `${edited.join('\n')}\n`);
          const r = verifyJournal(copy);
          assert.equal(r.ok, false, `${seg} entry ${seq}, ${key} changed: verify passed`);
          assert.equal(r.bad?.seq, seq, `${seg} entry ${seq}, ${key}: ${JSON.stringify(r.bad)}`);
          cases++;
        }
        fs.writeFileSync(file, original);
      }
    }
    assert.ok(cases > 50, `${cases} cases`);
    // And through the installed command, on the real journal: exit 1, naming the entry.
    const seg = segments[0] ?? '';
    const real = path.join(live, seg);
    const saved = fs.readFileSync(real, 'utf8');
    try {
      fs.writeFileSync(real, saved.replace('"git/push-force"', '"git/other"'));
      const v = wardenCli(['journal', 'verify']);
      assert.equal(v.status, 1, v.out);
      assert.match(v.out, /first bad entry seq \d+ \(.*line \d+\): its hash does not match/);
    } finally {
      fs.writeFileSync(real, saved);
    }
    assert.equal(wardenCli(['journal', 'verify']).status, 0);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
