// Shell analysis: a command line → the simple commands it will run, each unwrapped from sudo/env/
// timeout-style wrappers and from `sh -c`, `eval`, command substitutions and heredocs fed to
// shells, with `~`, `$HOME`, `$PWD`, earlier assignments and `cd` resolved.
//
// Trust model: the input is hostile (an agent or a prompt injection may phrase a command to slip
// past). Anything we cannot resolve is kept as UNKNOWN inside the word rather than guessed, so rules
// can treat it as "could be anything". Depth and total work are bounded; hitting a bound is
// reported in `bounds` and becomes a finding, never a silent allow.
//
// Tokenizing is shell-quote's; lib/shell/scan.ts adds newlines, substitutions and heredocs.

import { parse as shellParse, quote as shellQuote, type ParseEntry } from 'shell-quote';
import path from 'node:path';
import type { TraceStep } from '../types.js';
import { HEREDOC_MARK, QUOTED, SUB_MARK, restoreQuoted, scan } from './scan.js';

/** Marks the part of a word that comes from an expansion we cannot resolve. */
export const UNKNOWN = '\u0000';
const VAR_MARK = '\u0002';
const SUB_RE = new RegExp(`${SUB_MARK}\\d+${SUB_MARK}`, 'g');
const VAR_RE = new RegExp(`${VAR_MARK}([^${VAR_MARK}]*)${VAR_MARK}`, 'g');
/** Every character the analysis uses as a marker. */
const MARKS_RE = new RegExp(`[${UNKNOWN}${SUB_MARK}${VAR_MARK}${HEREDOC_MARK}${Object.values(QUOTED).join('')}]`, 'g');

export const LIMITS = {
  /** Nesting of `sh -c`, `$(…)`, eval, heredocs-to-shell. */
  maxDepth: 12,
  /** Simple commands in one tool call, all levels together. */
  maxCommands: 4000,
  /** Characters analysed; the rest of a longer command is reported as a bound. */
  maxInput: 1 << 20,
  /**
   * Characters analysed over all levels together: nested text (`eval`, `sh -c`, `$(…)`) is
   * analysed again at each level, and a megabyte of `eval eval …` must not cost a dozen passes.
   */
  maxWork: 2 << 20,
} as const;

export interface Redirect {
  op: string;
  target: string;
}

export type Stdin =
  | { kind: 'heredoc'; text: string; quoted: boolean }
  | { kind: 'herestring'; text: string }
  /** `text`: what the source writes, when it is literal (`echo`, `printf`, `cat <<EOF`). */
  | { kind: 'pipe'; from: string; text?: string }
  | { kind: 'file'; path: string };

export interface SimpleCommand {
  /** Resolved words, program first. UNKNOWN marks unresolvable expansions. */
  argv: string[];
  /** Basename of argv[0] ('' for a bare redirection or assignment). */
  program: string;
  text: string;
  cwd: string;
  /** Wrappers and containers this command was found inside, outermost first. */
  via: string[];
  depth: number;
  redirects: Redirect[];
  stdin?: Stdin;
}

export interface AnalyzeContext {
  cwd: string;
  home: string;
}

export interface Analysis {
  commands: SimpleCommand[];
  trace: TraceStep[];
  /** Bounds hit (depth, size, count, unterminated nesting). Non-empty means "not fully analysed". */
  bounds: string[];
}

export function isDynamic(word: string): boolean {
  return word.includes(UNKNOWN);
}

/** A word for display: unknown parts shown as `$…`. */
export function display(word: string): string {
  return word.split(UNKNOWN).join('$…');
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'busybox']);
const KEYWORDS = new Set(['{', '}', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'fi', 'done', 'esac']);
const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '>|', '&>', '&>>', '<>']);
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', '|', '|&']);

interface State {
  cwd: string;
  vars: Map<string, string>;
}

interface Budget {
  commands: number;
  /** Characters walked so far, all levels. */
  work: number;
  bounds: string[];
  trace: TraceStep[];
  out: SimpleCommand[];
  home: string;
}

