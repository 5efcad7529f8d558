// What the PreToolUse bundle knows about the rules it does not hold (./resident.ts): which lazy pack
// folders have rules for a program or a tool, and every rule's place in the registry, so the rules a
// command meets run in the same order whether they were loaded or resident. Computed from the
// registry: by tsx at import (./lazy-index-data.ts), and for the bundles at build time, from the
// built registry (scripts/bundles.mjs inlines it).

import type { Rule } from './define.js';
import type { LazyFolder } from './resident.js';

export interface LazyIndex {
  /** Rule id → position in the registry (lib/rules/index.ts RULES). */
  order: Record<string, number>;
  /** Program → the lazy folders with a non-resident rule for it. */
  programs: Record<string, LazyFolder[]>;
  /** Tool → the lazy folders with a non-resident rule on it. */
  tools: Record<string, LazyFolder[]>;
}

export function lazyIndex(all: readonly Rule[], folders: Readonly<Record<LazyFolder, readonly Rule[]>>, resident: readonly Rule[]): LazyIndex {
  const residentIds = new Set(resident.map((r) => r.id));
  const order: Record<string, number> = {};
  all.forEach((r, i) => (order[r.id] = i));
  const programs: Record<string, LazyFolder[]> = {};
  const tools: Record<string, LazyFolder[]> = {};
  const add = (into: Record<string, LazyFolder[]>, key: string, folder: LazyFolder): void => {
    const list = Object.hasOwn(into, key) ? (into[key] as LazyFolder[]) : (into[key] = []);
    if (!list.includes(folder)) list.push(folder);
  };
  for (const [folder, rules] of Object.entries(folders) as [LazyFolder, readonly Rule[]][]) {
    for (const r of rules) {
      if (residentIds.has(r.id)) continue;
      // A rule every command or every Bash call meets must be resident (tests/rules/registry.test.ts).
      if (r.programs.includes('*') || (r.tools ?? []).some((t) => t === '*' || t === 'Bash')) throw new Error(`rule ${r.id} applies to every call but is not resident (lib/rules/resident.ts)`);
      for (const p of r.programs) add(programs, p, folder);
      for (const t of r.tools ?? []) add(tools, t, folder);
    }
  }
  return { order, programs, tools };
}
