// warden as a Claude Code plugin: the manifests in the repository root, checked against warden's own
// table of hooks and against Claude Code's own validator (`claude plugin validate`, the real CLI,
// in a throwaway HOME).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { HOOKS } from '../../lib/install/hooks.js';
import { HOOK_TIMEOUT_S } from '../../lib/protocol/deadlines.js';
import { PLUGIN_HOOKS_FILE, pluginHooksText } from '../../scripts/gen-plugin-hooks.js';
import { claudeBin, repoRoot } from '../e2e/harness.js';

const readJson = (rel: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(repoRoot, rel), 'utf8')) as Record<string, unknown>;

interface Handler {
  type: string;
  command: string;
  args?: string[];
  timeout?: number;
}
type Groups = Record<string, { matcher?: string; hooks: Handler[] }[]>;

void test('hooks/hooks.json is what scripts/gen-plugin-hooks.ts writes from lib/install/hooks.ts', () => {
  assert.equal(fs.readFileSync(PLUGIN_HOOKS_FILE, 'utf8'), pluginHooksText(), 'hooks/hooks.json is stale: run `npx tsx scripts/gen-plugin-hooks.ts`');
});

void test('the plugin registers every hook of the install table once, with its matcher and timeout, through the launcher', () => {
  const hooks = readJson('hooks/hooks.json').hooks as Groups;
  assert.deepEqual(Object.keys(hooks).sort(), HOOKS.map((h) => h.event).sort());
  for (const spec of HOOKS) {
    const groups = hooks[spec.event] ?? [];
    assert.equal(groups.length, 1, spec.event);
    const [group] = groups;
    assert.ok(group);
    assert.equal(group.matcher, spec.matcher, `${spec.event} matcher`);
    assert.equal(group.hooks.length, 1, spec.event);
    const [h] = group.hooks;
    assert.ok(h);
    assert.equal(h.timeout, HOOK_TIMEOUT_S[spec.event], `${spec.event} timeout`);
    const name = spec.bundle.replace(/\.cjs$/, '');
    if (spec.event === 'PreToolUse') {
      // Shell form, so that a node that cannot run still blocks the call (scripts/gen-plugin-hooks.ts).
      assert.equal(h.args, undefined);
      assert.equal(h.command, `node "\${CLAUDE_PLUGIN_ROOT}/hooks/launch.cjs" ${name} || exit 2`);
    } else {
      assert.equal(h.command, 'node', spec.event);
      assert.deepEqual(h.args, ['${CLAUDE_PLUGIN_ROOT}/hooks/launch.cjs', name], spec.event);
    }
  }
});

void test('the launcher the plugin names is committed, and the hooks file sits where Claude Code loads it', () => {
  assert.ok(fs.statSync(path.join(repoRoot, 'hooks', 'launch.cjs')).isFile());
  // Claude Code loads <root>/hooks/hooks.json by itself: a copy in .claude-plugin/ is never read, and
  // naming the file again in plugin.json loads it twice ("Duplicate hooks file").
  assert.equal(fs.existsSync(path.join(repoRoot, '.claude-plugin', 'hooks.json')), false);
  assert.equal(readJson('.claude-plugin/plugin.json').hooks, undefined);
});

void test('plugin.json and marketplace.json agree with package.json', () => {
  const pkg = readJson('package.json');
  const plugin = readJson('.claude-plugin/plugin.json');
  assert.equal(plugin.name, 'warden');
  assert.equal(plugin.version, pkg.version);
  assert.equal(plugin.license, pkg.license);
  const market = readJson('.claude-plugin/marketplace.json');
  assert.deepEqual(
    (market.plugins as { name: string; source: string }[]).map((p) => [p.name, p.source]),
    [['warden', './']],
  );
});

void test('claude plugin validate --strict passes on the repository root and lists every hook', (t) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-plugin-validate-'));
  t.after(() => fs.rmSync(home, { recursive: true, force: true }));
  const r = spawnSync(claudeBin, ['plugin', 'validate', '--strict', '--json', repoRoot], {
    cwd: home,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '1' },
  });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  const report = JSON.parse(r.stdout) as { success: boolean; manifest: { errors: unknown[]; warnings: unknown[] }; provides: { hooks: { event: string; command: string; args?: string[] }[] } };
  assert.equal(report.success, true, r.stdout);
  assert.deepEqual(report.manifest.errors, []);
  assert.deepEqual(report.manifest.warnings, []);
  assert.deepEqual(report.provides.hooks.map((h) => h.event).sort(), HOOKS.map((h) => h.event).sort());
  for (const h of report.provides.hooks) assert.match(`${h.command} ${(h.args ?? []).join(' ')}`, /\$\{CLAUDE_PLUGIN_ROOT\}\/hooks\/launch\.cjs/, h.event);
});
