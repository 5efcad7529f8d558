// Writes config/policy.schema.json from the zod schema (the single source of truth).
// A test fails when the committed file is stale.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '../lib/policy/schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../config/policy.schema.json', import.meta.url));

export function schemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
