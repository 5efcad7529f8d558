// Database clients: which SQL a client's command line will run, in which dialect, against what.
// Each client's options are read the way its own option parser reads them (getopt_long with
// unique prefixes for psql and the PostgreSQL tools, my_getopt with `--loose-` and `_` = `-` for
// the MySQL family, sqlite3's single-dash long options), so that an abbreviation or an attached
// value cannot hide the SQL.
//
// The target is what the command line shows (host and database from options, URLs, conninfo
// strings, the database file); environment variables set on the same line are not visible in
// the shell analysis.

import path from 'node:path';
import { isDynamic, type SimpleCommand } from '../shell/analyze.js';
import type { Source, Unseen } from './judge.js';
import type { Family, MetaStyle } from './lexer.js';
import type { ParserDialect } from './parser.js';
import { RUNNERS, unwrapRunner } from './runners.js';

export interface Target {
  host?: string;
  database?: string;
}

export interface Invocation {
  sources: Source[];
  /** The client reads SQL from stdin (no SQL given on the command line). */
  readsStdin: boolean;
  target: Target;
  unseen: Unseen[];
}

export interface Client {
  /** How the trace names the client. */
  name: string;
  /** How the trace names the dialect. */
  dialect: string;
  parser: ParserDialect;
  lex: { family: Family; meta: MetaStyle };
  /** Backslash-in-string readings to judge; the first is the server's default. */
  backslash: readonly boolean[];
  read(args: readonly string[], cmd: SimpleCommand): Invocation;
}

// ---------------------------------------------------------------------------------------------
// Option reading

interface OptionDef {
  long: string;
  short?: string;
  /** required: takes the next word or an attached value; optional: only attached; 2: two words. */
  value?: 'required' | 'optional' | 2;
}

interface Syntax {
  options: readonly OptionDef[];
  /** sqlite3, duckdb: long options with one dash (`-cmd`). */
  singleDash?: boolean;
  /** my_getopt: `--loose-x` is `--x`, `_` is `-`. */
  mysql?: boolean;
}

interface Option {
  name: string;
  value?: string;
}

function readOptions(args: readonly string[], syntax: Syntax): { opts: Option[]; operands: string[] } {
  const opts: Option[] = [];
  const operands: string[] = [];
  const byShort = new Map(syntax.options.filter((o) => o.short !== undefined).map((o) => [o.short as string, o]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    const longForm = a.startsWith('--') || (syntax.singleDash === true && a.startsWith('-') && a.length > 2);
    if (longForm && a.length > 2) {
      const body = a.replace(/^--?/, '');
      const eq = body.indexOf('=');
      let name = eq === -1 ? body : body.slice(0, eq);
      if (syntax.mysql) {
        name = name.replace(/_/g, '-');
        if (name.startsWith('loose-')) name = name.slice('loose-'.length);
      }
      // Exact name, else a unique prefix (getopt_long, my_getopt); an ambiguous prefix makes the
      // client fail, and reading it as the first match errs only towards judging more.
      const def = syntax.options.find((o) => o.long === name) ?? syntax.options.find((o) => name.length > 1 && o.long.startsWith(name));
      if (def === undefined) {
        opts.push({ name });
        continue;
      }
      let value = eq === -1 ? undefined : body.slice(eq + 1);
      if (value === undefined && def.value === 'required' && i + 1 < args.length) value = args[++i];
      if (def.value === 2) i += 2;
      opts.push({ name: def.long, ...(value !== undefined ? { value } : {}) });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const def = byShort.get(a[j] as string);
        if (def === undefined) {
          opts.push({ name: a[j] as string });
          continue;
        }
        if (def.value === 'required' || def.value === 'optional') {
          let value: string | undefined = a.slice(j + 1);
          if (value === '') value = def.value === 'required' && i + 1 < args.length ? args[++i] : undefined;
          opts.push({ name: def.long, ...(value !== undefined ? { value } : {}) });
          break;
        }
        if (def.value === 2) i += 2;
        opts.push({ name: def.long });
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

const values = (opts: readonly Option[], ...names: string[]): string[] => opts.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
const has = (opts: readonly Option[], ...names: string[]): boolean => opts.some((o) => names.includes(o.name));
const last = (xs: readonly string[]): string | undefined => xs[xs.length - 1];

const req = (long: string, short?: string): OptionDef => ({ long, ...(short !== undefined ? { short } : {}), value: 'required' });
const flag = (long: string, short?: string): OptionDef => ({ long, ...(short !== undefined ? { short } : {}) });

// ---------------------------------------------------------------------------------------------
// Targets

/** Host and database of a URL (`postgres://u@host:5432/db`, `mysql://…`) or a libpq conninfo string. */
export function parseConnection(s: string): Target {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#,]*)(?::[^/?#]*)?(?:\/([^?#]*))?/i.exec(s);
  if (url) {
    const t: Target = {};
    if (url[1]) t.host = decodeURIComponent(url[1]);
    if (url[2]) t.database = decodeURIComponent(url[2]);
    return t;
  }
  if (/^\s*\w+\s*=/.test(s)) {
    const t: Target = {};
    const host = /(?:^|\s)(?:host|hostaddr)\s*=\s*'?([^'\s]+)/.exec(s)?.[1];
    const db = /(?:^|\s)dbname\s*=\s*'?([^'\s]+)/.exec(s)?.[1];
    if (host !== undefined) t.host = host;
    if (db !== undefined) {
      // dbname may itself be a URL.
      const inner = parseConnection(db);
      if (inner.host !== undefined) t.host = inner.host;
      t.database = inner.database ?? db;
    }
    return t;
  }
  return { database: s };
}

