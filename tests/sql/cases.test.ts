// The SQL guard over the real pipeline: commands that run SQL through each client and dialect,
// destructive and benign, with the exact set of rule ids each must raise (none: allowed). Files
// the commands read live in a throwaway directory used as the cwd.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { decisionFor, type Opts } from '../helpers.js';

const FIX = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-sql-cases-'));
after(() => fs.rmSync(FIX, { recursive: true, force: true }));
fs.writeFileSync(path.join(FIX, 'reset.sql'), '-- start over\nDROP TABLE IF EXISTS users;\nCREATE TABLE users (id int);\n');
fs.writeFileSync(path.join(FIX, 'seed.sql'), "INSERT INTO users (id, name) VALUES (1, 'DROP TABLE users');\n");
fs.writeFileSync(path.join(FIX, 'wipe.sql'), 'DELETE FROM orders;\n');
fs.mkdirSync(path.join(FIX, 'sql'));
fs.writeFileSync(path.join(FIX, 'sql', 'main.sql'), 'SELECT 1;\n\\ir reset.sql\n');
fs.writeFileSync(path.join(FIX, 'sql', 'reset.sql'), 'TRUNCATE audit_log;\n');
const inFix: Opts = { cwd: FIX };

const DROP = 'db/drop';
const TRUNCATE = 'db/truncate';
const ALL = 'db/delete-all';
const ALTER = 'db/alter-drop';
const USER = 'db/drop-user-role';
const GRANT = 'db/grant-all';
const UNSEEN = 'db/unseen-sql';

interface Case {
  cmd: string;
  /** Every rule id the command must raise, and no other; empty: allowed. */
  rules: readonly string[];
  /** The verdict, when it must be exactly this. */
  verdict?: 'ask' | 'deny';
  note?: string;
  opts?: Opts;
}

