// Bundle-time replacement for stage-loader.ts (scripts/build.mjs swaps it in): the gate's stage is
// its own bundle, dist/gate-stage.cjs, deployed next to the hook bundles and required from there the
// first time a call needs it (an external operation, or a call the guard holds). A missing or broken
// bundle throws, and the hook fails closed (deny).

import { requireSibling } from '../sibling.js';
import type { Stage } from './stage-loader.js';

export type { Stage };

export function loadStage(): Promise<Stage> {
  return Promise.resolve(requireSibling<Stage>('gate-stage.cjs'));
}
