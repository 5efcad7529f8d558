// db/delete-all: DELETE or UPDATE that reaches every row (no WHERE, or one that is always true),
// and DELETE/UPDATE statements warden could not parse, whose WHERE it cannot check.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/delete-all';

const valid: Valid[] = [
  { cmd: `psql -c 'DELETE FROM users WHERE id = 1'` },
  { cmd: `psql -c 'DELETE FROM users WHERE id IN (1, 2, 3)'` },
  { cmd: `psql -c "UPDATE users SET name = 'a' WHERE email = 'a@example.com'"` },
  { cmd: `psql -c 'UPDATE users SET n = n + 1 WHERE id = $1'`, note: 'a parameter' },
  { cmd: `psql -c 'DELETE FROM users WHERE 1 = 0'`, note: 'always false' },
  { cmd: `psql -c 'DELETE FROM users WHERE id = 1 AND 1 = 1'`, note: 'AND keeps the restriction' },
  { cmd: `mysql -e 'DELETE FROM users WHERE id = 1'` },
  { cmd: `mysql -e 'UPDATE orders o JOIN users u ON o.user_id = u.id SET o.flag = 1'`, note: 'a join restricts the rows' },
  { cmd: `sqlite3 app.db 'DELETE FROM users WHERE rowid = 3'` },
  { cmd: `psql -c "SELECT 'DELETE FROM users'"` },
  { cmd: `psql -c 'SELECT * FROM t FOR UPDATE'` },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'DELETE FROM users'`, ruleId: R, messageId: 'all' },
  { cmd: `psql -c 'UPDATE users SET admin = true'`, ruleId: R, messageId: 'all' },
  { cmd: `psql -c 'DELETE FROM users WHERE 1=1'`, ruleId: R, messageId: 'all' },
  { cmd: `psql -c 'DELETE FROM users WHERE TRUE'`, ruleId: R },
  { cmd: `psql -c 'DELETE FROM users WHERE users.id = users.id'`, ruleId: R },
  { cmd: `psql -c 'UPDATE users SET a = 1 WHERE id = 3 OR 1 = 1'`, ruleId: R },
  { cmd: `psql -c "UPDATE users SET a = 1 WHERE 'x' <> 'y'"`, ruleId: R },
  { cmd: `psql -c 'DELETE FROM users WHERE 1 IS NOT NULL'`, ruleId: R },
  { cmd: `psql -c 'DELETE FROM users WHERE NOT (1 = 2)'`, ruleId: R },
  { cmd: `mysql -e 'DELETE FROM users WHERE 1'`, ruleId: R },
  { cmd: `mysql -e "DELETE FROM users WHERE '1'"`, ruleId: R },
  { cmd: `mysql -e 'DELETE FROM users WHERE id <=> id'`, ruleId: R },
  { cmd: `mysql -e 'DELETE LOW_PRIORITY QUICK FROM users'`, ruleId: R },
  { cmd: `mysql -e 'DELETE u FROM users u'`, note: 'multi-table form', ruleId: R },
  { cmd: `sqlite3 app.db 'DELETE FROM users'`, ruleId: R },
  { cmd: `psql -c 'WITH d AS (DELETE FROM users RETURNING *) SELECT * FROM d'`, ruleId: R },
  { cmd: `psql -c 'DELETE FROM users USING banned WHERE users.id = banned.id'`, ruleId: R, messageId: 'unparsed' },
  { cmd: `clickhouse-client -q "ALTER TABLE events DELETE WHERE ts < now()"`, ruleId: R, messageId: 'unparsed' },
  { cmd: `psql -c 'DELETE FROM users'`, note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
  { cmd: `psql -c 'UPDATE users SET a = 1'`, note: 'update_all set to deny', ruleId: R, action: 'deny', opts: { policy: 'database:\n  actions: { update_all: deny }\n' } },
  { cmd: `psql -c 'DELETE FROM users'`, note: 'update_all deny leaves delete_all alone', ruleId: R, action: 'ask', opts: { policy: 'database:\n  actions: { update_all: deny }\n' } },
  { cmd: `mysql -h 10.0.0.5 shop_prod -e 'DELETE FROM orders'`, note: 'production database', ruleId: R, action: 'deny' },
];

tableTests(valid, invalid, 'ask');
