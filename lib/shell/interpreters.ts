// Reading an interpreter's command line the way the interpreter does: where its program comes from.
// `python3 -c CODE`, `node -pe CODE`, `ruby -e A -e B`, `perl -lne CODE`, `php -r CODE`,
// `deno eval CODE`, `bun -e CODE`, `lua -e CODE`, `awk 'PROGRAM' files` carry their code inline; `python3 -`, `node` with nothing to run,
// `deno run -` read it from stdin; anything else names a script (or a module) warden does not read.
//
// Only the options that decide this are modelled: flags that take a value (so their value is not
// taken for the script) and flags that end option parsing. Unknown flags are read as taking no
// value, which at worst mistakes a flag's value for a script name: that never makes inline code
// or stdin code disappear.

/** The languages whose inline code the interpreter rules read. */
export type Lang = 'python' | 'node' | 'ruby' | 'perl' | 'php' | 'lua' | 'awk';

export interface InterpreterCall {
  lang: Lang | undefined;
  /** Inline code (`-c`, `-e`…; several `-e` joined by newlines), as resolved words. */
  code?: string;
  /** The program comes from stdin (`python3 -`, `node` with nothing else to run). */
  stdin: boolean;
  /** The script it runs, when it names one (`python3 x.py`, `node "$F"`). */
  script?: string;
}

const PYTHON = /^(python|pypy)(\d+(\.\d+)?)?$/;

/** Interpreters whose code, when not inline or in a script, comes from stdin. */
const STDIN_ONLY = new Set(['tclsh', 'wish', 'osascript', 'pwsh', 'powershell', 'irb', 'rscript']);
const AWKS = new Set(['awk', 'gawk', 'mawk', 'nawk']);

/** Is `program` an interpreter this module reads? (Shells are lib/shell/analyze.ts's.) */
export function isInterpreter(program: string): boolean {
  return langOf(program) !== undefined || STDIN_ONLY.has(program) || program === 'deno' || program === 'bun';
}

function langOf(program: string): Lang | undefined {
  if (PYTHON.test(program)) return 'python';
  switch (program) {
    case 'node':
    case 'nodejs':
    case 'deno':
    case 'bun':
      return 'node';
    case 'ruby':
      return 'ruby';
    case 'perl':
      return 'perl';
    case 'php':
      return 'php';
    case 'lua':
    case 'luajit':
      return 'lua';
    default:
      return AWKS.has(program) ? 'awk' : undefined;
  }
}

/** Per interpreter: short flags taking a value, short flags whose value is code, long ones likewise. */
interface Spec {
  /** Short flags (one letter) that take a value, attached or as the next word. */
  value: string;
  /** Short flags whose value is inline code (each a separate piece, joined by newlines). */
  code: string;
  /** Short flags whose value is attached only (`-i.bak`, `-0777`): the rest of the group. */
  attached?: string;
  /** Short flags that end option parsing with a value that is not a script (`python -m mod`). */
  module?: string;
  longValue: ReadonlySet<string>;
  longCode: ReadonlySet<string>;
  /** Flags that mean "do not run anything" (syntax check, version). */
  noRun: ReadonlySet<string>;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

const SPECS: Readonly<Record<Exclude<Lang, 'awk'>, Spec>> = {
  lua: { value: 'l', code: 'e', longValue: set(), longCode: set(), noRun: set('-v') },
  python: { value: 'WXQ', code: 'c', module: 'm', longValue: set('--check-hash-based-pycs'), longCode: set(), noRun: set('-V', '--version', '-h', '--help') },
  node: {
    value: 'rC',
    code: 'ep',
    longValue: set('--require', '--import', '--loader', '--experimental-loader', '--conditions', '--input-type', '--title', '--env-file', '--env-file-if-exists', '--inspect-port', '--stack-size'),
    longCode: set('--eval', '--print'),
    noRun: set('-c', '--check', '-v', '--version', '-h', '--help'),
  },
  ruby: { value: 'rICE', code: 'e', attached: 'FWx0iTKl', longValue: set('--encoding', '--external-encoding', '--internal-encoding'), longCode: set(), noRun: set('-c', '-v', '--version', '-h', '--help') },
  perl: { value: 'IMm', code: 'eE', attached: 'il0xdDFCV', longValue: set(), longCode: set(), noRun: set('-c', '-v', '--version', '-h', '--help') },
  php: { value: 'cdzSt', code: 'rBRE', module: 'f', longValue: set('--php-ini', '--define', '--zend-extension', '--file', '--rf', '--rc', '--re', '--rz', '--ri'), longCode: set('--run', '--process-begin', '--process-code', '--process-end'), noRun: set('-l', '--syntax-check', '-v', '--version', '-h', '--help', '-m', '--modules', '-i', '--info') },
};

/**
 * How an interpreter's argv (program first) gets its program. `program` is the basename. deno and bun
 * have subcommands: `deno eval CODE`, `deno run -`, `bun -e CODE`, `bun run -`.
 */
export function readInterpreter(program: string, argv: readonly string[]): InterpreterCall {
  const args = argv.slice(1);
  if (STDIN_ONLY.has(program)) return { lang: undefined, stdin: args.length === 0 || (args.length === 1 && args[0] === '-') };
  if (program === 'deno') return readDeno(args);
  if (program === 'bun' && args[0] === 'run') return { lang: 'node', stdin: args.slice(1).find((a) => !a.startsWith('-') || a === '-') === '-' };
  const lang = langOf(program);
  if (lang === undefined) return { lang, stdin: false };
  if (lang === 'awk') return readAwk(args);
  return readWithSpec(lang, SPECS[lang], args);
}

/** `awk [-F fs] [-v a=b] 'program' [file…]`, `gawk -e 'program'`; `-f progfile` names a script. */
function readAwk(args: readonly string[]): InterpreterCall {
  const code: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return args[i + 1] === undefined || code.length > 0 ? done('awk', code, false) : { lang: 'awk', code: args[i + 1], stdin: false };
    if (a === '-f' || a === '--file') return { lang: 'awk', stdin: false, script: args[i + 1] ?? '' };
    if (a.startsWith('--file=') || /^-f./.test(a)) return { lang: 'awk', stdin: false, script: a.replace(/^--file=|^-f/, '') };
    if (a === '-e' || a === '--source') {
      const v = args[++i];
      if (v !== undefined) code.push(v);
      continue;
    }
    if (a.startsWith('--source=')) {
      code.push(a.slice(9));
      continue;
    }
    if (/^-[FvWil]$/.test(a) || a === '--field-separator' || a === '--assign' || a === '--include' || a === '--load') {
      i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) continue;
    // The first operand is the program, unless -e gave it; the rest are input files.
    return code.length > 0 ? done('awk', code, false) : { lang: 'awk', code: a, stdin: false };
  }
  return done('awk', code, false);
}

