// SQL lexing: a script → its statements, split where the client splits them, each with its
// tokens outside string literals, quoted names and comments. The database rules judge statements
// from these tokens when node-sql-parser cannot parse them, and the parser reads each statement's
// `text` one at a time.
//
// Trust model: the script is hostile. Keywords inside string literals and quoted names are not
// statements; keywords inside comments are not either, except MySQL's executable comments
// (`/*! … */`, `/*M! … */`), which the server runs. Where the dialect leaves the lexing open
// (a backslash in a string literal escapes or not, by server setting), judge.ts lexes both ways.
// Client commands (psql `\…`, mysql `source`/`system`/`delimiter`, sqlite3 `.…`) come out as
// `meta` statements. Linear time; no limits needed beyond the caller's bound on the text.

import { UNKNOWN } from '../shell/analyze.js';

/** Lexical rules: PostgreSQL (also CockroachDB, DuckDB), MySQL (also MariaDB, ClickHouse), SQLite. */
export type Family = 'postgresql' | 'mysql' | 'sqlite';
/** Which client's own commands the script may contain. */
export type MetaStyle = 'psql' | 'mysql' | 'sqlite' | 'none';

export interface LexOptions {
  family: Family;
  /** A backslash inside '…' escapes the next character (MySQL's default, PostgreSQL's E'…'). */
  backslash: boolean;
  meta: MetaStyle;
}

export interface Token {
  type: 'word' | 'ident' | 'string' | 'number' | 'op';
  /** word: upper-cased; ident and string: the unquoted content; number, op: as written. */
  value: string;
  /** word: as written. */
  raw: string;
  /** Parenthesis depth inside the statement. */
  depth: number;
  /** Offset of the token in its statement's `text`. */
  pos: number;
}

export interface RawStatement {
  tokens: Token[];
  /** For the parser: comments blanked, executable comments opened, unknown parts a placeholder name. */
  text: string;
  /** As written, whitespace collapsed. */
  display: string;
  /** A client command (`\i file`, `.read file`, `source file`, …) rather than SQL. */
  meta?: { name: string; arg: string };
  /** The script ended inside a literal, quoted name or comment. */
  unterminated?: boolean;
}

/** What an unknown part of the command line (UNKNOWN) reads as, for the parser. */
export const UNKNOWN_NAME = '__warden_unknown__';

export function hasUnknown(s: string): boolean {
  return s.includes(UNKNOWN);
}

/** Characters of an unquoted word: letters, digits, `_`, `$`, non-ASCII, and UNKNOWN. */
function isWord(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128 || ch === UNKNOWN;
}
const PREFIX_START = new Set(['E', 'e', 'N', 'n', 'B', 'b', 'X', 'x', 'U', 'u', '_']);
const OPERATOR = new Set(['<', '>', '=', '!', '|', ':']);

/** Tokens lexed per call at most; past it the rest of the text is not lexed (`Lexed.truncated`). */
export const MAX_TOKENS = 100_000;

export interface Lexed {
  statements: RawStatement[];
  /** MAX_TOKENS was reached: the text after `statements` was not lexed. */
  truncated: boolean;
}
const MYSQL_LONG_COMMANDS = new Set(['use', 'source', 'system', 'delimiter', 'connect', 'charset', 'exit', 'quit', 'warnings', 'nowarning', 'rehash', 'tee', 'notee', 'pager', 'nopager', 'print', 'prompt', 'status', 'ego', 'go', 'edit', 'resetconnection', 'query_attributes', 'ssl_session_data_print']);
const MYSQL_SHORT: Readonly<Record<string, string>> = { '.': 'source', '!': 'system', u: 'use', d: 'delimiter', C: 'charset', r: 'connect', T: 'tee', P: 'pager', e: 'edit' };

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function copiesFromStdin(t: readonly Token[]): boolean {
  if (t[0]?.type !== 'word' || t[0].value !== 'COPY') return false;
  return t.some((x, k) => x.type === 'word' && x.value === 'FROM' && x.depth === 0 && t[k + 1]?.type === 'word' && t[k + 1]?.value === 'STDIN');
}

