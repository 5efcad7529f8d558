// Bundle-time replacement for parse-loader.ts (scripts/build.mjs swaps it in): the policy parser is
// its own bundle, dist/policy-parse.cjs, deployed next to the hook bundles and required from there
// only when a policy file changed since it was last parsed. A missing or broken parser bundle
// throws; the policy loader turns that into a policy error (every guarded call is held).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { PolicyParser } from './parse-loader.js';

export type { PolicyParser };

let loaded: PolicyParser | undefined;

export function loadParser(): PolicyParser {
  loaded ??= createRequire(__filename)(path.join(__dirname, 'policy-parse.cjs')) as PolicyParser;
  return loaded;
}
