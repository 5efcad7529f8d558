// The SQL guard's entry point: a simple command → the SQL it will run, judged statement by
// statement, or undefined when the command runs no database client. node-sql-parser is loaded
// here on the first statement that needs it (one dialect build, see parser.ts), never at import.

import { display, type SimpleCommand } from '../shell/analyze.js';
import type { TraceStep } from '../types.js';
import { clientOf, type Target } from './clients.js';
import { judge, type Judged, type Source, type Unseen } from './judge.js';
import { loadParser, type ParserDialect, type SqlParser } from './parser.js';

export interface SqlFacts {
  client: string;
  dialect: string;
  /** node-sql-parser: `used`, `not needed` or why it is unavailable. */
  parser: string;
  target: Target;
  /** Databases the script itself switches to (`\c`, `USE`, `.open`). */
  databases: string[];
  statements: Judged[];
  unseen: Unseen[];
}

const PARSERS = new Map<ParserDialect, SqlParser>();

function parserFor(d: ParserDialect): SqlParser {
  let p = PARSERS.get(d);
  if (p === undefined) {
    p = loadParser(d);
    PARSERS.set(d, p);
  }
  return p;
}

/** What a command feeds its stdin, as a source to judge, or why it cannot be seen. */
export function stdinSource(cmd: SimpleCommand): { source?: Source; unseen?: Unseen } {
  const s = cmd.stdin;
  switch (s?.kind) {
    case undefined:
      return {};
    case 'heredoc':
      return { source: { text: s.text, origin: 'heredoc' } };
    case 'herestring':
      return { source: { text: s.text, origin: 'here-string' } };
    case 'pipe':
      return s.text !== undefined
        ? { source: { text: s.text, origin: `${s.from} |` } }
        : { unseen: { reason: 'pipe', detail: `its input is the output of ${s.from === '' ? 'a pipeline' : `\`${display(s.from)}\``}` } };
    case 'file':
      return { source: { file: s.path, origin: `< ${display(s.path)}` } };
  }
}

/** The SQL a command runs, judged; undefined for a command that runs no database client. */
export function sqlFacts(cmd: SimpleCommand): SqlFacts | undefined {
  const c = clientOf(cmd);
  return c === undefined ? undefined : factsOf(cmd, c);
}

function factsOf(cmd: SimpleCommand, c: NonNullable<ReturnType<typeof clientOf>>): SqlFacts {
  const inv = c.client.read(c.args, cmd);
  const sources = [...inv.sources];
  const unseen = [...inv.unseen];
  if (inv.readsStdin) {
    const s = stdinSource(cmd);
    if (s.source) sources.push(s.source);
    if (s.unseen) unseen.push(s.unseen);
  }
  const j = judge(sources, { cwd: cmd.cwd, lex: c.client.lex, backslash: c.client.backslash, parser: () => parserFor(c.client.parser) });
  return { client: c.client.name, dialect: c.client.dialect, parser: j.parser, target: inv.target, databases: j.databases, statements: j.statements, unseen: [...unseen, ...j.unseen] };
}

const MAX_TRACE_STATEMENTS = 50;
const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The trace step `warden explain` shows for a command's SQL. */
export function sqlTrace(f: SqlFacts, depth: number): TraceStep {
  const target = [f.target.host !== undefined ? `host ${display(f.target.host)}` : undefined, f.target.database !== undefined ? `database ${display(f.target.database)}` : undefined].filter((x) => x !== undefined).join(', ');
  return {
    kind: 'sql',
    depth,
    client: f.client,
    dialect: f.dialect,
    target: target === '' ? '(not on the command line)' : target,
    parser: f.parser,
    statements: f.statements.slice(0, MAX_TRACE_STATEMENTS).map((s) => ({
      text: short(display(s.display), 160),
      kinds: s.effects.map((e) => (e.objects.length > 0 ? `${e.kind} ${e.objects.join(', ')}` : e.kind)),
      by: s.by,
      ...(s.note !== undefined ? { note: s.note } : {}),
      ...(s.origin !== undefined ? { origin: s.origin } : {}),
    })),
    more: Math.max(0, f.statements.length - MAX_TRACE_STATEMENTS),
    unseen: f.unseen.map((u) => `${u.reason}: ${u.detail}`),
  };
}
