// Fork bombs: `:(){ :|:& };:`, `bomb(){ bomb|bomb& }; bomb`, `f(){ while :; do f & done }; f`,
// `perl -e 'fork while fork'`.
//
// The shell analysis cannot show them: shell-quote reads `f()` as `f` followed by parentheses, so
// a function definition comes out as plain simple commands named `f`, body and all, with the
// function structure gone. So this rule reads the raw command text for a function whose body
// calls the function itself in a pipe or in the background, and then asks the analysis whether
// that name really runs as a command (it does not when the text is data: echo, printf, grep, a
// commit message, a heredoc written to a file, a comment). The raw-text scan looks at every
// definition (no cap, so nothing hides behind many harmless ones) and does bounded work for each:
// names up to MAX_NAME and bodies up to MAX_BODY characters. The confirming analysis runs only on
// commands up to MAX_CONFIRM characters; a longer one holding a bomb-shaped definition is held
// unconfirmed (fail closed) rather than analysed a second time.

import { analyze, type SimpleCommand } from '../../shell/analyze.js';
import { defineRule } from '../define.js';

const MAX_NAME = 64;
const MAX_BODY = 256;
const MAX_CONFIRM = 64 * 1024;
/** `name()` followed by `{` (the classic), or `function name {`. */
const DEF = /\(\s*\)\s*\{|\bfunction\s+[^\s(){}|&;<>]{1,64}\s*(?:\(\s*\)\s*)?\{/g;
const NAME_CHAR = /[^\s(){}|&;<>'"`$\\]/;
/** Interpreter one-liners: perl's `fork while fork`, python's `while True: os.fork()`. */
const INTERPRETER_BOMB = /\bfork\s+(?:while|until)\s+(?:fork|0)\b|\bwhile\s+(?:True|1)\s*:\s*os\.fork\(\)/;
const INTERPRETERS = new Set(['perl', 'python', 'python3', 'ruby']);

interface Bomb {
  name: string;
  definition: string;
}

/** Function definitions in the raw text whose body calls the function again, concurrently. */
function candidates(text: string): Bomb[] {
  const out: Bomb[] = [];
  for (const m of text.matchAll(DEF)) {
    let name: string;
    const open = m.index + m[0].length; // just after `{`
    if (m[0].startsWith('function')) {
      name = /^function\s+([^\s(){}|&;<>]+)/.exec(m[0])?.[1] ?? '';
    } else {
      let end = m.index;
      while (end > 0 && m.index - end < MAX_NAME && /[ \t]/.test(text[end - 1] as string)) end--;
      let start = end;
      while (start > 0 && end - start < MAX_NAME && NAME_CHAR.test(text[start - 1] as string)) start--;
      name = text.slice(start, end);
    }
    if (name === '') continue;
    const window = text.slice(open, open + MAX_BODY + 1);
    const close = window.indexOf('}');
    if (close === -1) continue;
    const body = window.slice(0, close);
    const calls = body.split(/[\s|&;(){}]+/).filter((w) => w === name).length;
    const concurrent = /[|&]/.test(body);
    const looping = /\b(?:while|until|for)\b/.test(body);
    if (concurrent && (calls >= 2 || (calls >= 1 && looping))) out.push({ name, definition: `${name}() {${body}}` });
  }
  return out;
}

export default defineRule({
  id: 'disk/fork-bomb',
  meta: {
    description:
      'Fork bombs: a shell function that runs itself twice concurrently (`:(){ :|:& };:` and renamed variants), and `perl -e "fork while fork"`-style one-liners. They exhaust the process table until the machine is rebooted, so deny. Found in the raw text (parsing loses function definitions), confirmed by the analysis running that name as a command.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      bomb: '`{{definition}}` is a fork bomb: `{{name}}` starts copies of itself until the machine runs out of processes and has to be rebooted. Do not run it; to test process limits, ask the human for a throwaway VM or container with `ulimit -u` set.',
    },
  },
  programs: [],
  tools: ['Bash'],
  checkTool(call, ctx) {
    const text = call.input.command;
    if (typeof text !== 'string') return [];
    const bombs = candidates(text);
    const interp = INTERPRETER_BOMB.exec(text);
    if (bombs.length === 0 && !interp) return [];
    const first = bombs[0];
    if (text.length > MAX_CONFIRM) {
      return [{ messageId: 'bomb' as const, data: first ? { definition: first.definition, name: first.name } : { definition: interp?.[0] ?? '', name: 'an interpreter' } }];
    }
    // Only now is the command analysed again: the text mentions a bomb; does it run one?
    const commands: SimpleCommand[] = analyze(text, { cwd: call.cwd, home: ctx.home }).commands;
    const bare = new Map<string, number>();
    for (const c of commands) if (c.argv.length === 1) bare.set(c.argv[0] as string, (bare.get(c.argv[0] as string) ?? 0) + 1);
    const bomb = bombs.find((b) => (bare.get(b.name) ?? 0) >= 2);
    if (bomb) return [{ messageId: 'bomb' as const, data: { definition: bomb.definition, name: bomb.name } }];
    if (interp) {
      const runs = commands.find((c) => INTERPRETERS.has(c.program) && c.argv.some((a) => INTERPRETER_BOMB.test(a)));
      if (runs) return [{ messageId: 'bomb' as const, data: { definition: interp[0], name: runs.program } }];
    }
    return [];
  },
});
