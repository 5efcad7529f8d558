// db/alter-drop: ALTER TABLE … DROP COLUMN / DROP PARTITION deletes the data stored there.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/alter-drop';

const valid: Valid[] = [
  { cmd: `psql -c 'ALTER TABLE users ADD COLUMN age int'` },
  { cmd: `psql -c 'ALTER TABLE users DROP CONSTRAINT users_pkey'` },
  { cmd: `psql -c 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT'` },
  { cmd: `psql -c 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL'` },
  { cmd: `mysql -e 'ALTER TABLE users DROP INDEX idx_email'` },
  { cmd: `mysql -e 'ALTER TABLE users DROP PRIMARY KEY'` },
  { cmd: `mysql -e 'ALTER TABLE users DROP FOREIGN KEY fk_org'` },
  { cmd: `psql -c 'ALTER TABLE users RENAME COLUMN email TO mail'` },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'ALTER TABLE users DROP COLUMN email'`, ruleId: R, messageId: 'drop' },
  { cmd: `psql -c 'alter table users drop email'`, ruleId: R },
  { cmd: `psql -c 'ALTER TABLE users ADD COLUMN a int, DROP COLUMN b'`, ruleId: R },
  { cmd: `mysql -e 'ALTER TABLE events DROP PARTITION p2023'`, ruleId: R },
  { cmd: `sqlite3 app.db 'ALTER TABLE users DROP COLUMN email'`, ruleId: R },
  { cmd: `clickhouse-client -q 'ALTER TABLE events DROP COLUMN payload'`, ruleId: R },
  { cmd: `psql -c 'ALTER TABLE users DROP COLUMN email'`, note: 'a protected table', ruleId: R, action: 'deny', opts: { policy: 'database:\n  protected:\n    tables: [users]\n' } },
  { cmd: `psql -c 'ALTER TABLE users DROP COLUMN email'`, note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