export function lex(src: string, o: LexOptions): Lexed {
  const out: RawStatement[] = [];
  let count = 0;
  const n = src.length;
  let i = 0;
  let start = 0;
  let tokens: Token[] = [];
  let text = '';
  let depth = 0;
  let unterminated = false;
  let delimiter = ';';
  let inExec = false;

  const finish = (end: number, next: number): void => {
    if (tokens.length > 0) {
      const lead = text.length - text.trimStart().length;
      for (const t of tokens) t.pos -= lead;
      out.push({ tokens, text: text.trim(), display: collapse(src.slice(start, end)), ...(unterminated ? { unterminated } : {}) });
    }
    tokens = [];
    text = '';
    depth = 0;
    unterminated = false;
    start = next;
  };
  const push = (type: Token['type'], value: string, raw: string, from: number): void => {
    count++;
    tokens.push({ type, value, raw, depth, pos: text.length });
    const piece = src.slice(from, i);
    text += piece.includes(UNKNOWN) ? piece.split(UNKNOWN).join(type === 'word' ? UNKNOWN_NAME : '_') : piece;
  };
  const toEol = (from: number): number => {
    const e = src.indexOf('\n', from);
    return e === -1 ? n : e;
  };
  const meta = (name: string, arg: string, from: number, end: number): void => {
    finish(from, from);
    out.push({ tokens: [], text: '', display: collapse(src.slice(from, end)), meta: { name, arg: arg.trim() } });
    start = end;
  };
  const lineStart = (): boolean => {
    for (let k = i - 1; k >= 0; k--) {
      const ch = src[k] as string;
      if (ch === '\n') return true;
      if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
    }
    return true;
  };

  /** A quoted run from i (at the opening quote) to its close; returns the unquoted content. */
  const quoted = (close: string, backslash: boolean): string => {
    let v = '';
    i++;
    while (i < n) {
      const ch = src[i] as string;
      if (backslash && ch === '\\' && i + 1 < n) {
        v += src[i + 1];
        i += 2;
        continue;
      }
      if (ch === close) {
        if (src[i + 1] === close) {
          v += close;
          i += 2;
          continue;
        }
        i++;
        return v;
      }
      v += ch;
      i++;
    }
    unterminated = true;
    return v;
  };

  while (i < n) {
    if (count >= MAX_TOKENS) {
      finish(i, i);
      return { statements: out, truncated: true };
    }
    const c = src[i] as string;
    const from = i;

    // Client commands.
    if (c === '\\' && (o.meta === 'psql' || o.meta === 'mysql')) {
      if (o.meta === 'psql') {
        const m = /^\\([!?]|[A-Za-z0-9_+]+)/.exec(src.slice(i, i + 64));
        if (src[i + 1] === '\\') {
          i += 2;
          continue;
        }
        const name = m?.[1] ?? '';
        let end = toEol(i);
        const sep = src.indexOf('\\\\', i + 1 + name.length);
        if (sep !== -1 && sep < end) end = sep;
        meta(`\\${name}`, src.slice(i + 1 + name.length, end), from, end);
        i = end;
        continue;
      }
      const k = src[i + 1] ?? '';
      if (k === 'g' || k === 'G' || k === 'c') {
        i += 2;
        finish(from, i);
        continue;
      }
      const name = MYSQL_SHORT[k];
      if (name !== undefined) {
        const end = toEol(i);
        const arg = src.slice(i + 2, end);
        if (name === 'delimiter') delimiter = arg.trim().split(/\s+/)[0] || ';';
        meta(name, arg, from, end);
        i = end;
        continue;
      }
    }
    if (tokens.length === 0 && o.meta === 'mysql' && /[A-Za-z]/.test(c) && lineStart()) {
      const m = /^([A-Za-z_]+)(?=\s|;|$)/.exec(src.slice(i, i + 40));
      const word = m?.[1]?.toLowerCase();
      if (word !== undefined && MYSQL_LONG_COMMANDS.has(word)) {
        const end = toEol(i);
        let arg = src.slice(i + word.length, end).trim();
        if (word !== 'delimiter') arg = arg.replace(/;\s*$/, '');
        if (word === 'delimiter') delimiter = arg.split(/\s+/)[0] || ';';
        meta(word, arg, from, end);
        i = end;
        continue;
      }
    }
    if (tokens.length === 0 && o.meta === 'sqlite' && c === '.' && lineStart()) {
      const end = toEol(i);
      const m = /^\.([A-Za-z_]+)/.exec(src.slice(i, end));
      meta(`.${m?.[1] ?? ''}`, src.slice(i + 1 + (m?.[1]?.length ?? 0), end), from, end);
      i = end;
      continue;
    }

    if (delimiter !== ';' && src.startsWith(delimiter, i)) {
      i += delimiter.length;
      finish(from, i);
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      text += c;
      i++;
      continue;
    }
    // Comments.
    if (c === '-' && src[i + 1] === '-' && (o.family !== 'mysql' || i + 2 >= n || (src.charCodeAt(i + 2) <= 32 && src[i + 2] !== UNKNOWN))) {
      i = toEol(i);
      text += ' ';
      continue;
    }
    if (c === '#' && o.family === 'mysql') {
      i = toEol(i);
      text += ' ';
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const exec = o.family === 'mysql' ? /^\/\*M?!\d{0,6}/.exec(src.slice(i, i + 12)) : null;
      if (exec) {
        // Executable comment: the server runs what is inside.
        inExec = true;
        i += exec[0].length;
        text += ' ';
        continue;
      }
      let level = 1;
      i += 2;
      while (i < n && level > 0) {
        if (src[i] === '*' && src[i + 1] === '/') {
          level--;
          i += 2;
        } else if (o.family === 'postgresql' && src[i] === '/' && src[i + 1] === '*') {
          level++;
          i += 2;
        } else i++;
      }
      if (level > 0) unterminated = true;
      text += ' ';
      continue;
    }
    if (inExec && c === '*' && src[i + 1] === '/') {
      inExec = false;
      i += 2;
      text += ' ';
      continue;
    }
    // String literals and quoted names, with their prefixes (E'…', N'…', B'…', X'…', U&'…', _utf8'…').
    const prefix = PREFIX_START.has(c) ? /^(?:[EeNnBbXx]|[Uu]&|_[A-Za-z0-9]+)(?=['"])/.exec(src.slice(i, i + 24)) : null;
    if (prefix && (i === 0 || !isWord(src[i - 1]))) {
      const p = prefix[0];
      const q = src[i + p.length] as string;
      if (q === "'" || (q === '"' && p.toUpperCase() === 'U&')) {
        i += p.length;
        const escaped = q === "'" && o.family !== 'sqlite' && (o.backslash || (o.family === 'postgresql' && p.toUpperCase() === 'E'));
        const v = quoted(q, escaped);
        push(q === "'" ? 'string' : 'ident', v, src.slice(from, i), from);
        continue;
      }
    }
    if (c === "'") {
      const v = quoted("'", o.family !== 'sqlite' && o.backslash);
      push('string', v, src.slice(from, i), from);
      continue;
    }
    if (c === '"') {
      const isString = o.family === 'mysql';
      const v = quoted('"', isString && o.backslash);
      push(isString ? 'string' : 'ident', v, src.slice(from, i), from);
      continue;
    }
    if (c === '`' && o.family !== 'postgresql') {
      const v = quoted('`', false);
      push('ident', v, src.slice(from, i), from);
      continue;
    }
    if (c === '[' && o.family === 'sqlite') {
      const close = src.indexOf(']', i + 1);
      const end = close === -1 ? n : close + 1;
      if (close === -1) unterminated = true;
      const v = src.slice(i + 1, close === -1 ? n : close);
      i = end;
      push('ident', v, src.slice(from, i), from);
      continue;
    }
    if (c === '$' && o.family === 'postgresql' && (i === 0 || !isWord(src[i - 1]))) {
      const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(src.slice(i, i + 128));
      if (m) {
        const tag = m[0];
        const close = src.indexOf(tag, i + tag.length);
        const end = close === -1 ? n : close + tag.length;
        if (close === -1) unterminated = true;
        const v = src.slice(i + tag.length, close === -1 ? n : close);
        i = end;
        push('string', v, src.slice(from, i), from);
        continue;
      }
    }
    if (c === '(') {
      i++;
      push('op', '(', '(', from);
      depth++;
      continue;
    }
    if (c === ')') {
      depth = Math.max(0, depth - 1);
      i++;
      push('op', ')', ')', from);
      continue;
    }
    if (c === ';' && delimiter === ';') {
      i++;
      finish(from, i);
      // psql: `COPY … FROM STDIN;` is followed by data lines up to `\.`, which are not SQL.
      const last = out[out.length - 1];
      if (o.meta === 'psql' && last !== undefined && copiesFromStdin(last.tokens)) {
        const end = src.indexOf('\n\\.', i);
        i = end === -1 ? n : toEol(end + 1);
        start = i;
      }
      continue;
    }
    if (isWord(c)) {
      while (i < n && isWord(src[i])) i++;
      let raw = src.slice(from, i);
      if (/^\d/.test(raw) && src[i] === '.' && /\d/.test(src[i + 1] ?? '')) {
        i++;
        while (i < n && /[0-9eE]/.test(src[i] as string)) i++;
        raw = src.slice(from, i);
      }
      push(/^\d[\d.eE]*$/.test(raw) ? 'number' : 'word', /^\d/.test(raw) ? raw : raw.toUpperCase(), raw, from);
      continue;
    }
    if (OPERATOR.has(c)) {
      while (i < n && OPERATOR.has(src[i] as string) && i - from < 3) i++;
    } else i++;
    push('op', src.slice(from, i), src.slice(from, i), from);
  }
  finish(n, n);
  return { statements: out, truncated: false };
}