const CASES: readonly Case[] = [
  // psql (PostgreSQL): benign
  { cmd: `psql -c "SELECT 'DROP TABLE users'"`, rules: [] },
  { cmd: `psql -c 'SELECT * FROM users WHERE id = 1'`, rules: [] },
  { cmd: `psql -c 'DELETE FROM users WHERE id = 1'`, rules: [] },
  { cmd: `psql -c "UPDATE users SET name = 'x' WHERE id = 2"`, rules: [] },
  { cmd: `psql -c 'INSERT INTO audit (msg) VALUES ($$DROP TABLE users$$)'`, rules: [] },
  { cmd: `psql -c 'SELECT 1 -- DROP TABLE users'`, rules: [] },
  { cmd: `psql -c 'SELECT /* TRUNCATE users */ 1'`, rules: [] },
  { cmd: `psql -c 'SELECT "drop table" FROM t'`, rules: [] },
  { cmd: `psql -c 'CREATE TABLE members (id int, org int REFERENCES orgs ON DELETE CASCADE)'`, rules: [] },
  { cmd: `psql -c 'GRANT SELECT, UPDATE ON users TO app'`, rules: [] },
  { cmd: `psql -c 'ALTER TABLE users ADD COLUMN age int'`, rules: [] },
  { cmd: `psql -c 'ALTER TABLE users DROP CONSTRAINT users_email_key'`, rules: [] },
  { cmd: `psql -c 'ALTER TABLE users ALTER COLUMN age DROP NOT NULL'`, rules: [] },
  { cmd: `psql -c 'EXPLAIN DELETE FROM users'`, rules: [] },
  { cmd: `psql -c 'SELECT * FROM users FOR UPDATE'`, rules: [] },
  { cmd: `psql -c 'INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = t.n + 1'`, rules: [] },
  { cmd: 'psql -l', rules: [] },
  { cmd: `psql -d app -c '\\dt'`, rules: [] },
  { cmd: `psql -c "BEGIN; UPDATE users SET active = false WHERE last_login < now() - interval '1 year'; COMMIT"`, rules: [] },
  { cmd: `psql -c 'DELETE FROM sessions WHERE expires_at < now()'`, rules: [] },
  { cmd: `psql -c 'VACUUM ANALYZE users'`, rules: [] },
  { cmd: `psql -c "SELECT E'it\\\\'s; DROP TABLE x'"`, note: "E'…' escapes the quote", rules: [] },
  { cmd: "psql <<'SQL'\nSELECT count(*) FROM users;\nSQL", rules: [] },
  { cmd: "echo 'SELECT 1' | psql", rules: [] },
  { cmd: 'psql -c "DELETE FROM users WHERE id = $ID"', rules: [] },
  { cmd: `psql -c 'WITH x AS (SELECT id FROM users) SELECT * FROM x'`, rules: [] },
  { cmd: `psql -c 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email)'`, rules: [] },
  { cmd: 'psql -f seed.sql', rules: [], opts: inFix },
  { cmd: 'psql app', note: 'interactive, no SQL given', rules: [] },

  // psql: destructive, and the forms that hide it
  { cmd: `psql -c 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `psql -c 'drop table users'`, rules: [DROP] },
  { cmd: `psql -c 'DrOp TaBlE users'`, rules: [DROP] },
  { cmd: `psql -c 'DROP/**/TABLE/**/users'`, rules: [DROP] },
  { cmd: "psql <<'SQL'\nDROP -- not this line's end\n  TABLE\n\tusers;\nSQL", rules: [DROP] },
  { cmd: `psql -c 'DROP TABLE IF EXISTS users, orders CASCADE'`, rules: [DROP] },
  { cmd: `psql -c 'DROP SCHEMA public CASCADE'`, rules: [DROP] },
  { cmd: `psql -c 'DROP DATABASE app'`, rules: [DROP] },
  { cmd: `psql -c 'DROP VIEW active_users'`, rules: [DROP] },
  { cmd: `psql -c 'DROP MATERIALIZED VIEW stats'`, rules: [DROP] },
  { cmd: `psql -c 'DROP INDEX CONCURRENTLY users_email_idx'`, rules: [DROP] },
  { cmd: `psql -c 'DROP SEQUENCE users_id_seq'`, rules: [DROP] },
  { cmd: `psql -c 'DROP OWNED BY app'`, rules: [DROP] },
  { cmd: `psql -c 'TRUNCATE users'`, rules: [TRUNCATE] },
  { cmd: `psql -c 'TRUNCATE TABLE ONLY users RESTART IDENTITY CASCADE'`, rules: [TRUNCATE] },
  { cmd: `psql -c 'DELETE FROM users'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE 1=1'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE true'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE id = id'`, rules: [ALL] },
  { cmd: `psql -c "DELETE FROM users WHERE 'a' = 'a'"`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE id = 5 OR 1=1'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE NOT false'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users WHERE 2 > 1'`, rules: [ALL] },
  { cmd: `psql -c "DELETE FROM users WHERE name LIKE '%'"`, rules: [ALL] },
  { cmd: `psql -c "UPDATE users SET email = 'x@example.com'"`, rules: [ALL] },
  { cmd: `psql -c 'UPDATE users SET admin = true WHERE (1 = 1)'`, rules: [ALL] },
  { cmd: `psql -c 'ALTER TABLE users DROP COLUMN email'`, rules: [ALTER] },
  { cmd: `psql -c 'ALTER TABLE users DROP email'`, rules: [ALTER] },
  { cmd: `psql -c 'ALTER TABLE IF EXISTS ONLY users DROP COLUMN IF EXISTS email CASCADE'`, rules: [ALTER] },
  { cmd: `psql -c 'DROP USER bob'`, rules: [USER] },
  { cmd: `psql -c 'DROP ROLE IF EXISTS readonly'`, rules: [USER] },
  { cmd: `psql -c 'GRANT ALL PRIVILEGES ON DATABASE app TO bob'`, rules: [GRANT] },
  { cmd: `psql -c 'GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC'`, rules: [GRANT] },
  { cmd: `psql -c 'ALTER ROLE bob WITH SUPERUSER'`, rules: [GRANT] },
  { cmd: `psql -c 'SELECT 1; DROP TABLE users'`, note: 'multi-statement', rules: [DROP] },
  { cmd: `psql -c 'BEGIN; DELETE FROM orders; COMMIT;'`, rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM a WHERE id = 1; TRUNCATE b'`, rules: [TRUNCATE] },
  { cmd: `psql -c 'SELECT 1; DROP TABLE a; TRUNCATE b; DELETE FROM c'`, rules: [DROP, TRUNCATE, ALL] },
  { cmd: `psql -c 'WITH gone AS (DELETE FROM users RETURNING id) SELECT count(*) FROM gone'`, rules: [ALL] },
  { cmd: `psql -c 'EXPLAIN ANALYZE DELETE FROM users'`, rules: [ALL] },
  { cmd: `psql -c 'EXPLAIN (ANALYZE, BUFFERS) UPDATE users SET a = 1'`, rules: [ALL] },
  { cmd: `psql -c "DO \\$\\$ BEGIN EXECUTE 'DROP TABLE users'; END \\$\\$"`, rules: [DROP] },
  { cmd: `psql -c 'DO $body$ BEGIN TRUNCATE users; END $body$'`, rules: [TRUNCATE] },
  { cmd: `psql -c 'PREPARE wipe AS DELETE FROM users'`, rules: [ALL] },
  { cmd: `psql -c "SELECT 'a\\\\'; DROP TABLE users; --'"`, note: 'a backslash does not escape in a standard string', rules: [DROP] },
  { cmd: `psql -c "SELECT format('DROP TABLE %I', tablename) FROM pg_tables" -c '\\gexec'`, rules: [DROP] },
  { cmd: "psql <<'SQL'\nSELECT 'TRUNCATE ' || tablename FROM pg_tables \\gexec\nSQL", rules: [TRUNCATE] },
  { cmd: "psql <<'SQL'\nDROP TABLE users;\nSQL", rules: [DROP] },
  { cmd: "psql <<< 'TRUNCATE users'", rules: [TRUNCATE] },
  { cmd: "echo 'DROP TABLE users;' | psql app", rules: [DROP] },
  { cmd: "printf 'DELETE FROM %s;\\n' users | psql", rules: [ALL] },
  { cmd: `psql -c 'DELETE FROM users USING banned WHERE users.id = banned.id'`, note: 'not parsed: its WHERE is not checked', rules: [ALL] },
  { cmd: `psql --command='DROP TABLE users'`, rules: [DROP] },
  { cmd: `psql --comm 'DROP TABLE users'`, note: 'abbreviated long option', rules: [DROP] },
  { cmd: `psql -Xqc 'DROP TABLE users'`, note: 'grouped short options', rules: [DROP] },
  { cmd: `psql -d app -U admin -h localhost -p 5432 -c 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `psql postgres://admin@localhost/app -c 'TRUNCATE users'`, rules: [TRUNCATE] },
  { cmd: `sudo -u postgres psql -c 'DROP DATABASE app'`, rules: [DROP] },
  { cmd: `bash -c "psql -c 'DROP TABLE users'"`, rules: [DROP] },
  { cmd: 'psql -c "DROP TABLE $T"', rules: [DROP] },
  { cmd: 'psql -c "$SQL"', rules: [UNSEEN] },
  { cmd: 'psql -c "$(cat q.sql)"', rules: [UNSEEN] },
  { cmd: 'cat dump.sql | psql', rules: [UNSEEN] },
  { cmd: 'psql -f /nonexistent/warden/x.sql', rules: [UNSEEN] },
  { cmd: `psql -c '\\! rm -rf build'`, rules: [UNSEEN] },
  { cmd: "psql <<'SQL'\n\\i /nonexistent/warden/reset.sql\nSQL", rules: [UNSEEN] },

  // SQL from files
  { cmd: 'psql -f reset.sql', rules: [DROP], opts: inFix },
  { cmd: 'psql app < reset.sql', rules: [DROP], opts: inFix },
  { cmd: `psql -c '\\i reset.sql'`, rules: [DROP], opts: inFix },
  { cmd: 'psql -f sql/main.sql', note: '\\ir resolves against the including file', rules: [TRUNCATE], opts: inFix },
  { cmd: 'mysql shop < wipe.sql', rules: [ALL], opts: inFix },
  { cmd: `sqlite3 app.db '.read reset.sql'`, rules: [DROP], opts: inFix },
  { cmd: 'npx prisma db execute --file reset.sql', rules: [DROP], opts: inFix },
  { cmd: 'cd sql && psql -f reset.sql', note: 'relative to the directory after cd', rules: [TRUNCATE], opts: inFix },

  // mysql (MySQL): benign
  { cmd: `mysql -e 'SELECT * FROM users'`, rules: [] },
  { cmd: `mysql -e "SELECT 'DROP TABLE users'"`, rules: [] },
  { cmd: `mysql -e 'SELECT "DROP TABLE users"'`, note: 'a string in MySQL', rules: [] },
  { cmd: `mysql -e 'DELETE FROM users WHERE id = 1 LIMIT 1'`, rules: [] },
  { cmd: `mysql -e 'UPDATE users SET a = 1 WHERE id IN (1, 2)'`, rules: [] },
  { cmd: `mysql -e 'SELECT 1 # DROP TABLE users'`, rules: [] },
  { cmd: `mysql -e 'SELECT 1 -- DROP TABLE users'`, rules: [] },
  { cmd: `mysql -e 'DROP TEMPORARY TABLE tmp_import'`, rules: [] },
  { cmd: `mysql -e 'ALTER TABLE users ADD INDEX idx_email (email)'`, rules: [] },
  { cmd: `mysql -e 'ALTER TABLE users DROP INDEX idx_email'`, rules: [] },
  { cmd: `mysql -e 'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = a + 1'`, rules: [] },
  { cmd: `mysql -e 'UPDATE a JOIN b ON a.id = b.a_id SET a.flag = 1'`, rules: [] },
  { cmd: `mysql -e 'SHOW TABLES'`, rules: [] },
  { cmd: `mysql -u root -p shop -e 'SELECT 1'`, rules: [] },
  { cmd: `mariadb -e 'SELECT * FROM users'`, rules: [] },

  // mysql, mariadb: destructive
  { cmd: `mysql -e 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `mysql -e 'drop database shop'`, rules: [DROP] },
  { cmd: `mysql -e 'DROP SCHEMA IF EXISTS shop'`, rules: [DROP] },
  { cmd: `mysql -e 'TRUNCATE TABLE orders'`, rules: [TRUNCATE] },
  { cmd: `mysql -e 'DELETE FROM orders'`, rules: [ALL] },
  { cmd: `mysql -e 'DELETE FROM orders WHERE 1'`, rules: [ALL] },
  { cmd: `mysql -e 'DELETE FROM orders LIMIT 100'`, rules: [ALL] },
  { cmd: `mysql -e 'UPDATE users SET role = "admin"'`, rules: [ALL] },
  { cmd: `mysql -e 'DELETE FROM users # WHERE id = 1'`, rules: [ALL] },
  { cmd: `mysql -e '/*!50000 DROP TABLE users */'`, note: 'executable comment', rules: [DROP] },
  { cmd: `mysql -e 'SELECT 1; /*!DROP TABLE users*/'`, rules: [DROP] },
  { cmd: `mysql -e 'ALTER TABLE users DROP COLUMN email, DROP PARTITION p0'`, rules: [ALTER] },
  { cmd: `mysql -e "DROP USER 'bob'@'%'"`, rules: [USER] },
  { cmd: `mysql -e "GRANT ALL ON *.* TO 'bob'@'%'"`, rules: [GRANT] },
  { cmd: `mysql -e "PREPARE s FROM 'DROP TABLE users'; EXECUTE s"`, rules: [DROP] },
  { cmd: `mysql -e "SET @q = 'TRUNCATE users'; PREPARE s FROM @q; EXECUTE s"`, rules: [TRUNCATE] },
  { cmd: `mysql -e "SELECT 'a\\\\'; DROP TABLE users; -- '"`, note: 'runs the DROP under NO_BACKSLASH_ESCAPES', rules: [DROP] },
  { cmd: `mysql --execute='DROP TABLE users'`, rules: [DROP] },
  { cmd: `mysql --exec 'DROP TABLE users'`, note: 'abbreviated long option', rules: [DROP] },
  { cmd: `mysql --loose-execute='DROP TABLE users'`, rules: [DROP] },
  { cmd: `mysql --init_command='DROP TABLE users' shop`, rules: [DROP] },
  { cmd: `mysql -uroot -psecret -e'DROP TABLE users'`, rules: [DROP] },
  { cmd: "mysql shop <<'SQL'\nDELIMITER //\nDROP TABLE users//\nDELIMITER ;\nSQL", rules: [DROP] },
  { cmd: 'echo "DROP TABLE users" | mysql shop', rules: [DROP] },
  { cmd: "mysql shop <<< 'DELETE FROM sessions'", rules: [ALL] },
  { cmd: `mysql -e 'source /nonexistent/warden/x.sql'`, rules: [UNSEEN] },
  { cmd: `mysql -e 'system rm -rf build'`, rules: [UNSEEN] },
  { cmd: `mariadb -e 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `mariadb -e '/*M!100100 DROP TABLE users */'`, rules: [DROP] },

  // sqlite3 (SQLite)
  { cmd: `sqlite3 app.db 'SELECT * FROM users'`, rules: [] },
  { cmd: `sqlite3 app.db "SELECT 'DROP TABLE users'"`, rules: [] },
  { cmd: `sqlite3 app.db '.tables'`, rules: [] },
  { cmd: `sqlite3 app.db '.schema users'`, rules: [] },
  { cmd: `sqlite3 app.db 'DELETE FROM users WHERE rowid = 1'`, rules: [] },
  { cmd: `sqlite3 -header -column app.db 'SELECT 1'`, rules: [] },
  { cmd: `sqlite3 app.db 'SELECT "DROP TABLE x" FROM t'`, note: 'a quoted name in SQLite', rules: [] },
  { cmd: 'sqlite3 app.db < /dev/null', rules: [] },
  { cmd: `sqlite3 app.db 'DROP TABLE users;'`, rules: [DROP] },
  { cmd: `sqlite3 app.db 'DELETE FROM users;'`, rules: [ALL] },
  { cmd: `sqlite3 app.db 'UPDATE OR REPLACE users SET name = 1'`, rules: [ALL] },
  { cmd: `sqlite3 app.db 'ALTER TABLE users DROP COLUMN email'`, rules: [ALTER] },
  { cmd: `sqlite3 app.db 'DROP TABLE [users]'`, rules: [DROP] },
  { cmd: "sqlite3 app.db 'DROP TABLE `users`'", rules: [DROP] },
  { cmd: `sqlite3 app.db 'SELECT 1' 'DROP TABLE users'`, note: 'a second SQL argument', rules: [DROP] },
  { cmd: `sqlite3 -cmd 'DROP TABLE users' app.db`, rules: [DROP] },
  { cmd: "sqlite3 app.db <<'SQL'\nBEGIN;\nDROP TABLE users;\nCOMMIT;\nSQL", rules: [DROP] },
  { cmd: `sqlite3 app.db '.shell rm -rf build'`, rules: [UNSEEN] },
  { cmd: `sqlite3 app.db '.read /nonexistent/warden/x.sql'`, rules: [UNSEEN] },
  { cmd: `sqlite3 app.db ".read '|./gen.sh'"`, rules: [UNSEEN] },

  // duckdb, clickhouse, cockroach
  { cmd: `duckdb analytics.duckdb -c 'DROP TABLE events'`, rules: [DROP] },
  { cmd: `duckdb analytics.duckdb -c 'SELECT count(*) FROM events'`, rules: [] },
  { cmd: `duckdb analytics.duckdb 'DELETE FROM events'`, rules: [ALL] },
  { cmd: `clickhouse-client --query 'TRUNCATE TABLE events'`, rules: [TRUNCATE] },
  { cmd: `clickhouse-client -q 'SELECT count() FROM events'`, rules: [] },
  { cmd: `clickhouse client --query='DROP TABLE events'`, rules: [DROP] },
  { cmd: `clickhouse-client -q 'ALTER TABLE events DELETE WHERE 1'`, rules: [ALL] },
  { cmd: `clickhouse-client -q "ALTER TABLE events DELETE WHERE day < '2024-01-01'"`, note: 'a mutation warden cannot parse', rules: [ALL] },
  { cmd: `clickhouse-client -q 'ALTER TABLE events DROP PARTITION 202401'`, rules: [ALTER] },
  { cmd: `cockroach sql --execute='DROP DATABASE bank'`, rules: [DROP] },
  { cmd: `cockroach sql -e 'SELECT 1' --insecure`, rules: [] },
  { cmd: 'cockroach start --insecure', rules: [] },

  // Tools that drop without SQL on the command line
  { cmd: 'dropdb myapp', rules: [DROP] },
  { cmd: 'dropdb --if-exists -h localhost myapp', rules: [DROP] },
  { cmd: 'dropuser bob', rules: [USER] },
  { cmd: 'mysqladmin -u root -f drop shop', rules: [DROP] },
  { cmd: 'mysqladmin status', rules: [] },
  { cmd: 'createdb myapp', rules: [] },
  { cmd: "npx prisma db execute --stdin <<< 'TRUNCATE users'", rules: [TRUNCATE] },
  { cmd: 'npx prisma generate', rules: [] },

  // Not SQL at all
  { cmd: 'grep -rn "DROP TABLE" .', rules: [] },
  { cmd: 'git commit -m "drop table cleanup"', rules: [] },
  { cmd: "echo 'DROP TABLE users'", rules: [] },
  { cmd: 'cat migrations/001_drop_users.sql', rules: [] },
  { cmd: "echo 'DROP TABLE users' > reset.sql", rules: [] },
  { cmd: "rg -i 'truncate table' src", rules: [] },

  // Behind wrappers and shells
  { cmd: `timeout 30 psql -c 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `env PGCONNECT_TIMEOUT=5 psql -c 'TRUNCATE users'`, rules: [TRUNCATE] },
  { cmd: `sh -c "echo 'DROP TABLE users' | psql"`, rules: [DROP] },
  { cmd: `psql -c 'SELECT 1' && psql -c 'DROP TABLE users'`, rules: [DROP] },
  { cmd: 'for t in a b; do psql -c "DROP TABLE $t"; done', rules: [DROP] },
  { cmd: `docker exec -i db psql -U postgres -c 'DROP TABLE users'`, note: 'through the shell analysis', rules: [DROP] },
  { cmd: `docker compose exec db psql -c 'DELETE FROM orders'`, rules: [ALL] },
  { cmd: `podman exec db sqlite3 /data/app.db 'DROP TABLE users'`, rules: [DROP] },
  { cmd: `kubectl exec -it pg-0 -- psql -c 'TRUNCATE events'`, rules: [TRUNCATE] },
  { cmd: `ssh db1 "mysql -e 'DROP DATABASE shop'"`, rules: [DROP] },
  { cmd: `docker exec db psql -c 'SELECT count(*) FROM users'`, rules: [] },

  // Production targets: deny there, ask elsewhere
  { cmd: `psql -h db.prod.internal -c 'DROP TABLE users'`, rules: [DROP], verdict: 'deny' },
  { cmd: `psql postgresql://app@db-production-1/app -c 'TRUNCATE users'`, rules: [TRUNCATE], verdict: 'deny' },
  { cmd: `psql 'host=localhost dbname=shop_prod' -c 'DELETE FROM orders'`, rules: [ALL], verdict: 'deny' },
  { cmd: `mysql -h localhost shop_production -e 'DELETE FROM orders'`, rules: [ALL], verdict: 'deny' },
  { cmd: `sqlite3 prod.db 'DROP TABLE users'`, rules: [DROP], verdict: 'deny' },
  { cmd: `psql -c '\\c prod' -c 'DROP TABLE users'`, note: 'switches to the production database', rules: [DROP], verdict: 'deny' },
  { cmd: `psql -h products.internal -c 'DROP TABLE users'`, note: 'products is not prod', rules: [DROP], verdict: 'ask' },
  { cmd: `psql -h db.prod.internal -c 'SELECT * FROM users'`, rules: [] },
];

function ruleIds(cmd: string, opts?: Opts): { ids: string[]; verdict: string; why: string } {
  const d = decisionFor(cmd, opts);
  const ids = [...new Set(d.findings.map((f) => f.ruleId))].sort();
  return { ids, verdict: d.verdict, why: `${d.verdict}: ${d.findings.map((f) => `${f.ruleId}(${f.action})`).join(', ') || 'no findings'}\n${d.reason}` };
}

for (const c of CASES) {
  void test(c.note === undefined ? c.cmd : `${c.cmd}  [${c.note}]`, () => {
    const r = ruleIds(c.cmd, c.opts);
    assert.deepEqual(r.ids, [...c.rules].sort(), r.why);
    if (c.rules.length === 0) assert.equal(r.verdict, 'allow', r.why);
    if (c.verdict !== undefined) assert.equal(r.verdict, c.verdict, r.why);
  });
}

void test('the table has at least 150 SQL cases, destructive and benign', () => {
  const sql = CASES.filter((c) => !/^(grep|git|echo '|cat migrations|rg) /.test(c.cmd));
  assert.ok(sql.length >= 150, `${sql.length} cases`);
  assert.ok(sql.filter((c) => c.rules.length === 0).length >= 50);
  assert.ok(sql.filter((c) => c.rules.length > 0).length >= 100);
});
