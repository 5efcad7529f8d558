// Reading interpreter one-liners (`python3 -c …`, `node -e …`, `ruby -e …`, `perl -e …`, `php -r …`,
// `lua -e …`, awk programs) far enough to see what they do to files and which shell commands they start. Not a parser: a
// lexer that knows each language's string literals, comments and command literals (backticks,
// `qx{}`, `%x()`), and a bracket matcher that finds calls and their arguments. Expressions are
// evaluated only where a path or a command is built from literals, `os.path.join`-style helpers,
// the home directory and variables assigned earlier in the same code; every other value is
// UNKNOWN, so a rule sees "could be anything" rather than a guess.
//
// Trust model: the code is hostile. Work is linear in the code's length apart from two bounded
// look-ups (assignments and bare calls, MAX_ASSIGNMENTS × MAX_SCAN); code longer than MAX_CODE is
// read up to that length and reported as truncated, which the analysis turns into a bound.

import type { Lang } from './interpreters.js';
import { UNKNOWN } from './unknown.js';

/** Characters of one piece of inline code that are read; the rest is a bound. */
export const MAX_CODE = 64 * 1024;
/** Calls recorded per one-liner. */
const MAX_CALLS = 4096;
/** Assignments looked at, and characters scanned for each one's value or a bare call's arguments. */
const MAX_ASSIGNMENTS = 256;
const MAX_SCAN = 4096;
/** Nesting of expressions evaluated through variables and helper calls. */
const MAX_EVAL_DEPTH = 8;
/**
 * Characters of expressions evaluated per one-liner, all evaluations together (nested calls such as
 * `f(f(f(…)))` each see most of the code again). Past it every value is UNKNOWN and the one-liner
 * counts as truncated.
 */
const MAX_EVAL_WORK = 1 << 21;

const LIT_OPEN = '\u000E';
const LIT_CLOSE = '\u000F';
const LIT_RE = new RegExp(`${LIT_OPEN}(\\d+)${LIT_CLOSE}`, 'g');
const MARKS = new RegExp(`[${LIT_OPEN}${LIT_CLOSE}]`, 'g');
const ONE_LIT = new RegExp(`^(?:[rRbBuUfF]{0,2})${LIT_OPEN}(\\d+)${LIT_CLOSE}$`);
/** Adjacent literals (`'a' 'b'`, Python's implicit concatenation). */
const LITS_ONLY = new RegExp(`^(?:\\s*[rRbBuUfF]{0,2}${LIT_OPEN}\\d+${LIT_CLOSE})+\\s*$`);
/** Bun's and zx's shell template: `` $`…` ``, `` Bun.$`…` ``. */
const SHELL_TEMPLATE = new RegExp(`(?:^|[^\\w$.])(?:Bun\\s*\\.\\s*)?\\$\\s*${LIT_OPEN}(\\d+)${LIT_CLOSE}`, 'g');
/** awk's `print … | "cmd"` and `"cmd" | getline`. */
const AWK_PIPES = new RegExp(`\\|&?\\s*${LIT_OPEN}(\\d+)${LIT_CLOSE}|${LIT_OPEN}(\\d+)${LIT_CLOSE}\\s*\\|&?\\s*getline`, 'g');
const PERL_QUOTE_OP = /^(qq|qw|qx|qr|q|m|s|tr|y)\s*([^\w\s])/;

export interface Literal {
  /** The string's value; interpolated parts are UNKNOWN. */
  value: string;
  /** A command literal: backticks, `qx{…}`, `%x(…)` — run by the shell. */
  command: boolean;
  /** A JavaScript template literal (a tagged one may be a shell: Bun's and zx's `$`). */
  template: boolean;
  /** Ruby `%w(…)` / Perl `qw(…)`: a list of words. */
  words: boolean;
}

export interface Call {
  /** Dotted name as written, spaces removed: `shutil.rmtree`, `File::Path::rmtree`, `$x->exec`. */
  name: string;
  /** Last segment of the name: `rmtree`. */
  last: string;
  /** Argument expressions (masked code). */
  args: string[];
  /** Offset in the masked code. */
  at: number;
  /** For a method called on a call's result (`require('rimraf').sync(…)`): that call. */
  on?: Call;
}

export interface OneLiner {
  lang: Lang;
  /** The code with every string literal replaced by a placeholder and comments removed. */
  masked: string;
  literals: Literal[];
  calls: Call[];
  /** The code was longer than MAX_CODE, had more calls than are recorded, or took too much evaluating. */
  truncated: boolean;
  /** Characters evaluated so far (see MAX_EVAL_WORK). */
  work: number;
  /** Variable → assignments in order of appearance (offset, value expression). */
  assigns: Map<string, { at: number; expr: string }[]>;
}

/** Where the one-liner runs: its value of `~`/`$HOME` and of the working directory. */
export interface EvalEnv {
  home: string;
  cwd: string;
}

// ---------------------------------------------------------------------------------------------
// Lexing

interface Reader {
  src: string;
  i: number;
}

type Interp = 'none' | 'python-f' | 'js' | 'ruby' | 'perl' | 'php';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

