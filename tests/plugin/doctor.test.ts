// `warden doctor` warns when warden is enabled as a Claude Code plugin on top of its settings hooks:
// Claude Code then runs every warden hook twice (seen on 2.1.331: two PreToolUse runs, two journal
// entries per call). A plugin-only user (no warden hooks in settings.json) gets no such warning.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runDoctor } from '../../lib/install/doctor.js';
import { HOOKS, groupFor } from '../../lib/install/hooks.js';
import { DIST } from '../protocol/hook-helpers.js';

interface Row {
  name: string;
  /** Register warden's hooks in settings.json as `warden install` writes them. */
  settingsHooks: boolean;
  enabledPlugins: Record<string, unknown> | undefined;
  /** The plugin ids the warning names; [] for no warning. */
  warns: string[];
}

const ROWS: readonly Row[] = [
  { name: 'settings hooks and the warden plugin enabled', settingsHooks: true, enabledPlugins: { 'warden@warden': true }, warns: ['warden@warden'] },
  { name: 'settings hooks and the plugin from another marketplace', settingsHooks: true, enabledPlugins: { 'other@x': true, 'warden@team': true }, warns: ['warden@team'] },
  { name: 'settings hooks, the plugin installed but disabled', settingsHooks: true, enabledPlugins: { 'warden@warden': false }, warns: [] },
  { name: 'settings hooks and other plugins only', settingsHooks: true, enabledPlugins: { 'wardenish@x': true }, warns: [] },
  { name: 'settings hooks, no plugins', settingsHooks: true, enabledPlugins: undefined, warns: [] },
  { name: 'the plugin only (no warden hooks in settings.json)', settingsHooks: false, enabledPlugins: { 'warden@warden': true }, warns: [] },
];

void test('doctor warns that every hook runs twice exactly when the warden plugin is enabled next to the settings hooks', (t) => {
  for (const row of ROWS) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-plugin-doctor-'));
    t.after(() => fs.rmSync(home, { recursive: true, force: true }));
    const wardenHome = path.join(home, '.claude', 'warden');
    fs.mkdirSync(wardenHome, { recursive: true });
    const settingsFile = path.join(home, '.claude', 'settings.json');
    const placement = { nodePath: process.execPath, wardenHome, defaultHome: true };
    const settings: Record<string, unknown> = {};
    if (row.settingsHooks) settings.hooks = Object.fromEntries(HOOKS.map((h) => [h.event, [groupFor(h, placement)]]));
    if (row.enabledPlugins !== undefined) settings.enabledPlugins = row.enabledPlugins;
    fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);

    const checks = runDoctor({ home, wardenHome, defaultHome: true, settingsFile, localBin: path.join(home, '.local', 'bin'), projectDir: home, env: { PATH: '', HOME: home } });
    const lines = checks.filter((c) => c.text.startsWith('plugin: ') && c.status === 'warn');
    if (row.warns.length === 0) {
      assert.deepEqual(lines, [], row.name);
      continue;
    }
    assert.equal(lines.length, 1, `${row.name}: ${JSON.stringify(checks)}`);
    const [line] = lines;
    assert.ok(line);
    assert.equal(line.status, 'warn', row.name);
    assert.match(line.text, new RegExp(`^plugin: ${row.warns.join(', ')} is enabled as well as warden's hooks in ~/\\.claude/settings\\.json, so every warden hook runs twice`), row.name);
    assert.match(line.text, new RegExp(`claude plugin uninstall ${row.warns[0]}\` or \`warden uninstall\``), row.name);
  }
});

void test('a plugin-only user: doctor names the plugin, asks for no settings hooks, and self-tests the build next to the CLI', (t) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-plugin-doctor-'));
  t.after(() => fs.rmSync(home, { recursive: true, force: true }));
  const wardenHome = path.join(home, '.claude', 'warden');
  const settingsFile = path.join(home, '.claude', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, `${JSON.stringify({ enabledPlugins: { 'warden@warden': true } }, null, 2)}\n`);
  const ctx = { home, wardenHome, defaultHome: true, settingsFile, localBin: path.join(home, '.local', 'bin'), projectDir: home, env: { PATH: process.env.PATH ?? '', HOME: home } };

  const built = runDoctor({ ...ctx, launcher: path.join(DIST, 'launch.cjs') });
  const fails = built.filter((c) => c.status === 'FAIL');
  assert.deepEqual(fails, [], JSON.stringify(built, null, 1));
  assert.ok(built.some((c) => c.status === 'ok' && /^plugin: warden@warden is enabled .* hooks come from the plugin/.test(c.text)));
  assert.ok(built.some((c) => c.status === 'ok' && c.text.startsWith('self-test: ')));
  assert.ok(!built.some((c) => /hook PreToolUse/.test(c.text)), 'settings hooks were asked for');

  const unbuilt = runDoctor({ ...ctx, launcher: path.join(home, 'nowhere', 'launch.cjs') });
  assert.ok(unbuilt.some((c) => c.status === 'FAIL' && /no built launcher/.test(c.text)));
  assert.ok(unbuilt.some((c) => c.status === 'FAIL' && /self-test: not run/.test(c.text)));
});
