// db/drop: SQL that drops a database, schema, table (data gone: `drop`) or a view, index or other
// object (definition gone: `definition`), through any client; dropdb and mysqladmin drop.
// Also the `database:` policy: per-kind actions, protected objects, production targets, layering.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAllowed, assertBlocked, decisionFor, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/drop';
const allowIndexes = { policy: 'database:\n  actions: { drop_index: allow }\n' };
const protectUsers = { policy: 'database:\n  protected:\n    tables: [users, "billing.*"]\n' };

const valid: Valid[] = [
  { cmd: `psql -c "SELECT 'DROP TABLE users'"` },
  { cmd: `psql -c 'SELECT * FROM dropped_tables'` },
  { cmd: `mysql -e 'DROP TEMPORARY TABLE tmp_import'` },
  { cmd: `psql -c 'CREATE TABLE drop_log (id int)'` },
  { cmd: 'grep -rn "DROP TABLE" migrations/' },
  { cmd: 'git commit -m "drop table cleanup"' },
  { cmd: "echo 'DROP DATABASE app' > notes.txt" },
];

/** Findings the policy sets to `allow`: recorded, but they hold nothing. */
const allowedByPolicy: Valid[] = [
  { cmd: `psql -c 'DROP INDEX users_email_idx'`, note: 'database.actions.drop_index: allow', opts: allowIndexes },
  { cmd: `psql -c 'DROP TABLE users'`, note: 'overrides db/drop: allow', opts: { policy: 'overrides: { db/drop: allow }\n' } },
  {
    cmd: `psql -c 'DROP TABLE users'`,
    note: 'a trusted project may allow drop_table',
    opts: { policy: 'trusted_projects: [/home/agent/proj]\n', projectPolicy: 'database:\n  actions: { drop_table: allow }\n' },
  },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'DROP TABLE users'`, ruleId: R, messageId: 'drop' },
  { cmd: `psql -c 'DROP DATABASE app'`, ruleId: R, messageId: 'drop' },
  { cmd: `psql -c 'DROP SCHEMA app CASCADE'`, ruleId: R, messageId: 'drop' },
  { cmd: `psql -c 'DROP VIEW v'`, ruleId: R, messageId: 'definition' },
  { cmd: `psql -c 'DROP INDEX users_email_idx'`, ruleId: R, messageId: 'definition' },
  { cmd: `psql -c 'DROP FUNCTION IF EXISTS touch()'`, ruleId: R, messageId: 'definition' },
  { cmd: `mysql -e 'DROP DATABASE shop'`, ruleId: R },
  { cmd: `sqlite3 app.db 'DROP TABLE users'`, ruleId: R },
  { cmd: `duckdb x.duckdb -c 'DROP TABLE t'`, ruleId: R },
  { cmd: 'dropdb myapp', ruleId: R, messageId: 'drop' },
  { cmd: 'mysqladmin -u root drop shop', ruleId: R },
  { cmd: `psql -c 'DROP TABLE users'`, note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
  { cmd: `psql -c 'DROP TABLE users'`, note: 'drop_index allowed, tables still held', ruleId: R, opts: allowIndexes },
  { cmd: `psql -c 'DROP TABLE users'`, note: 'a protected table', ruleId: R, action: 'deny', opts: protectUsers },
  { cmd: `psql -c 'DROP TABLE billing.invoices'`, note: 'protected by a schema.* pattern', ruleId: R, action: 'deny', opts: protectUsers },
  { cmd: `psql -c 'DROP TABLE orders'`, note: 'not a protected table', ruleId: R, action: 'ask', opts: protectUsers },
  { cmd: `psql -c 'DROP DATABASE postgres'`, note: 'protected by default', ruleId: R, action: 'deny' },
  { cmd: `mysql -e 'DROP SCHEMA mysql'`, note: 'protected by default', ruleId: R, action: 'deny' },
  { cmd: `psql -h db.prod.internal -c 'DROP TABLE users'`, note: 'production host', ruleId: R, action: 'deny' },
  { cmd: `psql -d app_production -c 'DROP TABLE users'`, note: 'production database', ruleId: R, action: 'deny' },
  { cmd: 'dropdb prod', note: 'dropping the production database', ruleId: R, action: 'deny' },
  {
    cmd: `psql -h db.prod.internal -c 'DROP TABLE users'`,
    note: 'production.action ask',
    ruleId: R,
    action: 'ask',
    opts: { policy: 'database:\n  production:\n    action: ask\n' },
  },
  {
    cmd: `psql -h pg.acme-live.net -c 'DROP TABLE users'`,
    note: 'a production host pattern of the user',
    ruleId: R,
    action: 'deny',
    opts: { policy: 'database:\n  production:\n    hosts: ["*.acme-live.net"]\n' },
  },
  {
    cmd: `psql -c 'DROP INDEX i'`,
    note: 'a project raises drop_index to deny',
    ruleId: R,
    action: 'deny',
    opts: { projectPolicy: 'database:\n  actions: { drop_index: deny }\n' },
  },
  {
    cmd: `psql -c 'DROP TABLE users'`,
    note: 'a project cannot allow drop_table',
    ruleId: R,
    action: 'ask',
    opts: { projectPolicy: 'database:\n  actions: { drop_table: allow }\n' },
  },
  {
    cmd: `psql -c 'DROP TABLE users'`,
    note: 'a project protects a table',
    ruleId: R,
    action: 'deny',
    opts: { projectPolicy: 'database:\n  protected:\n    tables: [users]\n' },
  },
  {
    cmd: `psql -h db.prod.internal -c 'DROP TABLE users'`,
    note: 'a project cannot lower production.action',
    ruleId: R,
    action: 'deny',
    opts: { projectPolicy: 'database:\n  production:\n    action: ask\n' },
  },
  {
    cmd: `psql -h staging-db -c 'DROP TABLE users'`,
    note: 'a project adds a production host',
    ruleId: R,
    action: 'deny',
    opts: { projectPolicy: 'database:\n  production:\n    hosts: [staging-db]\n' },
  },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of allowedByPolicy) {
  void test(nameOf(c), () => {
    const d = decisionFor(c.cmd, c.opts);
    assert.equal(d.verdict, 'allow', d.reason);
    assert.deepEqual(
      d.findings.map((f) => `${f.ruleId}:${f.action}`),
      [`${R}:allow`],
    );
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'ask', messageId: c.messageId });
  });
}
