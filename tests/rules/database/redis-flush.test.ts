// db/redis-flush: FLUSHALL / FLUSHDB through redis-cli (valkey-cli, keydb-cli), also inside EVAL
// scripts, --eval files and piped command lists.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/redis-flush';
const FIX = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-redis-'));
after(() => fs.rmSync(FIX, { recursive: true, force: true }));
fs.writeFileSync(path.join(FIX, 'wipe.lua'), "return redis.call('FLUSHDB')\n");
fs.writeFileSync(path.join(FIX, 'count.lua'), "return redis.call('DBSIZE')\n");
fs.writeFileSync(path.join(FIX, 'cmds.txt'), 'SET a 1\nflushall\n');
const inFix = { cwd: FIX };

const valid: Valid[] = [
  { cmd: 'redis-cli GET session:1' },
  { cmd: 'redis-cli -h localhost -p 6379 DEL session:1' },
  { cmd: 'redis-cli --scan --pattern "session:*"' },
  { cmd: 'redis-cli INFO keyspace' },
  { cmd: `redis-cli EVAL "return redis.call('GET', KEYS[1])" 1 k` },
  { cmd: 'redis-cli --eval count.lua', opts: inFix },
  { cmd: 'echo "GET a" | redis-cli' },
  { cmd: 'redis-cli ECHO flush', note: 'not the FLUSH command' },
  { cmd: 'grep -r FLUSHALL src/' },
];

const invalid: Invalid[] = [
  { cmd: 'redis-cli FLUSHALL', ruleId: R, messageId: 'flush' },
  { cmd: 'redis-cli flushdb', ruleId: R, messageId: 'flush' },
  { cmd: 'redis-cli -n 2 FlushDB ASYNC', ruleId: R },
  { cmd: 'valkey-cli FLUSHALL', ruleId: R },
  { cmd: 'redis-cli --cluster call 127.0.0.1:7000 FLUSHALL', ruleId: R },
  { cmd: `redis-cli EVAL "return redis.call('flushall')" 0`, ruleId: R, messageId: 'eval' },
  { cmd: `redis-cli EVAL "return redis.call('FLUSH' .. 'ALL')" 0`, note: 'the command built at run time', ruleId: R, messageId: 'eval' },
  { cmd: 'redis-cli --eval wipe.lua', ruleId: R, messageId: 'eval', opts: inFix },
  { cmd: 'echo FLUSHALL | redis-cli', ruleId: R, messageId: 'flush' },
  { cmd: "redis-cli <<'EOF'\nSELECT 1\nFLUSHDB\nEOF", ruleId: R, messageId: 'flush' },
  { cmd: 'redis-cli < cmds.txt', ruleId: R, messageId: 'flush', opts: inFix },
  { cmd: 'redis-cli $CMD', ruleId: R, messageId: 'unseen' },
  { cmd: 'cat cmds.txt | redis-cli', ruleId: R, messageId: 'unseen' },
  { cmd: 'redis-cli --eval missing.lua', ruleId: R, messageId: 'unseen', opts: inFix },
  { cmd: 'redis-cli -h cache.prod.internal FLUSHALL', note: 'production host', ruleId: R, action: 'deny' },
  { cmd: 'redis-cli -u redis://prod-cache:6379/0 FLUSHDB', note: 'production URL', ruleId: R, action: 'deny' },
  { cmd: 'redis-cli FLUSHALL', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