/**
 * Reads a quoted body up to `close` (which may be several characters: `'''`), from r.i (after the
 * opening quote). `escapes`: 'full' (backslash escapes), 'quote' (only \\ and the closing quote),
 * 'none' (raw). `open`, for bracket delimiters, nests.
 */
function readBody(r: Reader, close: string, escapes: 'full' | 'quote' | 'none', interp: Interp, open?: string): string {
  const s = r.src;
  let out = '';
  let depth = 0;
  while (r.i < s.length) {
    const c = s[r.i] as string;
    if (open !== undefined && c === open) {
      depth++;
    } else if (s.startsWith(close, r.i)) {
      if (depth === 0) {
        r.i += close.length;
        return out;
      }
      depth--;
    }
    if (c === '\\' && escapes !== 'none') {
      const n = s[r.i + 1] ?? '';
      if (escapes === 'quote') {
        out += n === '\\' || close.startsWith(n) ? n : `\\${n}`;
        r.i += 2;
        continue;
      }
      r.i += 2;
      if (n === '\n') continue;
      if (n === 'x') {
        const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{1,2}))/.exec(s.slice(r.i, r.i + 8));
        if (m) {
          out += String.fromCodePoint(parseInt(m[1] ?? m[2] ?? '0', 16));
          r.i += m[0].length;
          continue;
        }
      }
      if (n === 'u') {
        const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(s.slice(r.i, r.i + 8));
        if (m) {
          out += String.fromCodePoint(parseInt(m[1] ?? m[2] ?? '0', 16));
          r.i += m[0].length;
          continue;
        }
      }
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{0,2}/.exec(s.slice(r.i, r.i + 2));
        out += String.fromCharCode(parseInt(n + (m?.[0] ?? ''), 8));
        r.i += m?.[0].length ?? 0;
        continue;
      }
      out += SIMPLE_ESCAPES[n] ?? n;
      continue;
    }
    const skip = interpolation(s, r.i, interp);
    if (skip > 0) {
      out += UNKNOWN;
      r.i = skip;
      continue;
    }
    out += c;
    r.i++;
  }
  return out;
}

/** If an interpolation starts at i, the index after it; else 0. */
function interpolation(s: string, i: number, interp: Interp): number {
  const c = s[i];
  const n = s[i + 1] ?? '';
  switch (interp) {
    case 'none':
      return 0;
    case 'python-f':
      if (c === '{') return n === '{' ? 0 : matchBrace(s, i);
      return 0;
    case 'js':
      return c === '$' && n === '{' ? matchBrace(s, i + 1) : 0;
    case 'ruby':
      return c === '#' && n === '{' ? matchBrace(s, i + 1) : 0;
    case 'perl':
    case 'php': {
      if (interp === 'php' && c === '{' && n === '$') return matchBrace(s, i);
      if (c === '$' && n === '{') return matchBrace(s, i + 1);
      if ((c === '$' || (interp === 'perl' && c === '@')) && /[A-Za-z_:]/.test(n)) {
        let j = i + 1;
        while (j < s.length && /[\w:]/.test(s[j] as string)) j++;
        // `$x[0]`, `$h{k}`, `$o->p`: the subscript belongs to the variable.
        if (s[j] === '[') j = matchBracket(s, j, '[', ']');
        else if (s[j] === '{' && interp === 'perl') j = matchBracket(s, j, '{', '}');
        else if (s.startsWith('->', j) && /[A-Za-z_]/.test(s[j + 2] ?? '')) {
          j += 2;
          while (j < s.length && /\w/.test(s[j] as string)) j++;
        }
        return j;
      }
      return 0;
    }
  }
}

/** Index after the `}` matching the `{` at i (or the end). */
function matchBrace(s: string, i: number): number {
  return matchBracket(s, i, '{', '}');
}

function matchBracket(s: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === open) depth++;
    else if (s[j] === close && --depth === 0) return j + 1;
  }
  return s.length;
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Strips a lone literal to its value (`'x'`, `r'x'`), or undefined. */
function literalIndex(expr: string): number | undefined {
  const m = ONE_LIT.exec(expr.trim());
  return m ? Number(m[1]) : undefined;
}

