// The shipped policy file documents the defaults: it must parse to exactly the schema's defaults,
// mention every rule id, and the generated JSON Schema must be current.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PolicySchema } from '../../lib/policy/schema.js';
import { parsePolicyText } from '../../lib/policy/parse.js';
import { RULES } from '../../lib/rules/index.js';
import { SCHEMA_FILE, schemaText } from '../../scripts/gen-schema.js';

const SHIPPED = fileURLToPath(new URL('../../config/policy.yaml', import.meta.url));
const text = fs.readFileSync(SHIPPED, 'utf8');

void test('config/policy.yaml is valid and equals the schema defaults', () => {
  const r = parsePolicyText(text, SHIPPED);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(PolicySchema.parse(parse(text)), PolicySchema.parse({}));
});

void test('config/policy.yaml documents every rule id', () => {
  const missing = RULES.map((r) => r.id).filter((id) => !text.includes(id));
  assert.deepEqual(missing, []);
});

void test('config/policy.schema.json is generated from the current schema (npm run schema)', () => {
  assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), schemaText());
});
