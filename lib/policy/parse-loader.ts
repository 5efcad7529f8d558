// The policy parser (./parse.ts: YAML and zod), for lib/policy/cache.ts. This file is what source and
// tests (tsx) run: a plain import. The esbuild bundles get parse-loader.dist.ts in its place
// (scripts/build.mjs), which requires dist/policy-parse.cjs from next to the hook when a policy file
// is not in the cache.

import * as parser from './parse.js';

export type PolicyParser = typeof parser;

export function loadParser(): PolicyParser {
  return parser;
}
