// Bundle-time replacement for parser.ts (scripts/build.mjs swaps it in): each node-sql-parser
// dialect build is bundled on its own as dist/sql-<dialect>.cjs, deployed next to the hook bundles,
// and required from there the first time a statement of that dialect needs parsing.

import { requireSibling } from '../sibling.js';
import type { ParserDialect, SqlParser } from './parser.js';

export type { ParserDialect, SqlParser };

type Build = { Parser: new () => SqlParser };

export function loadParser(dialect: ParserDialect): SqlParser {
  const build = requireSibling<Build>(`sql-${dialect}.cjs`);
  return new build.Parser();
}