export function analyze(command: string, ctx: AnalyzeContext): Analysis {
  const budget: Budget = { commands: 0, work: 0, bounds: [], trace: [], out: [], home: ctx.home };
  let src = command;
  if (src.length > LIMITS.maxInput) {
    budget.bounds.push(`input longer than ${LIMITS.maxInput} characters`);
    budget.trace.push({ kind: 'bound', what: 'input size', limit: LIMITS.maxInput });
    src = src.slice(0, LIMITS.maxInput);
  }
  // The analysis marks words with control characters (UNKNOWN, substitution, variable, heredoc and
  // quoting stand-ins); the same characters in the input must not pass for them.
  src = src.replace(MARKS_RE, '\uFFFD');
  const state: State = { cwd: ctx.cwd, vars: new Map() };
  walk(src, state, [], 0, budget);
  return { commands: budget.out, trace: budget.trace, bounds: budget.bounds };
}

function bound(b: Budget, what: string, limit: number): void {
  if (!b.bounds.includes(what)) {
    b.bounds.push(what);
    b.trace.push({ kind: 'bound', what, limit });
  }
}

/** Analyse one piece of shell source at a nesting depth, appending simple commands to the budget. */
function walk(src: string, state: State, via: string[], depth: number, b: Budget): void {
  if (depth > LIMITS.maxDepth) {
    bound(b, 'nesting depth', LIMITS.maxDepth);
    return;
  }
  b.work += src.length;
  if (b.work > LIMITS.maxWork) {
    bound(b, 'too much text to analyse', LIMITS.maxWork);
    return;
  }
  const scanned = scan(src);
  if (scanned.overflow) bound(b, 'unterminated or too deeply nested substitution', LIMITS.maxDepth);
  // Command substitutions run first, in the same directory.
  for (const sub of scanned.subs) {
    if (b.commands >= LIMITS.maxCommands) break;
    walk(sub, { cwd: state.cwd, vars: new Map(state.vars) }, [...via, '$(…)'], depth + 1, b);
  }

  let tokens: ParseEntry[];
  try {
    tokens = shellParse(scanned.text, (key: string): string => `${VAR_MARK}${key}${VAR_MARK}`);
  } catch {
    bound(b, 'unparseable shell syntax', 0);
    return;
  }

  const stack: State[] = [];
  let words: string[] = [];
  let redirects: Redirect[] = [];
  let stdin: Stdin | undefined;
  let pipeFrom: Stdin | undefined;
  let pendingRedirect: string | undefined;

  const resolve = (word: string): string => resolveWord(word, state, b.home);

  const flush = (sep: string | undefined): void => {
    if (words.length > 0 || redirects.length > 0) {
      if (pipeFrom !== undefined && stdin === undefined) stdin = pipeFrom;
      const last = emit(words, redirects, stdin, state, via, depth, b);
      pipeFrom = sep === '|' || sep === '|&' ? pipeSource(last) : undefined;
    } else if (sep !== '|' && sep !== '|&') {
      pipeFrom = undefined;
    }
    words = [];
    redirects = [];
    stdin = undefined;
  };

  for (const tok of tokens) {
    if (b.commands >= LIMITS.maxCommands) {
      bound(b, 'too many commands', LIMITS.maxCommands);
      return;
    }
    if (typeof tok === 'string') {
      if (pendingRedirect !== undefined) {
        const op = pendingRedirect;
        pendingRedirect = undefined;
        if (op === '<<<') {
          stdin = { kind: 'herestring', text: resolve(tok) };
        } else if (op === '<' && tok.startsWith(HEREDOC_MARK)) {
          const h = scanned.heredocs[Number(tok.slice(1, -1))];
          // Substitutions in an unquoted body were cut out (and analysed) by scan: unknown output.
          if (h) stdin = { kind: 'heredoc', text: h.body.replace(SUB_RE, UNKNOWN), quoted: h.quoted };
        } else {
          const target = resolve(tok);
          if (op === '<') stdin = { kind: 'file', path: target };
          redirects.push({ op, target });
        }
        continue;
      }
      words.push(tok);
      continue;
    }
    if ('comment' in tok) continue;
    if ('pattern' in tok && tok.op === 'glob') {
      if (pendingRedirect !== undefined) {
        redirects.push({ op: pendingRedirect, target: resolve(tok.pattern) });
        pendingRedirect = undefined;
      } else {
        words.push(tok.pattern);
      }
      continue;
    }
    const op: string = tok.op;
    if (REDIRECT_OPS.has(op) || op === '<<<') {
      // shell-quote splits `2>&1` into "2", ">&", "1": a bare fd number before a redirect is not an argument.
      const prev = words[words.length - 1];
      if (prev !== undefined && /^\d$/.test(prev) && words.length > 1) words.pop();
      pendingRedirect = op;
      continue;
    }
    if (SEPARATORS.has(op)) {
      flush(op);
      continue;
    }
    if (op === '(') {
      flush(undefined);
      stack.push({ cwd: state.cwd, vars: new Map(state.vars) });
      continue;
    }
    if (op === ')') {
      flush(undefined);
      const saved = stack.pop();
      if (saved) {
        state.cwd = saved.cwd;
        state.vars = saved.vars;
      }
      continue;
    }
    // Any other operator (`<(` cannot occur: scan cut them out) separates commands.
    flush(undefined);
  }
  flush(undefined);
}

