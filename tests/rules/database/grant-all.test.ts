// db/grant-all: GRANT ALL [PRIVILEGES] and ALTER ROLE … SUPERUSER hand out every privilege.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/grant-all';

const valid: Valid[] = [
  { cmd: `psql -c 'GRANT SELECT ON users TO app'` },
  { cmd: `psql -c 'GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO app'` },
  { cmd: `psql -c 'GRANT readonly TO bob'`, note: 'role membership' },
  { cmd: `mysql -e "GRANT SELECT ON shop.* TO 'app'@'%'"` },
  { cmd: `psql -c 'ALTER ROLE app NOSUPERUSER'` },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'GRANT ALL ON users TO app'`, ruleId: R, messageId: 'grant' },
  { cmd: `psql -c 'GRANT ALL PRIVILEGES ON DATABASE app TO bob'`, ruleId: R },
  { cmd: `psql -c 'grant all on all tables in schema public to public'`, ruleId: R },
  { cmd: `mysql -e "GRANT ALL ON *.* TO 'bob'@'%' WITH GRANT OPTION"`, ruleId: R },
  { cmd: `psql -c 'ALTER USER bob WITH SUPERUSER'`, ruleId: R },
  { cmd: `psql -c 'GRANT ALL ON users TO app'`, note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
