// The programs the database rules look at, and whether a command runs SQL at all, decided
// without the SQL engine (lib/sql/engine.ts, its own bundle): the hook loads the engine only for
// a command that needs it.

import type { SimpleCommand } from '../shell/analyze.js';
import { RUNNERS, unwrapRunner } from './runners.js';

/** Database clients (and drop tools) whose command lines carry SQL; lib/sql/clients.ts reads each. */
export const CLIENT_PROGRAMS: readonly string[] = ['psql', 'mysql', 'mariadb', 'sqlite3', 'duckdb', 'clickhouse-client', 'clickhouse-local', 'clickhouse', 'cockroach', 'dropdb', 'dropuser', 'mysqladmin'];

/** Programs the SQL rules look at: the clients, and prisma (`prisma db execute`) with its runners. */
export const SQL_PROGRAMS: readonly string[] = [...CLIENT_PROGRAMS, 'prisma', ...RUNNERS];

export const REDIS_PROGRAMS: readonly string[] = ['redis-cli', 'valkey-cli', 'keydb-cli'];
export const MONGO_PROGRAMS: readonly string[] = ['mongosh', 'mongo', 'mongorestore'];

/** True when the command may run SQL: a client, or `prisma db execute` behind a runner. */
export function mayRunSql(cmd: SimpleCommand): boolean {
  if (CLIENT_PROGRAMS.includes(cmd.program)) return true;
  if (cmd.program !== 'prisma' && !RUNNERS.includes(cmd.program)) return false;
  const [tool, a, b] = unwrapRunner(cmd.argv);
  return tool === 'prisma' && a === 'db' && b === 'execute';
}