function target(host: string | undefined, database: string | undefined): Target {
  const t: Target = {};
  if (database !== undefined) Object.assign(t, parseConnection(database));
  if (host !== undefined) t.host = host;
  return t;
}

const text = (t: string, origin: string): Source => ({ text: t, origin });
const file = (f: string, origin: string): Source => ({ file: f, origin });

// ---------------------------------------------------------------------------------------------
// The clients

const PG = { family: 'postgresql', meta: 'psql' } as const;
const MY = { family: 'mysql', meta: 'mysql' } as const;
const LITE = { family: 'sqlite', meta: 'sqlite' } as const;

const PSQL: Syntax = {
  options: [
    req('command', 'c'),
    req('file', 'f'),
    req('dbname', 'd'),
    req('host', 'h'),
    req('port', 'p'),
    req('username', 'U'),
    req('variable', 'v'),
    req('set'),
    req('output', 'o'),
    req('log-file', 'L'),
    req('field-separator', 'F'),
    req('record-separator', 'R'),
    req('pset', 'P'),
    req('table-attr', 'T'),
    flag('list', 'l'),
    flag('version', 'V'),
    flag('help', '?'),
  ],
};

const MYSQL: Syntax = {
  mysql: true,
  options: [
    req('execute', 'e'),
    req('init-command'),
    req('database', 'D'),
    req('host', 'h'),
    req('user', 'u'),
    req('port', 'P'),
    req('socket', 'S'),
    { long: 'password', short: 'p', value: 'optional' },
    ...['protocol', 'default-character-set', 'character-sets-dir', 'defaults-file', 'defaults-extra-file', 'defaults-group-suffix', 'login-path', 'delimiter', 'tee', 'prompt', 'connect-timeout', 'max-allowed-packet', 'net-buffer-length', 'bind-address', 'plugin-dir', 'default-auth', 'server-public-key-path', 'load-data-local-dir', 'histignore'].map((l) => req(l)),
    ...['ssl-ca', 'ssl-capath', 'ssl-cert', 'ssl-cipher', 'ssl-crl', 'ssl-crlpath', 'ssl-key', 'ssl-mode', 'tls-version', 'tls-ciphersuites'].map((l) => req(l)),
    { long: 'pager', value: 'optional' },
    flag('version', 'V'),
    flag('help', '?'),
  ],
};

const SQLITE: Syntax = {
  singleDash: true,
  options: [
    req('cmd'),
    req('init'),
    ...['separator', 'newline', 'nullvalue', 'vfs', 'maxsize', 'mmap', 'nonce', 'escape'].map((l) => req(l)),
    { long: 'lookaside', value: 2 },
    { long: 'pagecache', value: 2 },
    { long: 'heap', value: 2 },
    flag('version'),
    flag('help'),
  ],
};

const DUCKDB: Syntax = { singleDash: true, options: [req('c', 'c'), req('s', 's'), req('f', 'f'), ...SQLITE.options] };

function stdinUnlessSql(sources: Source[], opts: readonly Option[], t: Target): Invocation {
  return { sources, readsStdin: sources.length === 0 && !has(opts, 'version', 'help', 'list'), target: t, unseen: [] };
}

