// An invalid policy is never "no protection": every guarded call is held for a human (ask) with the
// file and line in the reason, read-only tools keep running, the built-in denies still deny, and
// `warden doctor` exits non-zero naming the file and line. Each row breaks one policy file of an
// installed warden (real bundles, a throwaway HOME).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { bash, doctor, hook, install, sandbox, toolInput, verdictOf, type Sandbox } from './helpers.js';

interface Row {
  name: string;
  /** Which file is broken: the user's policy or the project's. */
  layer: 'user' | 'project';
  content: string | Buffer;
  /** What the reason and doctor must name after the file: `:line: …`. */
  where: RegExp;
}

const ROWS: readonly Row[] = [
  { name: 'a value out of range', layer: 'user', content: 'version: 1\npreset: extreme\n', where: /:2: preset: expected standard\|strict\|paranoid/ },
  { name: 'a YAML syntax error', layer: 'user', content: 'version: 1\nprotected_paths: [~/keep\n', where: /:\d+: / },
  { name: 'an unknown rule id', layer: 'user', content: 'version: 1\noverrides:\n  git/no-such-rule: deny\n', where: /:3: overrides\.git\/no-such-rule/ },
  { name: 'duplicate keys', layer: 'user', content: 'preset: strict\npreset: standard\n', where: /:\d+: .*[Mm]ap keys must be unique/ },
  { name: 'invalid UTF-8 and NUL bytes', layer: 'user', content: Buffer.from([0x70, 0x72, 0x65, 0x73, 0x65, 0x74, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x0a]), where: /:1: / },
  { name: "a project's invalid key", layer: 'project', content: 'version: 1\noverrides:\n  git/push-force: sometimes\n', where: /:3: overrides\.git\/push-force/ },
];

function policyFile(s: Sandbox, layer: Row['layer']): string {
  if (layer === 'user') return path.join(s.wardenHome, 'policy.yaml');
  fs.mkdirSync(path.join(s.project, '.claude'), { recursive: true });
  return path.join(s.project, '.claude', 'warden.yaml');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Tools that only read: they keep running while the policy is broken. */
const READ_ONLY: readonly [string, Record<string, unknown>][] = [
  ['Read', { file_path: '/etc/hostname' }],
  ['Grep', { pattern: 'TODO', path: '.' }],
  ['Glob', { pattern: '**/*.ts' }],
];

void test('an installed warden with the shipped policy: doctor is green (the baseline the rows break)', (t) => {
  const s = sandbox(t);
  install(s);
  const d = doctor(s);
  assert.equal(d.code, 0, d.out);
  assert.deepEqual(d.fails, []);
});

for (const row of ROWS) {
  void test(`invalid policy (${row.name}): guarded calls ask with file:line, read-only tools run, denies stay, doctor fails naming it`, (t) => {
    const s = sandbox(t);
    install(s);
    const file = policyFile(s, row.layer);
    fs.writeFileSync(file, row.content);
    const at = new RegExp(`${escape(file)}${row.where.source}`);

    for (const [name, stdin] of [
      ['Bash ls', bash(s, 'ls')],
      ['Write', toolInput('PreToolUse', s, 'Write', { file_path: path.join(s.project, 'a.txt'), content: 'x' })],
    ] as const) {
      const v = verdictOf(hook(s, 'pre-tool-use.cjs', stdin));
      assert.equal(v.decision, 'ask', name);
      assert.match(v.reason, /\[core\/policy-invalid\]/, name);
      assert.match(v.reason, at, name);
    }
    for (const [tool, input] of READ_ONLY) {
      const r = hook(s, 'pre-tool-use.cjs', toolInput('PreToolUse', s, tool, input));
      assert.equal(r.code, 0, tool);
      assert.deepEqual(r.json, {}, `${tool} was held: ${r.stdout}`);
    }
    const push = verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'git push --force origin main')));
    assert.equal(push.decision, 'deny', 'the built-in defaults still deny');
    assert.match(push.reason, /\[git\/push-force\]/);

    const d = doctor(s);
    assert.equal(d.code, 1, d.out);
    assert.ok(d.fails.length > 0 && d.fails.every((l) => /^FAIL +policy: /.test(l)), `doctor failed for something else, or not at all:\n${d.out}`);
    assert.ok(d.fails.some((l) => at.test(l)), `doctor does not name ${file} and the line:\n${d.out}`);
  });
}

void test('a policy path that is a directory: guarded calls ask naming the file, doctor fails', (t) => {
  const s = sandbox(t);
  install(s);
  const file = policyFile(s, 'user');
  fs.rmSync(file);
  fs.mkdirSync(file);
  const v = verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'ls')));
  assert.equal(v.decision, 'ask');
  assert.match(v.reason, /\[core\/policy-invalid\]/);
  assert.ok(v.reason.includes(file), v.reason);
  assert.deepEqual(hook(s, 'pre-tool-use.cjs', toolInput('PreToolUse', s, 'Read', { file_path: '/etc/hostname' })).json, {});
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.ok(d.fails.some((l) => l.includes(`policy: ${file}`)), d.out);
});
