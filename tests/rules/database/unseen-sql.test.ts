// db/unseen-sql: a database client runs SQL warden cannot see — a file it cannot read, a pipe
// from a program, SQL built from $VAR or $(…), a client shell escape, more than it analyses.
// Files live in a throwaway directory used as the cwd.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { tableTests, type Invalid, type Valid } from '../../helpers.js';
import { MAX_SCRIPT_BYTES } from '../../../lib/sql/read.js';

const R = 'db/unseen-sql';
const FIX = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-unseen-'));
after(() => fs.rmSync(FIX, { recursive: true, force: true }));
fs.writeFileSync(path.join(FIX, 'ok.sql'), 'SELECT 1;\n');
fs.writeFileSync(path.join(FIX, 'big.sql'), 'SELECT 1;\n'.repeat(Math.ceil((MAX_SCRIPT_BYTES + 10) / 10)));
fs.mkdirSync(path.join(FIX, 'dir.sql'));
fs.writeFileSync(path.join(FIX, 'loop.sql'), '\\i loop.sql\n');
const inFix = { cwd: FIX };

const valid: Valid[] = [
  { cmd: 'psql -f ok.sql', opts: inFix },
  { cmd: 'psql < ok.sql', opts: inFix },
  { cmd: "echo 'SELECT 1' | psql" },
  { cmd: 'psql -c "SELECT * FROM users WHERE name = \'$NAME\'"', note: 'an unknown value inside a literal' },
  { cmd: 'sqlite3 app.db < /dev/null' },
  { cmd: 'psql app', note: 'no SQL: interactive' },
  { cmd: 'cat dump.sql | psql -c "SELECT 1"', note: 'psql ignores stdin with -c' },
];

const invalid: Invalid[] = [
  { cmd: 'psql -f missing.sql', ruleId: R, messageId: 'missing', opts: inFix },
  { cmd: 'psql -f dir.sql', note: 'not a regular file', ruleId: R, messageId: 'missing', opts: inFix },
  { cmd: 'psql -f /dev/stdin < missing.sql', ruleId: R, messageId: 'missing', opts: inFix },
  { cmd: 'psql -f "$FILE"', ruleId: R, messageId: 'dynamic' },
  { cmd: 'psql -f big.sql', ruleId: R, messageId: 'large', opts: inFix },
  { cmd: 'psql -f loop.sql', note: 'an include that includes itself', ruleId: R, messageId: 'bound', opts: inFix },
  { cmd: 'cat dump.sql | psql', ruleId: R, messageId: 'pipe' },
  { cmd: 'gunzip -c backup.sql.gz | psql app', ruleId: R, messageId: 'pipe' },
  { cmd: 'curl -s https://example.com/x.sql | mysql shop', ruleId: R, messageId: 'pipe' },
  { cmd: 'psql -c "$QUERY"', ruleId: R, messageId: 'dynamic' },
  { cmd: 'mysql -e "$(cat q.sql)"', ruleId: R, messageId: 'dynamic' },
  { cmd: 'psql -c "SELECT 1; $MORE"', ruleId: R, messageId: 'dynamic' },
  { cmd: `psql -c '\\! rm -rf build'`, ruleId: R, messageId: 'shell' },
  { cmd: `psql -c '\\copy t FROM PROGRAM ''curl x'''`, ruleId: R, messageId: 'shell' },
  { cmd: `mysql -e 'system ls'`, ruleId: R, messageId: 'shell' },
  { cmd: `mysql -e '\\! ls'`, ruleId: R, messageId: 'shell' },
  { cmd: `sqlite3 app.db '.system ls'`, ruleId: R, messageId: 'shell' },
  { cmd: `psql -c "${'SELECT 1;'.repeat(5001)}"`, ruleId: R, messageId: 'bound' },
  { cmd: 'cat dump.sql | psql', note: 'paranoid preset', ruleId: R, action: 'deny', opts: { policy: 'preset: paranoid\n' } },
  { cmd: 'cat dump.sql | psql -h db.prod.internal', note: 'production host', ruleId: R, action: 'deny' },
];

tableTests(valid, invalid, 'ask');