const psql: Client = {
  name: 'psql',
  dialect: 'PostgreSQL',
  parser: 'postgresql',
  lex: PG,
  backslash: [false, true],
  read(args) {
    const { opts, operands } = readOptions(args, PSQL);
    const sources: Source[] = [];
    let stdin = false;
    for (const o of opts) {
      if (o.name === 'command' && o.value !== undefined) sources.push(text(o.value, '-c'));
      if (o.name === 'file' && o.value !== undefined) {
        if (o.value === '-' || o.value === '/dev/stdin') stdin = true;
        else sources.push(file(o.value, `-f ${o.value}`));
      }
    }
    const inv = stdinUnlessSql(sources, opts, target(last(values(opts, 'host')), last(values(opts, 'dbname')) ?? operands[0]));
    return { ...inv, readsStdin: inv.readsStdin || stdin };
  },
};

function mysqlClient(name: string, dialect: string, parser: ParserDialect): Client {
  return {
    name,
    dialect,
    parser,
    lex: MY,
    backslash: [true, false],
    read(args) {
      const { opts, operands } = readOptions(args, MYSQL);
      const sources = [...values(opts, 'init-command').map((v) => text(v, '--init-command')), ...values(opts, 'execute').map((v) => text(v, '-e'))];
      return stdinUnlessSql(sources, opts, target(last(values(opts, 'host')), last(values(opts, 'database')) ?? operands[0]));
    },
  };
}

function sqliteClient(name: string, dialect: string, parser: ParserDialect, syntax: Syntax, family: typeof LITE | { family: 'postgresql'; meta: 'sqlite' }): Client {
  return {
    name,
    dialect,
    parser,
    lex: family,
    backslash: [false],
    read(args, cmd) {
      const { opts, operands } = readOptions(args, syntax);
      const [db, ...sql] = operands;
      const sources: Source[] = [
        ...values(opts, 'init').map((f) => file(f, `-init ${f}`)),
        ...values(opts, 'f').map((f) => file(f, `-f ${f}`)),
        ...values(opts, 'cmd').map((v) => text(v, '-cmd')),
        ...values(opts, 'c', 's').map((v) => text(v, '-c')),
        ...sql.map((v) => text(v, 'argument')),
      ];
      const t: Target = db === undefined || db === '' || db === ':memory:' ? {} : { database: db.startsWith('file:') || isDynamic(db) ? db : path.posix.resolve(cmd.cwd, db) };
      // sqlite3 runs -cmd first and then reads stdin unless SQL arguments follow the database.
      const runsAndExits = sql.length > 0 || values(opts, 'c', 'f').length > 0 || has(opts, 'version', 'help');
      return { sources, readsStdin: !runsAndExits, target: t, unseen: [] };
    },
  };
}

const clickhouse: Client = {
  name: 'clickhouse-client',
  dialect: 'ClickHouse (parsed as MySQL)',
  parser: 'mysql',
  lex: { family: 'mysql', meta: 'none' },
  backslash: [true],
  read(args) {
    const { opts } = readOptions(args, {
      options: [req('query', 'q'), req('queries-file'), req('database', 'd'), req('host', 'h'), req('port'), req('user', 'u'), req('password'), req('config-file', 'C'), req('format', 'f'), flag('multiquery', 'n'), flag('version', 'V'), flag('help')],
    });
    const sources = [...values(opts, 'query').map((v) => text(v, '--query')), ...values(opts, 'queries-file').map((f) => file(f, `--queries-file ${f}`))];
    return stdinUnlessSql(sources, opts, target(last(values(opts, 'host')), last(values(opts, 'database'))));
  },
};

const cockroach: Client = {
  name: 'cockroach sql',
  dialect: 'CockroachDB (PostgreSQL)',
  parser: 'postgresql',
  lex: PG,
  backslash: [false, true],
  read(args) {
    const { opts } = readOptions(args, {
      options: [req('execute', 'e'), req('file', 'f'), req('url'), req('host'), req('port', 'p'), req('database', 'd'), req('user', 'u'), req('certs-dir'), req('set'), req('format'), req('watch'), req('cluster-name'), flag('help')],
    });
    const sources = [...values(opts, 'execute').map((v) => text(v, '-e')), ...values(opts, 'file').map((f) => file(f, `-f ${f}`))];
    const url = last(values(opts, 'url'));
    const t = url !== undefined ? parseConnection(url) : {};
    const host = last(values(opts, 'host'));
    const db = last(values(opts, 'database'));
    if (host !== undefined) t.host = host;
    if (db !== undefined) t.database = db;
    return stdinUnlessSql(sources, opts, t);
  },
};

