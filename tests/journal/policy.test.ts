// The journal's policy keys: defaults, the user's settings, and a project that may journal more
// but never move, shorten or switch off the journal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { loadPolicy, policyPaths, type EffectivePolicy } from '../../lib/policy/load.js';
import { tempDir } from './helpers.js';

function load(t: TestContext, user: string | undefined, project: string | undefined): { p: EffectivePolicy; wardenHome: string; home: string } {
  const root = tempDir(t);
  const home = path.join(root, 'home');
  const wardenHome = path.join(home, '.claude', 'warden');
  const proj = path.join(root, 'proj');
  fs.mkdirSync(wardenHome, { recursive: true });
  fs.mkdirSync(path.join(proj, '.claude'), { recursive: true });
  if (user !== undefined) fs.writeFileSync(path.join(wardenHome, 'policy.yaml'), user);
  if (project !== undefined) fs.writeFileSync(path.join(proj, '.claude', 'warden.yaml'), project);
  return { p: loadPolicy(policyPaths(wardenHome, proj), home, proj), wardenHome, home };
}

void test('defaults: <warden home>/journal, 90 days, compact allows', (t) => {
  const { p, wardenHome } = load(t, undefined, undefined);
  assert.deepEqual(p.journal, { dir: path.join(wardenHome, 'journal'), retentionDays: 90, allows: 'compact' });
});

void test("the user's policy sets the directory (~ expanded), retention and allows", (t) => {
  const { p, home } = load(t, 'journal:\n  dir: ~/logs/warden\n  retention_days: 7\n  allows: off\n', undefined);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.journal, { dir: path.join(home, 'logs', 'warden'), retentionDays: 7, allows: 'off' });
});

const PROJECT: readonly { name: string; user?: string; project: string; allows: string; warning: RegExp | undefined }[] = [
  { name: 'raises compact to full', project: 'journal:\n  allows: full\n', allows: 'full', warning: undefined },
  { name: 'raises off to compact', user: 'journal:\n  allows: off\n', project: 'journal:\n  allows: compact\n', allows: 'compact', warning: undefined },
  { name: 'cannot switch allows off', project: 'journal:\n  allows: off\n', allows: 'compact', warning: /journal\.allows: off ignored/ },
  { name: 'cannot lower full to compact', user: 'journal:\n  allows: full\n', project: 'journal:\n  allows: compact\n', allows: 'full', warning: /journal\.allows: compact ignored/ },
  { name: 'a journal section without allows leaves the user\'s off alone', user: 'journal:\n  allows: off\n', project: 'journal:\n  retention_days: 5\n', allows: 'off', warning: /retention_days ignored/ },
];

for (const c of PROJECT) {
  void test(`project policy: ${c.name}`, (t) => {
    const { p } = load(t, c.user, c.project);
    assert.deepEqual(p.errors, []);
    assert.equal(p.journal.allows, c.allows);
    if (c.warning) assert.ok(p.warnings.some((w) => c.warning?.test(w)), p.warnings.join('\n'));
    else assert.deepEqual(p.warnings, []);
  });
}

void test('project policy: cannot move the journal or shorten its retention, even when trusted', (t) => {
  const { p, wardenHome } = load(t, 'journal:\n  retention_days: 30\n', 'journal:\n  dir: ./.journal\n  retention_days: 1\n');
  assert.deepEqual(p.journal, { dir: path.join(wardenHome, 'journal'), retentionDays: 30, allows: 'compact' });
  assert.ok(p.warnings.some((w) => /journal\.dir ignored/.test(w)));
  assert.ok(p.warnings.some((w) => /journal\.retention_days ignored/.test(w)));
});

void test('invalid journal settings are errors with their path', (t) => {
  const { p } = load(t, 'journal:\n  allows: sometimes\n  retention_days: -1\n', undefined);
  assert.ok(p.errors.some((e) => /journal\.allows: expected compact\|full\|off/.test(e)), p.errors.join('\n'));
  assert.ok(p.errors.some((e) => /journal\.retention_days/.test(e)), p.errors.join('\n'));
});
