// Bundle-time replacement for review-loader.ts: the SDK is its own bundle, dist/gate-review.cjs,
// required by path only when a review is needed (a require, not an import(): code the launcher runs
// inside its vm.Script has no loader for import() once the code cache is used).

import { requireSibling } from '../sibling.js';
import type { ReviewSdk } from './review-loader.js';

export type { ReviewSdk };

export function loadReviewSdk(): Promise<ReviewSdk> {
  return Promise.resolve(requireSibling<ReviewSdk>('gate-review.cjs'));
}
