// What a simple command does with the files it names, as far as secrets go: prints them (read),
// prints them encoded (encode), copies or moves them (copy), packs them (archive), sends them off
// the machine (send), searches a tree holding them (search), or names them inside interpreter code
// (script). The secrets rules each pick the operations and kinds they own (lib/rules/secrets/*).
//
// Only programs listed here are judged; the rules are indexed under exactly these programs, so a
// benign command costs nothing. Argument tables list each program's options that take a value,
// so that a value is not read as a file and a file is not hidden behind one.

import path from 'node:path';
import type { SimpleCommand } from '../../shell/analyze.js';
import type { ToolCall } from '../../types.js';
import { UNKNOWN, display, isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { classifier, secretAt, secretWord, storeDirWord, type SecretPath } from './paths.js';

export type Op = 'read' | 'encode' | 'copy' | 'archive' | 'send' | 'search' | 'script';

export interface Access {
  op: Op;
  target: SecretPath;
  /** Where a `send` goes (host or URL), for messages; where a `copy` goes (resolved path). */
  dest?: string;
  /** A copy that stays next to the original (`~/.aws/credentials.bak`, inside ~/.ssh). */
  stays?: boolean;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

interface Reader {
  op: 'read' | 'encode';
  valueFlags: ReadonlySet<string>;
  /** The first operand is not a file (a grep pattern, awk program, sed script, jq filter)… */
  first?: boolean;
  /** …unless one of these options gave it. */
  firstFlags?: ReadonlySet<string>;
  /** Searches directories recursively by default (rg, ag, ack) or with -r. */
  recursive?: 'always' | 'flag';
}

/**
 * The argument tables, built on first use: a benign command (git, ls, npm) never reaches a secrets
 * rule, and the hook should not pay for tables it does not read.
 */
function buildTables() {
  const GREP: Reader = {
    op: 'read',
    first: true,
    firstFlags: set('-e', '--regexp', '-f', '--file'),
    valueFlags: set('-A', '-B', '-C', '-m', '-d', '-D', '--after-context', '--before-context', '--context', '--max-count', '--label', '--binary-files', '--devices', '--directories', '--color', '--colour', '--exclude', '--include', '--exclude-dir', '--exclude-from'),
    recursive: 'flag',
  };
  const RG: Reader = {
    op: 'read',
    first: true,
    firstFlags: set('-e', '--regexp', '-f', '--file'),
    valueFlags: set('-A', '-B', '-C', '-m', '-g', '--glob', '--iglob', '-t', '--type', '-T', '--type-not', '-M', '--max-columns', '-j', '--threads', '--max-depth', '-d', '-r', '--replace', '--pre', '--pre-glob', '-E', '--encoding', '--type-add', '--sort', '--sortr', '--color', '--colors', '--context-separator', '--path-separator', '--max-filesize', '--engine', '-G', '--file-search-regex', '--ignore', '--ignore-dir', '--depth', '--pager', '-W', '--width'),
    recursive: 'always',
  };
  const AWK: Reader = { op: 'read', first: true, firstFlags: set('-f', '--file', '-e', '--source'), valueFlags: set('-F', '-v', '--field-separator', '--assign', '-i', '--include', '-l', '--load', '-E', '--exec') };
  const JQ: Reader = { op: 'read', first: true, firstFlags: set('-f', '--from-file'), valueFlags: set('--arg', '--argjson', '--slurpfile', '--rawfile', '--indent', '-L') };
  const PLAIN = (...valueFlags: string[]): Reader => ({ op: 'read', valueFlags: new Set(valueFlags) });
  const ENCODE = (...valueFlags: string[]): Reader => ({ op: 'encode', valueFlags: new Set(valueFlags) });
  const HEAD = PLAIN('-n', '-c', '--lines', '--bytes', '-s', '--sleep-interval', '--pid');
  const DIFF = PLAIN('-U', '-C', '-I', '-x', '-X', '-L', '--label', '-W', '-F');

  /** Programs that print the files they are given. */
  const READERS: Readonly<Record<string, Reader>> = {
    cat: PLAIN(),
    tac: PLAIN('-s', '--separator'),
    nl: PLAIN('-b', '-d', '-f', '-h', '-i', '-l', '-n', '-s', '-v', '-w'),
    less: PLAIN('-b', '-h', '-j', '-k', '-o', '-O', '-p', '-P', '-t', '-T', '-x', '-y', '-z'),
    more: PLAIN('-n'),
    most: PLAIN(),
    head: HEAD,
    tail: HEAD,
    bat: PLAIN('-l', '--language', '-H', '--highlight-line', '-r', '--line-range', '--style', '--theme', '--tabs', '--wrap', '--terminal-width', '-m', '--map-syntax', '--file-name', '--pager', '--decorations', '--color', '--paging'),
    batcat: PLAIN('-l', '--language', '-H', '--highlight-line', '-r', '--line-range', '--style', '--theme', '--tabs', '--wrap', '--terminal-width', '-m', '--map-syntax', '--file-name', '--pager', '--decorations', '--color', '--paging'),
    strings: PLAIN('-n', '-t', '-e', '--bytes', '--radix', '--encoding', '-T'),
    sort: PLAIN('-k', '-t', '-o', '-S', '-T', '--key', '--field-separator', '--output', '--buffer-size', '--temporary-directory', '--parallel', '--batch-size'),
    uniq: PLAIN('-f', '-s', '-w'),
    cut: PLAIN('-b', '-c', '-d', '-f', '--output-delimiter'),
    paste: PLAIN('-d'),
    column: PLAIN('-s', '-c', '-o', '-N', '-R', '-E', '-H', '-W'),
    fold: PLAIN('-w'),
    fmt: PLAIN('-w', '-p'),
    rev: PLAIN(),
    pr: PLAIN('-h', '-l', '-w', '-o', '-N', '-s'),
    comm: PLAIN('--output-delimiter'),
    join: PLAIN('-1', '-2', '-t', '-e', '-o', '-a', '-v', '-j'),
    diff: DIFF,
    sdiff: DIFF,
    colordiff: DIFF,
    grep: GREP,
    egrep: GREP,
    fgrep: GREP,
    zgrep: GREP,
    rg: RG,
    ag: RG,
    ack: RG,
    awk: AWK,
    gawk: AWK,
    mawk: AWK,
    nawk: AWK,
    sed: { op: 'read', first: true, firstFlags: set('-e', '--expression', '-f', '--file'), valueFlags: set('-l', '--line-length') },
    jq: JQ,
    gojq: JQ,
    yq: JQ,
    base64: ENCODE('-w', '--wrap'),
    base32: ENCODE('-w', '--wrap'),
    basenc: ENCODE('-w', '--wrap'),
    uuencode: ENCODE(),
    xxd: ENCODE('-c', '-g', '-l', '-s', '-o', '-n', '-cols', '-len', '-seek'),
    od: ENCODE('-A', '-j', '-N', '-S', '-t', '-w', '--address-radix', '--skip-bytes', '--read-bytes', '--format', '--width'),
    hexdump: ENCODE('-e', '-f', '-n', '-s'),
    hd: ENCODE('-e', '-f', '-n', '-s'),
  };

  /** Programs that copy or move their operands (last one, or `-t dir`, is the destination). */
  const COPIERS: Readonly<Record<string, ReadonlySet<string>>> = {
    cp: set('-S', '--suffix', '-t', '--target-directory'),
    mv: set('-S', '--suffix', '-t', '--target-directory'),
    install: set('-S', '--suffix', '-t', '--target-directory', '-m', '--mode', '-o', '--owner', '-g', '--group'),
    ln: set('-S', '--suffix', '-t', '--target-directory'),
  };
  const SCP_VALUE = set('-c', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-D', '-X');
  const RSYNC_VALUE = set('-e', '--rsh', '--exclude', '--include', '--filter', '-f', '--files-from', '--port', '--password-file', '--log-file', '-T', '--temp-dir', '--backup-dir', '--suffix', '--chmod', '--chown', '-B', '--block-size', '--timeout', '--contimeout', '-M', '--remote-option', '--compare-dest', '--copy-dest', '--link-dest', '--exclude-from', '--include-from', '--rsync-path');
  const TAR_VALUE = set('-f', '--file', '-C', '--directory', '-T', '--files-from', '--exclude', '-X', '--exclude-from', '-b', '--blocking-factor', '-H', '--format', '-g', '--listed-incremental', '-V', '--label', '-N', '--newer', '--transform', '--xform', '-I', '--use-compress-program', '--owner', '--group', '--mode');
  const ZIP_VALUE = set('-b', '-n', '-t', '-tt', '-O', '--out', '-P', '--password', '-Z', '--compression-method', '-i', '--include');
  /** Compressors that replace or print their operands. */
  const COMPRESSORS = new Set(['gzip', 'pigz', 'bzip2', 'xz', 'zstd', 'lz4', 'lzma', 'compress']);
  const INTERPRETERS = new Set([
    'python', 'python2', 'python3', 'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14', 'pypy', 'pypy3',
    'node', 'nodejs', 'deno', 'bun', 'ruby', 'perl', 'php',
  ]);
  /** The option that gives an interpreter its code (`python -c`, `node -e`, `php -r`). */
  const CODE_FLAGS = set('-c', '-e', '-E', '-p', '-r', '--eval', '--print');
  /** Programs that talk to another machine: a secret on their stdin is sent. */
  const NETWORK = new Set(['nc', 'ncat', 'netcat', 'socat', 'telnet', 'ssh', 'curl', 'wget', 'http', 'https', 'xh', 'xhs', 'openssl', 'mail', 'mailx', 'sendmail', 'mutt', 's-nail']);
  /** Programs that print the environment. */
  const ENV_DUMPERS = new Set(['env', 'printenv', 'set', 'export', 'declare', 'compgen']);
  return { READERS, COPIERS, SCP_VALUE, RSYNC_VALUE, TAR_VALUE, ZIP_VALUE, COMPRESSORS, INTERPRETERS, CODE_FLAGS, NETWORK, ENV_DUMPERS };
}
let built: ReturnType<typeof buildTables> | undefined;
const T = (): ReturnType<typeof buildTables> => (built ??= buildTables());

/** A .env file named in a string literal of interpreter code (not a template). */
const ENV_IN_CODE = /(['"`])((?:[^'"`\s]*\/)?\.env(?:\.(?!example|sample|template)[\w.-]+)?)\1/;
/** Credential paths as they appear inside interpreter code. */
const SCRIPT_SECRET = /\.ssh\/id_|\.aws\/credentials|\.kube\/config|\.netrc\b|\.config\/gcloud\/|\.azure\/|\.docker\/config\.json|\.git-credentials|\.pypirc|\.gnupg\/|\.config\/gh\/hosts|\.claude\/\.credentials|\.vault-token|\.pgpass/;

/**
 * Every program the secrets rules look at: the rules are indexed under these at start-up, so this
 * is a plain list; a test checks it is exactly the programs of the tables below.
 */
export const SECRET_PROGRAMS: readonly string[] = (
  'cat tac nl less more most head tail bat batcat strings sort uniq cut paste column fold fmt rev pr comm join diff sdiff colordiff ' +
  'grep egrep fgrep zgrep rg ag ack awk gawk mawk nawk sed jq gojq yq base64 base32 basenc uuencode xxd od hexdump hd ' +
  'cp mv install ln gzip pigz bzip2 xz zstd lz4 lzma compress ' +
  'python python2 python3 python3.8 python3.9 python3.10 python3.11 python3.12 python3.13 python3.14 pypy pypy3 node nodejs deno bun ruby perl php ' +
  'nc ncat netcat socat telnet ssh curl wget http https xh xhs openssl mail mailx sendmail mutt s-nail ' +
  'scp rsync tar zip 7z 7za 7zz dd rclone aws gsutil gcloud az gh gpg gpg2 sqlite3'
).split(' ');

/** The programs the tables name (for the test that SECRET_PROGRAMS is complete and exact). */
export function tablePrograms(): string[] {
  const t = T();
  return [
    ...new Set([
      ...Object.keys(t.READERS),
      ...Object.keys(t.COPIERS),
      ...t.COMPRESSORS,
      ...t.INTERPRETERS,
      ...t.NETWORK,
      ...['scp', 'rsync', 'tar', 'zip', '7z', '7za', '7zz', 'dd', 'rclone', 'aws', 'gsutil', 'gcloud', 'az', 'gh', 'gpg', 'gpg2', 'sqlite3'],
    ]),
  ];
}

/** `host:path`, `user@host:path`, `rsync://…`: a remote scp/rsync operand (not `./a:b`). */
function remoteHost(word: string): string | undefined {
  if (/^rsync:\/\//.test(word)) return word.replace(/^rsync:\/\/([^/]*).*$/, '$1');
  const m = /^([^/:]+):/.exec(word);
  return m?.[1];
}

const cache = new WeakMap<SimpleCommand, Access[]>();

/** What `cmd` does with secret files (cached per command: several rules ask). */
export function accessesOf(cmd: SimpleCommand, home: string): Access[] {
  let out = cache.get(cmd);
  if (out === undefined) {
    out = compute(cmd, home);
    cache.set(cmd, out);
  }
  return out;
}

function compute(cmd: SimpleCommand, home: string): Access[] {
  const { READERS, COPIERS, COMPRESSORS, INTERPRETERS, NETWORK, ENV_DUMPERS, ZIP_VALUE } = T();
  const out: Access[] = [];
  const args = cmd.argv.slice(1);
  const file = classifier(cmd.cwd, home);
  const dirs = new Map<string, SecretPath | undefined>();
  const dir = (word: string, hidden = true): SecretPath | undefined => {
    const key = `${hidden}\u0000${word}`;
    if (!dirs.has(key)) dirs.set(key, storeDirWord(word, cmd.cwd, home, hidden));
    return dirs.get(key);
  };
  const words: Words = { file, dir };
  // One access per operation, kind and destination is all the rules report: a command naming a
  // secret 100,000 times gives one finding, not 100,000.
  const keys = new Set<string>();
  const add = (op: Op, target: SecretPath | undefined, dest?: string, stays?: boolean): void => {
    if (target === undefined) return;
    const key = `${op}\u0000${target.secret.kind}\u0000${dest ?? ''}\u0000${stays === true}`;
    if (keys.has(key)) return;
    keys.add(key);
    out.push({ op, target, ...(dest === undefined ? {} : { dest }), ...(stays === true ? { stays } : {}) });
  };

  // The environment (API keys, tokens) piped to the network: `env | curl -d @- …`.
  if (cmd.stdin?.kind === 'pipe' && NETWORK.has(cmd.program) && ENV_DUMPERS.has(cmd.stdin.from)) {
    add('send', { word: cmd.stdin.from, path: cmd.stdin.from, secret: { kind: 'env', what: 'the environment variables (tokens and keys among them)' } }, networkDest(cmd));
  }
  // A secret on stdin (`nc host 80 < ~/.ssh/id_rsa`, `base64 < .env`).
  if (cmd.stdin?.kind === 'file') {
    const t = file(cmd.stdin.path);
    if (NETWORK.has(cmd.program)) add('send', t, networkDest(cmd));
    else if (READERS[cmd.program] !== undefined) add(READERS[cmd.program]?.op ?? 'read', t);
  }

  const reader = READERS[cmd.program];
  if (reader !== undefined) readerAccesses(cmd, reader, args, words, add);
  else if (COPIERS[cmd.program] !== undefined) copyAccesses(cmd, args, COPIERS[cmd.program] as ReadonlySet<string>, home, words, add);
  else if (COMPRESSORS.has(cmd.program)) {
    const { options, operands } = splitArgs(args, set('-S', '--suffix', '-o', '-T', '--threads', '-b'));
    if (!hasFlag(options, 'd', '--decompress', '--uncompress') && !hasFlag(options, 't', '--test') && !hasFlag(options, 'l', '--list')) {
      for (const w of operands) add('archive', file(w) ?? dir(w));
    }
  } else if (INTERPRETERS.has(cmd.program)) {
    scriptAccesses(cmd, args, add);
  } else {
    switch (cmd.program) {
      case 'scp':
      case 'rsync':
        transferAccesses(cmd, args, home, words, add);
        break;
      case 'tar':
        tarAccesses(cmd, args, home, words, add);
        break;
      case 'zip': {
        const { operands } = splitArgs(args, ZIP_VALUE);
        for (const w of operands.slice(1)) add('archive', file(w) ?? dir(w));
        break;
      }
      case '7z':
      case '7za':
      case '7zz': {
        const { operands } = splitArgs(args);
        if (operands[0] === 'a' || operands[0] === 'u') for (const w of operands.slice(2)) add('archive', file(w) ?? dir(w));
        break;
      }
      case 'dd': {
        const input = args.find((a) => a.startsWith('if='));
        const output = args.find((a) => a.startsWith('of='));
        if (input !== undefined) add(output !== undefined ? 'copy' : 'read', file(input.slice(3)), output === undefined ? undefined : resolveDest(output.slice(3), cmd.cwd));
        break;
      }
      case 'curl':
        curlAccesses(args, file, add);
        break;
      case 'wget':
        for (let i = 0; i < args.length; i++) {
          const a = args[i] as string;
          const m = /^--(post|body)-file(?:=(.*))?$/s.exec(a);
          if (m) add('send', file(m[2] ?? args[++i] ?? ''), urlIn(args));
        }
        break;
      case 'http':
      case 'https':
      case 'xh':
      case 'xhs':
        // Request items that read a file: `@file`, `field@file`, `field=@file`, `field:=@file`.
        for (const a of args) {
          const m = /^(?:[^=:@-][^=:@]*(?:=|:=)?)?@(.+)$/s.exec(a);
          if (m) add('send', file(m[1] as string), urlIn(args));
        }
        break;
      case 'openssl': {
        const at = args.indexOf('-in');
        if (at !== -1) add(args[0] === 'base64' || args[0] === 'enc' ? 'encode' : 'read', file(args[at + 1] ?? ''));
        break;
      }
      case 'gpg':
      case 'gpg2':
        // `gpg --export-secret-keys` prints every private key in the keyring.
        if (args.some((a) => /^--export-secret-(sub)?keys$/.test(a))) {
          add('read', { word: 'gpg --export-secret-keys', path: `${home}/.gnupg`, secret: { kind: 'store', what: 'GnuPG private keys' } });
        }
        break;
      case 'sqlite3': {
        // `sqlite3 [options] FILE [SQL]`: only the first operand is a file.
        const { operands } = splitArgs(args, set('-cmd', '-init', '-separator', '-newline', '-nullvalue', '-vfs'));
        if (operands[0] !== undefined) add('read', file(operands[0]));
        break;
      }
      case 'mail':
      case 'mailx':
      case 'mutt':
      case 's-nail':
        for (let i = 0; i < args.length; i++) if (args[i] === '-a' || args[i] === '-A') add('send', file(args[i + 1] ?? ''), 'an email recipient');
        break;
      default:
        uploadAccesses(cmd, args, file, add);
    }
  }

  // Output written to a file is a copy; to /dev/tcp or /dev/udp it leaves the machine.
  if (reader !== undefined || cmd.program === 'dd' || cmd.program === 'gpg' || cmd.program === 'gpg2') {
    const reads = out.filter((a) => a.op === 'read' || a.op === 'encode');
    for (const r of cmd.redirects) {
      if (!/^(>|>>|>\||&>|&>>)$/.test(r.op)) continue;
      if (/^\/dev\/(tcp|udp)\//.test(r.target)) for (const a of reads) add('send', a.target, r.target.split('/')[3] ?? r.target);
      else if (!/^\/dev\/(null|stdout|stderr|tty|fd\/\d)$/.test(r.target)) for (const a of reads) add('copy', a.target, resolveDest(r.target, cmd.cwd));
    }
  }
  return out;
}

type Add = (op: Op, target: SecretPath | undefined, dest?: string, stays?: boolean) => void;

/** A command's words classified once each: as files (`file`) and as directories holding stores (`dir`). */
interface Words {
  file: (word: string) => SecretPath | undefined;
  dir: (word: string, hidden?: boolean) => SecretPath | undefined;
}

function readerAccesses(cmd: SimpleCommand, reader: Reader, args: string[], words: Words, add: Add): void {
  const { options, operands } = splitArgs(args, new Set([...reader.valueFlags, ...(reader.firstFlags ?? [])]));
  // `sed -i` edits in place and prints nothing.
  if (cmd.program === 'sed' && options.some((o) => o === '-i' || o.startsWith('-i') || o.startsWith('--in-place'))) return;
  // `cut -d= -f1 .env`: variable names only, the safe way to see what a .env defines.
  if (cmd.program === 'cut' && namesOnly(args)) return;
  let files = operands;
  // yq's `e`/`eval` command word, then the filter.
  if (cmd.program === 'yq' && /^(e|eval|ea|eval-all)$/.test(files[0] ?? '')) files = files.slice(1);
  if (reader.first === true && !options.some((o) => reader.firstFlags?.has(o.includes('=') ? o.slice(0, o.indexOf('=')) : o))) files = files.slice(1);
  const recursive =
    reader.recursive === 'always' || (reader.recursive === 'flag' && (hasFlag(options, 'r', '--recursive', '--dereference-recursive') || hasFlag(options, 'R')));
  // rg and ag skip hidden files (every store) unless told not to.
  const hidden = reader.recursive !== 'always' || cmd.program === 'ack' || hasFlag(options, 'u', '--hidden', '--unrestricted') || options.includes('-.');
  for (const w of files) {
    const t = words.file(w);
    if (t !== undefined) add(reader.op, t);
    else if (recursive) add('search', words.dir(w, hidden));
  }
  if (recursive && files.length === 0 && !isDynamic(cmd.cwd)) add('search', words.dir(cmd.cwd, hidden));
}

function namesOnly(args: readonly string[]): boolean {
  const joined = args.join(' ');
  return /(^| )(-d ?=|--delimiter==)( |$)/.test(joined) && /(^| )(-f ?1|--fields=1)( |$)/.test(joined);
}

function copyAccesses(cmd: SimpleCommand, args: string[], valueFlags: ReadonlySet<string>, home: string, words: Words, add: Add): void {
  const { options, operands } = splitArgs(args, valueFlags);
  const targetOpt = args.findIndex((a) => a === '-t' || a === '--target-directory' || a.startsWith('--target-directory='));
  let dest: string | undefined;
  let sources = operands;
  if (targetOpt !== -1) {
    const a = args[targetOpt] as string;
    dest = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[targetOpt + 1];
  } else {
    dest = operands[operands.length - 1];
    sources = operands.slice(0, -1);
  }
  const recursive = hasFlag(options, 'r', '--recursive') || hasFlag(options, 'R') || hasFlag(options, 'a', '--archive');
  const to = dest === undefined ? undefined : resolveDest(dest, cmd.cwd);
  for (const w of sources) {
    const t = words.file(w);
    if (t !== undefined) {
      add('copy', t, to, staysInStore(t.path, dest, cmd.cwd, home));
    } else if (recursive || cmd.program === 'mv' || cmd.program === 'ln') {
      add('copy', words.dir(w), to);
    }
  }
}

/** A copy's destination as a path; a trailing `/` (a directory) is kept. */
function resolveDest(dest: string, cwd: string): string {
  const base = isDynamic(cwd) && !dest.startsWith('/') ? `/${UNKNOWN}` : cwd;
  return path.posix.resolve(base, dest) + (dest.endsWith('/') ? '/' : '');
}

/** `cp ~/.kube/config ~/.kube/config.bak`, `cp ~/.ssh/id_rsa ~/.ssh/old/`: a copy that stays with the original. */
function staysInStore(source: string, dest: string | undefined, cwd: string, home: string): boolean {
  if (dest === undefined || isDynamic(dest) || isDynamic(cwd)) return false;
  const d = path.posix.resolve(cwd, dest);
  const dir = path.posix.dirname(source);
  return d === dir || d.startsWith(`${dir}/`) || secretAt(`${d}/x`, home)?.kind === 'store';
}

function transferAccesses(cmd: SimpleCommand, args: string[], home: string, words: Words, add: Add): void {
  const { operands } = splitArgs(args, cmd.program === 'scp' ? T().SCP_VALUE : T().RSYNC_VALUE);
  if (operands.length < 2) return;
  const dest = operands[operands.length - 1] as string;
  const host = remoteHost(dest);
  for (const w of operands.slice(0, -1)) {
    if (remoteHost(w) !== undefined) continue;
    const t = words.file(w) ?? words.dir(w);
    if (t === undefined) continue;
    if (host !== undefined) add('send', t, display(host));
    else add('copy', t, resolveDest(dest, cmd.cwd), staysInStore(t.path, dest, cmd.cwd, home));
  }
}

function tarAccesses(cmd: SimpleCommand, args: string[], home: string, words: Words, add: Add): void {
  let rest = args;
  let create = false;
  let archiveNext = false;
  // Old-style first word: `tar czf out.tgz …` (letters, no dash).
  const first = args[0];
  if (first !== undefined && /^[A-Za-z]+$/.test(first)) {
    create = /[cru]/.test(first);
    archiveNext = first.includes('f');
    rest = args.slice(1);
  }
  const { options, operands } = splitArgs(rest, T().TAR_VALUE);
  create ||= hasFlag(options, 'c', '--create', '--append', '--update') || hasFlag(options, 'r') || hasFlag(options, 'u');
  if (!create) return;
  let dir = cmd.cwd;
  // `-C dir` changes where the operands after it are read from.
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if ((a === '-C' || a === '--directory') && rest[i + 1] !== undefined) {
      const d = rest[i + 1] as string;
      dir = isDynamic(d) || isDynamic(dir) ? `/${UNKNOWN}` : path.posix.resolve(dir, d);
    }
  }
  const inDir = dir === cmd.cwd ? words.file : classifier(dir, home);
  for (const w of archiveNext ? operands.slice(1) : operands) {
    add('archive', inDir(w) ?? (dir === cmd.cwd ? words.dir(w) : storeDirWord(w, dir, home)));
  }
}

function curlAccesses(args: string[], file: (w: string) => SecretPath | undefined, add: Add): void {
  const dest = urlIn(args);
  const DATA = /^(-d|--data|--data-ascii|--data-binary|--data-urlencode|--json|-F|--form|-T|--upload-file)$/;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    let flag: string | undefined;
    let value: string | undefined;
    const long = /^(--[a-z-]+)=(.*)$/s.exec(a);
    if (long && DATA.test(long[1] as string)) [flag, value] = [long[1], long[2]];
    else if (DATA.test(a)) [flag, value] = [a, args[++i]];
    else if (/^-[dFT].+/.test(a)) [flag, value] = [a.slice(0, 2), a.slice(2)];
    // A short group ending in a flag that takes a value: `-sSd @file`.
    else if (/^-[A-Za-z]+[dFT]$/.test(a)) [flag, value] = [`-${a.slice(-1)}`, args[++i]];
    if (flag === undefined || value === undefined) continue;
    if (flag === '-T' || flag === '--upload-file') {
      add('send', file(value), dest);
      continue;
    }
    // `@file`, `name@file` (urlencode), `name=@file` / `name=<file` (form), with `;type=…` after.
    const m = /^(?:[^=@<]*=)?[@<]([^;]+)|^[^=@]+@([^;]+)$/s.exec(value);
    const f = m?.[1] ?? m?.[2];
    if (f !== undefined && f !== '-') add('send', file(f), dest);
  }
}

/** Cloud and GitHub uploads: `aws s3 cp <file> s3://…`, `gsutil cp`, `gh gist create <file>`, `rclone copy`. */
function uploadAccesses(cmd: SimpleCommand, args: string[], file: (w: string) => SecretPath | undefined, add: Add): void {
  const { operands } = splitArgs(args, set('--profile', '--region', '--project', '-R', '--repo', '-d', '--desc', '-f', '--file', '-F', '--body-file', '-t', '--title', '-b', '--body', '-o', '-h'));
  const [a0, a1, a2] = operands;
  const remote = (w: string | undefined): boolean => w !== undefined && /^[a-z0-9]+:\/\/|^[A-Za-z0-9_-]+:/.test(w);
  const upload = (sources: string[], dest: string | undefined): void => {
    if (!remote(dest)) return;
    for (const w of sources) if (!remote(w)) add('send', file(w), display(dest ?? ''));
  };
  switch (cmd.program) {
    case 'aws':
      if (a0 === 's3' && (a1 === 'cp' || a1 === 'mv' || a1 === 'sync')) upload(operands.slice(2, -1), operands[operands.length - 1]);
      break;
    case 'gsutil': {
      const i = operands.findIndex((w) => w === 'cp' || w === 'mv' || w === 'rsync');
      if (i !== -1) upload(operands.slice(i + 1, -1), operands[operands.length - 1]);
      break;
    }
    case 'gcloud':
      if (a0 === 'storage' && (a1 === 'cp' || a1 === 'mv' || a1 === 'rsync')) upload(operands.slice(2, -1), operands[operands.length - 1]);
      break;
    case 'rclone':
      if (/^(copy|copyto|sync|move|moveto)$/.test(a0 ?? '')) upload(operands.slice(1, -1), operands[operands.length - 1]);
      break;
    case 'az':
      if (a0 === 'storage' && a1 === 'blob' && /^upload/.test(a2 ?? '')) {
        for (let i = 0; i < args.length; i++) if (args[i] === '-f' || args[i] === '--file') add('send', file(args[i + 1] ?? ''), 'Azure storage');
      }
      break;
    case 'gh': {
      if (a0 === 'gist' && (a1 === 'create' || a1 === 'new')) for (const w of operands.slice(2)) add('send', file(w), 'a GitHub gist');
      if (a0 === 'release' && a1 === 'upload') for (const w of operands.slice(3)) add('send', file(w.replace(/#.*$/, '')), 'a GitHub release');
      // `--body-file f`, `-F f` (issue/pr), `gh api -F key=@f` and `--input f`.
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as string;
        const v = a === '-F' || a === '--body-file' || a === '--field' || a === '--input' ? args[i + 1] : /^--(body-file|field|input)=/.test(a) ? a.slice(a.indexOf('=') + 1) : undefined;
        if (v !== undefined) add('send', file(/^[^=@]+=@/.test(v) ? v.slice(v.indexOf('=@') + 2) : v), 'GitHub');
      }
      break;
    }
    default:
      break;
  }
}

function scriptAccesses(cmd: SimpleCommand, args: string[], add: Add): void {
  const { CODE_FLAGS } = T();
  // `deno eval '…'`, `bun -e '…'`, `python -c '…'`: the code is one word; `python3 - <<EOF`
  // and `node <<< '…'` read it from stdin.
  let code: string | undefined;
  if (cmd.program === 'deno' && args[0] === 'eval') code = args[1];
  else if (args.some((a) => CODE_FLAGS.has(a))) code = args[args.findIndex((a) => CODE_FLAGS.has(a)) + 1];
  else if (cmd.stdin?.kind === 'heredoc' || cmd.stdin?.kind === 'herestring') code = cmd.stdin.text;
  if (code === undefined) return;
  const m = SCRIPT_SECRET.exec(code);
  if (m !== null) add('script', { word: m[0], path: m[0], secret: { kind: 'store', what: describeScriptSecret(m[0]) } });
  const env = ENV_IN_CODE.exec(code);
  if (env !== null) add('script', { word: env[2] as string, path: env[2] as string, secret: { kind: 'env', what: 'the project’s environment secrets' } });
}

function describeScriptSecret(match: string): string {
  if (match.startsWith('.ssh') || match.startsWith('.gnupg')) return 'private keys';
  if (match.startsWith('.aws')) return 'AWS credentials';
  if (match.startsWith('.kube')) return 'Kubernetes cluster credentials';
  if (match.startsWith('.config/gcloud')) return 'Google Cloud credentials';
  if (match.startsWith('.azure')) return 'Azure credentials';
  return 'stored credentials';
}

function urlIn(args: readonly string[]): string {
  const url = args.find((a) => /^[a-z]+:\/\//i.test(a)) ?? args.find((a) => !a.startsWith('-') && /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(a));
  return url === undefined ? 'a remote host' : display(url);
}

function networkDest(cmd: SimpleCommand): string {
  const host = cmd.argv.slice(1).find((a) => !a.startsWith('-') && !/^\d+$/.test(a));
  return host === undefined ? 'a remote host' : display(host);
}

// ---------------------------------------------------------------------------------------------
// File tools. Read gets an absolute `file_path`; Grep a `path` (file or directory, the cwd when
// absent) and an optional `glob` over names. Glob only lists names, which are not secrets: it is
// the reading that leaks, and listing ~/.ssh is no worse than `ls ~/.ssh`.

/** The tools the secrets rules check. */
export const SECRET_TOOLS: readonly string[] = ['Read', 'Grep'];

export function toolAccesses(call: ToolCall, home: string): Access[] {
  const str = (k: string): string | undefined => (typeof call.input[k] === 'string' ? call.input[k] : undefined);
  const resolve = (p: string): string => (p === '~' || p.startsWith('~/') ? home + p.slice(1) : p);
  if (call.tool === 'Read') {
    const f = str('file_path');
    const t = f === undefined ? undefined : secretWord(resolve(f), call.cwd, home);
    return t === undefined ? [] : [{ op: 'read', target: t }];
  }
  if (call.tool === 'Grep') {
    const where = resolve(str('path') ?? call.cwd);
    const direct = secretWord(where, call.cwd, home);
    if (direct !== undefined) return [{ op: 'read', target: direct }];
    const out: Access[] = [];
    const glob = str('glob');
    if (glob !== undefined && glob !== '') {
      // A glob without `/` matches names at any depth, as ripgrep reads it.
      const pattern = glob.includes('/') ? glob : `**/${glob}`;
      for (const g of expandGlobBraces(pattern)) {
        const t = secretWord(path.posix.join(path.posix.resolve(call.cwd, where), g), call.cwd, home);
        if (t !== undefined) {
          out.push({ op: 'read', target: { ...t, word: `${where} (glob ${glob})` } });
          break;
        }
      }
    }
    // ripgrep skips hidden entries, so a tree counts only if it is (or holds, visibly) a store.
    const tree = storeDirWord(where, call.cwd, home, false);
    if (tree !== undefined) out.push({ op: 'search', target: tree });
    return out;
  }
  return [];
}

/** `*.{pem,key}` → `*.pem`, `*.key` (one level, as ripgrep globs allow). */
function expandGlobBraces(glob: string): string[] {
  const m = /^(.*)\{([^{}]*)\}(.*)$/s.exec(glob);
  if (!m) return [glob];
  return (m[2] as string).split(',').map((alt) => `${m[1] as string}${alt}${m[3] as string}`);
}
