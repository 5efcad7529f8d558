// Throwaway journal directories and a sample journal for the journal tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { Draft } from '../../lib/journal/entry.js';
import { appendEntries } from '../../lib/journal/store.js';

export function tempDir(t: TestContext, prefix = 'warden-journal-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const DAY1 = new Date('2026-03-01T10:00:00.000Z');
export const DAY2 = new Date('2026-03-02T09:30:00.000Z');
export const DAY3 = new Date('2026-03-03T08:15:00.000Z');

/** One draft of every kind the hooks write, with every optional field some entry uses. */
export const SAMPLE: readonly { at: Date; draft: Draft }[] = [
  { at: DAY1, draft: { event: 'session-start', session: 'sess-1', cwd: '/p', source: 'startup' } },
  { at: DAY1, draft: { event: 'identity', session: 'sess-1', source: 'startup', identity: { files: ['/h/identity.md'], bytes: 42, sha256: 'a'.repeat(64), truncated: false } } },
  { at: DAY1, draft: { event: 'guard', session: 'sess-1', tool: 'Bash', decision: 'allow', input: 'git status' } },
  {
    at: DAY1,
    draft: { event: 'guard', session: 'sess-1', agent: 'agent-7', cwd: '/p', mode: 'bypassPermissions', tool: 'Bash', decision: 'deny', input: 'git push --force origin main', rules: ['git/push-force'], rationale: '[git/push-force] Force-pushing …' },
  },
  { at: DAY2, draft: { event: 'gate', session: 'sess-1', tool: 'Bash', input: 'curl -X POST https://api.example.com', gate: { verdict: 'review-allow', service: 'api.example.com', kind: 'write', risk: 'low', rationale: 'matches the request', model: 'm' } } },
  { at: DAY2, draft: { event: 'approval', session: 'sess-1', approval: { id: 'ab12', state: 'opened' } } },
  { at: DAY2, draft: { event: 'trust', session: 'sess-1', trust: { service: 'github.com', before: 0.5, after: 0.55 } } },
  { at: DAY2, draft: { event: 'note', session: 'sess-1', note: 'use approach B', rationale: 'A needs a force push' } },
  { at: DAY2, draft: { event: 'session-end', session: 'sess-1', source: 'prompt_input_exit' } },
];

/** Writes SAMPLE into `dir` (two segments: DAY1 and DAY2). */
export function writeSample(dir: string): void {
  for (const s of SAMPLE) appendEntries(dir, [s.draft], { now: s.at });
}

export function segmentFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
}

/** All lines of all segments, with where they are. */
export function lines(dir: string): { file: string; index: number; text: string }[] {
  return segmentFiles(dir).flatMap((f) =>
    fs
      .readFileSync(path.join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((text, index) => ({ file: f, index, text })),
  );
}

export function rewriteLine(dir: string, file: string, index: number, text: string | undefined): void {
  const p = path.join(dir, file);
  const ls = fs.readFileSync(p, 'utf8').split('\n').filter((l) => l !== '');
  if (text === undefined) ls.splice(index, 1);
  else ls[index] = text;
  fs.writeFileSync(p, ls.map((l) => `${l}\n`).join(''));
}
