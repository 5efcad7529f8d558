// Bundle-time replacement for stage-loader.ts (scripts/build.mjs swaps it in): the gate's stage is
// its own bundle, dist/gate-stage.cjs, deployed next to the hook bundles and required from there the
// first time a call needs it (an external operation, or a call the guard holds). A missing or broken
// bundle throws, and the hook fails closed (deny).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Stage } from './stage-loader.js';

export type { Stage };

let loaded: Stage | undefined;

export function loadStage(): Promise<Stage> {
  loaded ??= createRequire(__filename)(path.join(__dirname, 'gate-stage.cjs')) as Stage;
  return Promise.resolve(loaded);
}
