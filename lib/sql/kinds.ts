// The vocabulary of the SQL guard: what kind of statement a piece of SQL is, which of those
// destroy data, and the compiled `database:` section of the policy the database rules consult.
// No imports and no work at load: the policy schema and the hook both read these names.

/** Statement kinds the database rules act on; `database.actions` in the policy is keyed by them. */
export const DESTRUCTIVE_KINDS = [
  'drop_database',
  'drop_schema',
  'drop_table',
  'drop_view',
  'drop_index',
  'drop_other',
  'truncate',
  'delete_all',
  'update_all',
  'alter_drop',
  'drop_user',
  'drop_role',
  'grant_all',
] as const;

export type DestructiveKind = (typeof DESTRUCTIVE_KINDS)[number];

/**
 * What one statement does. Destructive kinds are the ones above; `delete`/`update` have a WHERE
 * that restricts them; anything else is named by its leading keyword (`select`, `insert`, …) and
 * is not judged. `meta` is a client command (psql `\…`, sqlite3 `.…`, mysql `source`, …);
 * `dynamic`: the statement starts with text the command line does not fix ($VAR, $(…)).
 */
export type StatementKind = DestructiveKind | 'delete' | 'update' | 'meta' | 'dynamic' | 'empty' | (string & {});

const DESTRUCTIVE: ReadonlySet<string> = new Set(DESTRUCTIVE_KINDS);

export function isDestructive(kind: StatementKind): kind is DestructiveKind {
  return DESTRUCTIVE.has(kind);
}

type Action = 'allow' | 'ask' | 'deny';

/** The `database:` policy section after layering (lib/policy/load.ts). Patterns are wildcards. */
export interface DatabasePolicy {
  /** Per statement kind, replacing the action of the rule that judges it (user's policy). */
  actions: ReadonlyMap<DestructiveKind, Action>;
  /** Per statement kind, a floor set by a project policy (which may only tighten). */
  floors: ReadonlyMap<DestructiveKind, Action>;
  protected: {
    databases: readonly string[];
    schemas: readonly string[];
    tables: readonly string[];
  };
  production: {
    hosts: readonly string[];
    databases: readonly string[];
    action: Action;
  };
}
