// Bundle-time replacement for registry-loader.ts: the rule registry is its own bundle,
// dist/rules-registry.cjs, required by path when a policy names rules or packs and the caller has
// not loaded the rules already. A missing bundle throws; the policy loader reports it as a policy
// error (every guarded call is held).

import { requireSibling } from '../sibling.js';
import type { RuleRegistry } from './registry-loader.js';

export type { RuleRegistry };

export function loadRegistry(): RuleRegistry {
  return requireSibling<RuleRegistry>('rules-registry.cjs');
}
