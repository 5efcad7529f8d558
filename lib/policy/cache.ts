// The compiled-policy cache: each policy file's parse result (the validated policy, or its errors
// with file:line) kept in `<wardenHome>/cache/policy.json`, keyed by the build of warden that parsed
// it and the file's path, and checked against the file's stamp (size, mtime, ctime, inode, device). A hook whose policy files
// did not change loads neither the YAML parser nor zod (DESIGN.md budgets; `npm run bench`).
//
// Trust model: the cache says nothing a policy file did not say. Any change to a file changes its
// stamp (an edit in place changes size or mtime and always ctime, which no user-space call can set
// back; an editor's rename changes the inode), and a file whose mtime is within RACY_MS of now is
// parsed and not stored, so two writes inside one timestamp tick cannot leave a stale entry. The
// cache file sits in the warden home, which only the user may write (the `self` rules).
//
// Fail mode: a missing, unreadable, corrupt or foreign cache is an empty one, and a cache that
// cannot be written only means parsing again next time. Neither changes a decision. Outside a
// build (tsx: tests, development) there is no build id and no cache: every file is parsed.

import fs from 'node:fs';
import path from 'node:path';
import type { Policy } from './schema.js';
import type { Layer } from './parse.js';
import { loadParser } from './parse-loader.js';

declare const __WARDEN_BUILD__: string | undefined;

/** Set by scripts/build.mjs, different for every build; undefined outside a bundle. */
export const BUILD_ID: string | undefined = typeof __WARDEN_BUILD__ === 'string' ? __WARDEN_BUILD__ : undefined;

export const CACHE_FILE = 'policy.json';
/** A file changed less than this long ago may change again within the same mtime: not stored. */
export const RACY_MS = 2000;
const MAX_ENTRIES = 32;
const DEFAULTS_KEY = '(schema defaults)';

export interface LayerResult {
  layer?: Layer;
  errors: string[];
}

interface Entry {
  stamp: string;
  errors: string[];
  layer?: { policy: Policy; given: string[]; raw: unknown };
}

/** Entries of every build that uses this warden home (a plugin checkout and an installed copy may differ), keyed by build and file. */
interface Store {
  v: 2;
  entries: Record<string, Entry>;
}

export interface LayerReader {
  /** One policy file: missing → no layer, no errors. */
  read(file: string): LayerResult;
  /** The schema defaults. */
  defaults(): Policy;
  /** Writes what was parsed, if anything was (best effort). */
  save(): void;
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Entry>;
  return typeof e.stamp === 'string' && Array.isArray(e.errors) && (e.layer === undefined || (typeof e.layer === 'object' && e.layer !== null && Array.isArray(e.layer.given)));
}

function readStore(file: string): Store {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Store>;
    if (v.v !== 2 || typeof v.entries !== 'object' || v.entries === null) return { v: 2, entries: {} };
    const entries: Record<string, Entry> = {};
    for (const [k, e] of Object.entries(v.entries)) if (isEntry(e)) entries[k] = e;
    return { v: 2, entries };
  } catch {
    return { v: 2, entries: {} };
  }
}

/** What identifies a file's content without reading it; undefined when it does not exist. */
function stampOf(file: string): { stamp: string; mtimeMs: number } | undefined {
  const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  if (s === undefined) return undefined;
  return { stamp: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}:${s.mode}`, mtimeMs: Number(s.mtimeMs) };
}

function toResult(file: string, e: Entry): LayerResult {
  if (e.layer === undefined) return { errors: [...e.errors] };
  return { errors: [...e.errors], layer: { file, policy: e.layer.policy, given: new Set(e.layer.given), raw: e.layer.raw } };
}

/** A reader that parses every file (no build id or no cache directory). */
function parsingReader(): LayerReader {
  return {
    read: (file) => loadParser().readPolicyFile(file),
    defaults: () => loadParser().policyDefaults(),
    save: () => undefined,
  };
}

export function layerReader(cacheDir: string | undefined, build: string | undefined = BUILD_ID, now: () => number = Date.now): LayerReader {
  if (cacheDir === undefined || build === undefined) return parsingReader();
  const file = path.join(cacheDir, CACHE_FILE);
  let store: Store | undefined;
  let dirty = false;
  const entries = (): Record<string, Entry> => (store ??= readStore(file)).entries;
  // Another build's entries are never read: its schema and rules may differ.
  const keyOf = (policyFile: string): string => `${build}\n${policyFile}`;
  const put = (key: string, e: Entry): void => {
    const all = entries();
    delete all[key];
    all[key] = e;
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[k];
    dirty = true;
  };
  return {
    read(policyFile) {
      let st: ReturnType<typeof stampOf>;
      try {
        st = stampOf(policyFile);
      } catch {
        // Cannot even stat it: the parser reports why.
        return loadParser().readPolicyFile(policyFile);
      }
      if (st === undefined) return { errors: [] };
      const hit = entries()[keyOf(policyFile)];
      if (hit !== undefined && hit.stamp === st.stamp) return toResult(policyFile, hit);
      const r = loadParser().readPolicyFile(policyFile);
      if (now() - st.mtimeMs >= RACY_MS) {
        const after = stampOf(policyFile);
        // Store only what was parsed from the file as stamped (it did not change while we read it).
        if (after?.stamp === st.stamp) put(keyOf(policyFile), { stamp: st.stamp, errors: r.errors, ...(r.layer ? { layer: { policy: r.layer.policy, given: [...r.layer.given], raw: r.layer.raw } } : {}) });
      }
      return r;
    },
    defaults() {
      const hit = entries()[keyOf(DEFAULTS_KEY)];
      if (hit?.layer !== undefined) return hit.layer.policy;
      const d = loadParser().policyDefaults();
      put(keyOf(DEFAULTS_KEY), { stamp: build, errors: [], layer: { policy: d, given: [], raw: {} } });
      return d;
    },
    save() {
      if (!dirty || store === undefined) return;
      try {
        fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(store), { mode: 0o600 });
        fs.renameSync(tmp, file);
        dirty = false;
      } catch {
        // Parsing again next time is the only cost.
      }
    },
  };
}