/** The code with literals masked and comments removed, and the literals. */
function lex(code: string, lang: Lang): { masked: string; literals: Literal[] } {
  const literals: Literal[] = [];
  const out: string[] = [];
  const r: Reader = { src: code, i: 0 };
  const s = code;
  const push = (value: string, kind: Partial<Literal> = {}): void => {
    literals.push({ value, command: false, template: false, words: false, ...kind });
    out.push(`${LIT_OPEN}${literals.length - 1}${LIT_CLOSE}`);
  };
  /** Previous non-blank character of the source before i (for telling regexes from division). */
  const prevSignificant = (i: number): string => {
    let j = i - 1;
    while (j >= 0 && /\s/.test(s[j] as string)) j--;
    return j < 0 ? '' : (s[j] as string);
  };
  while (r.i < s.length) {
    const i = r.i;
    const c = s[i] as string;
    const n = s[i + 1] ?? '';
    // Comments.
    if ((lang === 'python' || lang === 'ruby' || lang === 'awk') && c === '#') {
      r.i = lineEnd(s, i);
      continue;
    }
    if (lang === 'perl' && c === '#' && s[i - 1] !== '$') {
      r.i = lineEnd(s, i);
      continue;
    }
    if ((lang === 'node' || lang === 'php') && c === '/' && n === '/') {
      r.i = lineEnd(s, i);
      continue;
    }
    if (lang === 'php' && c === '#' && n !== '[') {
      r.i = lineEnd(s, i);
      continue;
    }
    if ((lang === 'node' || lang === 'php') && c === '/' && n === '*') {
      const end = s.indexOf('*/', i + 2);
      r.i = end === -1 ? s.length : end + 2;
      out.push(' ');
      continue;
    }
    if (lang === 'lua' && c === '-' && n === '-') {
      const long = /^--\[(=*)\[/.exec(s.slice(i, i + 16));
      if (long) {
        const end = s.indexOf(`]${long[1] ?? ''}]`, i);
        r.i = end === -1 ? s.length : end + 2 + (long[1]?.length ?? 0);
      } else {
        r.i = lineEnd(s, i);
      }
      out.push(' ');
      continue;
    }
    // Ruby, Perl and PHP quote alike: '…' is literal, "…" interpolates, `…` runs a shell command.
    if ((lang === 'ruby' || lang === 'perl' || lang === 'php') && (c === "'" || c === '"' || c === '`')) {
      r.i = i + 1;
      if (c === "'") push(readBody(r, "'", 'quote', 'none'));
      else push(readBody(r, c, 'full', lang), { command: c === '`' });
      continue;
    }
    switch (lang) {
      case 'lua': {
        if (c === "'" || c === '"') {
          r.i = i + 1;
          push(readBody(r, c, 'full', 'none'));
          continue;
        }
        const long = /^\[(=*)\[/.exec(s.slice(i, i + 16));
        if (long) {
          const close = `]${long[1] ?? ''}]`;
          const end = s.indexOf(close, i);
          push(s.slice(i + long[0].length, end === -1 ? s.length : end));
          r.i = end === -1 ? s.length : end + close.length;
          continue;
        }
        break;
      }
      case 'awk':
        if (c === '"') {
          r.i = i + 1;
          push(readBody(r, '"', 'full', 'none'));
          continue;
        }
        if (c === '/' && /^[(,~!{};&|\n]?$/.test(prevSignificant(i))) {
          r.i = skipRegex(s, i + 1);
          out.push(' ');
          continue;
        }
        break;
      case 'python':
        if (c === "'" || c === '"') {
          const prefix = /[rRbBuUfF]{1,2}$/.exec(s.slice(Math.max(0, i - 2), i))?.[0] ?? '';
          const raw = /[rR]/.test(prefix);
          const f = /[fF]/.test(prefix);
          const triple = s.startsWith(c.repeat(3), i);
          r.i = i + (triple ? 3 : 1);
          push(readBody(r, triple ? c.repeat(3) : c, raw ? 'none' : 'full', f ? 'python-f' : 'none'));
          continue;
        }
        break;
      case 'node':
        if (c === "'" || c === '"') {
          r.i = i + 1;
          push(readBody(r, c, 'full', 'none'));
          continue;
        }
        if (c === '`') {
          r.i = i + 1;
          push(readBody(r, '`', 'full', 'js'), { template: true });
          continue;
        }
        if (c === '/' && /^[(,=:[!&|?{};]?$/.test(prevSignificant(i)) && n !== '/' && n !== '*') {
          // A regular expression literal: its quotes are not strings.
          r.i = skipRegex(s, i + 1);
          out.push(' ');
          continue;
        }
        break;
      case 'ruby':
        if (c === '%' && /[xqQwWi]/.test(n) && /[^\w\s]/.test(s[i + 2] ?? ' ')) {
          const d = s[i + 2] as string;
          r.i = i + 3;
          const body = readBody(r, CLOSERS[d] ?? d, n === 'q' || n === 'w' ? 'quote' : 'full', n === 'q' || n === 'w' ? 'none' : 'ruby', CLOSERS[d] ? d : undefined);
          push(body, { command: n === 'x', words: n === 'w' || n === 'W' || n === 'i' });
          continue;
        }
        break;
      case 'perl': {
        const q = 'qmsty'.includes(c) ? PERL_QUOTE_OP.exec(s.slice(i, i + 5)) : null;
        if (q && !/[\w$@%&>:-]/.test(s[i - 1] ?? ' ') && !(q[2] === '=' && s[i + q[0].length] === '>') && !/[,;)]/.test(q[2] ?? '')) {
          const op = q[1] as string;
          const d = q[2] as string;
          r.i = i + q[0].length;
          const closeD = CLOSERS[d] ?? d;
          const openD = CLOSERS[d] ? d : undefined;
          const quoted = d === "'";
          const body = readBody(r, closeD, quoted ? 'quote' : 'full', op === 'q' || op === 'qw' || quoted ? 'none' : 'perl', openD);
          if (op === 's' || op === 'tr' || op === 'y') {
            // Two parts: `s/a/b/`, `s{a}{b}`.
            if (openD !== undefined) {
              while (r.i < s.length && /\s/.test(s[r.i] as string)) r.i++;
              const d2 = s[r.i] ?? '';
              r.i++;
              readBody(r, CLOSERS[d2] ?? d2, 'full', 'none', CLOSERS[d2] ? d2 : undefined);
            } else {
              readBody(r, closeD, 'full', 'none');
            }
          }
          while (r.i < s.length && /[a-z]/.test(s[r.i] as string)) r.i++;
          if (op === 'q' || op === 'qq' || op === 'qx' || op === 'qw') push(body, { command: op === 'qx', words: op === 'qw' });
          else out.push(' ');
          continue;
        }
        if (c === '/' && (/^[(,=~!{};]?$/.test(prevSignificant(i)) || /\b(split|grep|map|if|unless|and|or|not|return)\s*$/.test(s.slice(Math.max(0, i - 10), i)))) {
          r.i = skipRegex(s, i + 1);
          while (r.i < s.length && /[a-z]/.test(s[r.i] as string)) r.i++;
          out.push(' ');
          continue;
        }
        break;
      }
      case 'php':
        if (c === '<' && s.startsWith('<<<', i)) {
          const m = /^<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1\r?\n/.exec(s.slice(i, i + 80));
          if (m) {
            const id = m[2] as string;
            const bodyStart = i + m[0].length;
            const end = new RegExp(`^[ \\t]*${id}\\b`, 'm');
            const rest = s.slice(bodyStart);
            const e = end.exec(rest);
            const body = e ? rest.slice(0, e.index) : rest;
            r.i = e ? bodyStart + e.index + e[0].length : s.length;
            const sub: Reader = { src: body, i: 0 };
            push(m[1] === "'" ? body : readBody(sub, `${LIT_OPEN}${LIT_OPEN}`, 'full', 'php'));
            continue;
          }
        }
        break;
    }
    out.push(c);
    r.i++;
  }
  return { masked: out.join(''), literals };
}

function lineEnd(s: string, i: number): number {
  const e = s.indexOf('\n', i);
  return e === -1 ? s.length : e;
}

function skipRegex(s: string, i: number): number {
  let j = i;
  let cls = false;
  while (j < s.length) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '[') cls = true;
    else if (c === ']') cls = false;
    else if (c === '/' && !cls) return j + 1;
    else if (c === '\n') return j;
    j++;
  }
  return j;
}

// ---------------------------------------------------------------------------------------------
// Calls and assignments

const NAME_BEFORE = /((?:[A-Za-z_$\\][\w$\\]*)(?:\s*(?:\.|::|->)\s*[A-Za-z_$][\w$]*)*)\s*$/;

/** Calls `name(args)`: one pass pairs the brackets and records top-level commas. */
function findCalls(masked: string): { calls: Call[]; truncated: boolean } {
  const calls: Call[] = [];
  const stack: { open: number; kind: string; name: string | undefined; commas: number[]; on?: Call }[] = [];
  /** Calls by the offset of their closing parenthesis. */
  const byEnd = new Map<number, Call>();
  let truncated = false;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i] as string;
    if (c === '(' || c === '[' || c === '{') {
      let name: string | undefined;
      let on: Call | undefined;
      if (c === '(') {
        const before = masked.slice(Math.max(0, i - 160), i);
        const m = NAME_BEFORE.exec(before);
        if (m?.[1] !== undefined) {
          name = m[1].replace(/\s+/g, '');
          const dot = /\)\s*(?:\.|->)\s*$/.exec(before.slice(0, m.index));
          if (dot) on = byEnd.get(i - before.length + dot.index);
        }
      }
      stack.push({ open: i, kind: c, name, commas: [], ...(on ? { on } : {}) });
    } else if (c === ',') {
      stack[stack.length - 1]?.commas.push(i);
    } else if (c === ')' || c === ']' || c === '}') {
      const top = stack.pop();
      if (top === undefined || top.kind !== '(' || top.name === undefined) continue;
      if (calls.length >= MAX_CALLS) {
        truncated = true;
        continue;
      }
      const args: string[] = [];
      let from = top.open + 1;
      for (const k of [...top.commas, i]) {
        args.push(masked.slice(from, k));
        from = k + 1;
      }
      if (args.length === 1 && (args[0] as string).trim() === '') args.pop();
      const call: Call = { name: top.name, last: lastSegment(top.name), args, at: top.open, ...(top.on ? { on: top.on } : {}) };
      calls.push(call);
      byEnd.set(i, call);
    }
  }
  // Unclosed calls at the end (`system('rm -rf /'` cut short) still count, with what they have.
  for (const top of stack) {
    if (top.kind !== '(' || top.name === undefined || calls.length >= MAX_CALLS) continue;
    const args: string[] = [];
    let from = top.open + 1;
    for (const k of [...top.commas, masked.length]) {
      args.push(masked.slice(from, k));
      from = k + 1;
    }
    calls.push({ name: top.name, last: lastSegment(top.name), args, at: top.open });
  }
  calls.sort((a, b) => a.at - b.at);
  return { calls, truncated };
}

function lastSegment(name: string): string {
  const m = /[\w$]+$/.exec(name);
  return m ? m[0] : name;
}

/** Splits an expression at its top-level occurrences of `sep` (outside brackets). */
function splitTop(expr: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i] as string;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(expr);
      if (m && m.index === i) {
        parts.push(expr.slice(from, i));
        from = i + m[0].length;
        i = from - 1;
      }
    }
  }
  parts.push(expr.slice(from));
  return parts;
}