/** Resolves variable markers, substitution markers and a leading `~`. */
function resolveWord(word: string, state: State, home: string): string {
  let w = restoreQuoted(word);
  // An earlier `HOME=…` or `PWD=…` in the same command line wins, as in the shell.
  const homeNow = state.vars.get('HOME') ?? home;
  const pwdNow = state.vars.get('PWD') ?? state.cwd;
  if (w === '~' || w.startsWith('~/')) w = homeNow + w.slice(1);
  else if (w.startsWith('~')) {
    // `~+` is $PWD; `~user` and `~-` (OLDPWD) are someone's home or an earlier directory: unknown.
    const slash = w.indexOf('/');
    const head = slash === -1 ? w : w.slice(0, slash);
    const rest = slash === -1 ? '' : w.slice(slash);
    if (head === '~+') w = pwdNow + rest;
    else if (/^~[A-Za-z0-9._-]*$/.test(head)) w = UNKNOWN + rest;
  }
  if (w.includes(SUB_MARK)) w = w.replace(SUB_RE, UNKNOWN);
  if (w.includes(VAR_MARK)) {
    w = w.replace(VAR_RE, (_m, key: string) => {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(key)?.[0];
      if (key === '') return ''; // `$"…"` (a locale string) or a lone `$`
      if (name === undefined || name !== key) return UNKNOWN; // ${X:-y}, $1, $@ …: not resolved
      if (name === 'HOME') return homeNow;
      if (name === 'PWD') return pwdNow;
      return state.vars.get(name) ?? UNKNOWN;
    });
  }
  return w;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Words one command may grow to through brace expansion, and the longest word expanded. */
const MAX_BRACE_WORDS = 1024;
const MAX_BRACE_LENGTH = 4096;

/**
 * Brace expansion, which bash does before any other: `~/{a,.}` → `~/a ~/.`, `{rm,-rf,/}` →
 * `rm -rf /`, `x{1..3}`. Quoted and escaped braces and commas were marked by scan and stay. A word that would grow past MAX_BRACE_WORDS, or is longer
 * than MAX_BRACE_LENGTH, stands for words not enumerated here: it is unknown.
 */
function expandBraces(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (!w.includes('{')) out.push(w);
    else out.push(...((w.length <= MAX_BRACE_LENGTH ? braceWord(w, MAX_BRACE_WORDS - out.length) : undefined) ?? [UNKNOWN]));
  }
  return out;
}

/** One word's brace expansion, or undefined if it would exceed `room` words. */
function braceWord(w: string, room: number): string[] | undefined {
  if (room <= 0) return undefined;
  // One pass pairs the braces; the first pair (by its `{`) holding a top-level comma or a `..`
  // sequence is expanded, and the results expanded again for the pairs after it.
  const stack: { open: number; commas: number[] }[] = [];
  let pick: { open: number; close: number; parts: string[] } | undefined;
  for (let j = 0; j < w.length; j++) {
    const c = w[j];
    if (c === '\\') j++;
    else if (c === '{') stack.push({ open: j, commas: [] });
    else if (c === ',') stack[stack.length - 1]?.commas.push(j);
    else if (c === '}') {
      const top = stack.pop();
      if (top === undefined || (pick !== undefined && pick.open < top.open)) continue;
      let parts: string[] | undefined | null;
      if (top.commas.length > 0) {
        parts = [];
        let from = top.open + 1;
        for (const k of [...top.commas, j]) {
          parts.push(w.slice(from, k));
          from = k + 1;
        }
      } else {
        parts = braceSequence(w.slice(top.open + 1, j), room);
        if (parts === null) return undefined;
      }
      if (parts !== undefined) pick = { open: top.open, close: j, parts };
    }
  }
  if (pick === undefined) return [w];
  const head = w.slice(0, pick.open);
  const tail = w.slice(pick.close + 1);
  const out: string[] = [];
  for (const part of pick.parts) {
    const more = braceWord(`${head}${part}${tail}`, room - out.length);
    if (more === undefined) return undefined;
    out.push(...more);
  }
  return out;
}

