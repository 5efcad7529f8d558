// The identity policy keys: default files ($WARDEN_HOME, then the project's), user files, and a
// project that may add files inside itself and lower the cap, nothing else.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { loadPolicy, policyPaths, type EffectivePolicy } from '../../lib/policy/load.js';

interface Loaded {
  p: EffectivePolicy;
  wardenHome: string;
  home: string;
  proj: string;
}

function load(t: TestContext, user: string | undefined, project: string | undefined): Loaded {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-identity-policy-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const home = path.join(root, 'home');
  const wardenHome = path.join(root, 'wh');
  const proj = path.join(root, 'proj');
  fs.mkdirSync(wardenHome, { recursive: true });
  fs.mkdirSync(path.join(proj, '.claude'), { recursive: true });
  if (user !== undefined) fs.writeFileSync(path.join(wardenHome, 'policy.yaml'), user);
  if (project !== undefined) fs.writeFileSync(path.join(proj, '.claude', 'warden.yaml'), project);
  return { p: loadPolicy(policyPaths(wardenHome, proj), home, proj), wardenHome, home, proj };
}

void test('defaults: $WARDEN_HOME/identity.md, then the project .claude/identity.md (confined to it), 6000 bytes', (t) => {
  const { p, wardenHome, proj } = load(t, undefined, undefined);
  assert.deepEqual(p.identity, {
    files: [
      { path: path.join(wardenHome, 'identity.md'), confine: undefined },
      { path: path.join(proj, '.claude', 'identity.md'), confine: proj },
    ],
    maxBytes: 6000,
  });
});

void test("the user's files: ~ and absolute paths as they are, relative ones inside the project", (t) => {
  const { p, home, proj } = load(t, 'identity:\n  files: [~/me.md, /etc/agent.md, docs/AGENT.md]\n  max_bytes: 1000\n', undefined);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.identity.files, [
    { path: path.join(home, 'me.md'), confine: undefined },
    { path: '/etc/agent.md', confine: undefined },
    { path: path.join(proj, 'docs', 'AGENT.md'), confine: proj },
  ]);
  assert.equal(p.identity.maxBytes, 1000);
});

void test('a project adds files inside itself and may lower the cap; outside files and a higher cap are not taken', (t) => {
  const { p, proj, wardenHome } = load(t, undefined, 'identity:\n  files: [AGENTS.md, ~/.ssh/id_rsa, /etc/shadow, $WARDEN_HOME/policy.yaml]\n  max_bytes: 500\n');
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.identity.files.map((f) => f.path), [path.join(wardenHome, 'identity.md'), path.join(proj, '.claude', 'identity.md'), path.join(proj, 'AGENTS.md')]);
  assert.equal(p.identity.maxBytes, 500);
  for (const f of ['~/.ssh/id_rsa', '/etc/shadow', '$WARDEN_HOME/policy.yaml']) assert.ok(p.warnings.some((w) => w.includes(`identity file ${f} ignored`)), f);

  const raised = load(t, 'identity:\n  max_bytes: 1000\n', 'identity:\n  max_bytes: 8000\n');
  assert.equal(raised.p.identity.maxBytes, 1000);
});

void test('max_bytes outside 256–8192 is an error', (t) => {
  for (const v of ['100', '9000']) {
    const { p } = load(t, `identity:\n  max_bytes: ${v}\n`, undefined);
    assert.ok(p.errors.some((e) => /identity\.max_bytes/.test(e)), p.errors.join('\n'));
  }
});
