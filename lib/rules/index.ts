// The explicit registry of shipped rules. Packs are derived from each rule's `meta.packs`; a test
// checks every rule has a table test, a doc line in config/policy.yaml, and an id matching its file.

import type { Rule } from './define.js';
import analysisBound from './core/analysis-bound.js';
import policyInvalid from './core/policy-invalid.js';
import branchForceDelete from './git/branch-force-delete.js';
import checkoutDiscard from './git/checkout-discard.js';
import cleanForce from './git/clean-force.js';
import pushForce from './git/push-force.js';
import resetHard from './git/reset-hard.js';
import restoreWorktree from './git/restore-worktree.js';
import stashDestroy from './git/stash-destroy.js';
import rmCritical from './filesystem/rm-critical.js';
import rmProjectRoot from './filesystem/rm-project-root.js';
import rmProtectedPath from './filesystem/rm-protected-path.js';
import rmUnresolved from './filesystem/rm-unresolved.js';

export const RULES: readonly Rule[] = [
  analysisBound,
  policyInvalid,
  pushForce,
  resetHard,
  cleanForce,
  checkoutDiscard,
  restoreWorktree,
  branchForceDelete,
  stashDestroy,
  rmCritical,
  rmProjectRoot,
  rmUnresolved,
  rmProtectedPath,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`unknown rule id ${id}`);
  return r;
}

export function hasRule(id: string): boolean {
  return BY_ID.has(id);
}

/** Pack name → rule ids, derived from the rules' metadata. */
export const PACKS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const r of RULES) for (const p of r.meta.packs) m.set(p, [...(m.get(p) ?? []), r.id]);
  return m;
})();

/** Packs a policy may switch off: those with no locked rule. */
export const SWITCHABLE_PACKS: readonly string[] = [...PACKS.keys()].filter((p) => !(PACKS.get(p) ?? []).some((id) => ruleById(id).meta.locked));