/** `{1..5}`, `{a..e}`, `{0..10..2}`: the items; undefined if not a sequence; null if too long. */
function braceSequence(inner: string, room: number): string[] | undefined | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m) return undefined;
  const [, from = '', to = '', stepText] = m;
  const numeric = /\d/.test(from) && /\d/.test(to);
  if (!numeric && (/\d/.test(from) || /\d/.test(to))) return undefined;
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const z = numeric ? Number(to) : to.charCodeAt(0);
  const step = Math.abs(Number(stepText ?? 1)) || 1;
  if (Math.abs(z - a) / step + 1 > room) return null;
  const out: string[] = [];
  for (let v = a; a <= z ? v <= z : v >= z; v += a <= z ? step : -step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}

/** Builds one simple command (after unwrapping) and recurses into what it runs. Returns it. */
function emit(
  rawWords: string[],
  redirects: Redirect[],
  stdin: Stdin | undefined,
  state: State,
  via: string[],
  depth: number,
  b: Budget,
): SimpleCommand | undefined {
  let words = rawWords;
  while (words.length > 0 && KEYWORDS.has(words[0] as string)) words = words.slice(1);
  // Leading assignments: persist for later commands only when nothing else is on the line.
  let i = 0;
  const prefix: [string, string][] = [];
  while (i < words.length) {
    const m = ASSIGN.exec(words[i] as string);
    if (!m) break;
    prefix.push([m[1] as string, resolveWord(m[2] as string, state, b.home)]);
    i++;
  }
  words = words.slice(i);
  if (words.length === 0) {
    for (const [k, v] of prefix) state.vars.set(k, v);
    if (redirects.length > 0) record(b, { argv: [], program: '', text: redirectText(redirects), cwd: state.cwd, via, depth, redirects, ...(stdin ? { stdin } : {}) });
    return undefined;
  }
  const chain = [...via];
  const { argv, cwd } = unwrap(
    expandBraces(words).map((w) => resolveWord(w, state, b.home)),
    state.cwd,
    chain,
    b,
    depth,
  );
  const program = programName(argv[0] ?? '');
  const cmd: SimpleCommand = {
    argv,
    program,
    text: commandText(argv, redirects),
    cwd,
    via: chain,
    depth,
    redirects,
    ...(stdin ? { stdin } : {}),
  };
  record(b, cmd);
  afterCommand(cmd, state, b);
  recurse(cmd, state, b);
  return cmd;
}

/** Stdin of the next stage of a pipeline: what `cmd` writes, when its output is literal text. */
function pipeSource(cmd: SimpleCommand | undefined): Stdin {
  if (cmd === undefined) return { kind: 'pipe', from: '' };
  const text = literalOutput(cmd);
  return text === undefined ? { kind: 'pipe', from: cmd.program } : { kind: 'pipe', from: cmd.program, text };
}

const unescape = (s: string): string => s.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

/**
 * The text a command writes when it is fixed by its words: `echo`, `printf` (each `%s`/`%b` filled
 * in order, the rest of the arguments on lines of their own), `cat` of a heredoc, here-string or
 * literal pipe.
 * Escapes are read as `echo -e` would, which over-approximates the plain `echo`.
 */
function literalOutput(cmd: SimpleCommand): string | undefined {
  const args = cmd.argv.slice(1);
  switch (cmd.program) {
    case 'echo': {
      let i = 0;
      while (i < args.length && /^-[neE]+$/.test(args[i] as string)) i++;
      return unescape(args.slice(i).join(' '));
    }
    case 'printf': {
      const rest = args[0] === '--' ? args.slice(1) : args;
      const [format = '', ...values] = rest;
      let k = 0;
      const filled = format.replace(/%[sb]/g, () => (k < values.length ? (values[k++] as string) : ''));
      return unescape([filled, ...values.slice(k)].join('\n'));
    }
    case 'cat':
      if (args.length > 0 && !(args.length === 1 && args[0] === '-')) return undefined;
      if (cmd.stdin?.kind === 'heredoc' || cmd.stdin?.kind === 'herestring') return cmd.stdin.text;
      return cmd.stdin?.kind === 'pipe' ? cmd.stdin.text : undefined;
    default:
      return undefined;
  }
}

