// What a simple command does to the places self-protection guards (./locations.ts): writes them
// (redirections, tee, sed -i, perl -i, cp/install destinations, dd of=, truncate, chmod, editors,
// curl -o, git checkout/restore), moves them away (mv sources), deletes them (rm, unlink, shred,
// find -delete, rsync --delete), links to or over them (ln), unpacks or syncs into them (tar -x,
// unzip, rsync, `cp -r dir/.`), reads the server token, or names them in interpreter code that
// writes files. The self rules each pick the places they own.
//
// Trust model: the command is hostile; every program listed is read the way it reads its own
// arguments, and an operand warden cannot resolve counts where its known directory says it may
// (./locations.ts). What a shell write will leave in a settings file cannot be known, so any shell
// write there counts, whatever it writes. Limits: programs not listed here (a compiled tool, a
// script on disk run by an interpreter, `git checkout <branch>` changing a tracked settings file)
// are not seen; a hard link made before the session is not followed.

import path from 'node:path';
import { UNKNOWN, isDynamic, type SimpleCommand } from '../../shell/analyze.js';
import { readInterpreter } from '../../shell/interpreters.js';
import { evalString, type Call } from '../../shell/oneliner.js';
import { writtenPaths } from '../../shell/literal.js';
import { TOKEN_FILE } from '../../serve/routes.js';
import { hasFlag, splitArgs, wildcard } from '../args.js';
import type { RuleContext } from '../define.js';
import { destroyedBy } from '../filesystem/destroy.js';
import { parseGit } from '../git/parse.js';
import { codeOf, type Code } from '../interpreter/detect.js';
import { broad, linkTarget, placeOf, placesInside, reachedBy, realOf, tokenFiles, type Reached } from './locations.js';

/** write: the content changes; move/delete: it goes; link: a link to or over it; read: the token is read. */
export type Op = 'write' | 'move' | 'delete' | 'link' | 'read';

