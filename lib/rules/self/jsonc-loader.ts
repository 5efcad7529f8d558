// jsonc-parser's visitor, for ./settings.ts (a repeated key in a settings file the agent writes).
// This file is what source and tests (tsx) run: a plain import. The esbuild bundles get
// jsonc-loader.dist.ts in its place (scripts/bundles.mjs), which requires dist/jsonc-visit.cjs: the
// parser's module tables cost every hook process about 1.5 ms to build, and only a Write or Edit of
// a settings file needs them.

import { visit } from 'jsonc-parser/lib/esm/main.js';

export type Visit = typeof visit;

export function loadVisit(): Visit {
  return visit;
}