/** Text from `from` to the end of the statement (`;`, a newline or an unmatched closer), bounded. */
function statementFrom(masked: string, from: number): string {
  let depth = 0;
  const end = Math.min(masked.length, from + MAX_SCAN);
  for (let j = from; j < end; j++) {
    const c = masked[j] as string;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth < 0) return masked.slice(from, j);
    } else if (depth === 0 && (c === ';' || c === '\n')) return masked.slice(from, j);
  }
  return end < masked.length ? UNKNOWN : masked.slice(from, end);
}

const ASSIGN_RE = /(?:^|[;\n{]|\b(?:const|let|var|my|our|local)\b)\s*(?:const|let|var|my|our|local)?\s*([$@]?[A-Za-z_]\w*)\s*=(?![=~>])/g;

function findAssignments(masked: string): Map<string, { at: number; expr: string }[]> {
  const m = new Map<string, { at: number; expr: string }[]>();
  ASSIGN_RE.lastIndex = 0;
  let count = 0;
  for (let a = ASSIGN_RE.exec(masked); a !== null && count < MAX_ASSIGNMENTS; a = ASSIGN_RE.exec(masked)) {
    count++;
    const name = a[1] as string;
    const at = a.index + a[0].length;
    m.set(name, [...(m.get(name) ?? []), { at, expr: statementFrom(masked, at) }]);
  }
  return m;
}

/**
 * Calls written without parentheses (`system "rm -rf /"`, `FileUtils.rm_rf '/x'`, `rmtree $d`) in
 * Ruby and Perl, for the given names: arguments run to the end of the statement.
 */
const BARE_CALLS: Readonly<Partial<Record<Lang, RegExp>>> = {
  ruby: /(?<![\w.:$@])((?:FileUtils(?:\.|::))?(?:system|exec|spawn|rm_rf|rm_r|remove_dir|remove_entry_secure|remove_entry|rmtree)|File\.(?:write|binwrite)|IO\.(?:write|binwrite))[ \t]+(?![=.,;)}\]|&?:]|if\b|unless\b|do\b)/g,
  perl: /(?<![\w.:$@%>-])((?:File::Path::)?(?:system|exec|rmtree|remove_tree|open|sysopen))[ \t]+(?![=.,;)}\]|&?:])/g,
};

