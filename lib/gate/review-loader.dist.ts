// Bundle-time replacement for review-loader.ts: the SDK is its own bundle, dist/gate-review.cjs,
// required by path only when a review is needed (a require, not an import(): code the launcher runs
// inside its vm.Script has no loader for import() once the code cache is used).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReviewSdk } from './review-loader.js';

export type { ReviewSdk };

export function loadReviewSdk(): Promise<ReviewSdk> {
  return Promise.resolve(createRequire(__filename)(path.join(__dirname, 'gate-review.cjs')) as ReviewSdk);
}
