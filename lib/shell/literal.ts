// What a simple command writes to stdout when its words fix it, and which files it writes. Used by
// the analysis to read `printf '\x72\x6d …' | sh` and `echo cm0gLXJm… | base64 -d | bash` as the
// commands they are, and to notice a script written earlier in the same command line
// (`curl -o x.sh … && bash x.sh`, `echo … > x.sh; sh x.sh`), whose content on disk is not what runs.

import path from 'node:path';
import type { SimpleCommand } from './analyze.js';
import { UNKNOWN } from './unknown.js';

const isDynamic = (w: string): boolean => w.includes(UNKNOWN);

const SIMPLE: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'" };

/**
 * Backslash escapes as printf's format (and `%b`, with `echo`: `octal0` = the `\0NNN` form) reads
 * them: \n \t … \xHH \NNN \uHHHH \UHHHHHHHH. `\c` ends the output (returned as `stop`).
 */
function unescape(s: string, octal0 = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[i + 1] as string;
    if (n === 'c') return { text: out, stop: true };
    const hex = /^x([0-9a-fA-F]{1,2})|^u([0-9a-fA-F]{1,4})|^U([0-9a-fA-F]{1,8})/.exec(s.slice(i + 1, i + 10));
    if (hex) {
      const code = parseInt(hex[1] ?? hex[2] ?? hex[3] ?? '0', 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      i += hex[0].length;
      continue;
    }
    const oct = (octal0 ? /^0([0-7]{0,3})/ : /^([0-7]{1,3})/).exec(s.slice(i + 1, i + 5));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[1] || '0', 8) & 0xff);
      i += oct[0].length;
      continue;
    }
    if (n in SIMPLE) {
      out += SIMPLE[n];
      i++;
      continue;
    }
    out += c;
  }
  return { text: out, stop: false };
}

/**
 * printf FORMAT ARGS…: escapes in the format and in `%b` arguments are read, `%s` arguments are
 * taken as they are; the format is reused while arguments remain, as printf does.
 */
function printf(format: string, values: string[]): string {
  const conv = /%%|%[-+ #0]*\d*(?:\.\d+)?([a-zA-Z])/g;
  let out = '';
  let k = 0;
  for (let round = 0; round < 1024; round++) {
    const used = k;
    let last = 0;
    conv.lastIndex = 0;
    for (let m = conv.exec(format); m !== null; m = conv.exec(format)) {
      const lit = unescape(format.slice(last, m.index));
      out += lit.text;
      if (lit.stop) return out;
      last = m.index + m[0].length;
      if (m[0] === '%%') {
        out += '%';
        continue;
      }
      const v = k < values.length ? (values[k++] as string) : '';
      if (m[1] === 'b') {
        const u = unescape(v, true);
        out += u.text;
        if (u.stop) return out;
      } else {
        out += m[1] === 'c' ? v.slice(0, 1) : v;
      }
    }
    const tail = unescape(format.slice(last));
    out += tail.text;
    if (tail.stop || k >= values.length || k === used) break;
  }
  return out;
}

/** `tr SET1 SET2` / `tr -d SET1` on literal text; undefined for what is not modelled (classes, -c, -s). */
function tr(args: string[], text: string): string | undefined {
  let del = false;
  const sets: string[] = [];
  for (const a of args) {
    if (a === '-d' || a === '--delete') del = true;
    else if (a.startsWith('-') && a.length > 1) return undefined;
    else sets.push(a);
  }
  const expand = (set: string): string[] | undefined => {
    if (set.includes('[:') || set.includes('[=')) return undefined;
    const chars = [...unescape(set).text];
    const out: string[] = [];
    for (let i = 0; i < chars.length; i++) {
      const a = chars[i] as string;
      const z = chars[i + 2];
      if (chars[i + 1] === '-' && z !== undefined) {
        for (let c = a.charCodeAt(0); c <= z.charCodeAt(0) && out.length < 4096; c++) out.push(String.fromCharCode(c));
        i += 2;
      } else {
        out.push(a);
      }
    }
    return out;
  };
  const from = expand(sets[0] ?? '');
  if (from === undefined) return undefined;
  if (del) {
    const gone = new Set(from);
    return [...text].filter((c) => !gone.has(c)).join('');
  }
  const to = expand(sets[1] ?? '');
  if (to === undefined || to.length === 0) return undefined;
  const map = new Map<string, string>();
  from.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)] as string));
  return [...text].map((c) => map.get(c) ?? c).join('');
}

