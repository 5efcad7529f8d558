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

/**
 * Characters that JavaScript's `\s`, and so shell-quote, reads as blanks but the shell does not:
 * to bash `r\uFEFFm`, `rm\u00A0-rf` or `ls\r` is one word, to shell-quote two. `hideBlanks` puts
 * private-use stand-ins in their place before a text is scanned, so that they stay inside their
 * words; `restoreQuoted` puts them back.
 */
const JS_BLANKS = '\u000b\u000c\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const BLANK_STANDINS: Readonly<Record<string, string>> = Object.fromEntries([...JS_BLANKS].map((c, i) => [c, String.fromCharCode(0xe000 + i)]));
const HAS_JS_BLANK = new RegExp(`[${JS_BLANKS}]`);
const JS_BLANK_RE = new RegExp(`[${JS_BLANKS}]`, 'g');

/** Every stand-in character scan and hideBlanks write (input holding one must not pass for it). */
export const STANDINS = `${Object.values(QUOTED).join('')}${Object.values(BLANK_STANDINS).join('')}`;
const STANDIN_RE = new RegExp(`[${STANDINS}]`, 'g');
const ORIGINALS: Readonly<Record<string, string>> = Object.fromEntries([...Object.entries(QUOTED), ...Object.entries(BLANK_STANDINS)].map(([k, v]) => [v, k]));

function literal(c: string): string {
  return QUOTED[c] ?? c;
}

/** The text with the blanks only JavaScript sees replaced by stand-ins (see JS_BLANKS). */
export function hideBlanks(text: string): string {
  return HAS_JS_BLANK.test(text) ? text.replace(JS_BLANK_RE, (c) => BLANK_STANDINS[c] ?? c) : text;
}

