// Pre-pass before shell-quote. shell-quote tokenizes words, quotes, globs and operators well, but it
// reads a newline as plain whitespace, flattens `$(…)` and backticks into broken tokens and knows no
// heredocs. This scanner does only those three things, quote-aware, and leaves the rest to
// shell-quote:
//   - unquoted newlines become `;` (or a space after `|`, `&&`, `||`, `(` and line continuations);
//   - command substitutions `$(…)`, `` `…` ``, `<(…)`, `>(…)` are cut out, replaced by a marker word
//     and returned for recursive analysis;
//   - quoted and escaped braces and commas are marked, so brace expansion can leave them alone;
//   - heredoc bodies are cut out, replaced by a marker word and returned as stdin data; the
//     substitutions inside an unquoted body are cut out of it too (the shell runs them).
// Work is linear in the input; nesting beyond MAX_NESTING is reported, never silently dropped.

export const SUB_MARK = '\u0001';
/**
 * Quoted or escaped `{`, `}` and `,` are replaced by these stand-ins, so that brace expansion
 * (lib/shell/analyze.ts) only sees the ones the shell would expand; so is every `#` that does not
 * start a comment (scan drops comments itself), because shell-quote reads a `#` anywhere as one:
 * `echo a#; rm -rf /` hid the rm. `restoreQuoted` puts them back.
 */
export const QUOTED: Readonly<Record<string, string>> = { '{': '\u0004', '}': '\u0005', ',': '\u0006', '#': '\u0007' };
const QUOTED_RE = new RegExp(`[${Object.values(QUOTED).join('')}]`, 'g');
const UNQUOTED: Readonly<Record<string, string>> = { '\u0004': '{', '\u0005': '}', '\u0006': ',', '\u0007': '#' };

function literal(c: string): string {
  return QUOTED[c] ?? c;
}

/** A word with the stand-ins for quoted braces and commas turned back into themselves. */
export function restoreQuoted(word: string): string {
  return word.replace(QUOTED_RE, (m) => UNQUOTED[m] ?? m);
}
export const HEREDOC_MARK = '\u0003';
export const MAX_NESTING = 64;
/** Characters of the output's end kept to decide whether a newline continues a command. */
const TAIL = 8;

export interface Heredoc {
  delimiter: string;
  body: string;
  /** `<<'EOF'`: no expansion inside the body. */
  quoted: boolean;
}

/** `$(…)` and backticks (`command`), `<(…)` (`input`: read as a file), `>(…)` (`output`). */
export type SubKind = 'command' | 'input' | 'output';

export interface Scanned {
  text: string;
  subs: string[];
  /** The kind of each substitution in `subs`. */
  subKinds: SubKind[];
  heredocs: Heredoc[];
  /** Set when the input nests deeper than MAX_NESTING or is unterminated in a way we cannot read. */
  overflow: boolean;
}

export function subMarker(i: number): string {
  return `${SUB_MARK}${i}${SUB_MARK}`;
}

export function heredocMarker(i: number): string {
  return `${HEREDOC_MARK}${i}${HEREDOC_MARK}`;
}

interface Read {
  inner: string;
  next: number;
  /** Unterminated, or nested deeper than MAX_NESTING. */
  overflow: boolean;
}

/** Reads a balanced `( … )` of `s` starting after the opening paren; returns the inner text. */
function readBalanced(s: string, start: number): Read {
  const n = s.length;
  let depth = 1;
  let j = start;
  let overflow = false;
  let quote: '"' | "'" | '' = '';
  while (j < n) {
    const c = s[j];
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (quote === '"') {
      if (c === '\\') j++;
      else if (c === '"') quote = '';
    } else if (c === '\\') {
      j++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '(') {
      depth++;
      if (depth > MAX_NESTING) overflow = true;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return { inner: s.slice(start, j), next: j + 1, overflow };
    }
    j++;
  }
  return { inner: s.slice(start), next: n, overflow: true };
}

