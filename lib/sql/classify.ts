// What one SQL statement does, read two ways: from node-sql-parser's AST (`classifyAst`), and from
// the lexer's tokens (`classifyTokens`), which judges statements the parser cannot read and checks
// the parser's reading. Both return the same `Effect`s; judge.ts decides which to believe.
//
// Trust model: the statement is hostile. An always-true WHERE (`1=1`, `TRUE`, `'a'='a'`, `id=id`,
// `x OR 1=1`, `NOT FALSE`, `LIKE '%'`) restricts nothing. A data-modifying statement inside a WITH
// counts; EXPLAIN ANALYZE runs its statement. No I/O, no state.

import { display } from '../shell/analyze.js';
import { UNKNOWN } from '../shell/analyze.js';
import { UNKNOWN_NAME, hasUnknown, type Token } from './lexer.js';
import type { StatementKind } from './kinds.js';

export interface Effect {
  kind: StatementKind;
  /** What it acts on as written: tables (`schema.table`), databases, schemas, users or roles. */
  objects: string[];
}

/** Names as the command line shows them: an unknown part (also the parser's placeholder for it) as `$…`. */
const effect = (kind: StatementKind, objects: string[] = []): Effect => ({ kind, objects: objects.map((o) => display(o.split(UNKNOWN_NAME).join(UNKNOWN))) });

// ---------------------------------------------------------------------------------------------
// Tokens

