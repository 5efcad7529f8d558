// Reading one policy file: YAML (with line numbers) → the zod schema → the checks the schema cannot
// express. The costly part of loading a policy (the YAML parser and zod), so the hooks load it only
// when a policy file changed: lib/policy/cache.ts keeps each file's result keyed by its stat, and
// in the bundles this module is its own file (dist/policy-parse.cjs, see parse-loader.ts).

import fs from 'node:fs';
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document } from 'yaml';
import { PACKS, RULES, hasRule } from '../rules/index.js';
import { PolicySchema, type Policy } from './schema.js';

/** Largest policy file read; a bigger one is an error, not a partial read. */
export const MAX_POLICY_BYTES = 256 * 1024;

export interface Layer {
  file: string;
  policy: Policy;
  /** Top-level keys the file itself sets (the rest are schema defaults). */
  given: ReadonlySet<string>;
  /** The file as parsed, before defaults: to tell a nested key given from a default. */
  raw: unknown;
}

/** Reads and validates one policy file. Missing file: undefined. Invalid: errors with file:line. */
export function readPolicyFile(file: string): { layer?: Layer; errors: string[] } {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (st.size > MAX_POLICY_BYTES) return { errors: [`${file}: larger than ${MAX_POLICY_BYTES} bytes`] };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { errors: [] };
    return { errors: [`${file}: cannot read (${(e as Error).message})`] };
  }
  return parsePolicyText(text, file);
}

export function parsePolicyText(text: string, file: string): { layer?: Layer; errors: string[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => `${file}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0] ?? ''}`) };
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = PolicySchema.safeParse(raw);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((iss) => `${file}:${lineOf(doc, lc, iss.path)}: ${formatPath(iss.path)}: ${describeIssue(iss)}`) };
  }
  const errors = semanticErrors(parsed.data).map((e) => `${file}:${lineOf(doc, lc, e.path)}: ${formatPath(e.path)}: ${e.message}`);
  const given = new Set(raw !== null && typeof raw === 'object' ? Object.keys(raw) : []);
  return errors.length > 0 ? { errors } : { layer: { file, policy: parsed.data, given, raw }, errors: [] };
}

/** Checks the schema cannot express: rule ids and pack names that must exist. */
function semanticErrors(p: Policy): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  const customIds = new Set(p.custom_rules.map((r) => `custom/${r.id}`));
  const known = (id: string): boolean => hasRule(id) || customIds.has(id);
  for (const pack of Object.keys(p.packs)) {
    if (!PACKS.has(pack)) out.push({ path: ['packs', pack], message: `unknown pack (known: ${[...PACKS.keys()].join(', ')})` });
    else if (p.packs[pack] === false && (PACKS.get(pack) ?? []).some((id) => RULES.find((r) => r.id === id)?.meta.locked)) {
      out.push({ path: ['packs', pack], message: 'this pack protects warden itself and cannot be switched off' });
    }
  }
  for (const id of Object.keys(p.overrides)) {
    if (!known(id)) out.push({ path: ['overrides', id], message: 'unknown rule id (see `warden rules`)' });
  }
  p.allow.commands.forEach((c, i) => {
    (c.rules ?? []).forEach((id, j) => {
      if (!known(id)) out.push({ path: ['allow', 'commands', i, 'rules', j], message: `unknown rule id ${id}` });
    });
  });
  return out;
}

function formatPath(p: readonly PropertyKey[]): string {
  if (p.length === 0) return '(top level)';
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  expected?: string;
  keys?: string[];
}

function describeIssue(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_value':
      return `expected ${(iss.values ?? []).map(String).join('|')}`;
    case 'invalid_type':
      return `expected ${iss.expected ?? 'another type'}`;
    case 'unrecognized_keys':
      return `unknown key${(iss.keys ?? []).length > 1 ? 's' : ''} ${(iss.keys ?? []).join(', ')}`;
    default:
      return iss.message === 'Invalid input' ? `invalid (${iss.code})` : iss.message;
  }
}

/** Line of the node at `p` (or its nearest existing parent) in the YAML document. */
function lineOf(doc: Document, lc: LineCounter, p: readonly PropertyKey[]): number {
  for (let n = p.length; n >= 0; n--) {
    const keyPath = p.slice(0, n);
    const node: unknown = keyPath.length === 0 ? doc.contents : doc.getIn(keyPath, true);
    if (isNode(node) && node.range) {
      // For an unknown key, point at the key itself when we can find it.
      if (n === p.length && isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && p.includes(String(it.key.value)));
        if (pair && isScalar(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
      }
      return lc.linePos(node.range[0]).line;
    }
  }
  return 1;
}

/** The schema's defaults: the policy of a user who has no policy file. */
export function policyDefaults(): Policy {
  return PolicySchema.parse({});
}
