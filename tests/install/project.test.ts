// The committable project templates: the policy template tightens nothing as written, its
// commented examples are valid when uncommented, and neither template names this machine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionFor, loadPolicy, type EffectivePolicy } from '../../lib/policy/load.js';
import { ruleById } from '../../lib/rules/index.js';
import { PROJECT_POLICY_TEMPLATE, identityTemplate } from '../../lib/install/project.js';

const HOME = '/home/agent';

function load(t: { after: (fn: () => void) => void }, projectPolicy: string | undefined): EffectivePolicy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-project-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const project = path.join(dir, 'proj');
  fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
  if (projectPolicy !== undefined) fs.writeFileSync(path.join(project, '.claude', 'warden.yaml'), projectPolicy);
  return loadPolicy({ user: path.join(dir, 'no-user-policy.yaml'), project: path.join(project, '.claude', 'warden.yaml') }, HOME, project);
}

/** The parts of an effective policy that decide verdicts. */
function verdictShape(p: EffectivePolicy): unknown {
  return {
    preset: p.preset,
    onError: p.onError,
    disabledPacks: [...p.disabledPacks],
    overrides: [...p.overrides],
    protectedBranches: p.protectedBranches,
    protectedPaths: p.protectedPaths,
    allowCommands: p.allowCommands,
    allowPaths: p.allowPaths,
    customRules: p.customRules.map((r) => r.id),
    errors: p.errors,
    warnings: p.warnings,
  };
}

void test('the project policy template loads cleanly and changes nothing', (t) => {
  const withTemplate = load(t, PROJECT_POLICY_TEMPLATE);
  assert.deepEqual(withTemplate.errors, []);
  assert.deepEqual(withTemplate.warnings, []);
  assert.equal(withTemplate.sources.length, 1, 'the template was not read');
  assert.deepEqual(verdictShape(withTemplate), verdictShape(load(t, undefined)));
});

void test("the template's commented examples are valid and only tighten", (t) => {
  const [header, examples] = PROJECT_POLICY_TEMPLATE.split(/^(?=version: 1$)/m);
  const uncommented = `${header ?? ''}${(examples ?? '').replace(/^# ?/gm, '')}`;
  assert.notEqual(uncommented, PROJECT_POLICY_TEMPLATE);
  const p = load(t, uncommented);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.warnings, []);
  assert.equal(p.preset, 'strict');
  assert.equal(actionFor(ruleById('git/reset-hard'), p), 'deny');
  assert.ok(p.protectedBranches.includes('staging'));
  assert.deepEqual(p.customRules.map((r) => r.id), ['custom/no-prod-db']);
});

void test('the identity template names the project and no path', () => {
  const text = identityTemplate('my-app');
  assert.match(text, /^# Agent identity: my-app$/m);
  assert.doesNotMatch(text, /\/(home|Users|tmp|root)\//);
});
