// Bundle-time replacement for engine-loader.ts (scripts/build.mjs swaps it in): the SQL engine is
// its own bundle, dist/sql-engine.cjs, deployed next to the hook bundles and required from there
// the first time a command needs it. A missing or broken engine bundle throws, and the hook fails
// closed (deny).

import { requireSibling } from '../sibling.js';
import type { Engine } from './engine-loader.js';

export type { Engine };

export function loadEngine(): Engine {
  return requireSibling<Engine>('sql-engine.cjs');
}
