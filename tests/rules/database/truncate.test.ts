// db/truncate: TRUNCATE empties whole tables, with no WHERE and (mostly) no rollback.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/truncate';

const valid: Valid[] = [
  { cmd: `psql -c "SELECT 'TRUNCATE users'"` },
  { cmd: `psql -c 'SELECT truncate_log FROM settings'` },
  { cmd: `mysql -e 'SELECT TRUNCATE(1.234, 1)'`, note: 'the TRUNCATE function' },
  { cmd: 'truncate -s 0 build.log', note: 'the coreutils program' },
];

const invalid: Invalid[] = [
  { cmd: `psql -c 'TRUNCATE users'`, ruleId: R, messageId: 'truncate' },
  { cmd: `psql -c 'truncate table users, orders restart identity'`, ruleId: R },
  { cmd: `mysql -e 'TRUNCATE TABLE orders'`, ruleId: R },
  { cmd: `clickhouse-client -q 'TRUNCATE TABLE IF EXISTS events'`, ruleId: R },
  { cmd: `psql -c 'SELECT 1; TRUNCATE audit'`, ruleId: R },
  { cmd: "psql <<< 'TRUNCATE users'", ruleId: R },
  { cmd: `psql -c "DO \\$\\$ BEGIN EXECUTE 'TRUNCATE ' || 'users'; END \\$\\$"`, note: 'built inside a DO block', ruleId: R },
  { cmd: `psql -c 'TRUNCATE users'`, note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
  { cmd: `psql -c 'TRUNCATE users'`, note: 'a protected table', ruleId: R, action: 'deny', opts: { policy: 'database:\n  protected:\n    tables: [Users]\n' } },
  { cmd: `psql -c 'TRUNCATE public.users'`, note: 'a protected table, qualified', ruleId: R, action: 'deny', opts: { policy: 'database:\n  protected:\n    tables: [users]\n' } },
  { cmd: `psql -h prd-pg-01 -c 'TRUNCATE users'`, note: 'production host', ruleId: R, action: 'deny' },
  { cmd: `psql -c 'TRUNCATE users'`, note: 'the user sets truncate to deny', ruleId: R, action: 'deny', opts: { policy: 'database:\n  actions: { truncate: deny }\n' } },
];

tableTests(valid, invalid, 'ask');