function readDeno(args: readonly string[]): InterpreterCall {
  const sub = args[0];
  if (sub === 'eval') {
    // `deno eval [flags] CODE`: the first word that is not a flag is the code.
    const rest = args.slice(1);
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i] as string;
      if (a === '--') return { lang: 'node', code: rest[i + 1] ?? '', stdin: false };
      if (a === '--ext' || a === '--config' || a === '-c' || a === '--import-map' || a === '--env-file' || a === '--location') i++;
      else if (!a.startsWith('-')) return { lang: 'node', code: a, stdin: false };
    }
    return { lang: 'node', stdin: false };
  }
  if (sub === 'run') return { lang: 'node', stdin: args.slice(1).find((a) => !a.startsWith('-') || a === '-') === '-' };
  // Bare `deno` (or `deno repl`) with a pipe for stdin evaluates what it reads, line by line.
  return { lang: 'node', stdin: sub === undefined || sub === 'repl' };
}

function readWithSpec(lang: Lang, spec: Spec, args: readonly string[]): InterpreterCall {
  const code: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (spec.noRun.has(a)) return { lang, stdin: false };
    if (a === '-') return done(lang, code, true);
    if (a === '--') {
      const next = args[i + 1];
      return code.length > 0 || next === undefined || next === '-' ? done(lang, code, true) : { lang, stdin: false, script: next };
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq);
      if (spec.longCode.has(name)) {
        const v = eq === -1 ? args[++i] : a.slice(eq + 1);
        if (v !== undefined) code.push(v);
      } else if (spec.longValue.has(name) && eq === -1) {
        i++;
      }
      continue;
    }
    if (!a.startsWith('-') || a.length === 1) {
      // A script, or (after inline code) the code's own arguments.
      return code.length > 0 ? done(lang, code, false) : { lang, stdin: false, script: a };
    }
    // A short group, read as getopt does.
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string;
      const rest = a.slice(j + 1);
      if (spec.code.includes(f)) {
        // node reads `-pe CODE` as `-p -e CODE`: its short flags take no attached value.
        if (lang === 'node' && rest !== '' && [...rest].every((x) => spec.code.includes(x))) continue;
        const v = rest !== '' && lang !== 'node' ? rest : args[++i];
        if (v !== undefined) code.push(v);
        // python's -c ends option parsing: what follows is sys.argv.
        if (lang === 'python') return done(lang, code, false);
        break;
      }
      if (spec.module?.includes(f)) return done(lang, code, false);
      if (spec.value.includes(f)) {
        if (rest === '') i++;
        break;
      }
      if (spec.attached?.includes(f)) break;
    }
  }
  return done(lang, code, true);
}

/** Inline code if any; else stdin if nothing named a script. */
function done(lang: Lang, code: string[], noScript: boolean): InterpreterCall {
  if (code.length > 0) return { lang, code: code.join('\n'), stdin: false };
  return { lang, stdin: noScript };
}