function record(b: Budget, cmd: SimpleCommand): void {
  b.commands++;
  b.out.push(cmd);
  b.trace.push({ kind: 'command', depth: cmd.depth, text: cmd.text, program: cmd.program, argv: cmd.argv.map(display), via: cmd.via, cwd: display(cmd.cwd) });
}

export function programName(word: string): string {
  if (isDynamic(word)) return word === UNKNOWN ? UNKNOWN : path.posix.basename(word);
  const base = word.includes('/') ? path.posix.basename(word) : word;
  return base;
}

function commandText(argv: string[], redirects: Redirect[]): string {
  const parts = [shellQuote(argv.map(display))];
  if (redirects.length > 0) parts.push(redirectText(redirects));
  return parts.join(' ');
}

function redirectText(redirects: Redirect[]): string {
  return redirects.map((r) => `${r.op} ${display(r.target)}`).join(' ');
}

/** Side effects on the analysis state: `cd`, `export X=…`. */
function afterCommand(cmd: SimpleCommand, state: State, b: Budget): void {
  const [prog, ...args] = cmd.argv;
  if (prog === 'cd' || prog === 'pushd') {
    const target = args.find((a) => !a.startsWith('-') || a === '-');
    if (target === undefined) state.cwd = state.vars.get('HOME') ?? b.home;
    else if (target === '-' || isDynamic(target) || isDynamic(state.cwd)) state.cwd = UNKNOWN;
    else state.cwd = path.posix.resolve(state.cwd, target);
    state.vars.delete('PWD'); // cd sets $PWD to the new directory
  } else if (prog === 'export' || prog === 'declare' || prog === 'local' || prog === 'readonly' || prog === 'typeset') {
    for (const a of args) {
      const m = ASSIGN.exec(a);
      if (m) state.vars.set(m[1] as string, m[2] as string);
    }
  }
}

/** Commands that run other commands: shells with -c, eval, heredocs/here-strings fed to a shell. */
function recurse(cmd: SimpleCommand, state: State, b: Budget): void {
  const [prog, ...args] = cmd.argv;
  if (prog === undefined) return;
  const name = cmd.program;
  const inner = (src: string, label: string): void => {
    b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: src.length > 200 ? `${src.slice(0, 200)}…` : src });
    walk(src, { cwd: cmd.cwd, vars: new Map(state.vars) }, [...cmd.via, label], cmd.depth + 1, b);
  };
  // `$SHELL -c '…'`, `"$(which bash)" -c '…'`: a program warden cannot name, given a command string
  // the way a shell is, is read as a shell (a non-shell reading `-c` code only costs a false alarm).
  if (SHELLS.has(name) || (isDynamic(name) && shellCommandArg(args) !== undefined)) {
    const c = shellCommandArg(args);
    if (c !== undefined) {
      inner(c, `${display(name)} -c`);
      return;
    }
    const script = args.find((a) => !a.startsWith('-'));
    if (script === undefined && cmd.stdin) {
      if (cmd.stdin.kind === 'heredoc' || cmd.stdin.kind === 'herestring') inner(cmd.stdin.text, `${name} <<`);
      // `echo 'rm -rf /' | sh`: the shell runs what the literal source printed.
      else if (cmd.stdin.kind === 'pipe' && cmd.stdin.text !== undefined) inner(cmd.stdin.text, `${cmd.stdin.from} | ${name}`);
    }
    return;
  }
  if (name === 'eval') {
    inner(args.join(' '), 'eval');
    return;
  }
  if (name === 'su' || name === 'runuser') {
    // `su [user] -c 'cmd'`: the command runs in the user's shell.
    const c = suCommand(args);
    if (c !== undefined) inner(c, `${name} -c`);
    return;
  }
  if (name === 'find') {
    // `find root … -exec cmd {} ;`: cmd runs once per match, `{}` a path under root warden cannot
    // know. The words are already resolved, so they go back in quoted.
    for (const run of findExecs(args)) inner(shellQuote(run.argv), `find ${run.action}`);
  }
}

function suCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c' || a === '--command') return args[i + 1];
    if (a.startsWith('--command=')) return a.slice('--command='.length);
    if (/^-[a-zA-Z]*c$/.test(a) && !a.startsWith('--')) return args[i + 1];
  }
  return undefined;
}

const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);

/** The commands of a find's `-exec`/`-execdir`/`-ok`/`-okdir` actions, `{}` made unknown. */
function findExecs(args: string[]): { action: string; argv: string[] }[] {
  const roots: string[] = [];
  let i = 0;
  while (i < args.length && !/^[-(!]/.test(args[i] as string)) roots.push(args[i++] as string);
  // One root: matches are below it (`-execdir` runs next to the match, which is below it too).
  const root = roots.length === 1 ? (roots[0] as string) : roots.length === 0 ? '.' : UNKNOWN;
  const match = root === UNKNOWN ? UNKNOWN : `${root.replace(/\/+$/, '')}/${UNKNOWN}`;
  const out: { action: string; argv: string[] }[] = [];
  for (; i < args.length; i++) {
    const action = args[i] as string;
    if (!FIND_EXEC.has(action)) continue;
    const argv: string[] = [];
    for (i++; i < args.length && args[i] !== ';' && args[i] !== '+'; i++) argv.push((args[i] as string).split('{}').join(match));
    if (argv.length > 0) out.push({ action, argv });
  }
  return out;
}

/** `bash -c 'cmd'`, `bash -lc 'cmd'`, `sh -ec 'cmd'`: the argument after the first flag group containing c. */
function shellCommandArg(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return args[i + 1];
    if (a.startsWith('-') || a.startsWith('+')) {
      if (a === '-o' || a === '+o' || a === '-O' || a === '+O') i++;
      continue;
    }
    return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Wrappers: programs that run their arguments as a command. Each entry says which of its flags
// take a value, and how its command starts.

interface Wrapper {
  /** Flags that take a value: the next word, or the rest of a short group (`-uroot`, `-Eu root`). */
  valueFlags: ReadonlySet<string>;
  /** Positional words before the command (timeout's DURATION). */
  positionals?: number;
  /** `env`: NAME=value words before the command. */
  assignments?: boolean;
  /** Arguments that mean "do not run anything" (`command -v`). */
  noRun?: ReadonlySet<string>;
  /** Value flags naming the directory the command runs in (`env -C dir`, `sudo -D dir`). */
  chdir?: ReadonlySet<string>;
  /** Value flags whose value is split into the command's first words (`env -S 'rm -rf /'`). */
  split?: ReadonlySet<string>;
  /**
   * xargs: the command gets more operands from stdin. `replace` flags name the placeholder the
   * input is put in (`-I {}`); `replaceDefault` flags use `{}` unless a value is attached (`-i`).
   */
  input?: { replace: ReadonlySet<string>; replaceDefault: ReadonlySet<string> };
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

export const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  sudo: {
    valueFlags: set('-u', '--user', '-g', '--group', '-C', '--close-from', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-D', '--chdir', '-T', '--command-timeout'),
    noRun: set('-l', '--list', '-v', '--validate', '-k', '-K', '-e', '--edit', '-V'),
    chdir: set('-D', '--chdir'),
  },
  doas: { valueFlags: set('-u', '-C') },
  env: { valueFlags: set('-u', '--unset', '-C', '--chdir', '-S', '--split-string'), assignments: true, chdir: set('-C', '--chdir'), split: set('-S', '--split-string') },
  nice: { valueFlags: set('-n', '--adjustment') },
  nohup: { valueFlags: set() },
  time: { valueFlags: set('-f', '--format', '-o', '--output') },
  timeout: { valueFlags: set('-s', '--signal', '-k', '--kill-after'), positionals: 1 },
  stdbuf: { valueFlags: set('-i', '-o', '-e', '--input', '--output', '--error') },
  ionice: { valueFlags: set('-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid') },
  chrt: { valueFlags: set(), positionals: 1 },
  taskset: { valueFlags: set(), positionals: 1 },
  command: { valueFlags: set(), noRun: set('-v', '-V') },
  builtin: { valueFlags: set() },
  exec: { valueFlags: set('-a') },
  setsid: { valueFlags: set() },
  unbuffer: { valueFlags: set() },
  caffeinate: { valueFlags: set('-t', '-w') },
  xargs: {
    valueFlags: set('-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '--max-lines', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'),
    input: { replace: set('-I'), replaceDefault: set('-i', '--replace') },
  },
};

/** One option word of a wrapper: the flag it sets, its value if it takes one, words consumed. */
function readOption(w: Wrapper, words: readonly string[], i: number): { flag: string; value?: string; used: number } {
  const a = words[i] as string;
  if (a.startsWith('--')) {
    const eq = a.indexOf('=');
    if (eq !== -1) return { flag: a.slice(0, eq), value: a.slice(eq + 1), used: 1 };
    if (w.valueFlags.has(a)) return words[i + 1] === undefined ? { flag: a, used: 1 } : { flag: a, value: words[i + 1], used: 2 };
    return { flag: a, used: 1 };
  }
  // A short group, read as getopt does: the first flag taking a value takes the rest of the group,
  // or the next word. `-i`-style optional values only come attached.
  for (let j = 1; j < a.length; j++) {
    const flag = `-${a[j] as string}`;
    const optional = w.input?.replaceDefault.has(flag) === true;
    if (w.valueFlags.has(flag) || optional) {
      if (j < a.length - 1) return { flag, value: a.slice(j + 1), used: 1 };
      if (optional) return { flag, used: 1 };
      return words[i + 1] === undefined ? { flag, used: 1 } : { flag, value: words[i + 1], used: 2 };
    }
  }
  return { flag: a, used: 1 };
}

/** Words of an `env -S` string: split as the shell would, expansions unknown. */
function splitString(value: string): string[] {
  try {
    return shellParse(value, () => UNKNOWN).map((t) => (typeof t === 'string' ? t : 'pattern' in t ? t.pattern : 'op' in t ? t.op : ''));
  } catch {
    return [UNKNOWN];
  }
}

/**
 * Strips wrappers off argv (recording them in `chain`), returning the wrapped command's argv and
 * the directory it runs in.
 */
function unwrap(argv: string[], cwd: string, chain: string[], b: Budget, depth: number): { argv: string[]; cwd: string } {
  let cur = argv;
  let dir = cwd;
  for (let guard = 0; guard < 16 && cur.length > 0; guard++) {
    const name = programName(cur[0] as string);
    const w = WRAPPERS[name];
    if (!w) break;
    let i = 1;
    let positionals = w.positionals ?? 0;
    let stop = false;
    let placeholder: string | undefined;
    while (i < cur.length) {
      const a = cur[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if (w.noRun?.has(a)) {
        stop = true;
        break;
      }
      if (a === '-' && name === 'env') {
        i++;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        const o = readOption(w, cur, i);
        if (o.value !== undefined && w.chdir?.has(o.flag)) {
          dir = isDynamic(o.value) || isDynamic(dir) ? UNKNOWN : path.posix.resolve(dir, o.value);
        }
        if (o.value !== undefined && w.split?.has(o.flag)) {
          // `env -S 'a b' c`: as if `env a b c` had been written.
          cur = [cur[0] as string, ...splitString(o.value), ...cur.slice(i + o.used)];
          continue;
        }
        if (w.input?.replace.has(o.flag) && o.value !== undefined) placeholder = o.value;
        if (w.input?.replaceDefault.has(o.flag)) placeholder = o.value ?? '{}';
        i += o.used;
        continue;
      }
      if (w.assignments && ASSIGN.test(a)) {
        i++;
        continue;
      }
      if (positionals > 0) {
        positionals--;
        i++;
        continue;
      }
      break;
    }
    if (stop || i >= cur.length) break;
    chain.push(name);
    cur = cur.slice(i);
    if (w.input) {
      // The operands come from stdin: unknown, in the placeholder or after the given arguments.
      const ph = placeholder;
      cur = ph === undefined || ph === '' ? [...cur, UNKNOWN] : cur.map((x, k) => (k === 0 ? x : x.split(ph).join(UNKNOWN)));
    }
    b.trace.push({ kind: 'unwrap', depth, wrapper: name, text: cur.slice(0, 64).map(display).join(' ') });
  }
  return { argv: cur, cwd: dir };
}
