// db/drop-user-role: DROP USER / DROP ROLE (and dropuser) lock out whatever logs in as them.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/drop-user-role';

const valid: Valid[] = [
  { cmd: `psql -c 'CREATE ROLE readonly'` },
  { cmd: `psql -c 'ALTER ROLE app NOLOGIN'` },
  { cmd: `psql -c 'REVOKE ALL ON users FROM app'` },
  { cmd: `mysql -e "SELECT user FROM mysql.user WHERE user = 'drop user'"` },
  { cmd: 'createuser app' },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'DROP USER bob'`, ruleId: R, messageId: 'drop' },
  { cmd: `psql -c 'DROP ROLE IF EXISTS readonly, app'`, ruleId: R },
  { cmd: `psql -c 'DROP GROUP admins'`, ruleId: R },
  { cmd: `mysql -e "DROP USER 'bob'@'localhost'"`, ruleId: R },
  { cmd: 'dropuser bob', ruleId: R },
  { cmd: 'dropuser -h db.prod.internal bob', note: 'production host', ruleId: R, action: 'deny' },
];

tableTests(valid, invalid, 'ask');
