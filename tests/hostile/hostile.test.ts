// Hostile input through the built PreToolUse hook (dist/pre-tool-use.cjs), spawned with the raw
// bytes on stdin as Claude Code would send them: every row must finish on its own (no signal, no
// crash), print exactly one JSON object, and never allow what hides danger. Timings and peak memory
// are `npm run bench`'s (tests/bench/hostile.ts), not asserted here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DIST } from '../protocol/hook-helpers.js';
import { HOSTILE } from './inputs.js';

const HOOK = path.join(DIST, 'pre-tool-use.cjs');
const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-hostile-')));
after(() => fs.rmSync(home, { recursive: true, force: true }));

for (const h of HOSTILE) {
  void test(`hostile: ${h.name} → ${h.expect}`, () => {
    assert.ok(fs.existsSync(HOOK), `${HOOK} is missing: run \`npm run build\` first (npm test does)`);
    const r = spawnSync(process.execPath, [HOOK], {
      input: h.stdin(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '', HOME: home, WARDEN_HOME: path.join(home, 'warden') },
    });
    assert.equal(r.error, undefined, String(r.error));
    assert.equal(r.signal, null, `the hook was killed by ${r.signal}`);
    assert.ok(r.status === 0 || r.status === 2, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    let out: { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } };
    try {
      out = JSON.parse(r.stdout) as typeof out;
    } catch {
      assert.fail(`stdout is not one JSON object: ${r.stdout.slice(0, 300)}`);
    }
    const decision = out.hookSpecificOutput?.permissionDecision ?? 'allow';
    const reason = out.hookSpecificOutput?.permissionDecisionReason ?? '';
    const shown = `${decision}: ${reason.slice(0, 300)}`;
    if (r.status === 2) assert.equal(decision, 'deny', 'exit 2 without a deny');
    switch (h.expect) {
      case 'allowed':
        assert.equal(r.status, 0);
        assert.deepEqual(out, {}, shown);
        break;
      case 'denied':
        assert.equal(decision, 'deny', shown);
        break;
      case 'held':
        assert.ok(decision === 'ask' || decision === 'deny', `allowed: ${r.stdout.slice(0, 300)}`);
        break;
    }
    if (h.reason !== undefined) assert.match(reason, h.reason);
  });
}