/** PostgreSQL's dropdb/dropuser and mysqladmin drop: a statement without SQL on the command line. */
function dropTool(name: string, parser: ParserDialect, statement: (operands: readonly string[]) => string[], syntax: Syntax): Client {
  return {
    name,
    dialect: parser === 'postgresql' ? 'PostgreSQL' : 'MySQL',
    parser,
    lex: parser === 'postgresql' ? PG : MY,
    backslash: [false],
    read(args) {
      const { opts, operands } = readOptions(args, syntax);
      const sql = statement(operands);
      const t: Target = {};
      const host = last(values(opts, 'host'));
      if (host !== undefined) t.host = host;
      return { sources: sql.map((s) => text(s, name)), readsStdin: false, target: t, unseen: [] };
    },
  };
}

const quoteIdent = (s: string, q: string): string => `${q}${s.split(q).join(q + q)}${q}`;
const PG_TOOL: Syntax = { options: [req('host', 'h'), req('port', 'p'), req('username', 'U'), req('maintenance-db'), flag('version', 'V'), flag('help', '?')] };

/** `prisma db execute --file x.sql | --stdin`: SQL for whatever the schema's datasource is (read as PostgreSQL). */
const prisma: Client = {
  name: 'prisma db execute',
  dialect: 'PostgreSQL (the datasource provider is not on the command line)',
  parser: 'postgresql',
  lex: { family: 'postgresql', meta: 'none' },
  backslash: [false, true],
  read(args) {
    const { opts } = readOptions(args, { options: [req('file'), req('url'), req('schema'), flag('stdin'), flag('help', 'h')] });
    const sources = values(opts, 'file').map((f) => file(f, `--file ${f}`));
    const url = last(values(opts, 'url'));
    return { sources, readsStdin: has(opts, 'stdin'), target: url !== undefined ? parseConnection(url) : {}, unseen: [] };
  },
};

/** Programs whose commands run SQL, and how to read them. */
export const CLIENTS: Readonly<Record<string, Client>> = {
  psql,
  mysql: mysqlClient('mysql', 'MySQL', 'mysql'),
  mariadb: mysqlClient('mariadb', 'MariaDB', 'mariadb'),
  sqlite3: sqliteClient('sqlite3', 'SQLite', 'sqlite', SQLITE, LITE),
  duckdb: sqliteClient('duckdb', 'DuckDB (parsed as PostgreSQL)', 'postgresql', DUCKDB, { family: 'postgresql', meta: 'sqlite' }),
  'clickhouse-client': clickhouse,
  'clickhouse-local': clickhouse,
  clickhouse,
  cockroach,
  dropdb: dropTool('dropdb', 'postgresql', (ops) => (ops[0] !== undefined ? [`DROP DATABASE ${quoteIdent(ops[0], '"')}`] : []), PG_TOOL),
  dropuser: dropTool('dropuser', 'postgresql', (ops) => (ops[0] !== undefined ? [`DROP ROLE ${quoteIdent(ops[0], '"')}`] : []), PG_TOOL),
  mysqladmin: dropTool(
    'mysqladmin',
    'mysql',
    (ops) => ops.flatMap((op, k) => (op.toLowerCase() === 'drop' && ops[k + 1] !== undefined ? [`DROP DATABASE ${quoteIdent(ops[k + 1] as string, '`')}`] : [])),
    { mysql: true, options: MYSQL.options },
  ),
};


/** The client a command runs and the arguments it gets (after `clickhouse client`, `cockroach sql`). */
export function clientOf(cmd: SimpleCommand): { client: Client; args: string[] } | undefined {
  if (cmd.program === 'prisma' || RUNNERS.includes(cmd.program)) {
    const [tool, ...rest] = unwrapRunner(cmd.argv);
    return tool === 'prisma' && rest[0] === 'db' && rest[1] === 'execute' ? { client: prisma, args: rest.slice(2) } : undefined;
  }
  const client = CLIENTS[cmd.program];
  if (client === undefined) return undefined;
  const args = cmd.argv.slice(1);
  if (cmd.program === 'clickhouse') return args[0] === 'client' || args[0] === 'local' ? { client, args: args.slice(1) } : undefined;
  if (cmd.program === 'cockroach') return args[0] === 'sql' || args[0] === 'demo' ? { client, args: args.slice(1) } : undefined;
  return { client, args };
}