export interface Access {
  op: Op;
  /** The word as the command gives it (resolved; may hold UNKNOWN). */
  word: string;
  reached: Reached;
  /** Found in interpreter code rather than on the command line. */
  code?: boolean;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
const WRITE_REDIRECTS = set('>', '>>', '>|', '&>', '&>>', '<>');

/** Programs writing every operand, with the options that take a value. */
const WRITE_ALL: Readonly<Record<string, ReadonlySet<string>>> = {
  tee: set(),
  truncate: set('-s', '--size', '-r', '--reference'),
  touch: set('-d', '--date', '-t', '-r', '--reference'),
  sponge: set(),
  patch: set('-i', '--input', '-o', '--output', '-p', '-d', '--directory', '-B', '--prefix', '-r', '--reject-file', '-z', '--suffix', '-D', '--ifdef', '-F', '--fuzz'),
  ed: set('-p', '--prompt'),
  red: set('-p', '--prompt'),
  ex: set('-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-s', '-w', '-W', '-t', '-q'),
  vi: set('-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-s', '-w', '-W', '-t', '-q'),
  vim: set('-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-s', '-w', '-W', '-t', '-q'),
  nvim: set('-c', '--cmd', '-S', '-u', '-i', '-s', '-w', '-W', '-t', '-q', '--listen'),
  nano: set('-o', '--operatingdir', '-Y', '--syntax', '-T', '--tabsize', '-r', '--fill', '-X', '--wordchars'),
  emacs: set('-l', '--load', '-f', '--funcall', '--eval', '--execute', '-L', '--directory'),
};
/** Programs changing their operands' modes, owners or attributes (the first operand is the mode or owner). */
const META = set('chmod', 'chown', 'chgrp', 'chattr', 'setfacl');
const COPY_VALUE: Readonly<Record<string, ReadonlySet<string>>> = {
  cp: set('-S', '--suffix', '-t', '--target-directory'),
  mv: set('-S', '--suffix', '-t', '--target-directory'),
  install: set('-S', '--suffix', '-t', '--target-directory', '-m', '--mode', '-o', '--owner', '-g', '--group'),
  ln: set('-S', '--suffix', '-t', '--target-directory'),
};
const RSYNC_VALUE = set('-e', '--rsh', '--exclude', '--include', '--filter', '-f', '--files-from', '--port', '--password-file', '--log-file', '-T', '--temp-dir', '--backup-dir', '--suffix', '--chmod', '--chown', '-B', '--block-size', '--timeout', '--contimeout', '-M', '--remote-option', '--compare-dest', '--copy-dest', '--link-dest', '--exclude-from', '--include-from', '--rsync-path', '--partial-dir', '--max-size', '--min-size', '--bwlimit', '--out-format', '--log-file-format', '--info', '--debug');
/** Programs that only look at a file's name or metadata: naming the token is not reading it. */
const METADATA = set('ls', 'stat', 'test', '[', '[[', 'file', 'du', 'wc', 'realpath', 'readlink', 'basename', 'dirname', 'lsattr', 'getfacl', 'echo', 'printf', 'which', 'type');
/** Programs that read whole trees: naming a directory holding the token reads it. */
/** Programs that print, copy or encode the files they are given: their operands are followed through symlinks. */
const FILE_READERS = set('cat', 'tac', 'nl', 'less', 'more', 'head', 'tail', 'strings', 'base64', 'base32', 'xxd', 'od', 'hexdump', 'cp', 'scp', 'dd', 'grep', 'sed', 'awk', 'sort', 'cut', 'diff', 'openssl', 'gpg');
/** Programs whose last operand is a destination. */
const DESTINATION = set('cp', 'rsync', 'scp', 'install');
const TREE_READERS = set('rg', 'ag', 'ack', 'tar', 'rsync', 'zip', '7z', '7za', '7zz', 'scp', 'rclone');
const DESTROYERS = set('rm', 'unlink', 'rmdir', 'shred', 'find', 'rsync');
/** Programs that change or remove what they are given without reading it (the token's other rules judge them). */
const NOT_READERS = set('rm', 'unlink', 'rmdir', 'shred', 'mv', 'ln', 'mkdir', 'touch', 'truncate', ...META);

/** Programs whose operands `accessesOf` reads (redirections, the token and interpreter code: any program). */
export const ACCESS_PROGRAMS: readonly string[] = [
  ...Object.keys(WRITE_ALL),
  ...META,
  ...Object.keys(COPY_VALUE),
  'sed', 'perl', 'ruby', 'rsync', 'dd', 'tar', 'unzip', 'git', 'curl', 'wget', ...DESTROYERS,
];
const ACCESS_SET = new Set(ACCESS_PROGRAMS);

const cache = new WeakMap<SimpleCommand, Access[]>();

/** What `cmd` does to protected places (cached per command: several rules ask). */
export function accessesOf(cmd: SimpleCommand, ctx: RuleContext): Access[] {
  let out = cache.get(cmd);
  if (out === undefined) {
    out = compute(cmd, ctx);
    cache.set(cmd, out);
  }
  return out;
}

function compute(cmd: SimpleCommand, ctx: RuleContext): Access[] {
  const out: Access[] = [];
  const cwd = cmd.cwd;
  const abs = (w: string): string => (w.startsWith('/') ? path.posix.resolve(w) : isDynamic(cwd) ? `${UNKNOWN}/${w}` : path.posix.resolve(cwd, w));
  const add = (op: Exclude<Op, 'read'>, word: string | undefined, opts: { container?: boolean } = {}): void => {
    if (word === undefined || word === '' || word === '-') return;
    const p = abs(word);
    const container = opts.container === true;
    for (const r of reachedBy(p, ctx, { follow: op === 'write' || op === 'link', container })) out.push({ op, word, reached: r });
  };

  for (const r of cmd.redirects) {
    if (WRITE_REDIRECTS.has(r.op) || (r.op === '>&' && !/^(\d+|-)$/.test(r.target))) add('write', r.target);
  }
  tokenReads(cmd, ctx, abs, out);

  const prog = cmd.program;
  const args = cmd.argv.slice(1);
  if (ACCESS_SET.has(prog)) programAccesses(cmd, prog, args, add);
  if (isDynamic(prog) || DESTROYERS.has(prog)) {
    // rm, unlink, shred, find -delete, rsync --delete (and `$RM …`, read as rm).
    // A find narrowed to some names (`-name '*.log'`) may well not touch what its root holds.
    for (const d of destroyedBy(cmd)) add('delete', d.word, { container: d.recursive && d.narrowed !== true });
  }
  if (cmd.runs?.inline !== undefined) codeAccesses(cmd, ctx, abs, out);
  return dedupe(out);
}

function programAccesses(cmd: SimpleCommand, prog: string, args: string[], add: (op: Exclude<Op, 'read'>, word: string | undefined, opts?: { container?: boolean }) => void): void {
  const writeAll = WRITE_ALL[prog];
  if (writeAll !== undefined) {
    for (const w of splitArgs(args, writeAll).operands) add('write', w);
    return;
  }
  if (META.has(prog)) {
    const { options, operands } = splitArgs(args);
    const recursive = hasFlag(options, 'R', '--recursive');
    const files = options.some((o) => o.startsWith('--reference')) ? operands : operands.slice(1);
    for (const w of files) add('write', w, { container: recursive });
    return;
  }
  const copy = COPY_VALUE[prog];
  if (copy !== undefined) {
    copyAccesses(prog, args, copy, add);
    return;
  }
  switch (prog) {
    case 'sed': {
      const { options, operands } = splitArgs(args, set('-e', '--expression', '-f', '--file', '-l', '--line-length'));
      if (options.some((o) => /^-[a-zA-Z]*i/.test(o) || o.startsWith('--in-place'))) for (const w of operands) add('write', w);
      return;
    }
    case 'perl':
    case 'ruby':
      for (const w of inPlaceOperands(args)) add('write', w);
      return;
    case 'rsync': {
      const { options, operands } = splitArgs(args, RSYNC_VALUE);
      const dest = operands[operands.length - 1];
      if (operands.length < 2 || dest === undefined || /^[^/]*:/.test(dest)) return;
      add('write', dest, { container: true });
      if (options.some((o) => o.startsWith('--remove-source-files'))) for (const src of operands.slice(0, -1)) add('move', src);
      return;
    }
    case 'dd':
      for (const a of args) if (a.startsWith('of=')) add('write', a.slice(3));
      return;
    case 'curl':
    case 'wget':
      for (const w of writtenPaths(cmd, cmd.cwd)) add('write', w.path);
      return;
    case 'tar':
      tarAccesses(args, add);
      return;
    case 'unzip': {
      const { options } = splitArgs(args, set('-d', '-x', '-P'));
      if (options.some((o) => /^-[ltvpZz]$/.test(o))) return;
      const i = args.indexOf('-d');
      add('write', i === -1 ? '.' : args[i + 1], { container: true });
      return;
    }
    case 'git': {
      const g = parseGit(cmd.argv);
      if (g === undefined || !['checkout', 'restore', 'rm', 'mv', 'apply'].includes(g.sub)) return;
      const dash = g.args.indexOf('--');
      // `git checkout <branch>` alone switches branches (not modelled); paths after `--`, or the
      // operands of restore/rm/mv, are the files it rewrites.
      const words = dash !== -1 ? g.args.slice(dash + 1) : g.sub === 'checkout' ? [] : splitArgs(g.args, set('-s', '--source')).operands;
      const base = (w: string): string => (g.dir === undefined || w.startsWith('/') ? w : path.posix.join(g.dir, w));
      for (const w of words) add(g.sub === 'rm' ? 'delete' : 'write', base(w));
      return;
    }
    default:
      return;
  }
}

/** cp, mv, install, ln: the destination (`-t dir` or the last operand) and what lands in it. */
function copyAccesses(prog: string, args: string[], valueFlags: ReadonlySet<string>, add: (op: Exclude<Op, 'read'>, word: string | undefined, opts?: { container?: boolean }) => void): void {
  const { options, operands } = splitArgs(args, valueFlags);
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-t' || a === '--target-directory') target = args[i + 1];
    else if (a.startsWith('--target-directory=')) target = a.slice('--target-directory='.length);
    else if (/^-[a-zA-Z]*t.+$/.test(a) && !a.startsWith('--')) target = a.slice(a.indexOf('t') + 1);
  }
  const sources = target === undefined ? operands.slice(0, -1) : operands;
  const dest = target ?? (operands.length >= 2 ? operands[operands.length - 1] : undefined);
  if (prog === 'ln') {
    // A link to a protected place (`ln -s ~/.claude/settings.json x`) lets a later write through
    // `x` land there; a link over one replaces it.
    for (const w of [...sources, ...(dest !== undefined ? [dest] : [])]) add('link', w, { container: true });
    return;
  }
  if (prog === 'mv') for (const s of sources) add('move', s, { container: true });
  if (dest === undefined) return;
  add('write', dest);
  const recursive = hasFlag(options, 'r', '--recursive') || hasFlag(options, 'R') || hasFlag(options, 'a', '--archive');
  for (const s of sources) {
    const base = path.posix.basename(s);
    // `cp -r dir/. dest`: the directory's content merges into dest, names unknown here.
    if (base === '.' || s.endsWith('/')) add('write', dest, { container: recursive || prog === 'mv' });
    else add('write', path.posix.join(dest, base));
  }
}

