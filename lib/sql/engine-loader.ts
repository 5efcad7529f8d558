// The SQL engine, for the pipeline and the database rules. This file is what source and tests
// (tsx) run: a plain import. The esbuild bundles get engine-loader.dist.ts in its place
// (scripts/build.mjs), which requires dist/sql-engine.cjs from next to the hook on first use.

import * as engine from './engine.js';

export type Engine = typeof engine;

export function loadEngine(): Engine {
  return engine;
}