function findBareCalls(masked: string, lang: Lang): Call[] {
  const re = BARE_CALLS[lang];
  if (re === undefined) return [];
  const calls: Call[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(masked); m !== null && calls.length < MAX_ASSIGNMENTS; m = re.exec(masked)) {
    let text = statementFrom(masked, m.index + m[0].length);
    // Statement modifiers end the arguments: `system "x" if y`, `… or die`.
    text = text.split(/\s+(?:if|unless|or|and|while|until)\b|\s*(?:\|\||&&)/)[0] ?? text;
    const name = (m[1] as string).replace(/\s+/g, '');
    calls.push({ name, last: lastSegment(name), args: splitTop(text, /,/y), at: m.index });
  }
  return calls;
}

const cache = new WeakMap<{ lang: Lang; code: string }, OneLiner>();

/**
 * The one-liner `inline` holds, read once per object: the analysis reads it for the shell commands
 * it starts, then several rules look at the same object (`SimpleCommand.runs.inline`).
 */
export function oneLinerOf(inline: { lang: Lang; code: string }): OneLiner {
  const hit = cache.get(inline);
  if (hit) return hit;
  const p = readOneLiner(inline.code, inline.lang);
  cache.set(inline, p);
  return p;
}

/** Reads one piece of code (not memoized: see `oneLinerOf`). */
function readOneLiner(code: string, lang: Lang): OneLiner {
  let truncated = code.length > MAX_CODE;
  // The placeholders' characters in the input must not pass for placeholders.
  const src = (truncated ? code.slice(0, MAX_CODE) : code).replace(MARKS, '\uFFFD');
  const { masked, literals } = lex(src, lang);
  const found = findCalls(masked);
  truncated ||= found.truncated;
  const calls = [...found.calls, ...findBareCalls(masked, lang)];
  return { lang, masked, literals, calls, truncated, work: 0, assigns: findAssignments(masked) };
}

// ---------------------------------------------------------------------------------------------
// Evaluating path and command expressions

