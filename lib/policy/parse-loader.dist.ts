// Bundle-time replacement for parse-loader.ts (scripts/build.mjs swaps it in): the policy parser is
// its own bundle, dist/policy-parse.cjs, deployed next to the hook bundles and required from there
// only when a policy file changed since it was last parsed. A missing or broken parser bundle
// throws; the policy loader turns that into a policy error (every guarded call is held).

import { requireSibling } from '../sibling.js';
import type { PolicyParser } from './parse-loader.js';

export type { PolicyParser };

export function loadParser(): PolicyParser {
  return requireSibling<PolicyParser>('policy-parse.cjs');
}
