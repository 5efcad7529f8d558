// Judging a SQL script statement by statement: lex it as the client will split it, read each
// statement with node-sql-parser where it can and from its tokens where it cannot, follow the
// client's include commands into files, and read the SQL that a script builds and runs itself
// (PostgreSQL DO bodies, psql `\gexec`, MySQL PREPARE … FROM / EXECUTE IMMEDIATE).
//
// Fail mode: closed. A statement the parser cannot read is judged from its tokens; a parser that
// cannot load leaves every statement to the tokens; the tokens and the parser together count the
// stricter reading. What the guard cannot see (a missing file, a shell escape, SQL built from
// $VAR, text past a bound) is reported in `unseen`, which the rules turn into findings.

import { display } from '../shell/analyze.js';
import { classifyAst, classifyTokens, type Effect } from './classify.js';
import { isDestructive } from './kinds.js';
import { MAX_TOKENS, lex, type LexOptions, type RawStatement, type Token } from './lexer.js';
import type { SqlParser } from './parser.js';
import { readScript, type ReadResult } from './read.js';

export const LIMITS = {
  /** SQL text judged per command, all files and bodies together. */
  totalText: 1 << 20,
  /** Statements judged per command. */
  statements: 5000,
  /** SQL tokens lexed per command (each is an object: this bounds memory). */
  tokens: MAX_TOKENS,
  /** Longest statement given to the parser (10–30 µs per character); longer ones are judged from tokens. */
  parseStatement: 8 * 1024,
  /** Characters given to the parser per command; later statements are judged from their tokens. */
  parseTotal: 24 * 1024,
  /** Statements given to the parser per command (each costs at least ~0.2 ms). */
  parseCount: 200,
  /** Nesting of include commands (`\i`, `.read`, `source`). */
  includeDepth: 4,
  /** Nesting of SQL built inside SQL (a DO body's EXECUTE '…'). */
  codeDepth: 3,
} as const;

export interface Judged {
  /** The statement as written, whitespace collapsed. */
  display: string;
  effects: Effect[];
  /** `parser`: node-sql-parser read it (the tokens may have added to it); `tokens`: judged from its tokens only. */
  by: 'parser' | 'tokens' | 'client';
  /** Why the tokens decided, or what else is worth knowing. */
  note?: string;
  /** Where the statement came from when it is not the command's own text (a file, a DO body). */
  origin?: string;
}

export type UnseenReason = 'missing' | 'large' | 'pipe' | 'dynamic' | 'shell' | 'bound';

export interface Unseen {
  reason: UnseenReason;
  detail: string;
}

/** SQL a command runs: text it carries, or a file it names (read here, bounded). */
export type Source = { text: string; origin: string } | { file: string; origin: string };

interface Script {
  text: string;
  origin: string;
  /** Directory of the script file, for psql's `\ir`. */
  dir: string;
}

export interface JudgeOptions {
  /** The command's directory: relative paths in options and includes resolve against it. */
  cwd: string;
  lex: Omit<LexOptions, 'backslash'>;
  /** Backslash readings to try; the first is the server's default. */
  backslash: readonly boolean[];
  /** Loads the parser on first use; throws if it cannot. */
  parser: () => SqlParser;
  /** Reads an included file (bounded); tests may replace it. */
  read?: (file: string, dir: string) => ReadResult;
}

export interface Judgement {
  statements: Judged[];
  unseen: Unseen[];
  /** Databases the script switches to (`\c db`, `USE db`, `.open file`). */
  databases: string[];
  /** `used`, `not needed`, or why it is unavailable. */
  parser: string;
}

const DESTRUCTIVE_HEADS = /\b(drop|truncate|delete|update|alter|grant)\b/i;
/**
 * A statement whose text (literals and comments included) has none of these words cannot be one
 * the rules act on, whatever the parser would make of it: it is judged from its tokens alone.
 */
const WORTH_PARSING = /(drop|truncate|delete|update|alter|grant|superuser|execute|prepare)/i;

