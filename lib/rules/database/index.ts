// The database pack: SQL run through database clients (judged statement by statement, lib/sql),
// Redis and MongoDB commands, and framework commands that drop or reset a database.
import type { Rule } from '../define.js';
import alterDrop from './alter-drop.js';
import deleteAll from './delete-all.js';
import drop from './drop.js';
import dropUserRole from './drop-user-role.js';
import frameworkReset from './framework-reset.js';
import grantAll from './grant-all.js';
import mongoDrop from './mongo-drop.js';
import redisFlush from './redis-flush.js';
import truncate from './truncate.js';
import unseenSql from './unseen-sql.js';

export const DATABASE_RULES: readonly Rule[] = [drop, truncate, deleteAll, alterDrop, dropUserRole, grantAll, unseenSql, frameworkReset, redisFlush, mongoDrop];
