// Bundle-time replacement for engine-loader.ts (scripts/build.mjs swaps it in): the SQL engine is
// its own bundle, dist/sql-engine.cjs, deployed next to the hook bundles and required from there
// the first time a command needs it. A missing or broken engine bundle throws, and the hook fails
// closed (deny).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Engine } from './engine-loader.js';

export type { Engine };

let loaded: Engine | undefined;

export function loadEngine(): Engine {
  loaded ??= createRequire(__filename)(path.join(__dirname, 'sql-engine.cjs')) as Engine;
  return loaded;
}