/** Functions returning their (first) argument as a path, some expanding a leading `~`. */
const SAME = new Set(['Path', 'PurePath', 'PosixPath', 'pathlib.Path', 'abspath', 'realpath', 'normpath', 'path.normalize', 'Pathname', 'Pathname.new', 'str', 'String', 'fspath', 'resolve', 'abs_path', 'rel2abs', 'URI', 'Bun.file']);
const EXPAND = new Set(['expanduser', 'expand_path', 'File.expand_path', 'glob', 'bsd_glob']);
const JOIN = new Set(['join', 'joinpath', 'path.join', 'path.resolve', 'resolve', 'File.join', 'catfile', 'catdir', 'File::Spec->catfile', 'File::Spec->catdir']);
const HOME_CALLS = new Set(['Path.home', 'pathlib.Path.home', 'os.homedir', 'homedir', 'Dir.home', 'Deno.homeDir', 'File.home']);
const CWD_CALLS = new Set(['os.getcwd', 'getcwd', 'process.cwd', 'Dir.pwd', 'Deno.cwd', 'Path.cwd', 'pathlib.Path.cwd', 'cwd']);
const ENV_READ = /^(?:os\.environ(?:\.get)?|environ(?:\.get)?|os\.getenv|getenv|process\.env|ENV|ENV\.fetch|\$ENV|\$_SERVER|\$_ENV|Deno\.env\.get)$/;
const METHOD_SAME = /^(.*?)\s*\.\s*(resolve|absolute|as_posix|to_s|toString|to_path|expanduser|expand_path|realpath)\s*\(\s*\)$/s;

function expandTilde(p: string, env: EvalEnv): string {
  return p === '~' || p.startsWith('~/') ? env.home + p.slice(1) : p;
}

function joinPaths(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part.startsWith('/') || out === '') out = part;
    else out = out.endsWith('/') ? out + part : `${out}/${part}`;
  }
  return out;
}

/** The outer call of an expression that is exactly one call: `name(args)`. */
function asCall(expr: string): { name: string; args: string[] } | undefined {
  if (!expr.endsWith(')')) return undefined;
  // The parenthesis matching the last one: `f(a)(b)` and `require('os').homedir()` end in a call too.
  let depth = 0;
  let open = -1;
  for (let j = expr.length - 1; j >= 0; j--) {
    if (expr[j] === ')') depth++;
    else if (expr[j] === '(' && --depth === 0) {
      open = j;
      break;
    }
  }
  if (open <= 0) return undefined;
  let name = expr.slice(0, open).replace(/\s+/g, '');
  // A method on another call's result keeps only its own dotted name: `require('os').homedir`.
  if (name.includes(')')) name = /(?:\.|->)([A-Za-z_$][\w$]*)$/.exec(name)?.[1] ?? '';
  if (!/^(?:new)?[A-Za-z_$\\][\w$\\]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*$/.test(name)) return undefined;
  const inner = expr.slice(open + 1, -1);
  return { name: name.replace(/^new/, ''), args: inner.trim() === '' ? [] : splitTop(inner, /,/y) };
}

/**
 * The string an expression evaluates to, with UNKNOWN for what cannot be known. `at`: where the
 * expression is (assignments after it do not count).
 */
