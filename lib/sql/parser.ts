// Loads node-sql-parser, one dialect build at a time and only when a statement needs parsing.
// The full package costs ~150 ms to load; one dialect build ~10 ms (measured on Node 20).
//
// This file is what source and tests (tsx) run. The esbuild bundles get parser.dist.ts in its
// place (scripts/build.mjs), which loads the dialect from its own bundle next to the hook's, so
// node-sql-parser is never part of the PreToolUse bundle's start-up.

import { createRequire } from 'node:module';

/** node-sql-parser's dialect builds warden uses. */
export type ParserDialect = 'postgresql' | 'mysql' | 'mariadb' | 'sqlite';

export const PARSER_DIALECTS: readonly ParserDialect[] = ['postgresql', 'mysql', 'mariadb', 'sqlite'];

export interface SqlParser {
  astify(sql: string): unknown;
}

type Build = { Parser: new () => SqlParser };

export function loadParser(dialect: ParserDialect): SqlParser {
  const build = createRequire(import.meta.url)(`node-sql-parser/build/${dialect}`) as Build;
  return new build.Parser();
}