interface State {
  o: JudgeOptions;
  out: Judgement;
  text: number;
  count: number;
  parsed: number;
  parsedCount: number;
  tokens: number;
  parser: SqlParser | undefined;
  parserError: string | undefined;
  /** The last SQL statement run, for psql's `\gexec` (which may come in a later -c). */
  last: RawStatement | undefined;
}

export function judge(sources: readonly Source[], o: JudgeOptions): Judgement {
  const s: State = { o, out: { statements: [], unseen: [], databases: [], parser: 'not needed' }, text: 0, count: 0, parsed: 0, parsedCount: 0, tokens: 0, parser: undefined, parserError: undefined, last: undefined };
  for (const src of sources) {
    if ('file' in src) include(s, src.file, o.cwd, src.origin, 0);
    else script(s, { text: src.text, origin: src.origin, dir: o.cwd }, 0);
  }
  if (s.parserError !== undefined) s.out.parser = `unavailable (${s.parserError})`;
  return s.out;
}

function unseen(s: State, reason: UnseenReason, detail: string): void {
  if (!s.out.unseen.some((u) => u.reason === reason && u.detail === detail)) s.out.unseen.push({ reason, detail });
}

function script(s: State, sc: Script, depth: number): void {
  let text = sc.text;
  if (s.text + text.length > LIMITS.totalText) {
    unseen(s, 'bound', `more than ${LIMITS.totalText} characters of SQL in one command`);
    text = text.slice(0, Math.max(0, LIMITS.totalText - s.text));
  }
  s.text += text.length;
  const [first = false, ...others] = s.o.backslash;
  const primary = lexed(s, text, first);
  const seen = new Set(primary.map((st) => st.text));
  const statements = primary.map((st) => ({ st, note: undefined as string | undefined }));
  // Where the server's setting decides whether a backslash escapes, judge the other reading too.
  for (const b of text.includes('\\') ? others : []) {
    for (const st of lexed(s, text, b)) {
      if (!seen.has(st.text)) {
        seen.add(st.text);
        statements.push({ st, note: b ? 'read with backslash escapes in strings' : 'read without backslash escapes in strings' });
      }
    }
  }
  const origin = sc.origin;
  let buildsSql = false;
  for (const { st, note } of statements) {
    if (st.meta) {
      // \gexec runs each value the last query returns as a statement: its strings are SQL.
      if (st.meta.name === '\\gexec' && s.last !== undefined) code(s, strings(s.last.tokens), `\\gexec in ${origin}`, 1);
      metaCommand(s, st, sc, depth);
      continue;
    }
    s.last = st;
    statement(s, st, origin, note);
    const head = st.tokens[0];
    if (head?.type === 'word' && head.value === 'DO' && s.o.lex.family === 'postgresql') code(s, strings(st.tokens), `DO body in ${origin}`, 1);
    if (head?.type === 'word' && (head.value === 'PREPARE' || (head.value === 'EXECUTE' && st.tokens[1]?.value === 'IMMEDIATE')) && s.o.lex.family === 'mysql') buildsSql = true;
    if (head?.type === 'word' && head.value === 'USE' && st.tokens[1] !== undefined) s.out.databases.push(st.tokens[1].type === 'word' ? st.tokens[1].raw : st.tokens[1].value);
  }
  // MySQL PREPARE stmt FROM @q / 'text': the text may sit in any string of the script.
  if (buildsSql) code(s, statements.flatMap(({ st }) => strings(st.tokens)), `PREPARE in ${origin}`, 1);
}

/** Lexes within the command's token budget; past it, the rest is a bound. */
function lexed(s: State, text: string, backslash: boolean, meta?: LexOptions['meta']): RawStatement[] {
  const r = lex(text, { ...s.o.lex, backslash, ...(meta !== undefined ? { meta } : {}) });
  s.tokens += r.statements.reduce((n, st) => n + st.tokens.length, 0);
  if (r.truncated || s.tokens > LIMITS.tokens) unseen(s, 'bound', `more than ${LIMITS.tokens} SQL tokens in one command`);
  return s.tokens > LIMITS.tokens * 2 ? [] : r.statements;
}

