// Shell function definitions in shell-quote's tokens: `name() { …; }`, `name() ( … )`,
// `function name { …; }`, `function name() { …; }`. lib/shell/analyze.ts keeps a definition's body
// and runs it where the function is called; these helpers find where a body ends and which
// substitutions it holds.
//
// Where a body ends is decided the way bash does, with one bias: `}` closes a body only as the
// first word of a command (after `;`, `&`, a newline, `(`, `)` or a reserved word), and when in
// doubt the body ends early. Ending early only makes commands of the body count as commands run
// where it is defined (analysed, never hidden); ending late could hide the commands after it.

import type { ParseEntry } from 'shell-quote';
import { HEREDOC_MARK, SUB_MARK, type Scanned } from './scan.js';

/** Reserved words after which the next word starts a command (and `}` may close a group). */
const STARTERS = new Set(['{', '}', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', 'fi', 'done', 'esac', 'time']);
/** Operators after which no command starts (a redirection's target follows them). */
const REDIRECTS = new Set(['>', '>>', '<', '>&', '<&', '>|', '&>', '&>>', '<>', '<<<']);

/** What a function's name cannot hold: expansions, quotes, blanks, `=`, and the analysis' markers. */
const NOT_IN_NAME = new RegExp(`[\\s$\`"'\\\\=${String.fromCharCode(0)}-${String.fromCharCode(8)}]`);

export function isFunctionName(word: string): boolean {
  return word !== '' && !NOT_IN_NAME.test(word) && !STARTERS.has(word);
}

/** Does the token before index `j` leave index `j` at the start of a command? */
function startsCommand(tokens: readonly ParseEntry[], j: number): boolean {
  const prev = tokens[j - 1];
  if (prev === undefined) return true;
  if (typeof prev === 'string') return STARTERS.has(prev);
  if ('comment' in prev) return true;
  return !('pattern' in prev) && !REDIRECTS.has(prev.op);
}

/**
 * Index of the token closing the body that opens at `open` (a `{` word or a `(` operator), or -1
 * when it is not closed (bash would refuse the whole definition).
 */
export function bodyEnd(tokens: readonly ParseEntry[], open: number): number {
  const paren = typeof tokens[open] !== 'string';
  let depth = 1;
  for (let j = open + 1; j < tokens.length; j++) {
    const t = tokens[j] as ParseEntry;
    if (paren) {
      if (typeof t === 'string' || !('op' in t) || 'pattern' in t) continue;
      if (t.op === '(') depth++;
      else if (t.op === ')' && --depth === 0) return j;
      continue;
    }
    if (typeof t !== 'string' || !startsCommand(tokens, j)) continue;
    if (t === '{') depth++;
    else if (t === '}' && --depth === 0) return j;
  }
  return -1;
}

/** Index of the body's opening token at or after `j` (a `{` word or `(` operator), skipping newlines. */
export function bodyStart(tokens: readonly ParseEntry[], j: number): number {
  let k = j;
  while (k < tokens.length) {
    const t = tokens[k] as ParseEntry;
    if (t === '{') return k;
    if (typeof t === 'string' || 'comment' in t || 'pattern' in t) return -1;
    if (t.op === '(') return k;
    if (t.op !== ';') return -1;
    k++;
  }
  return -1;
}

const SUB_INDEX = new RegExp(`${SUB_MARK}(\\d+)${SUB_MARK}`, 'g');

/** The substitutions the tokens refer to, heredoc bodies included, in order. */
export function subsIn(tokens: readonly ParseEntry[], scanned: Scanned): number[] {
  if (scanned.subs.length === 0) return [];
  const out = new Set<number>();
  const add = (text: string): void => {
    if (!text.includes(SUB_MARK)) return;
    for (const m of text.matchAll(SUB_INDEX)) out.add(Number(m[1]));
  };
  for (const t of tokens) {
    const text = typeof t === 'string' ? t : 'pattern' in t ? t.pattern : '';
    if (text.startsWith(HEREDOC_MARK)) add(scanned.heredocs[Number(text.slice(1, -1))]?.body ?? '');
    else add(text);
  }
  return [...out].sort((a, b) => a - b);
}

/** The tokens as text, for the trace. */
export function tokensText(tokens: readonly ParseEntry[]): string {
  return tokens.map((t) => (typeof t === 'string' ? t : 'pattern' in t ? t.pattern : 'op' in t ? t.op : '')).join(' ');
}
