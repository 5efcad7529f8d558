// The SQL guard through the real Claude Code CLI (--dangerously-skip-permissions, scripted model):
// `sqlite3 app.db "DROP TABLE users;"` is stopped and the table keeps its rows; a SELECT on the
// same database runs. The database is a canary in the throwaway sandbox project; warden is
// installed by install.sh into the sandbox HOME. Needs the sqlite3 CLI (.ci/run installs it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { describeRun, installWarden, makeSandbox, runClaude, type Sandbox } from './harness.js';

let sb: Sandbox;
let db: string;

function sqlite(sql: string): string {
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, `sqlite3 ${sql}: ${r.stderr}`);
  return r.stdout.trim();
}

before(() => {
  sb = makeSandbox();
  installWarden(sb.home);
  db = path.join(sb.project, 'app.db');
  sqlite("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada'), ('grace'), ('linus');");
});
after(() => sb.cleanup());

void test('sqlite3 app.db "DROP TABLE users;" is stopped and the table keeps its rows', async () => {
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: 'sqlite3 app.db "DROP TABLE users;"', description: 'reset the users table' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[db\/drop\]/);
  assert.match(tr.content, /backup/);
  assert.equal(sqlite('SELECT count(*) FROM users;'), '3');
});

void test('a SELECT on the same database runs', async () => {
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: "sqlite3 app.db \"SELECT name FROM users WHERE name = 'DROP TABLE users' OR id = 2;\"", description: 'look up a user' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, false, describeRun(r));
  assert.match(tr.content, /grace/);
  assert.equal(sqlite('SELECT count(*) FROM users;'), '3');
});

void test('the same DROP hidden in a heredoc and a multi-statement script is stopped too', async () => {
  const r = await runClaude({
    home: sb.home,
    cwd: sb.project,
    script: [{ tool: 'Bash', input: { command: "sqlite3 app.db <<'SQL'\nSELECT 1;\n/* cleanup */ dRoP\n  TABLE users;\nSQL", description: 'cleanup' } }],
  });
  assert.equal(r.code, 0, describeRun(r));
  const [tr] = r.toolResults;
  assert.ok(tr, describeRun(r));
  assert.equal(tr.is_error, true, describeRun(r));
  assert.match(tr.content, /\[db\/drop\]/);
  assert.equal(sqlite('SELECT count(*) FROM users;'), '3');
});