const strings = (tokens: readonly Token[]): string[] => tokens.filter((t) => t.type === 'string').map((t) => t.value);

function parserFor(s: State): SqlParser | undefined {
  if (s.parser !== undefined || s.parserError !== undefined) return s.parser;
  try {
    s.parser = s.o.parser();
    s.out.parser = 'used';
  } catch (e) {
    s.parserError = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  return s.parser;
}

function statement(s: State, st: RawStatement, origin: string, extraNote?: string, keep: (e: Effect) => boolean = () => true): void {
  if (++s.count > LIMITS.statements) {
    unseen(s, 'bound', `more than ${LIMITS.statements} statements in one command`);
    return;
  }
  const tokens = classifyTokens(st.tokens);
  let effects = tokens;
  let by: Judged['by'] = 'tokens';
  let note: string | undefined;
  if (!WORTH_PARSING.test(st.text)) {
    note = 'nothing for the parser to find';
  } else if (st.text.length > LIMITS.parseStatement || s.parsed + st.text.length > LIMITS.parseTotal || s.parsedCount >= LIMITS.parseCount) {
    note = st.text.length > LIMITS.parseStatement ? 'too long for the parser' : 'past the parser budget of this command';
  } else {
    const parser = parserFor(s);
    if (parser === undefined) {
      note = `parser unavailable: ${s.parserError ?? ''}`;
    } else {
      s.parsed += st.text.length;
      s.parsedCount++;
      try {
        const ast = classifyAst(parser.astify(st.text));
        if (ast === undefined) {
          note = 'parser result not understood';
        } else {
          by = 'parser';
          // The stricter reading counts: what the tokens show as destructive stays.
          const extra = tokens.filter((t) => isDestructive(t.kind) && !ast.some((a) => a.kind === t.kind));
          effects = [...ast, ...extra];
          if (extra.length > 0) note = 'the tokens show more than the parser read';
        }
      } catch (e) {
        note = `parse error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 120) ?? ''}`;
      }
    }
  }
  if (effects.some((e) => e.kind === 'dynamic')) unseen(s, 'dynamic', `\`${display(st.display).slice(0, 120)}\` starts with text the command line does not fix`);
  const kept = effects.filter(keep);
  if (kept.length === 0) return;
  const notes = [note, extraNote, st.unterminated ? 'unterminated literal or comment' : undefined].filter((x): x is string => x !== undefined);
  s.out.statements.push({ display: st.display, effects: kept, by, ...(notes.length > 0 ? { note: notes.join('; ') } : {}), ...(origin !== '' ? { origin } : {}) });
}

/** Does a data-destroying statement start at tokens[k]? (Used inside code bodies, where statements are not at the head.) */
function startsStatement(t: readonly Token[], k: number): boolean {
  const x = t[k] as Token;
  if (x.type !== 'word') return false;
  const next = t[k + 1];
  const named = next !== undefined && (next.type === 'word' || next.type === 'ident');
  switch (x.value) {
    case 'DROP':
      return next?.type === 'word';
    case 'TRUNCATE':
      // `'TRUNCATE ' || tablename`: the name comes at run time.
      return named || next === undefined;
    case 'DELETE':
      return next?.value === 'FROM' || t.slice(k + 1, k + 6).some((y) => y.type === 'word' && y.value === 'FROM' && y.depth === x.depth);
    case 'UPDATE':
      return named && next.value !== 'SET' && t.slice(k + 2).some((y) => y.type === 'word' && y.value === 'SET' && y.depth === x.depth);
    case 'ALTER':
      return next?.type === 'word' && ['TABLE', 'USER', 'ROLE'].includes(next.value);
    case 'GRANT':
      return next?.type === 'word' && next.value === 'ALL';
    default:
      return false;
  }
}

/** SQL held in strings that the script runs: judged from wherever a statement starts in them. */
function code(s: State, texts: readonly string[], origin: string, depth: number): void {
  for (const text of texts) {
    if (!DESTRUCTIVE_HEADS.test(text)) continue;
    if (depth > LIMITS.codeDepth) {
      unseen(s, 'bound', `SQL built inside SQL nested deeper than ${LIMITS.codeDepth}`);
      return;
    }
    s.text += text.length;
    if (s.text > LIMITS.totalText) {
      unseen(s, 'bound', `more than ${LIMITS.totalText} characters of SQL in one command`);
      return;
    }
    for (const st of lexed(s, text, s.o.backslash[0] ?? false, 'none')) {
      for (let k = 0; k < st.tokens.length; k++) {
        if (!startsStatement(st.tokens, k)) continue;
        const tok = st.tokens[k] as Token;
        const sub = st.tokens.slice(k).map((t) => ({ ...t, depth: t.depth - tok.depth, pos: t.pos - tok.pos }));
        const subText = st.text.slice(tok.pos);
        statement(s, { tokens: sub, text: subText, display: subText.replace(/\s+/g, ' ').trim() }, origin, undefined, (e) => isDestructive(e.kind) || e.kind === 'delete' || e.kind === 'update');
      }
      code(s, strings(st.tokens), origin, depth + 1);
    }
  }
}

const INCLUDE = new Set(['\\i', '\\include', '\\ir', '\\include_relative', 'source', '.read']);
const SHELL = new Set(['\\!', 'system', '.shell', '.system']);
const CONNECT = new Set(['\\c', '\\connect', 'use', 'connect', '.open']);

function metaCommand(s: State, st: RawStatement, sc: Script, depth: number): void {
  const m = st.meta as { name: string; arg: string };
  s.out.statements.push({ display: st.display, effects: [{ kind: 'meta', objects: [] }], by: 'client', ...(sc.origin !== '' ? { origin: sc.origin } : {}) });
  const arg = unquote(m.arg);
  if (SHELL.has(m.name) || (m.name.startsWith('.') && arg.startsWith('|')) || m.name === '\\|' || ((m.name === '\\copy' || m.name === '\\o' || m.name === '\\g' || m.name === '\\out') && /\|/.test(m.arg))) {
    unseen(s, 'shell', `${st.display} (the client runs a shell command)`);
    return;
  }
  if (m.name === '\\copy' && /\bprogram\b/i.test(m.arg)) {
    unseen(s, 'shell', `${st.display} (the client runs a shell command)`);
    return;
  }
  if (CONNECT.has(m.name)) {
    const db = arg.split(/\s+/)[0];
    if (db !== undefined && db !== '') s.out.databases.push(db);
    return;
  }
  if (!INCLUDE.has(m.name)) return;
  if (depth >= LIMITS.includeDepth) {
    unseen(s, 'bound', `includes nested deeper than ${LIMITS.includeDepth} (${st.display})`);
    return;
  }
  // psql's \ir resolves against the including file; every other include against the working directory.
  const dir = m.name === '\\ir' || m.name === '\\include_relative' ? sc.dir : s.o.cwd;
  include(s, arg, dir, `${m.name} ${arg}`, depth + 1);
}

/** Judges the file an include command or option names. */
function include(s: State, file: string, dir: string, origin: string, depth: number): void {
  const r = (s.o.read ?? readScript)(file, dir);
  if (!r.ok) {
    unseen(s, r.reason, r.detail);
    return;
  }
  if (r.truncated) unseen(s, 'large', `${r.path} is longer than the ${r.text.length} bytes read`);
  script(s, { text: r.text, origin, dir: parentDir(r.path) }, depth);
}

const parentDir = (p: string): string => p.slice(0, Math.max(1, p.lastIndexOf('/')));

function unquote(a: string): string {
  const t = a.trim();
  const m = /^'((?:[^']|'')*)'|^"((?:[^"]|"")*)"/.exec(t);
  if (m) return (m[1] ?? m[2] ?? '').replace(/''/g, "'");
  return t.split(/\s+/)[0] ?? '';
}