/** A word with the stand-ins for quoted braces, commas and hidden blanks turned back into themselves. */
export function restoreQuoted(word: string): string {
  return word.replace(STANDIN_RE, (m) => ORIGINALS[m] ?? m);
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

/** Characters with no meaning to scan outside quotes, inside single quotes, inside double quotes: copied in runs. */
const PLAIN_RUN = /[^'"\\$`<>#\n]+/y;
const SINGLE_RUN = /[^'{},#]+/y;
const DOUBLE_RUN = /[^"\\$`{},#]+/y;
const NOT_BLANK = /[^ \t]/;

export function scan(src: string): Scanned {
  return new Scanner(src).run();
}

class Scanner {
  readonly subs: string[] = [];
  readonly subKinds: SubKind[] = [];
  readonly heredocs: Heredoc[] = [];
  overflow = false;
  /**
   * Output, collected in chunks: reading back a string built by `+=` flattens it, which made a
   * megabyte of newlines quadratic. `lastSolid` is the last chunk holding more than blanks: what a
   * newline looks back at to see whether the command continues.
   */
  private readonly chunks: string[] = [];
  private lastSolid = -1;
  private pending: PendingHeredoc[] = [];
  private readonly n: number;

  constructor(private readonly src: string) {
    this.n = src.length;
  }

  private put(t: string): void {
    this.chunks.push(t);
    if (t.length === 1 ? t !== ' ' && t !== '\t' : NOT_BLANK.test(t)) this.lastSolid = this.chunks.length - 1;
  }

  /** The last few characters of the output with trailing blanks trimmed. */
  private tail(): string {
    let out = '';
    for (let k = this.lastSolid; k >= 0 && out.length < TAIL; k--) {
      const c = (this.chunks[k] as string).slice(-2 * TAIL);
      out = (k === this.lastSolid ? c.replace(/[ \t]+$/, '') : c) + out;
    }
    return out.slice(-TAIL);
  }

  private readParen(start: number): [string, number] {
    const r = readBalanced(this.src, start);
    if (r.overflow) this.overflow = true;
    return [r.inner, r.next];
  }

  private readBacktick(start: number): [string, number] {
    const r = readBackquoted(this.src, start);
    if (r.overflow) this.overflow = true;
    return [r.inner, r.next];
  }

  private addSub(inner: string, kind: SubKind = 'command'): string {
    this.subs.push(inner);
    this.subKinds.push(kind);
    return subMarker(this.subs.length - 1);
  }

  /** Cuts the substitutions out of text where quotes are literal (an unquoted heredoc body, arithmetic). */
  private cut(text: string): string {
    return cutSubstitutions(
      text,
      (inner) => this.addSub(inner),
      () => {
        this.overflow = true;
      },
    );
  }

  /** At a newline outside quotes: consume the bodies of heredocs opened on this line. */
  private consumeHeredocs(from: number): number {
    const { src, n } = this;
    let j = from;
    for (const h of this.pending) {
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
      const body = h.quoted ? lines.join('\n') : this.cut(lines.join('\n'));
      this.heredocs[h.index] = { delimiter: h.delimiter, body, quoted: h.quoted };
      if (!found) j = n;
    }
    this.pending = [];
    return j;
  }

  /** A run of characters from `i` that `re` (sticky) matches, put as they are; its end. */
  private run1(re: RegExp, i: number): number {
    re.lastIndex = i;
    const m = re.exec(this.src);
    if (m === null) return i;
    this.put(m[0]);
    return i + m[0].length;
  }

  run(): Scanned {
    const { src, n } = this;
    let i = 0;
    let quote: '"' | "'" | '' = '';
    /** Open `${` inside double quotes. */
    let paramDepth = 0;
    while (i < n) {
      const c = src[i] as string;
      if (quote === "'") {
        const j = this.run1(SINGLE_RUN, i);
        if (j !== i) {
          i = j;
          continue;
        }
        this.put(literal(c));
        if (c === "'") quote = '';
        i++;
        continue;
      }
      if (c === '\\') {
        const next = src[i + 1] ?? '';
        if (next === '\n') {
          this.put(' ');
        } else if (next === '`' && quote === '"') {
          // `"\``: a literal backquote; shell-quote would keep the backslash.
          this.put('`');
        } else if (next in QUOTED) {
          // Outside quotes the backslash goes; inside double quotes it stays, as in the shell.
          this.put(quote === '"' ? `\\${literal(next)}` : literal(next));
        } else {
          this.put(src.slice(i, i + 2));
        }
        i += 2;
        continue;
      }
      if (c === '$' && src[i + 1] === '(' && src[i + 2] === '(') {
        // `$(( … ))` is arithmetic when its parentheses close as `))`, as bash decides: nothing in it
        // runs but the `$(…)` and backticks it holds. (`$( (cd x; ls) )` is a command substitution.)
        const r = readBalanced(src, i + 3);
        if (!r.overflow && src[r.next] === ')') {
          this.cut(r.inner);
          this.put(this.addSub(''));
          i = r.next + 1;
          continue;
        }
      }
      if (c === '$' && src[i + 1] === '(') {
        const [inner, next] = this.readParen(i + 2);
        this.put(this.addSub(inner));
        i = next;
        continue;
      }
      if (c === '`') {
        const [inner, next] = this.readBacktick(i + 1);
        this.put(this.addSub(inner));
        i = next;
        continue;
      }
      if (quote === '"' && c === '$' && src[i + 1] === '{') {
        // `"${HOME}"`: a parameter expansion, whose braces are not brace expansion's to mark.
        paramDepth++;
        this.put('${');
        i += 2;
        continue;
      }
      if (quote === '"') {
        if (paramDepth === 0) {
          const j = this.run1(DOUBLE_RUN, i);
          if (j !== i) {
            i = j;
            continue;
          }
          this.put(c === '#' && src[i - 1] === '$' ? c : literal(c));
        } else {
          if (c === '}') paramDepth--;
          this.put(c);
        }
        if (c === '"') {
          quote = '';
          paramDepth = 0;
        }
        i++;
        continue;
      }
      // Outside any quote from here on.
      const j = this.run1(PLAIN_RUN, i);
      if (j !== i) {
        i = j;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        this.put(c);
        i++;
        continue;
      }
      if ((c === '<' || c === '>') && src[i + 1] === '(') {
        const [inner, next] = this.readParen(i + 2);
        this.put(` ${this.addSub(inner, c === '<' ? 'input' : 'output')} `);
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
        this.put('<<<');
        i += 3;
        continue;
      }
      if (c === '<' && src[i + 1] === '<') {
        const m = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.\-+]+))/.exec(src.slice(i, i + 256));
        if (m) {
          const delimiter = m[2] ?? m[3] ?? m[4] ?? '';
          const index = this.heredocs.length;
          this.heredocs.push({ delimiter, body: '', quoted: m[2] !== undefined || m[3] !== undefined });
          this.pending.push({ index, delimiter, strip: m[1] === '-', quoted: m[2] !== undefined || m[3] !== undefined });
          this.put(` < ${heredocMarker(index)} `);
          i += m[0].length;
          continue;
        }
      }
      if (c === '\n') {
        const tail = this.tail();
        const continues = /(\|\||&&|\||\(|\{|;|^)$/.test(tail) || /(^|\s)(do|then)$/.test(tail);
        this.put(continues ? ' ' : ' ; ');
        i = this.pending.length > 0 ? this.consumeHeredocs(i + 1) : i + 1;
        continue;
      }
      // A `#` inside a word is literal; `$#` is a parameter.
      this.put(c === '#' && src[i - 1] !== '$' ? literal(c) : c);
      i++;
    }
    return { text: this.chunks.join(''), subs: this.subs, subKinds: this.subKinds, heredocs: this.heredocs, overflow: this.overflow };
  }
}
