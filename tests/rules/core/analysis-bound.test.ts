// core/analysis-bound: raised by the pipeline when the shell analysis hits a bound (nesting depth,
// input size, command count, unterminated substitution). What was not analysed could hide
// anything, so the call needs a human (or is denied under paranoid / on_error: deny). Locked: no
// policy lowers it and allow exceptions do not apply.
//
// Rows carry a name: the commands are built from LIMITS and far too long for a test title.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '../../../lib/shell/analyze.js';
import { assertAllowed, assertBlocked, type Opts } from '../../helpers.js';

const R = 'core/analysis-bound';
const D = LIMITS.maxDepth;

interface Row {
  name: string;
  cmd: string;
  action?: 'ask' | 'deny';
  opts?: Opts;
}

const nestedSubs = (n: number): string => `echo ${'$('.repeat(n)}true${')'.repeat(n)}`;
const nestedBash = (n: number): string => {
  let s = 'true';
  for (let i = 0; i < n; i++) s = `bash -c ${JSON.stringify(s)}`;
  return s;
};

const valid: Row[] = [
  { name: `$(…) nested ${D} deep (the limit)`, cmd: nestedSubs(D) },
  { name: `bash -c nested ${D} deep (the limit)`, cmd: nestedBash(D) },
  { name: 'a 1,000-stage pipeline', cmd: Array.from({ length: 1000 }, () => 'cat').join(' | ') },
  { name: `${LIMITS.maxCommands - 1} commands`, cmd: 'true;'.repeat(LIMITS.maxCommands - 1) },
  { name: 'a 512 KiB echo', cmd: `echo ${'x'.repeat(512 * 1024)}` },
  { name: 'a balanced arithmetic expansion', cmd: 'echo $((1 + (2 * 3)))' },
];

const invalid: Row[] = [
  { name: `$(…) nested ${D + 1} deep`, cmd: nestedSubs(D + 1) },
  { name: `bash -c nested ${D + 1} deep`, cmd: nestedBash(D + 1) },
  { name: `eval nested ${D + 2} deep`, cmd: `${'eval '.repeat(D + 2)}true` },
  { name: '10,000 nested $( without a close', cmd: '$('.repeat(10_000) },
  { name: '10,000 nested $( balanced', cmd: `echo ${'$('.repeat(10_000)}x${')'.repeat(10_000)}` },
  { name: 'unterminated $(', cmd: 'echo $(ls' },
  { name: 'unterminated backquote', cmd: 'echo `ls' },
  { name: 'unterminated <(', cmd: 'diff <(ls a' },
  { name: 'input longer than LIMITS.maxInput', cmd: `echo ${'x'.repeat(LIMITS.maxInput)}` },
  { name: 'rm -rf ~ hidden after LIMITS.maxInput characters', cmd: `echo ${'x'.repeat(LIMITS.maxInput)}; rm -rf ~` },
  { name: `${LIMITS.maxCommands + 1} commands`, cmd: 'true;'.repeat(LIMITS.maxCommands + 1) },
  { name: 'a megabyte of eval eval …', cmd: `${'eval '.repeat(Math.floor(LIMITS.maxInput / 5) - 1)}true` },
  { name: 'paranoid preset: deny', cmd: 'echo $(ls', action: 'deny', opts: { policy: 'preset: paranoid\n' } },
  { name: 'on_error: deny', cmd: 'echo $(ls', action: 'deny', opts: { policy: 'on_error: deny\n' } },
  { name: 'locked: an override to allow is ignored', cmd: 'echo $(ls', opts: { policy: 'overrides:\n  core/analysis-bound: allow\n' } },
  {
    name: 'locked: allow.commands does not apply',
    cmd: 'echo $(ls',
    opts: { policy: "allow:\n  commands:\n    - pattern: '*'\n" },
  },
  {
    name: 'locked: a trusted project cannot lower it either',
    cmd: 'echo $(ls',
    opts: { policy: 'trusted_projects: [/home/agent/proj]\n', projectPolicy: 'overrides:\n  core/analysis-bound: allow\n' },
  },
];

for (const c of valid) {
  void test(c.name, () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(c.name, () => {
    assertBlocked(c.cmd, R, { ...c.opts, action: c.action ?? 'ask', messageId: 'bound' });
  });
}

void test('a bound does not hide a deny found before it: the stricter verdict wins', () => {
  const d = assertBlocked('rm -rf / ; echo $(ls', R);
  assert.equal(d.verdict, 'deny');
  assert.deepEqual(d.findings.map((f) => f.ruleId).sort(), ['core/analysis-bound', 'fs/rm-critical']);
});
