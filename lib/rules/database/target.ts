// Shared by the database rules: is a command aimed at production, does a statement touch a
// protected object, and the hit a statement of a given kind becomes under the `database:` policy
// (its per-kind action, a project's floor, `production.action` on a production target, deny on a
// protected object).

import { display, type SimpleCommand } from '../../shell/analyze.js';
import type { Effect } from '../../sql/classify.js';
import type { Target } from '../../sql/clients.js';
import type { SqlFacts } from '../../sql/index.js';
import { isDestructive, type DatabasePolicy, type DestructiveKind, type StatementKind } from '../../sql/kinds.js';
import { stricter, type Action } from '../../types.js';
import { wildcard } from '../args.js';
import type { Hit, RuleContext } from '../define.js';

const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * A name matches a pattern when the pattern (wildcards, case-insensitive) matches the whole name
 * or one of its parts between `.`, `-`, `_`, `/`, `:` and `@`: `prod` matches `db-prod-1.internal`
 * and `/srv/app_prod.db`, not `products`.
 */
function nameMatches(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  return wildcard(p, n) || n.split(/[.\-_/:@]+/).some((part) => part !== '' && wildcard(p, part));
}

/** The production target a command or statement reaches, as `host x` / `database y`, if any. */
export function productionTarget(db: DatabasePolicy, target: Target, databases: readonly string[] = []): string | undefined {
  const host = target.host;
  if (host !== undefined && db.production.hosts.some((p) => nameMatches(p, host))) return `host ${display(host)}`;
  for (const d of [target.database, ...databases]) {
    if (d !== undefined && db.production.databases.some((p) => nameMatches(p, d))) return `database ${display(d)}`;
  }
  return undefined;
}

const TABLE_KINDS: ReadonlySet<StatementKind> = new Set(['drop_table', 'drop_view', 'truncate', 'delete_all', 'update_all', 'alter_drop', 'delete', 'update']);

const anyMatch = (patterns: readonly string[], name: string): boolean => patterns.some((p) => wildcard(p.toLowerCase(), name.toLowerCase()));

/** The protected object an effect touches, described, if any. */
function protectedObject(db: DatabasePolicy, e: Effect): string | undefined {
  for (const raw of e.objects) {
    const o = raw.replace(/ partition .*$/, '');
    if (e.kind === 'drop_database' && anyMatch(db.protected.databases, o)) return `database ${o}`;
    if (e.kind === 'drop_schema' && anyMatch(db.protected.schemas, o)) return `schema ${o}`;
    if (!TABLE_KINDS.has(e.kind)) continue;
    // `schema.table`, `db.table`; for alter_drop `table.column`.
    const parts = o.split('.');
    if (e.kind === 'alter_drop' && !raw.includes(' partition ')) parts.pop();
    const table = parts.join('.');
    const bare = parts[parts.length - 1] ?? table;
    if (anyMatch(db.protected.tables, table) || anyMatch(db.protected.tables, bare)) return `table ${table}`;
    const container = parts[parts.length - 2];
    if (container !== undefined && (anyMatch(db.protected.schemas, container) || anyMatch(db.protected.databases, container))) return `table ${table} (in protected ${container})`;
  }
  return undefined;
}

/** Context for a message (`on production target host x`, `— table users is protected`) and the action floor it brings. */
export function severity(db: DatabasePolicy, production: string | undefined, protectedBy: string | undefined): { context: string; atLeast?: Action } {
  const notes: string[] = [];
  let atLeast: Action | undefined;
  if (production !== undefined) {
    notes.push(` on the production target ${production}`);
    atLeast = db.production.action;
  }
  if (protectedBy !== undefined) {
    notes.push(` — ${protectedBy} is protected by the warden policy`);
    atLeast = 'deny';
  }
  return { context: notes.join(''), ...(atLeast !== undefined ? { atLeast } : {}) };
}

const NOUN: Readonly<Record<DestructiveKind, string>> = {
  drop_database: 'database',
  drop_schema: 'schema',
  drop_table: 'table',
  drop_view: 'view',
  drop_index: 'index',
  drop_other: '',
  truncate: 'table',
  delete_all: 'every row of',
  update_all: 'every row of',
  alter_drop: 'column',
  drop_user: 'user',
  drop_role: 'role',
  grant_all: 'every privilege to',
};

/** `table users, orders`; an unnamed object (built at run time) shows as `(name not known)`. */
export function describe(kind: DestructiveKind, objects: readonly string[]): string {
  const names = objects.length > 0 ? objects.join(', ') : '(name not known)';
  const noun = NOUN[kind];
  return noun === '' ? names : `${noun} ${names}`;
}

/**
 * The hits for a command's statements of the given kinds (the rule's family): one per kind and
 * object list, with the `database:` policy applied.
 */
export function statementHits<M extends string>(facts: SqlFacts | undefined, ctx: RuleContext, pick: (e: Effect, by: 'parser' | 'tokens' | 'client') => M | undefined): Hit<M>[] {
  if (facts === undefined) return [];
  const hits: Hit<M>[] = [];
  const seen = new Set<string>();
  const db = ctx.database;
  for (const s of facts.statements) {
    for (const e of s.effects) {
      const messageId = pick(e, s.by);
      if (messageId === undefined) continue;
      const key = `${messageId} ${e.kind} ${e.objects.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dropped = e.kind === 'drop_database' ? e.objects : [];
      const production = productionTarget(db, facts.target, [...facts.databases, ...dropped]);
      const { context, atLeast } = severity(db, production, protectedObject(db, e));
      const kind = isDestructive(e.kind) ? e.kind : undefined;
      const action = kind !== undefined ? db.actions.get(kind) : undefined;
      const floor = kind !== undefined ? db.floors.get(kind) : undefined;
      const least = atLeast !== undefined && floor !== undefined ? stricter(atLeast, floor) : (atLeast ?? floor);
      hits.push({
        messageId,
        data: {
          statement: short(display(s.display), 160),
          what: kind !== undefined ? describe(kind, e.objects) : e.objects.join(', ') || '(name not known)',
          context,
          client: facts.client,
        },
        ...(action !== undefined ? { action } : {}),
        ...(least !== undefined ? { atLeast: least } : {}),
      });
    }
  }
  return hits;
}

/** The command, shortened, for messages. */
export const commandText = (cmd: SimpleCommand): string => short(cmd.text, 160);
