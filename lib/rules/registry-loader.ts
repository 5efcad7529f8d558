// The rule registry (./index.ts: every pack), for the policy loader when a policy names rules or
// packs. This file is what source and tests (tsx) run: a plain import. The esbuild bundles get
// registry-loader.dist.ts in its place (scripts/bundles.mjs), which requires dist/rules-registry.cjs:
// the session hooks and the outcome runner need the policy but not, as a rule, the rules.

import { PACKS, RULES } from './index.js';
import type { Rule } from './define.js';

export interface RuleRegistry {
  RULES: readonly Rule[];
  PACKS: ReadonlyMap<string, readonly string[]>;
}

export function loadRegistry(): RuleRegistry {
  return { RULES, PACKS };
}
