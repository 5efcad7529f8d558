// The SQL engine and node-sql-parser stay out of the hook's start-up: the built hook and CLI
// bundles contain neither; the engine (dist/sql-engine.cjs) and each dialect (dist/sql-<dialect>.cjs)
// are bundles of their own next to them, deployed with them by install. The hook loads the engine
// only for a command that may run SQL, and a dialect only for a statement that could be
// destructive (a SELECT with no such word anywhere is judged from its tokens). Runs against dist/
// as `npm test` builds it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deployBundles } from '../../lib/install/deploy.js';
import { PARSER_DIALECTS } from '../../lib/sql/parser.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const HOOK = path.join(DIST, 'pre-tool-use.cjs');
/** A message every node-sql-parser build carries and warden's own code never does. */
const PARSER_MARK = 'is not supported currently';
/** A note only the SQL engine (lib/sql/judge.ts) writes. */
const ENGINE_MARK = 'too long for the parser';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-sql-bundle-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

void test('each dialect warden parses has its own bundle, holding node-sql-parser', () => {
  for (const d of PARSER_DIALECTS) {
    const file = path.join(DIST, `sql-${d}.cjs`);
    assert.ok(fs.existsSync(file), `missing ${file} (npm run build)`);
    assert.ok(fs.readFileSync(file, 'utf8').includes(PARSER_MARK), `${file} is not a node-sql-parser build`);
  }
});

void test('the SQL engine is a bundle of its own, without node-sql-parser', () => {
  const text = fs.readFileSync(path.join(DIST, 'sql-engine.cjs'), 'utf8');
  assert.ok(text.includes(ENGINE_MARK));
  assert.ok(!text.includes(PARSER_MARK), 'sql-engine.cjs contains node-sql-parser');
});

void test('the hook and CLI bundles contain neither the SQL engine nor node-sql-parser', () => {
  for (const name of ['pre-tool-use.cjs', 'warden.cjs']) {
    const text = fs.readFileSync(path.join(DIST, name), 'utf8');
    assert.ok(!text.includes(PARSER_MARK), `${name} contains node-sql-parser`);
    assert.ok(!text.includes(ENGINE_MARK), `${name} contains the SQL engine`);
  }
});

/** Runs the built hook on one Bash command; returns its answer and the sql-*.cjs bundles it loaded. */
function hook(command: string): { decision: string; loaded: string[] } {
  const home = fs.mkdtempSync(path.join(tmp, 'home-'));
  const cwd = path.join(home, 'proj');
  fs.mkdirSync(cwd);
  const input = JSON.stringify({ session_id: 's', cwd, hook_event_name: 'PreToolUse', permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command } });
  const r = spawnSync(process.execPath, [HOOK], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, WARDEN_HOME: path.join(home, 'warden'), NODE_DEBUG: 'module' },
  });
  const loaded = [...new Set([...r.stderr.matchAll(/Module\._load REQUEST (\S*sql-[a-z]+\.cjs)/g)].map((m) => path.basename(m[1] as string)))].sort();
  const out = JSON.parse(r.stdout || '{}') as { hookSpecificOutput?: { permissionDecision?: string } };
  return { decision: out.hookSpecificOutput?.permissionDecision ?? 'allow', loaded };
}

const runs: { command: string; decision: string; loaded: string[] }[] = [
  { command: 'git status --short && ls -la src', decision: 'allow', loaded: [] },
  { command: 'grep -rn "DROP TABLE" .', decision: 'allow', loaded: [] },
  { command: 'npm test', decision: 'allow', loaded: [] },
  { command: 'psql -c "\\dt"', decision: 'allow', loaded: ['sql-engine.cjs'] },
  { command: `sqlite3 app.db 'SELECT * FROM users'`, decision: 'allow', loaded: ['sql-engine.cjs'] },
  { command: `sqlite3 app.db "SELECT 'DROP TABLE users'"`, decision: 'allow', loaded: ['sql-engine.cjs', 'sql-sqlite.cjs'] },
  { command: `sqlite3 app.db 'DROP TABLE users;'`, decision: 'ask', loaded: ['sql-engine.cjs', 'sql-sqlite.cjs'] },
  { command: `psql -c 'DELETE FROM users WHERE id = 1'`, decision: 'allow', loaded: ['sql-engine.cjs', 'sql-postgresql.cjs'] },
  { command: `mysql -e 'TRUNCATE orders'`, decision: 'ask', loaded: ['sql-engine.cjs', 'sql-mysql.cjs'] },
  { command: 'redis-cli FLUSHALL', decision: 'ask', loaded: ['sql-engine.cjs'] },
];

for (const r of runs) {
  void test(`the hook on ${r.command}: ${r.decision}, loading ${r.loaded.join(', ') || 'no parser'}`, () => {
    const got = hook(r.command);
    assert.equal(got.decision, r.decision);
    assert.deepEqual(got.loaded, r.loaded);
  });
}

void test('install deploys the engine and dialect bundles next to the hooks', () => {
  const home = path.join(tmp, 'deployed');
  const names = deployBundles(DIST, home);
  for (const b of ['sql-engine.cjs', ...PARSER_DIALECTS.map((d) => `sql-${d}.cjs`)]) assert.ok(names.includes(b) && fs.existsSync(path.join(home, 'bin', b)), b);
});
