// db/mongo-drop: mongosh/mongo scripts that drop a database or collection or empty a collection
// (deleteMany({}), remove({})), and mongorestore --drop.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/mongo-drop';
const FIX = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-mongo-'));
after(() => fs.rmSync(FIX, { recursive: true, force: true }));
fs.writeFileSync(path.join(FIX, 'reset.js'), 'db.getSiblingDB("shop").dropDatabase();\n');
fs.writeFileSync(path.join(FIX, 'report.js'), '// never db.dropDatabase() here\nprintjson(db.orders.countDocuments({}));\n');
const inFix = { cwd: FIX };

const valid: Valid[] = [
  { cmd: `mongosh --eval 'db.users.find()'` },
  { cmd: `mongosh shop --eval 'db.users.deleteMany({ status: "inactive" })'` },
  { cmd: `mongosh --eval 'db.users.deleteOne({})'`, note: 'one document' },
  { cmd: `mongosh --eval 'db.users.remove({ _id: 1 })'` },
  { cmd: `mongosh --eval 'db.users.countDocuments({})'` },
  { cmd: 'mongosh report.js', note: 'dropDatabase only in a comment', opts: inFix },
  { cmd: 'mongorestore dump/' },
  { cmd: 'mongodump --db shop' },
  { cmd: `mongosh --eval 'db.users.dropIndex("email_1")'` },
];

const invalid: Invalid[] = [
  { cmd: `mongosh --eval 'db.dropDatabase()'`, ruleId: R, messageId: 'drop-database' },
  { cmd: `mongo shop --eval 'db.dropDatabase()'`, ruleId: R, messageId: 'drop-database' },
  { cmd: `mongosh --eval 'db["dropDatabase"]()'`, note: 'a method named by a string', ruleId: R, messageId: 'drop-database' },
  { cmd: `mongosh --eval 'db.runCommand({ dropDatabase: 1 })'`, ruleId: R, messageId: 'drop-database' },
  { cmd: `mongosh --eval 'db.users.drop()'`, ruleId: R, messageId: 'drop-collection' },
  { cmd: `mongosh --eval 'db.getCollection("users").drop()'`, ruleId: R, messageId: 'drop-collection' },
  { cmd: `mongosh --eval 'db.runCommand({ drop: "users" })'`, ruleId: R, messageId: 'drop-collection' },
  { cmd: `mongosh --eval 'db.users.deleteMany({})'`, ruleId: R, messageId: 'delete-all' },
  { cmd: `mongosh --eval 'db.users.deleteMany( { } )'`, ruleId: R, messageId: 'delete-all' },
  { cmd: `mongosh --eval 'db.users.remove({})'`, ruleId: R, messageId: 'delete-all' },
  { cmd: `mongosh --eval 'db.users.deleteMany()'`, ruleId: R, messageId: 'delete-all' },
  { cmd: 'mongosh reset.js', ruleId: R, messageId: 'drop-database', opts: inFix },
  { cmd: 'mongosh --file reset.js', ruleId: R, messageId: 'drop-database', opts: inFix },
  { cmd: "mongosh shop <<'EOF'\ndb.orders.drop()\nEOF", ruleId: R, messageId: 'drop-collection' },
  { cmd: 'mongorestore --drop dump/', ruleId: R, messageId: 'restore-drop' },
  { cmd: 'mongosh missing.js', ruleId: R, messageId: 'unseen', opts: inFix },
  { cmd: 'cat reset.js | mongosh', ruleId: R, messageId: 'unseen' },
  { cmd: `mongosh "mongodb+srv://app@cluster0.prod.mongodb.net/shop" --eval 'db.dropDatabase()'`, note: 'production host', ruleId: R, action: 'deny' },
  { cmd: `mongosh --eval 'db.getSiblingDB("production").users.drop()'`, note: 'production database', ruleId: R, action: 'deny' },
];

tableTests(valid, invalid, 'ask');