/** Perl's and Ruby's short flags that take the rest of the group (or the next word) as a value. */
const PERL_VALUE = 'MmIeEdDCFxrKTW';

/** `-i`, `-pi`, `-i.bak`, `-0777pi`: a short group that sets `-i` before any flag taking a value. */
function inPlaceFlag(a: string): boolean {
  if (!/^-[a-zA-Z0-9]/.test(a)) return false;
  for (let k = 1; k < a.length; k++) {
    const ch = a[k] as string;
    if (ch === 'i') return true;
    // `-0777`, `-0x1FF`, `-l012`: an optional number glued to the flag, then more flags.
    if (ch === '0' || ch === 'l') {
      while (k + 1 < a.length && /[0-9a-fA-Fx]/.test(a[k + 1] as string) && !(a[k + 1] === 'i')) k++;
      continue;
    }
    if (PERL_VALUE.includes(ch) || !/[a-zA-Z0-9]/.test(ch)) return false;
  }
  return false;
}

/** perl -i / ruby -i: the files edited in place (every operand that is not the `-e` code). */
function inPlaceOperands(args: readonly string[]): string[] {
  if (!args.some(inPlaceFlag)) return [];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-')) {
      // `-e CODE`, `-pe CODE`, `-pi -e CODE`: the next word is code; `-e'CODE'` is attached.
      if (/^-[a-zA-Z0-9]*[eE]$/.test(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

interface TarCall {
  extract: boolean;
  /** `-c`, `-r`, `-u`: the archive (`-f`) is written. */
  create: boolean;
  /** `-C dir`. */
  dir?: string;
  /** `-f archive`. */
  file?: string;
}

/** tar's mode and its `-C`/`-f` values, in the dashed and the old bundled (`tar xzf a.tgz`) forms. */
function readTar(args: readonly string[]): TarCall {
  const first = args[0] ?? '';
  const letters = first.startsWith('-') ? args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('') : first;
  const long = (name: string): boolean => args.includes(name);
  const out: TarCall = {
    extract: /x/.test(letters) || long('--extract') || long('--get'),
    create: /[cru]/.test(letters) || long('--create') || long('--append') || long('--update'),
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if ((a === '-C' || a === '--directory') && next !== undefined) out.dir = next;
    else if (a.startsWith('--directory=')) out.dir = a.slice('--directory='.length);
    else if (a.startsWith('--file=')) out.file = a.slice('--file='.length);
    else if ((a === '--file' || /^-[a-zA-Z]*f$/.test(a) || (i === 0 && /^[a-zA-Z]*f$/.test(a))) && next !== undefined) out.file = next;
  }
  return out;
}

/** tar: `-x` unpacks into `-C dir` (or the working directory); `-c`/`-r`/`-u` write the `-f` archive. */
function tarAccesses(args: readonly string[], add: (op: Exclude<Op, 'read'>, word: string | undefined, opts?: { container?: boolean }) => void): void {
  const t = readTar(args);
  if (t.extract) add('write', t.dir ?? '.', { container: true });
  if (t.create) add('write', t.file);
}

/**
 * Reading the server token: a word naming it (also as `@file` or `--opt=file`), a glob in its
 * folder that matches it, a `<` redirection, or a tree holding it given to a program that reads
 * trees. Programs that only look at names and metadata (ls, stat, test) do not read it.
 */
function tokenReads(cmd: SimpleCommand, ctx: RuleContext, abs: (w: string) => string, out: Access[]): void {
  if (METADATA.has(cmd.program) || NOT_READERS.has(cmd.program)) return;
  const tokens = tokenFiles(ctx);
  const args = cmd.argv.slice(1);
  const recursive = treeRead(cmd.program, args);
  // cp, rsync, scp, install: the last operand is where things go, not what is read; tar -x reads
  // only its archive.
  const last = DESTINATION.has(cmd.program) ? splitArgs(args).operands.at(-1) : undefined;
  const sources = cmd.program === 'tar' && !readTar(args).create ? [] : args.filter((a) => a !== last);
  const words = [...sources, ...cmd.redirects.filter((r) => r.op === '<' || r.op === '<>').map((r) => r.target)];
  const follow = FILE_READERS.has(cmd.program);
  for (const word of words) {
    // Only a word naming the token, a glob, an unknown part or (for a tree reader) a folder can reach it.
    // (A program that prints or copies files is also followed through symlinks.)
    if (!recursive && !follow && !word.includes(TOKEN_FILE) && !/[*?[\0]/.test(word)) continue;
    const value = word.slice(word.indexOf('=') + 1);
    for (const cand of new Set([word, word.replace(/^@/, ''), value, value.replace(/^@/, '')])) {
      if (cand === '' || cand.startsWith('-') || (!follow && !cand.includes('/') && !cand.includes(TOKEN_FILE) && !cand.includes('*') && !cand.includes('?') && !isDynamic(cand))) continue;
      const p = abs(cand);
      // A word named like the token is resolved whole (a linked folder on its way); any other word
      // a reader is given only if it is itself a link (a link to the token must be made first).
      const real = path.posix.basename(p) === TOKEN_FILE ? realOf(p, true) : follow ? linkTarget(p) : undefined;
      const token = tokens.find((t) => p === t || real === t || readsToken(p, t, recursive && !broad(p, ctx.home)));
      if (token !== undefined) {
        out.push({ op: 'read', word, reached: { place: { kind: 'state', part: 'the server token', token: true }, path: token } });
        return;
      }
    }
  }
}

/** Programs with a flag that makes them read whole trees, and the flag (short letters, long names). */
const RECURSIVE_FLAG: Readonly<Record<string, { short: string; long: readonly string[] }>> = {
  grep: { short: 'rR', long: ['--recursive', '--dereference-recursive'] },
  egrep: { short: 'rR', long: ['--recursive'] },
  fgrep: { short: 'rR', long: ['--recursive'] },
  cp: { short: 'rRa', long: ['--recursive', '--archive'] },
  scp: { short: 'r', long: [] },
  zip: { short: 'r', long: ['--recurse-paths'] },
};

/** `cmd` reads the trees it is given (rg, tar, rsync always; grep -r, cp -r, zip -r). */
function treeRead(program: string, args: readonly string[]): boolean {
  if (TREE_READERS.has(program)) return true;
  const f = RECURSIVE_FLAG[program];
  if (f === undefined) return false;
  return args.some((a) => (f.short !== '' && new RegExp(`^-[a-zA-Z]*[${f.short}]`).test(a) && !a.startsWith('--')) || f.long.some((l) => a === l || a.startsWith(`${l}=`)));
}

/** `p` reads token file `t`: a glob or an unknown name in its folder, or a tree holding it. */
function readsToken(p: string, t: string, recursive: boolean): boolean {
  const dir = path.posix.dirname(t);
  if (path.posix.dirname(p) === dir && /[*?[]/.test(path.posix.basename(p))) return wildcard(path.posix.basename(p).replace(/\[[^\]]*\]/g, '?'), TOKEN_FILE);
  if (isDynamic(p)) {
    const prefix = p.slice(0, p.indexOf(UNKNOWN));
    return prefix === `${dir}/` || (prefix.startsWith(`${dir}/`) && TOKEN_FILE.startsWith(prefix.slice(dir.length + 1)));
  }
  return recursive && (p === dir || t.startsWith(p.endsWith('/') ? p : `${p}/`));
}

// ---------------------------------------------------------------------------------------------
// Interpreter code

/** Per language, calls that write, move, delete or link files (on the code with strings masked). */
const WRITE_CODE: Readonly<Record<Code['p']['lang'], RegExp>> = {
  python:
    /\b(?:os\s*\.\s*(?:replace|rename|renames|remove|unlink|rmdir|removedirs|chmod|lchmod|chown|truncate|symlink|link|utime|makedirs|mkdir|write)|shutil\s*\.\s*\w+|json\s*\.\s*dump|pickle\s*\.\s*dump)\s*\(|(?<!std(?:out|err)\s*)\.\s*(?:write|writelines|write_text|write_bytes|touch|unlink|rename|symlink_to|hardlink_to|chmod|rmdir|truncate)\s*\(|\b(?:copyfile|copy2|copytree|rmtree|move)\s*\(/,
  node: /\b(?:writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|rename|renameSync|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|copyFile|copyFileSync|cp|cpSync|symlink|symlinkSync|link|linkSync|chmod|chmodSync|chown|chownSync|truncate|truncateSync|utimes|utimesSync|outputFile|outputFileSync|writeJson|writeJsonSync|outputJson|outputJsonSync|move|moveSync|copy|copySync|remove|removeSync|emptyDir|emptyDirSync|writeTextFile|writeTextFileSync|writeSync)\s*\(|(?<!std(?:out|err)\s*\.\s*)\bwrite\s*\(/,
  ruby: /\b(?:File\s*\.\s*(?:write|binwrite|rename|delete|unlink|symlink|link|chmod|truncate|utime)|IO\s*\.\s*(?:write|binwrite)|FileUtils\s*\.\s*\w+)|(?<!(?:STD(?:OUT|ERR)|\$std(?:out|err))\s*)\.\s*(?:write|syswrite|truncate)\b/,
  perl: /\b(?:unlink|rename|symlink|link|chmod|chown|truncate|utime|copy|move|rmtree|remove_tree|mkpath|make_path)\b/,
  php: /\b(?:file_put_contents|fwrite|fputs|ftruncate|unlink|rename|copy|symlink|link|chmod|chown|touch|rmdir)\s*\(/,
  lua: /\b(?:os\s*\.\s*(?:remove|rename)|io\s*\.\s*output|:\s*write)\b/,
  awk: /\b(?:print|printf)\b[^;{}]*>/,
};
/** An open mode that writes: `'w'`, `'a'`, `'r+'`, `'wb'`, `'x'`, Perl's `'>'`/`'>>'`/`'+<'`. */
const WRITE_MODE = /^(?:[rwaxbt]*[wax+][rwaxbt+]*|\+?[<>]{1,2}|>>?&?)$/;
/** Calls whose path arguments go whole (deleted, moved, replaced): a directory there takes what it holds. */
const TREE_CALLS = set('rmtree', 'rename', 'renames', 'replace', 'move', 'copytree', 'rm', 'rmSync', 'rm_rf', 'rm_r', 'remove_tree', 'remove', 'removeSync', 'moveSync', 'renameSync', 'cpSync', 'cp', 'copySync', 'mv');

/** The code writes files (some call that writes, or a file opened for writing). */
function codeWrites(c: Code): boolean {
  if (WRITE_CODE[c.p.lang].test(c.p.masked)) return true;
  // Perl's and PHP's two-argument open: `open(F, ">$file")`.
  return c.p.literals.some((l) => !l.command && (WRITE_MODE.test(l.value) || /^\s*\+?>/.test(l.value))) || /\bO_(?:WRONLY|RDWR|APPEND|TRUNC|CREAT)\b/.test(c.p.masked);
}

/**
 * Protected places a one-liner names: in a string literal, a path it builds (`os.path.join(home,
 * '.claude', 'settings.json')`), or a file operand after the code (`python3 -c '…' FILE`). The
 * token is read whatever the code does with it; anything else counts when the code writes files.
 */
function codeAccesses(cmd: SimpleCommand, ctx: RuleContext, abs: (w: string) => string, out: Access[]): void {
  const c = codeOf(cmd, ctx.home);
  if (c === undefined) return;
  const writes = codeWrites(c);
  const seen = new Set<string>();
  const consider = (raw: string, container: boolean): void => {
    // A mode glued to the path (`open(F, ">$file")`) is not part of it.
    const value = raw.replace(/^\s*(?:\+?[<>]{1,2}|\|)\s*/, '');
    const key = `${container ? 'tree' : 'path'}\u0001${value}`;
    if (value === '' || value.length > 4096 || /[\n\r]/.test(value) || seen.has(key)) return;
    seen.add(key);
    const v = value === '~' || value.startsWith('~/') ? ctx.home + value.slice(1) : value;
    if (!v.includes('/') && !v.includes('.')) return;
    const p = abs(v);
    const place = placeOf(p, ctx);
    for (const reached of place !== undefined ? [{ place, path: p }] : container ? placesInside(p, ctx) : []) {
      if (reached.place.kind === 'state' && reached.place.token) out.push({ op: 'read', word: value, reached, code: true });
      else if (writes) out.push({ op: 'write', word: value, reached, code: true });
    }
  };
  for (const l of c.p.literals) if (!l.command) consider(l.value, false);
  for (const call of c.p.calls) for (const a of call.args) consider(evalString(c.p, a, c.env, call.at), isTreeCall(call));
  // `python3 -c 'import sys; open(sys.argv[1], "w")…' FILE`: the files after the code.
  if (writes) for (const w of scriptOperands(cmd)) consider(w, false);
}

const isTreeCall = (call: Call): boolean => TREE_CALLS.has(call.last);

/** The words after an interpreter's inline code (its `sys.argv`, `ARGV`, `process.argv`). */
function scriptOperands(cmd: SimpleCommand): string[] {
  const ic = readInterpreter(cmd.program, cmd.argv);
  if (ic.code === undefined) return [];
  const last = cmd.argv.lastIndexOf(ic.code.split('\n').pop() ?? '');
  return last === -1 ? [] : cmd.argv.slice(last + 1).filter((w) => !w.startsWith('-'));
}

function dedupe(xs: Access[]): Access[] {
  const seen = new Set<string>();
  return xs.filter((a) => {
    const k = `${a.op}\u0001${a.reached.place.kind}\u0001${a.reached.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