export function evalString(p: OneLiner, expr: string, env: EvalEnv, at = Number.MAX_SAFE_INTEGER, depth = 0): string {
  if (p.work > MAX_EVAL_WORK) return UNKNOWN;
  let t = expr.trim();
  if (depth > MAX_EVAL_DEPTH || t === '') return UNKNOWN;
  p.work += t.length;
  if (p.work > MAX_EVAL_WORK) {
    p.truncated = true;
    return UNKNOWN;
  }
  // Keyword arguments and Ruby hash-rocket keys do not change the value: `path=x`.
  t = t.replace(/^\w+\s*=(?!=)\s*/, '');
  while (t.startsWith('(') && matchBracket(t, 0, '(', ')') === t.length) t = t.slice(1, -1).trim();
  const next = (e: string, where = at): string => evalString(p, e, env, where, depth + 1);

  // Concatenation: `+` (Python, JavaScript, Ruby), `.` (Perl, PHP), Python's Path `/`.
  const concat = p.lang === 'perl' || p.lang === 'php' ? /\s*\.(?![\d=.])\s*/y : p.lang === 'lua' ? /\s*\.\.\s*/y : p.lang === 'awk' ? /\s+/y : /\s*\+\s*/y;
  const parts = splitTop(t, concat).filter((x) => p.lang !== 'awk' || x !== '');
  if (parts.length > 1) return parts.map((x) => next(x)).join('');
  if (p.lang === 'python') {
    const slashes = splitTop(t, /\s*\/\s*/y);
    if (slashes.length > 1) return joinPaths(slashes.map((x) => next(x)));
    // `'rm -rf %s' % p`: the placeholders are unknown.
    const pct = splitTop(t, /\s+%\s+|%(?=\s*[\w(])/y);
    if (pct.length === 2) return next(pct[0] as string).replace(/%[-+ #0]*\d*(?:\.\d+)?[sdrfxi]/g, UNKNOWN);
  }

  // Literals, including implicitly concatenated ones (`'a' 'b'`).
  const lit = literalIndex(t);
  if (lit !== undefined) {
    const l = p.literals[lit];
    return l === undefined || l.command ? UNKNOWN : l.value;
  }
  if (LITS_ONLY.test(t)) {
    return [...t.matchAll(LIT_RE)].map((m) => next(m[0])).join('');
  }
  // `'{}/x'.format(a)`: placeholders unknown.
  const fmt = /^(.*)\.format\s*\(.*\)$/s.exec(t);
  if (fmt) return next(fmt[1] as string).replace(/\{[^{}]*\}/g, UNKNOWN);
  const method = METHOD_SAME.exec(t);
  if (method) {
    const v = next(method[1] as string);
    return method[2] === 'expanduser' || method[2] === 'expand_path' ? expandTilde(v, env) : v;
  }
  // `os.environ['HOME']`, `$ENV{HOME}`, `process.env.HOME`.
  const sub = /^(.*?)\s*(?:\[\s*(.+)\s*\]|\{\s*(.+)\s*\}|\.(\w+))$/s.exec(t);
  if (sub && ENV_READ.test((sub[1] as string).replace(/\s+/g, ''))) {
    const key = sub[4] ?? (sub[2] !== undefined ? next(sub[2]) : (sub[3] as string).replace(/^['"]|['"]$/g, ''));
    const keyValue = sub[3] !== undefined && literalIndex(sub[3]) !== undefined ? next(sub[3]) : key;
    return envValue(keyValue, env);
  }
  const call = asCall(t);
  if (call) {
    const { name, args } = call;
    const short = lastSegment(name);
    if (HOME_CALLS.has(name) || (short === 'home' && /Path$/.test(name))) return env.home;
    if (CWD_CALLS.has(name)) return env.cwd;
    if (ENV_READ.test(name) && args[0] !== undefined) return envValue(next(args[0]), env);
    if (EXPAND.has(name) || EXPAND.has(short)) return args[0] === undefined ? UNKNOWN : expandTilde(next(args[0]), env);
    if (JOIN.has(name) || name.endsWith('path.join') || name === 'os.path.join' || name === 'posixpath.join') return joinPaths(args.map((a) => next(a)));
    if (SAME.has(name) || SAME.has(short)) return args[0] === undefined ? (short === 'Path' ? '.' : UNKNOWN) : next(args[0]);
    if (name === 'os.path.dirname' || name === 'path.dirname' || name === 'File.dirname' || name === 'dirname') {
      const v = args[0] === undefined ? UNKNOWN : next(args[0]);
      return v.includes(UNKNOWN) ? UNKNOWN : v.replace(/\/[^/]*$/, '') || '/';
    }
    return UNKNOWN;
  }
  if (t === 'Dir.home' || t === 'Dir.pwd') return t === 'Dir.home' ? env.home : env.cwd;
  if (t === '__dirname' || t === '__file__' || t === '__FILE__' || t === '$0') return UNKNOWN;
  // A variable assigned earlier in the same code.
  if (/^[$@]?[A-Za-z_]\w*$/.test(t)) {
    const list = p.assigns.get(t);
    if (list !== undefined) {
      let best: { at: number; expr: string } | undefined;
      for (const a of list) if (a.at < at) best = a;
      if (best !== undefined) return next(best.expr, best.at);
    }
  }
  return UNKNOWN;
}

function envValue(key: string, env: EvalEnv): string {
  if (key === 'HOME') return env.home;
  if (key === 'PWD') return env.cwd;
  return UNKNOWN;
}

/** The strings of a list expression (`['rm', '-rf', p]`, `%w(rm -rf /)`, `'rm -rf /'.split()`), or undefined. */
export function evalList(p: OneLiner, expr: string, env: EvalEnv): string[] | undefined {
  if (p.work > MAX_EVAL_WORK) return undefined;
  const t = expr.trim();
  p.work += t.length;
  if (p.work > MAX_EVAL_WORK) {
    p.truncated = true;
    return undefined;
  }
  if ((t.startsWith('[') && matchBracket(t, 0, '[', ']') === t.length) || (t.startsWith('(') && matchBracket(t, 0, '(', ')') === t.length)) {
    const inner = t.slice(1, -1);
    return inner.trim() === '' ? [] : splitTop(inner, /,/y).flatMap((e) => evalList(p, e, env) ?? [evalString(p, e, env)]);
  }
  const lit = literalIndex(t);
  if (lit !== undefined && p.literals[lit]?.words === true) return (p.literals[lit]?.value ?? '').split(/\s+/).filter((w) => w !== '');
  const split = /^(.*)\.split\s*\(\s*\)$/s.exec(t);
  if (split) return evalString(p, split[1] as string, env).split(/\s+/).filter((w) => w !== '');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Shell commands a one-liner starts

/** A shell command the one-liner starts: shell source (`text`) or an argv run directly. */
export interface ShellRun {
  /** The API, for the analysis' `via` chain: `os.system`, `execSync`, `` `…` ``. */
  label: string;
  text?: string;
  argv?: string[];
}

/** Per language: calls whose first argument is shell source (or an argv list). */
const SHELL_TEXT: Readonly<Record<Lang, ReadonlySet<string>>> = {
  python: new Set(['system', 'popen', 'getoutput', 'getstatusoutput', 'check_output', 'check_call', 'call', 'run', 'Popen', 'spawn']),
  node: new Set(['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'execa', 'execaSync', 'execaCommand', 'execaCommandSync', 'Command', 'spawnSync']),
  ruby: new Set(['system', 'exec', 'spawn', 'popen', 'popen2', 'popen2e', 'popen3', 'capture2', 'capture2e', 'capture3', 'pipeline']),
  perl: new Set(['system', 'exec', 'readpipe']),
  php: new Set(['system', 'exec', 'shell_exec', 'passthru', 'popen', 'proc_open', 'pcntl_exec']),
  lua: new Set(['execute', 'popen']),
  awk: new Set(['system']),
};
/** Python calls whose bare name is too common to be read as subprocess's without the module. */
const PY_QUALIFIED = new Set(['call', 'run', 'spawn']);
const PY_EXEC = /^(?:os\.)?(exec|spawn)(l|le|lp|lpe|v|ve|vp|vpe)$/;

export function shellRuns(p: OneLiner, env: EvalEnv): ShellRun[] {
  const runs: ShellRun[] = [];
  for (const l of p.literals) if (l.command) runs.push({ label: '`…`', text: l.value });
  if (p.lang === 'node') {
    // Bun's and zx's shell: `` $`rm -rf ${x}` ``, `` Bun.$`…` ``.
    for (const m of p.masked.matchAll(SHELL_TEMPLATE)) {
      const l = p.literals[Number(m[1])];
      if (l?.template) runs.push({ label: '$`…`', text: l.value });
    }
  }
  if (p.lang === 'awk') {
    // `print … | "cmd"`, `"cmd" | getline`: awk hands the string to sh.
    for (const m of p.masked.matchAll(AWK_PIPES)) {
      const l = p.literals[Number(m[1] ?? m[2])];
      if (l !== undefined) runs.push({ label: m[1] !== undefined ? '| "…"' : '"…" | getline', text: l.value });
    }
  }
  const fromSubprocess = p.lang === 'python' && /\bfrom\s+subprocess\s+import\b/.test(p.masked);
  for (const call of p.calls) {
    const { name, last, args } = call;
    const first = args[0];
    if (first === undefined) continue;
    if (p.lang === 'python') {
      const ex = PY_EXEC.exec(name);
      if (ex) {
        // os.execvp(file, [argv]), os.execl(path, arg0, arg1, …), os.spawnlp(mode, file, arg0, …).
        const rest = ex[1] === 'spawn' ? args.slice(1) : args;
        const argv = (ex[2] ?? '').startsWith('v') ? evalList(p, rest[1] ?? '', env) : rest.slice(1).map((a) => evalString(p, a, env));
        if (argv !== undefined && argv.length > 0) runs.push({ label: name, argv });
        continue;
      }
      if (!SHELL_TEXT.python.has(last)) continue;
      const qualified = name !== last;
      if (qualified && !/^(?:os|subprocess|sp|commands|pty)\./.test(name)) continue;
      if (!qualified && PY_QUALIFIED.has(last) && !fromSubprocess) continue;
    } else if (p.lang === 'node') {
      if (!SHELL_TEXT.node.has(last)) continue;
      if (last === 'Command' && !name.includes('Deno')) continue;
      if (name.startsWith('Bun.') && (last === 'spawn' || last === 'spawnSync')) {
        const argv = evalList(p, first, env) ?? evalList(p, /cmd\s*:\s*(\[.*\])/s.exec(first)?.[1] ?? '', env);
        if (argv !== undefined) runs.push({ label: name, argv });
        continue;
      }
      if (last === 'exec' || last === 'execSync' || last === 'execaCommand' || last === 'execaCommandSync') {
        runs.push({ label: name, text: evalString(p, first, env) });
        continue;
      }
      // spawn(prog, [args], {shell: true}) / execFile(prog, [args]) / new Deno.Command(prog, {args: […]}).
      const listText = last === 'Command' ? (/args\s*:\s*(\[.*\])/s.exec(args[1] ?? '')?.[1] ?? '[]') : (args[1] ?? '[]');
      const rest = evalList(p, listText, env) ?? [UNKNOWN];
      const prog = evalString(p, first, env);
      if (/shell\s*:\s*(true|!0|1|['"])/.test(args.slice(1).join(','))) runs.push({ label: name, text: [prog, ...rest].join(' ') });
      else runs.push({ label: name, argv: [prog, ...rest] });
      continue;
    } else if (!SHELL_TEXT[p.lang].has(last)) {
      continue;
    } else if (p.lang === 'lua' && name !== 'os.execute' && name !== 'io.popen') {
      continue;
    }
    if (p.lang === 'php' && name !== last && !name.startsWith('\\')) continue;
    // The first argument: a list (an argv), or shell source; several plain arguments are an argv
    // (Ruby's and Perl's `system('rm', '-rf', '/')`). A leading env hash is skipped.
    const list = evalList(p, first, env);
    const plain = args.filter((a) => !a.trim().startsWith('{') && !/^\s*\w+\s*[=:]/.test(a) && !/=>/.test(a));
    if (list !== undefined) runs.push({ label: name, argv: list });
    else if ((p.lang === 'ruby' || p.lang === 'perl') && plain.length > 1) runs.push({ label: name, argv: plain.map((a) => evalString(p, a, env)) });
    else runs.push({ label: name, text: evalString(p, plain[0] ?? first, env) });
  }
  return runs;
}