const DROP_KINDS: Readonly<Record<string, StatementKind>> = {
  TABLE: 'drop_table',
  DATABASE: 'drop_database',
  SCHEMA: 'drop_schema',
  VIEW: 'drop_view',
  INDEX: 'drop_index',
  USER: 'drop_user',
  ROLE: 'drop_role',
  GROUP: 'drop_role',
};
/** After `ALTER TABLE … DROP`: things whose loss keeps every row and column. */
const ALTER_DROP_KEEPS = new Set(['CONSTRAINT', 'DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION', 'INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'CHECK', 'TRIGGER', 'SYSTEM', 'PERIOD', 'PROJECTION', 'STATISTICS', 'TTL']);

const isWord = (t: Token | undefined, ...words: string[]): boolean => t?.type === 'word' && (words.length === 0 || words.includes(t.value));
const isOp = (t: Token | undefined, op: string): boolean => t?.type === 'op' && t.value === op;
const isNamePart = (t: Token | undefined): boolean => t !== undefined && (t.type === 'word' || t.type === 'ident' || (t.type === 'op' && t.value === '*'));
const partText = (t: Token): string => (t.type === 'word' ? t.raw : t.value);

/** A dotted name starting at i: `schema.table`, `"My Table"`, `db.*`. */
function readName(t: readonly Token[], i: number): { name: string; next: number } | undefined {
  if (!isNamePart(t[i])) return undefined;
  let name = partText(t[i] as Token);
  let j = i + 1;
  while (isOp(t[j], '.') && isNamePart(t[j + 1])) {
    name += `.${partText(t[j + 1] as Token)}`;
    j += 2;
  }
  return { name, next: j };
}

/** Comma-separated names from i, stopping at any of `stop` or at something that is not a name. */
function readNames(t: readonly Token[], i: number, stop: readonly string[] = []): { names: string[]; next: number } {
  const names: string[] = [];
  let j = i;
  for (;;) {
    if (isWord(t[j], ...stop) && stop.length > 0) break;
    const r = readName(t, j);
    if (!r) break;
    names.push(r.name);
    j = r.next;
    if (isOp(t[j], '*')) j++; // PostgreSQL's `ONLY t *` and `t *`
    if (!isOp(t[j], ',')) break;
    j++;
  }
  return { names, next: j };
}

/** Index of the token closing the parenthesis opened at `open`, or the last index. */
function closing(t: readonly Token[], open: number): number {
  const d = (t[open] as Token).depth;
  for (let j = open + 1; j < t.length; j++) if (isOp(t[j], ')') && (t[j] as Token).depth === d) return j;
  return t.length - 1;
}

export function classifyTokens(all: readonly Token[]): Effect[] {
  let t = all;
  while (isOp(t[0], '(')) t = t.slice(1, isOp(t[t.length - 1], ')') ? -1 : undefined);
  const head = t[0];
  if (head === undefined) return [effect('empty')];
  if (head.type === 'word' && hasUnknown(head.raw)) return [effect('dynamic')];
  if (head.type !== 'word') return [effect('other')];
  switch (head.value) {
    case 'DROP':
      return [drop(t)];
    case 'TRUNCATE': {
      let i = 1;
      if (isWord(t[i], 'TABLE')) i++;
      if (isWord(t[i], 'IF') && isWord(t[i + 1], 'EXISTS')) i += 2;
      if (isWord(t[i], 'ONLY')) i++;
      return [effect('truncate', readNames(t, i, ['RESTART', 'CONTINUE', 'CASCADE', 'RESTRICT', 'ON'] as const).names)];
    }
    case 'DELETE':
      return [deleteOrUpdate(t, 'delete')];
    case 'UPDATE':
      return [deleteOrUpdate(t, 'update')];
    case 'ALTER':
      return alter(t);
    case 'GRANT':
      return [grant(t)];
    case 'WITH':
      return withQuery(t);
    case 'EXPLAIN':
      return explain(t);
    case 'PREPARE': {
      // PostgreSQL `PREPARE name [(types)] AS statement`: the statement runs at each EXECUTE.
      const as = t.findIndex((x, k) => k > 1 && isWord(x, 'AS') && x.depth === head.depth);
      return as === -1 ? [effect('prepare')] : classifyTokens(t.slice(as + 1));
    }
    default:
      return [effect(head.value.toLowerCase())];
  }
}

function drop(t: readonly Token[]): Effect {
  let i = 1;
  let temporary = false;
  if (isWord(t[i], 'TEMPORARY', 'TEMP')) {
    temporary = true;
    i++;
  }
  const obj = t[i]?.type === 'word' ? (t[i] as Token).value : '';
  if (obj === 'OWNED' && isWord(t[i + 1], 'BY')) {
    // PostgreSQL: every object the role owns.
    return effect('drop_other', readNames(t, i + 2).names.map((r) => `everything owned by ${r}`));
  }
  const materialized = obj === 'MATERIALIZED' && isWord(t[i + 1], 'VIEW');
  const kind: StatementKind = materialized ? 'drop_view' : (DROP_KINDS[obj] ?? 'drop_other');
  if (materialized) i++;
  if (kind === 'drop_table' && temporary) return effect('drop_temporary');
  i++;
  if (isWord(t[i], 'CONCURRENTLY')) i++;
  if (isWord(t[i], 'IF') && isWord(t[i + 1], 'EXISTS')) i += 2;
  return effect(kind, readNames(t, i, ['CASCADE', 'RESTRICT', 'ON', 'PURGE', 'SYNC', 'FORCE'] as const).names);
}

/** DELETE and UPDATE: every row, unless a WHERE (or a join's ON) that is not always true restricts them. */
function deleteOrUpdate(t: readonly Token[], verb: 'delete' | 'update', from = 1): Effect {
  const base = (t[0] as Token).depth;
  let i = from;
  const objects: string[] = [];
  while (isWord(t[i], 'LOW_PRIORITY', 'QUICK', 'IGNORE', 'ONLY')) i++;
  if (verb === 'update' && isWord(t[i], 'OR') && isWord(t[i + 1])) i += 2; // SQLite UPDATE OR REPLACE
  if (verb === 'delete' && !isWord(t[i], 'FROM')) {
    // MySQL `DELETE t1, t2 FROM …`.
    const r = readNames(t, i, ['FROM'] as const);
    objects.push(...r.names);
    i = r.next;
  }
  if (isWord(t[i], 'FROM')) i++;
  if (isWord(t[i], 'ONLY')) i++;
  const target = readName(t, i);
  if (target && objects.length === 0) objects.push(target.name);
  let restricted = false;
  for (let j = target?.next ?? i; j < t.length; j++) {
    const x = t[j] as Token;
    if (x.depth !== base || x.type !== 'word') continue;
    if (x.value === 'ON') restricted ||= !alwaysTrue(clause(t, j + 1, ['SET', 'WHERE', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'STRAIGHT_JOIN', 'ORDER', 'LIMIT', 'RETURNING']));
    if (x.value === 'WHERE') {
      restricted ||= !alwaysTrue(clause(t, j + 1, ['RETURNING', 'ORDER', 'LIMIT', 'GROUP', 'SETTINGS']));
      break;
    }
  }
  return effect(restricted ? verb : verb === 'delete' ? 'delete_all' : 'update_all', objects);
}

/** The tokens of a clause from i at the statement's depth, up to one of `stop`. */
function clause(t: readonly Token[], i: number, stop: readonly string[]): Token[] {
  const base = (t[0] as Token).depth;
  const out: Token[] = [];
  for (let j = i; j < t.length; j++) {
    const x = t[j] as Token;
    if (x.depth === base && x.type === 'word' && stop.includes(x.value)) break;
    out.push(x);
  }
  return out;
}

function alter(t: readonly Token[]): Effect[] {
  const what = t[1]?.type === 'word' ? t[1].value : '';
  if (what === 'USER' || what === 'ROLE') {
    // PostgreSQL `ALTER ROLE x SUPERUSER`: every privilege at once.
    const name = readName(t, 2)?.name ?? '?';
    return t.some((x) => isWord(x, 'SUPERUSER')) ? [effect('grant_all', [name])] : [effect('alter')];
  }
  if (what !== 'TABLE') return [effect('alter')];
  const base = (t[0] as Token).depth;
  let i = 2;
  if (isWord(t[i], 'IF') && isWord(t[i + 1], 'EXISTS')) i += 2;
  if (isWord(t[i], 'ONLY')) i++;
  const table = readName(t, i);
  const name = table?.name ?? '?';
  const out: Effect[] = [];
  for (let j = table?.next ?? i; j < t.length; j++) {
    const x = t[j] as Token;
    if (x.depth !== base || x.type !== 'word') continue;
    if (x.value === 'DROP') {
      let k = j + 1;
      const next = t[k];
      if (next?.type === 'word' && ALTER_DROP_KEEPS.has(next.value)) continue;
      const partition = isWord(next, 'PARTITION', 'PARTITIONS');
      if (isWord(next, 'COLUMN', 'PARTITION', 'PARTITIONS')) k++;
      if (isWord(t[k], 'IF') && isWord(t[k + 1], 'EXISTS')) k += 2;
      const col = readName(t, k)?.name ?? '?';
      out.push(effect('alter_drop', [partition ? `${name} partition ${col}` : `${name}.${col}`]));
    } else if (x.value === 'DELETE' || x.value === 'UPDATE') {
      // ClickHouse mutations: `ALTER TABLE t DELETE WHERE …`, `ALTER TABLE t UPDATE c = 1 WHERE …`.
      const verb = x.value === 'DELETE' ? 'delete' : 'update';
      const where = t.findIndex((y, k) => k > j && y.depth === base && isWord(y, 'WHERE'));
      const restricted = where !== -1 && !alwaysTrue(clause(t, where + 1, ['SETTINGS']));
      out.push(effect(restricted ? verb : verb === 'delete' ? 'delete_all' : 'update_all', [name]));
    }
  }
  return out.length > 0 ? out : [effect('alter', [name])];
}

function grant(t: readonly Token[]): Effect {
  const base = (t[0] as Token).depth;
  const on = t.findIndex((x) => x.depth === base && isWord(x, 'ON', 'TO'));
  const privileges = on === -1 ? t.slice(1) : t.slice(1, on);
  if (!privileges.some((x) => isWord(x, 'ALL'))) return effect('grant');
  const to = t.findIndex((x) => x.depth === base && isWord(x, 'TO'));
  return effect('grant_all', to === -1 ? [] : readNames(t, to + 1).names);
}

function withQuery(t: readonly Token[]): Effect[] {
  const out: Effect[] = [];
  let i = 1;
  if (isWord(t[i], 'RECURSIVE')) i++;
  for (;;) {
    const name = readName(t, i);
    if (!name) break;
    i = name.next;
    if (isOp(t[i], '(')) i = closing(t, i) + 1;
    if (!isWord(t[i], 'AS')) break;
    i++;
    if (isWord(t[i], 'NOT')) i++;
    if (isWord(t[i], 'MATERIALIZED')) i++;
    if (!isOp(t[i], '(')) break;
    const end = closing(t, i);
    out.push(...classifyTokens(t.slice(i + 1, end)).filter((e) => e.kind !== 'select'));
    i = end + 1;
    if (!isOp(t[i], ',')) break;
    i++;
  }
  out.push(...classifyTokens(t.slice(i)));
  return out;
}

function explain(t: readonly Token[]): Effect[] {
  let i = 1;
  let analyze = false;
  if (isOp(t[i], '(')) {
    const end = closing(t, i);
    const opts = t.slice(i + 1, end);
    analyze = opts.some((x, k) => isWord(x, 'ANALYZE', 'ANALYSE') && !isWord(opts[k + 1], 'FALSE', 'OFF') && !(opts[k + 1]?.value === '0'));
    i = end + 1;
  }
  while (isWord(t[i], 'ANALYZE', 'ANALYSE', 'VERBOSE')) {
    if (isWord(t[i], 'ANALYZE', 'ANALYSE')) analyze = true;
    i++;
  }
  return analyze ? classifyTokens(t.slice(i)) : [effect('explain')];
}

// ---------------------------------------------------------------------------------------------
// Always-true conditions, over tokens

type Lit = { num: number } | { str: string } | { name: string } | undefined;

function literal(ts: readonly Token[]): Lit {
  if (ts.length === 2 && isOp(ts[0], '-') && ts[1]?.type === 'number') return { num: -Number(ts[1].value) };
  if (ts.length !== 1) return undefined;
  const x = ts[0] as Token;
  if (x.type === 'number') return { num: Number(x.value) };
  if (x.type === 'string') return { str: x.value };
  if (isWord(x, 'TRUE')) return { num: 1 };
  if (isWord(x, 'FALSE')) return { num: 0 };
  if (x.type === 'word' && !hasUnknown(x.raw)) return { name: x.value };
  if (x.type === 'ident') return { name: x.value.toUpperCase() };
  return undefined;
}

function splitAt(ts: readonly Token[], word: string): Token[][] {
  const base = ts[0]?.depth ?? 0;
  const parts: Token[][] = [[]];
  for (const x of ts) {
    if (x.depth === base && isWord(x, word)) parts.push([]);
    else parts[parts.length - 1]?.push(x);
  }
  return parts;
}

function truth(ts: readonly Token[]): boolean | undefined {
  if (ts.length === 0) return undefined;
  if (isOp(ts[0], '(') && closing(ts, 0) === ts.length - 1) return truth(ts.slice(1, -1));
  const ors = splitAt(ts, 'OR');
  if (ors.length > 1) {
    const parts = ors.map(truth);
    return parts.some((p) => p === true) ? true : parts.every((p) => p === false) ? false : undefined;
  }
  const ands = splitAt(ts, 'AND');
  if (ands.length > 1 && !ts.some((x) => isWord(x, 'BETWEEN'))) {
    const parts = ands.map(truth);
    return parts.every((p) => p === true) ? true : parts.some((p) => p === false) ? false : undefined;
  }
  if (isWord(ts[0], 'NOT')) {
    const v = truth(ts.slice(1));
    return v === undefined ? undefined : !v;
  }
  const single = literal(ts);
  if (single !== undefined && !('name' in single)) return 'num' in single ? single.num !== 0 : Number(single.str) !== 0 && !Number.isNaN(Number(single.str));
  const op = ts.findIndex((x) => x.depth === (ts[0] as Token).depth && ((x.type === 'op' && /^(=|==|<>|!=|<=|>=|<|>|<=>)$/.test(x.value)) || isWord(x, 'LIKE', 'ILIKE', 'IS')));
  if (op <= 0) return undefined;
  const opTok = ts[op] as Token;
  if (isWord(opTok, 'LIKE', 'ILIKE')) {
    const p = literal(ts.slice(op + 1));
    return p !== undefined && 'str' in p && /^%+$/.test(p.str) ? true : undefined;
  }
  if (isWord(opTok, 'IS')) {
    // `1 IS NOT NULL`, `TRUE IS TRUE`: a literal left side.
    const l = literal(ts.slice(0, op));
    const rest = ts.slice(op + 1).map((x) => x.value).join(' ');
    if (l === undefined || 'name' in l) return undefined;
    return rest === 'NOT NULL' ? true : rest === 'NULL' ? false : undefined;
  }
  return compare(literal(ts.slice(0, op)), opTok.value, literal(ts.slice(op + 1)));
}

function compare(l: Lit, op: string, r: Lit): boolean | undefined {
  if (l === undefined || r === undefined) return undefined;
  if ('name' in l || 'name' in r) {
    // `id = id`: true on every row where id is not NULL.
    if ('name' in l && 'name' in r && l.name === r.name) return op === '=' || op === '==' || op === '<=' || op === '>=' || op === '<=>' ? true : false;
    return undefined;
  }
  const a = 'num' in l ? l.num : l.str;
  const b = 'num' in r ? r.num : r.str;
  const bothNumeric = !Number.isNaN(Number(a)) && !Number.isNaN(Number(b));
  const x = bothNumeric ? Number(a) : String(a);
  const y = bothNumeric ? Number(b) : String(b);
  switch (op) {
    case '=':
    case '==':
    case '<=>':
      return x === y;
    case '<>':
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    default:
      return undefined;
  }
}

function alwaysTrue(ts: readonly Token[]): boolean {
  return truth(ts) === true;
}

// ---------------------------------------------------------------------------------------------
// node-sql-parser's AST

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined);

/** `{db, table}`, `{db, schema, table}`, column_ref, `{expr: {value}}`, plain strings, or arrays of them. */
function astNames(x: unknown): string[] {
  if (x === null || x === undefined) return [];
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(astNames);
  if (!isNode(x)) return [];
  if (x.type === 'column_ref') return [columnName(x) ?? '?'];
  if (x.table !== undefined) {
    const parts = [str(x.db), str(x.schema), str(x.table) ?? astNames(x.table)[0]].filter((p): p is string => p !== undefined && p !== '');
    return [parts.join('.')];
  }
  if (isNode(x.expr)) return astNames(x.expr);
  if (x.value !== undefined && str(x.value) !== undefined) return [str(x.value) as string];
  if (x.name !== undefined) return astNames(x.name);
  return [];
}

function columnName(x: Node): string | undefined {
  const c = x.column;
  if (typeof c === 'string') return c;
  if (isNode(c) && isNode(c.expr)) return str(c.expr.value);
  return undefined;
}

const ALL_PRIVILEGES = /^all(\s+privileges)?$/i;

/**
 * The effects of one parsed statement, or undefined when the AST has a shape this does not know
 * (the caller then keeps the token reading).
 */
export function classifyAst(ast: unknown): Effect[] | undefined {
  if (Array.isArray(ast)) {
    const parts = ast.map(classifyAst);
    return parts.some((p) => p === undefined) ? undefined : parts.flatMap((p) => p ?? []);
  }
  if (!isNode(ast) || typeof ast.type !== 'string') return undefined;
  const nested = Array.isArray(ast.with) ? ast.with.flatMap((w) => (isNode(w) && isNode(w.stmt) ? (classifyAst(w.stmt.ast) ?? []) : [])).filter((e) => e.kind !== 'select') : [];
  const type = ast.type.toLowerCase();
  switch (type) {
    case 'drop': {
      const keyword = (str(ast.keyword) ?? '').toUpperCase();
      const kind = DROP_KINDS[keyword] ?? 'drop_other';
      return [...nested, effect(kind, astNames(ast.name))];
    }
    case 'truncate':
      return [...nested, effect('truncate', astNames(ast.name))];
    case 'delete':
    case 'update': {
      const tables = type === 'delete' ? (Array.isArray(ast.from) ? ast.from : ast.table) : ast.table;
      const list = Array.isArray(tables) ? tables : [];
      const joinOn = list.some((t) => isNode(t) && t.on !== undefined && t.on !== null && astTruth(t.on) !== true);
      const where = ast.where;
      const restricted = joinOn || (where !== null && where !== undefined && astTruth(where) !== true);
      const names = astNames(type === 'delete' ? ast.table : list.filter((t) => isNode(t) && t.join === undefined));
      const kind: StatementKind = restricted ? type : type === 'delete' ? 'delete_all' : 'update_all';
      return [...nested, effect(kind, names.length > 0 ? [names[0] as string, ...names.slice(1)] : [])];
    }
    case 'alter': {
      const table = astNames(ast.table)[0] ?? '?';
      const exprs = Array.isArray(ast.expr) ? ast.expr.filter(isNode) : [];
      const drops = exprs.filter((e) => str(e.action)?.toLowerCase() === 'drop' && (e.resource === 'column' || e.resource === 'partition'));
      if (drops.length === 0) return [...nested, effect('alter', [table])];
      return [
        ...nested,
        ...drops.map((e) =>
          e.resource === 'partition' ? effect('alter_drop', [`${table} partition ${astNames(e.partitions).join(', ')}`]) : effect('alter_drop', [`${table}.${isNode(e.column) ? (columnName(e.column) ?? '?') : '?'}`]),
        ),
      ];
    }
    case 'grant': {
      const objects = Array.isArray(ast.objects) ? ast.objects.filter(isNode) : [];
      const all = objects.some((o) => isNode(o.priv) && ALL_PRIVILEGES.test(str(o.priv.value) ?? ''));
      const to = Array.isArray(ast.user_or_roles) ? ast.user_or_roles.flatMap((u) => (isNode(u) ? astNames(u.name) : [])) : [];
      return [...nested, effect(all ? 'grant_all' : 'grant', all ? to : [])];
    }
    default:
      return [...nested, effect(type)];
  }
}

/** True / false when the expression is the same on every row (`1=1`, `TRUE`, `id=id`), else undefined. */
function astTruth(e: unknown): boolean | undefined {
  if (!isNode(e)) return undefined;
  switch (e.type) {
    case 'bool':
      return e.value === true;
    case 'number':
      return Number(e.value) !== 0;
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string': {
      const n = Number(e.value);
      return !Number.isNaN(n) && n !== 0;
    }
    case 'unary_expr': {
      if (str(e.operator)?.toUpperCase() !== 'NOT') return undefined;
      const v = astTruth(e.expr);
      return v === undefined ? undefined : !v;
    }
    case 'binary_expr': {
      const op = (str(e.operator) ?? '').toUpperCase();
      if (op === 'OR') {
        const l = astTruth(e.left);
        const r = astTruth(e.right);
        return l === true || r === true ? true : l === false && r === false ? false : undefined;
      }
      if (op === 'AND') {
        const l = astTruth(e.left);
        const r = astTruth(e.right);
        return l === true && r === true ? true : l === false || r === false ? false : undefined;
      }
      if (op === 'LIKE' || op === 'ILIKE') {
        const r = e.right;
        return isNode(r) && typeof r.value === 'string' && /^%+$/.test(r.value) ? true : undefined;
      }
      if (op === 'IS NOT' || op === 'IS') {
        const l = astLit(e.left);
        const r = e.right;
        if (l === undefined || 'name' in l || !isNode(r) || r.type !== 'null') return undefined;
        return op === 'IS NOT';
      }
      return compare(astLit(e.left), op, astLit(e.right));
    }
    default:
      return undefined;
  }
}

function astLit(e: unknown): Lit {
  if (!isNode(e)) return undefined;
  switch (e.type) {
    case 'number':
      return { num: Number(e.value) };
    case 'bool':
      return { num: e.value === true ? 1 : 0 };
    case 'single_quote_string':
    case 'double_quote_string':
    case 'string':
      return typeof e.value === 'string' ? { str: e.value } : undefined;
    case 'column_ref': {
      const c = columnName(e);
      return c === undefined || c === '*' || c.includes('__warden_unknown__') ? undefined : { name: `${str(e.table) ?? ''}.${c}`.toUpperCase() };
    }
    default:
      return undefined;
  }
}
