// The shipped rules as the guard meets them (lib/pipeline.ts): the resident ones (./resident.ts) are
// indexed at start-up; a lazy pack folder is loaded and indexed the first time a command runs one
// of its programs or a call uses one of its tools (./lazy-index.ts says which). The rules a command
// meets come in registry order, program rules before `*` rules, as they did from one index.

import type { Rule } from './define.js';
import { loadFolder } from './groups-loader.js';
import { LAZY_INDEX } from './lazy-index-data.js';
import { LAZY_FOLDERS, RESIDENT_RULES, type LazyFolder } from './resident.js';

type Index = Map<string, Rule[]>;

/** Rules by each key `keys` gives them (programs, tools), in the order given. */
export function indexBy(rules: readonly Rule[], keys: (r: Rule) => readonly string[]): Index {
  const m: Index = new Map();
  for (const r of rules) {
    for (const k of keys(r)) {
      const list = m.get(k);
      if (list === undefined) m.set(k, [r]);
      else list.push(r);
    }
  }
  return m;
}

export const programsOf = (r: Rule): readonly string[] => r.programs;
const toolsOf = (r: Rule): readonly string[] => r.tools ?? [];
const position = (r: Rule): number => LAZY_INDEX.order[r.id] ?? Number.MAX_SAFE_INTEGER;
const byPosition = (a: Rule, b: Rule): number => position(a) - position(b);

const RESIDENT_IDS = new Set(RESIDENT_RULES.map((r) => r.id));
const sorted = (m: Index): Index => new Map([...m].map(([k, rules]) => [k, rules.sort(byPosition)]));
const RESIDENT_PROGRAMS = sorted(indexBy(RESIDENT_RULES, programsOf));
const RESIDENT_TOOLS = sorted(indexBy(RESIDENT_RULES, toolsOf));
const BY_ID = new Map(RESIDENT_RULES.map((r) => [r.id, r]));

const folders = new Map<LazyFolder, { programs: Index; tools: Index; rules: readonly Rule[] }>();
function folder(name: LazyFolder): { programs: Index; tools: Index; rules: readonly Rule[] } {
  let f = folders.get(name);
  if (f === undefined) {
    // A folder may list a resident rule too (its bundle is the whole folder): the resident copy runs.
    const rules = loadFolder(name).filter((r) => !RESIDENT_IDS.has(r.id));
    f = { programs: indexBy(rules, programsOf), tools: indexBy(rules, toolsOf), rules };
    folders.set(name, f);
  }
  return f;
}

function lookup(resident: Index, lazy: Record<string, LazyFolder[]>, key: string, part: 'programs' | 'tools'): Rule[] {
  const own = resident.get(key) ?? [];
  const names = Object.hasOwn(lazy, key) ? (lazy[key] as LazyFolder[]) : [];
  if (names.length === 0) return own;
  const out = [...own];
  for (const n of names) out.push(...(folder(n)[part].get(key) ?? []));
  return out.sort(byPosition);
}

const STAR = RESIDENT_PROGRAMS.get('*') ?? [];

/** The rules that see a simple command running `program`: its own, then the `*` ones. */
export function rulesForProgram(program: string): Rule[] {
  return [...lookup(RESIDENT_PROGRAMS, LAZY_INDEX.programs, program, 'programs'), ...STAR];
}

/** The rules on a tool call itself: the tool's own, then those on every tool. */
export function rulesForTool(tool: string): Rule[] {
  return [...lookup(RESIDENT_TOOLS, LAZY_INDEX.tools, tool, 'tools'), ...(RESIDENT_TOOLS.get('*') ?? [])];
}

/** Every shipped rule that checks commands, every folder loaded: for a program warden cannot know. */
export function allCheckedRules(): Rule[] {
  const all = [...RESIDENT_RULES];
  for (const n of LAZY_FOLDERS) all.push(...folder(n).rules);
  return all.filter((r) => r.programs.length > 0).sort(byPosition);
}

/** A resident rule by id (the pipeline raises the core rules itself). */
export function residentRule(id: string): Rule {
  const r = BY_ID.get(id);
  if (r === undefined) throw new Error(`unknown resident rule id ${id}`);
  return r;
}
