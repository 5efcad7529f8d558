// The explicit registry of shipped rules (each pack folder's index.ts lists its own). Packs are derived from each rule's `meta.packs`; a test
// checks every rule has a table test, a doc line in config/policy.yaml, and an id matching its file.

import type { Rule } from './define.js';
import { CORE_RULES } from './core/index.js';
import { DATABASE_RULES } from './database/index.js';
import { FILESYSTEM_RULES } from './filesystem/index.js';
import { GIT_RULES } from './git/index.js';
import { INTERPRETER_RULES } from './interpreter/index.js';
import { REMOTE_RULES } from './remote/index.js';
import { INFRA_RULES } from './infra/index.js';
import { NETWORK_RULES } from './network/index.js';
import { SECRETS_RULES } from './secrets/index.js';
import { DISK_RULES } from './disk/index.js';
import { GATE_RULES } from './gate/index.js';
import { SELF_RULES } from './self/index.js';
import { lazyIndex } from './lazy-index.js';
import { LAZY_FOLDERS, RESIDENT_RULES, type LazyFolder } from './resident.js';

/** Every shipped rule. Each folder's index.ts lists its rules; add a pack here with one line. */
export const RULES: readonly Rule[] = [...CORE_RULES, ...GIT_RULES, ...FILESYSTEM_RULES, ...INFRA_RULES, ...SECRETS_RULES, ...NETWORK_RULES, ...DISK_RULES, ...DATABASE_RULES, ...REMOTE_RULES, ...INTERPRETER_RULES, ...GATE_RULES, ...SELF_RULES];

/** The lazy pack folders' rule lists (./resident.ts): the bundles dist/rules-<folder>.cjs. */
export const RULE_FOLDERS: Readonly<Record<LazyFolder, readonly Rule[]>> = { filesystem: FILESYSTEM_RULES, infra: INFRA_RULES, secrets: SECRETS_RULES, network: NETWORK_RULES, disk: DISK_RULES, database: DATABASE_RULES };

/** What the PreToolUse bundle knows of the rules it loads on demand (./lazy-index.ts). */
export const LAZY_INDEX = lazyIndex(RULES, RULE_FOLDERS, RESIDENT_RULES);

export { LAZY_FOLDERS };

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
