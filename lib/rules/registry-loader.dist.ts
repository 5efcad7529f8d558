// Bundle-time replacement for registry-loader.ts: the rule registry is its own bundle,
// dist/rules-registry.cjs, required by path when a policy names rules or packs and the caller has
// not loaded the rules already. A missing bundle throws; the policy loader reports it as a policy
// error (every guarded call is held).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { RuleRegistry } from './registry-loader.js';

export type { RuleRegistry };

let loaded: RuleRegistry | undefined;

export function loadRegistry(): RuleRegistry {
  loaded ??= createRequire(__filename)(path.join(__dirname, 'rules-registry.cjs')) as RuleRegistry;
  return loaded;
}
