// The reviewer's SDK client (./review-sdk.ts, @anthropic-ai/sdk), for ./review.ts. This file is what
// source and tests (tsx) run: a plain dynamic import. The esbuild bundles get review-loader.dist.ts in
// its place (scripts/bundles.mjs), which requires dist/gate-review.cjs from next to the bundle.

export type ReviewSdk = typeof import('./review-sdk.js');

export async function loadReviewSdk(): Promise<ReviewSdk> {
  return import('./review-sdk.js');
}