/** Reads a `` `…` `` of `s` starting after the opening backquote. */
function readBackquoted(s: string, start: number): Read {
  const n = s.length;
  let j = start;
  while (j < n) {
    const c = s[j];
    if (c === '\\') j += 2;
    else if (c === '`') return { inner: s.slice(start, j), next: j + 1, overflow: false };
    else j++;
  }
  return { inner: s.slice(start), next: n, overflow: true };
}

/**
 * Replaces the command substitutions of text where quotes are literal (an unquoted heredoc body)
 * by markers from `add`; only a backslash escapes.
 */
function cutSubstitutions(text: string, add: (inner: string) => string, onOverflow: () => void): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (c === '$' && text[i + 1] === '(') {
      const r = readBalanced(text, i + 2);
      if (r.overflow) onOverflow();
      out += add(r.inner);
      i = r.next;
    } else if (c === '`') {
      const r = readBackquoted(text, i + 1);
      if (r.overflow) onOverflow();
      out += add(r.inner);
      i = r.next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface PendingHeredoc {
  index: number;
  delimiter: string;
  strip: boolean;
  quoted: boolean;
}

export function scan(src: string): Scanned {
  const subs: string[] = [];
  const subKinds: SubKind[] = [];
  const heredocs: Heredoc[] = [];
  let overflow = false;
  // Output is collected in chunks, and the end of it is tracked as it is written: reading back a
  // string built by `+=` flattens it, which made a megabyte of newlines quadratic.
  const chunks: string[] = [];
  /** The last few characters of the output with trailing blanks trimmed, and those blanks. */
  let tail = '';
  let blanks = '';
  const put = (t: string): void => {
    chunks.push(t);
    let k = t.length;
    while (k > 0 && (t[k - 1] === ' ' || t[k - 1] === '\t')) k--;
    if (k === 0) {
      blanks = (blanks + t).slice(-TAIL);
      return;
    }
    tail = (tail + blanks + (k === t.length ? t : t.slice(0, k))).slice(-TAIL);
    blanks = k === t.length ? '' : t.slice(k).slice(-TAIL);
  };
  let i = 0;
  const n = src.length;
  let pending: PendingHeredoc[] = [];

  const readParen = (start: number): [string, number] => {
    const r = readBalanced(src, start);
    if (r.overflow) overflow = true;
    return [r.inner, r.next];
  };

  const readBacktick = (start: number): [string, number] => {
    const r = readBackquoted(src, start);
    if (r.overflow) overflow = true;
    return [r.inner, r.next];
  };

  const addSub = (inner: string, kind: SubKind = 'command'): string => {
    subs.push(inner);
    subKinds.push(kind);
    return subMarker(subs.length - 1);
  };

  /** At a newline outside quotes: consume the bodies of heredocs opened on this line. */
  const consumeHeredocs = (from: number): number => {
    let j = from;
    for (const h of pending) {
      const lines: string[] = [];
      let found = false;
      while (j < n) {
        let end = src.indexOf('\n', j);
        if (end === -1) end = n;
        const line = src.slice(j, end);
        j = end + 1;
        const cmp = h.strip ? line.replace(/^\t+/, '') : line;
        if (cmp === h.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      // An unquoted body is expanded by the shell: its `$(…)` and backticks run whatever the
      // command does with the text (`cat > notes.md <<EOF` included). Cut them out like any other.
      const body = h.quoted ? lines.join('\n') : cutSubstitutions(lines.join('\n'), (inner) => addSub(inner), () => (overflow = true));
      heredocs[h.index] = { delimiter: h.delimiter, body, quoted: h.quoted };
      if (!found) j = n;
    }
    pending = [];
    return j;
  };

  let quote: '"' | "'" | '' = '';
  /** Open `${` inside double quotes. */
  let paramDepth = 0;
  while (i < n) {
    const c = src[i] as string;
    if (quote === "'") {
      put(literal(c));
      if (c === "'") quote = '';
      i++;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (next === '\n') {
        put(' ');
      } else if (next === '`' && quote === '"') {
        // `"\``: a literal backquote; shell-quote would keep the backslash.
        put('`');
      } else if (next in QUOTED) {
        // Outside quotes the backslash goes; inside double quotes it stays, as in the shell.
        put(quote === '"' ? `\\${literal(next)}` : literal(next));
      } else {
        put(src.slice(i, i + 2));
      }
      i += 2;
      continue;
    }
    if (c === '$' && src[i + 1] === '(' && src[i + 2] === '(') {
      // `$(( … ))` is arithmetic when its parentheses close as `))`, as bash decides: nothing in it
      // runs but the `$(…)` and backticks it holds. (`$( (cd x; ls) )` is a command substitution.)
      const r = readBalanced(src, i + 3);
      if (!r.overflow && src[r.next] === ')') {
        cutSubstitutions(r.inner, (inner) => addSub(inner), () => (overflow = true));
        put(addSub(''));
        i = r.next + 1;
        continue;
      }
    }
    if (c === '$' && src[i + 1] === '(') {
      const [inner, next] = readParen(i + 2);
      put(addSub(inner));
      i = next;
      continue;
    }
    if (c === '`') {
      const [inner, next] = readBacktick(i + 1);
      put(addSub(inner));
      i = next;
      continue;
    }
    if (quote === '"' && c === '$' && src[i + 1] === '{') {
      // `"${HOME}"`: a parameter expansion, whose braces are not brace expansion's to mark.
      paramDepth++;
      put('${');
      i += 2;
      continue;
    }
    if (quote === '"') {
      if (paramDepth > 0) {
        if (c === '}') paramDepth--;
        put(c);
      } else {
        put(c === '#' && src[i - 1] === '$' ? c : literal(c));
      }
      if (c === '"') {
        quote = '';
        paramDepth = 0;
      }
      i++;
      continue;
    }
    // Outside any quote from here on.
    if (c === "'" || c === '"') {
      quote = c;
      put(c);
      i++;
      continue;
    }
    if ((c === '<' || c === '>') && src[i + 1] === '(') {
      const [inner, next] = readParen(i + 2);
      put(` ${addSub(inner, c === '<' ? 'input' : 'output')} `);
      i = next;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(src[i - 1] as string))) {
      let end = src.indexOf('\n', i);
      if (end === -1) end = n;
      i = end;
      continue;
    }
    if (c === '<' && src[i + 1] === '<' && src[i + 2] === '<') {
      // A here-string: its word is ordinary shell text. Without this, the `<<` inside `<<<` read as
      // a heredoc and swallowed the following lines (and any `$(…)` in the word) as its body.
      put('<<<');
      i += 3;
      continue;
    }
    if (c === '<' && src[i + 1] === '<') {
      const m = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.\-+]+))/.exec(src.slice(i, i + 256));
      if (m) {
        const delimiter = m[2] ?? m[3] ?? m[4] ?? '';
        const index = heredocs.length;
        heredocs.push({ delimiter, body: '', quoted: m[2] !== undefined || m[3] !== undefined });
        pending.push({ index, delimiter, strip: m[1] === '-', quoted: m[2] !== undefined || m[3] !== undefined });
        put(` < ${heredocMarker(index)} `);
        i += m[0].length;
        continue;
      }
    }
    if (c === '\n') {
      const continues = /(\|\||&&|\||\(|\{|;|^)$/.test(tail) || /(^|\s)(do|then)$/.test(tail);
      put(continues ? ' ' : ' ; ');
      i = pending.length > 0 ? consumeHeredocs(i + 1) : i + 1;
      continue;
    }
    // A `#` inside a word is literal; `$#` is a parameter.
    put(c === '#' && src[i - 1] !== '$' ? literal(c) : c);
    i++;
  }
  return { text: chunks.join(''), subs, subKinds, heredocs, overflow };
}
