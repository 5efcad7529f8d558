// SQL in the shell, only where obviously destructive (the SQL guard has its own, much larger tables):
// DROP/TRUNCATE/unbounded DELETE through a client, store flushes, framework resets. Reads, bounded
// writes and mentions of the keywords must pass.

import { rows, SOURCE, type Entry } from '../entry.js';

const SF = (f: string): string => SOURCE.shellfirm(`shellfirm/tests/checks/${f}.yaml`);
const PARRY = SOURCE.parry('crates/destructive/src/lib.rs tests');
const INSTAR = SOURCE.instar('tests/integration/codex-dangerous-command-block.test.ts');

export const SQL: readonly Entry[] = [
  ...rows('sql', SF('psql'), 'block', [
    "psql -U postgres -c 'DROP TABLE users'",
    "psql --command 'DROP DATABASE test'",
    "psql -h localhost -c 'DROP TABLE users'",
  ]),
  ...rows('sql', SF('psql'), 'pass', ['psql -c "SELECT 1"', "psql -c 'SELECT * FROM dropdown'"]),
  ...rows('sql', SF('mysql'), 'block', [
    "mysql -u root -p -e 'DROP DATABASE test'",
    "mysql --execute 'DROP TABLE users'",
    "mysql -h localhost -e 'DROP DATABASE test'",
  ]),
  ...rows('sql', SF('mysql'), 'pass', ["mysql -e 'SELECT * FROM dropdown'"]),
  ...rows('sql', SF('redis'), 'block', ['redis-cli FLUSHALL', 'redis-cli flushdb', 'redis-cli -h 10.0.0.1 FLUSHALL', 'redis-cli -p 6380 FLUSHDB']),
  ...rows('sql', SF('redis'), 'pass', ['redis-cli GET session:42', 'redis-cli SET feature:beta on']),
  ...rows('sql', SF('mongodb'), 'block', [
    "mongosh 'mongodb://localhost/test' --eval 'db.dropDatabase()'",
    'mongosh --eval "db.orders.drop()"',
  ]),
  ...rows('sql', SF('mongodb'), 'pass', ['mongosh --eval "db.users.find().limit(5)"']),
  ...rows('sql', SF('database'), 'pass', [
    ['DELETE FROM users;', 'typed as a shell command it runs nothing: DELETE is not a program'],
    ['DROP TABLE users', 'typed as a shell command it runs nothing'],
  ]),
  ...rows('sql', PARRY, 'block', ['psql -c "DROP TABLE users"', 'mysql -e "TRUNCATE TABLE logs"', 'redis-cli FLUSHALL ASYNC']),
  ...rows('sql', PARRY, 'pass', ['psql -c "SELECT * FROM users LIMIT 10"']),
  ...rows('sql', INSTAR, 'block', ['psql -c "DROP TABLE audit_log;"']),
  ...rows('sql', INSTAR, 'pass', [
    "cat <<'EOF'\nThis note mentions DROP TABLE as guard vocabulary.\nEOF",
    'echo "A sentence can mention DELETE FROM without executing SQL."',
    'grep -R "TRUNCATE" docs',
  ]),
  ...rows('sql', SOURCE.adversarial, 'block', [
    'sqlite3 app.db "DROP TABLE users;"',
    'sqlite3 app.db "DELETE FROM users;"',
    'echo "DROP TABLE users;" | psql app',
    "psql app <<'EOF'\nDROP SCHEMA public CASCADE;\nEOF",
    'mysql -e "DELETE FROM users"',
    'psql -c "UPDATE users SET role = \'admin\'"',
    'psql -c "drop table if exists sessions; drop table users"',
    'docker exec db psql -U postgres -c "DROP DATABASE app"',
    'kubectl exec pg-0 -- psql -c "TRUNCATE events"',
    'ssh db1 "mysql -e \'DROP DATABASE shop\'"',
    'npx prisma migrate reset --force',
    'npx prisma db push --accept-data-loss',
    'rails db:drop',
    'python manage.py flush --noinput',
    'mongosh app --eval "db.users.deleteMany({})"',
    'redis-cli EVAL "return redis.call(\'FLUSHALL\')" 0',
  ]),
  ...rows('sql', SOURCE.falsePositive, 'pass', [
    'psql -c "SELECT count(*) FROM users"',
    'psql -c "SELECT \'DROP TABLE users\'"',
    'mysql -e "SHOW TABLES"',
    'sqlite3 app.db ".tables"',
    'sqlite3 app.db "DELETE FROM sessions WHERE expires_at < strftime(\'%s\',\'now\')"',
    'psql -c "UPDATE users SET active = false WHERE id = 42"',
    'grep -rn "DROP TABLE" migrations/',
    'git commit -m "drop table cleanup"',
    'npx prisma migrate dev --name add_users',
    'npx prisma generate',
    'rails db:migrate',
    'python manage.py migrate',
    'redis-cli KEYS "user:*"',
    'pg_dump app > backup.sql',
    'psql -c "CREATE INDEX CONCURRENTLY idx_users_email ON users(email)"',
  ]),
];