const flagIn = (args: string[], re: RegExp): boolean => args.some((a) => re.test(a));

/** The command's stdin when it is literal text (a heredoc, a here-string, a literal pipe). */
function stdinText(cmd: SimpleCommand): string | undefined {
  if (cmd.stdin?.kind === 'heredoc' || cmd.stdin?.kind === 'herestring') return cmd.stdin.text;
  return cmd.stdin?.kind === 'pipe' ? cmd.stdin.text : undefined;
}

const LITERAL_PROGRAMS = new Set(['echo', 'printf', 'cat', 'base64', 'base32', 'xxd', 'rev', 'tr']);

/**
 * The text a command writes when it is fixed by its words and stdin: `echo`, `printf`, `cat` of a
 * heredoc, here-string or literal pipe, and the decoders and filters that turn literal text into
 * other literal text (`base64 -d`, `xxd -r -p`, `rev`, `tr`). `echo` is read as `echo -e` would,
 * which over-approximates the plain `echo`.
 */
export function literalOutput(cmd: SimpleCommand): string | undefined {
  if (!LITERAL_PROGRAMS.has(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  if (args.some(isDynamic)) {
    // Unknown words give unknown output, except as part of the text (they stay UNKNOWN in it).
    if (cmd.program !== 'echo' && cmd.program !== 'printf') return undefined;
  }
  const input = (): string | undefined => stdinText(cmd);
  switch (cmd.program) {
    case 'echo': {
      let i = 0;
      while (i < args.length && /^-[neE]+$/.test(args[i] as string)) i++;
      return unescape(args.slice(i).join(' '), true).text;
    }
    case 'printf': {
      const rest = args[0] === '--' ? args.slice(1) : args;
      const [format = '', ...values] = rest;
      return printf(format, values);
    }
    case 'cat':
      if (args.length > 0 && !(args.length === 1 && args[0] === '-')) return undefined;
      return input();
    case 'base64':
    case 'base32': {
      if (!flagIn(args, /^(-d|-D|--decode|-[a-zA-Z]*d[a-zA-Z]*)$/) || args.some((a) => !a.startsWith('-'))) return undefined;
      const t = input();
      if (t === undefined || isDynamic(t) || cmd.program === 'base32') return undefined;
      return Buffer.from(t.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    case 'xxd': {
      if (!flagIn(args, /^-[a-z]*r/) || !flagIn(args, /^-[a-z]*p|^-ps$|^-plain$/) || args.some((a) => !a.startsWith('-'))) return undefined;
      const t = input();
      return t === undefined || isDynamic(t) ? undefined : Buffer.from(t.replace(/[^0-9a-fA-F]/g, ''), 'hex').toString('utf8');
    }
    case 'rev': {
      const t = input();
      return args.length > 0 || t === undefined ? undefined : t.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    }
    case 'tr': {
      const t = input();
      return t === undefined ? undefined : tr(args, t);
    }
    default:
      return undefined;
  }
}

const WRITE_OPS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);
/** Programs whose operands `writtenPaths` reads. */
export const WRITERS: ReadonlySet<string> = new Set(['tee', 'cp', 'mv', 'install', 'ln', 'curl', 'wget', 'dd']);

/** The URL's last path component (what `wget URL` and `curl -O URL` name the file). */
function urlBasename(url: string): string | undefined {
  const m = /^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(url);
  const p = m?.[1];
  if (p === undefined) return undefined;
  const base = p.split('/').pop() ?? '';
  return base === '' ? 'index.html' : base;
}

/**
 * Absolute paths a command writes (redirections resolved against the shell's directory `shellCwd`,
 * operands against the command's own), with the whole new content when it is literal (`cat > x
 * <<EOF`, `echo … > x`, `… | tee x`): `>`, `tee`, `cp`/`mv`/`install`/`ln` destinations,
 * `curl -o`/`-O`, `wget` (its `-O` or the URL's name), `dd of=`. Paths with unknown parts are left
 * out; archives, `git`, `sed -i` and the like are not modelled.
 */
export function writtenPaths(cmd: SimpleCommand, shellCwd: string): { path: string; text?: string }[] {
  const out: { path: string; text?: string }[] = [];
  const add = (dir: string, p: string | undefined, text?: string): void => {
    if (p === undefined || p === '' || p === '-' || isDynamic(p) || (!p.startsWith('/') && isDynamic(dir))) return;
    out.push({ path: path.posix.resolve(dir, p), ...(text !== undefined ? { text } : {}) });
  };
  // Appending (`>>`) keeps what was there: only a truncating write fixes the content.
  const printed = cmd.redirects.some((r) => r.op === '>' || r.op === '>|' || r.op === '&>') ? literalOutput(cmd) : undefined;
  for (const r of cmd.redirects) if (WRITE_OPS.has(r.op)) add(shellCwd, r.target, r.op === '>' || r.op === '>|' || r.op === '&>' ? printed : undefined);
  if (!WRITERS.has(cmd.program)) return out;
  const args = cmd.argv.slice(1);
  const operands = args.filter((a) => !a.startsWith('-'));
  switch (cmd.program) {
    case 'tee': {
      const text = args.some((a) => a === '-a' || a === '--append') ? undefined : cmd.stdin?.kind === 'pipe' || cmd.stdin?.kind === 'heredoc' || cmd.stdin?.kind === 'herestring' ? cmd.stdin.text : undefined;
      for (const a of operands) add(cmd.cwd, a, text);
      break;
    }
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln': {
      const dest = operands[operands.length - 1];
      if (operands.length < 2 || dest === undefined) break;
      add(cmd.cwd, dest);
      for (const src of operands.slice(0, -1)) if (!isDynamic(dest)) add(cmd.cwd, path.posix.join(dest, path.posix.basename(src)));
      break;
    }
    case 'curl': {
      let remoteName = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '-o' || a === '--output') add(cmd.cwd, args[++i]);
        else if (a.startsWith('--output=')) add(cmd.cwd, a.slice(9));
        else if (a === '-O' || a === '--remote-name' || a === '--remote-name-all') remoteName = true;
        else if (/^-[a-zA-Z]+$/.test(a)) {
          if (a.includes('O')) remoteName = true;
          const o = a.indexOf('o');
          if (o !== -1) add(cmd.cwd, o === a.length - 1 ? args[++i] : a.slice(o + 1));
        }
      }
      if (remoteName) for (const a of operands) add(cmd.cwd, urlBasename(a));
      break;
    }
    case 'wget': {
      let named = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '-O' || a === '--output-document') {
          add(cmd.cwd, args[++i]);
          named = true;
        } else if (a.startsWith('--output-document=')) {
          add(cmd.cwd, a.slice(18));
          named = true;
        } else if (/^-[a-zA-Z]*O./.test(a)) {
          add(cmd.cwd, a.slice(a.indexOf('O') + 1));
          named = true;
        } else if (/^-[a-zA-Z]*O$/.test(a)) {
          add(cmd.cwd, args[++i]);
          named = true;
        }
      }
      if (!named) for (const a of operands) add(cmd.cwd, urlBasename(a));
      break;
    }
    case 'dd':
      for (const a of args) if (a.startsWith('of=')) add(cmd.cwd, a.slice(3));
      break;
    default:
      break;
  }
  return out;
}
