// disk/fork-bomb: a shell function that runs itself twice concurrently, in any name and spacing,
// and perl/python fork-loop one-liners, are denied — when they run, not when they are mentioned.
// Parsing loses function definitions, so the rule reads the raw text and confirms with the analysis.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/fork-bomb';

const valid: Valid[] = [
  { cmd: 'f() { echo hi; }; f' },
  { cmd: 'retry() { "$@" || "$@"; }; retry make' },
  { cmd: 'log() { echo "$1" | tee -a ./log; }; log a; log b' },
  { cmd: 'fib() { fib $(($1-1)); }', note: 'recursive, defined, never run' },
  { cmd: 'while :; do sleep 1; done' },
  { cmd: 'make -j8 & wait' },
  { cmd: 'perl -e \'print "fork\\n"\'' },
  { cmd: "python3 -c 'import os; print(os.getpid())'" },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: "echo ':(){ :|:& };:'" },
  { cmd: "printf '%s\\n' 'bomb(){ bomb|bomb& }; bomb'" },
  { cmd: "grep -rn ':(){ :|:& };:' docs/" },
  { cmd: "git commit -m 'explain :(){ :|:& };: in the docs'" },
  { cmd: "ls # :(){ :|:& };:" },
  { cmd: "cat <<'EOF' > notes.md\n:(){ :|:& };:\nEOF" },
  { cmd: "echo 'perl -e \"fork while fork\"' >> notes.md" },
];

const invalid: Invalid[] = [
  { cmd: ':(){ :|:& };:', ruleId: R, messageId: 'bomb' },
  { cmd: ':(){ :|: & };:', ruleId: R },
  { cmd: ':() { : | : & }; :', ruleId: R },
  { cmd: ':(){:|:&};:', ruleId: R },
  { cmd: 'bomb(){ bomb|bomb& }; bomb', ruleId: R },
  { cmd: 'bomb () { bomb | bomb & }; bomb', ruleId: R },
  { cmd: 'function f { f|f& }; f', ruleId: R },
  { cmd: 'function f() { f | f & }; f', ruleId: R },
  { cmd: 'f(){ f & f & }; f', ruleId: R },
  { cmd: 'f(){ while :; do f & done; }; f', ruleId: R },
  { cmd: ':(){ :|:& };\n:', ruleId: R },
  { cmd: "bash -c ':(){ :|:& };:'", ruleId: R },
  { cmd: "sh -c 'b(){ b|b& };b'", ruleId: R },
  { cmd: "eval ':(){ :|:& };:'", ruleId: R },
  { cmd: "echo ':(){ :|:& };:' | bash", ruleId: R },
  { cmd: 'bash <<EOF\n:(){ :|:& };:\nEOF', ruleId: R },
  { cmd: "nohup bash -c 'x(){ x|x& };x' &", ruleId: R },
  { cmd: "perl -e 'fork while fork'", ruleId: R },
  { cmd: "perl -e 'fork until 0'", ruleId: R },
  { cmd: "python3 -c 'import os\nwhile True: os.fork()'", ruleId: R },
  { cmd: "sudo perl -e 'fork while fork'", ruleId: R },
];

tableTests(valid, invalid, 'deny');

void test('a bomb-shaped definition in a command too long to analyse twice is held unconfirmed (fail closed)', () => {
  const padding = `echo ${'x'.repeat(70 * 1024)}`;
  assertBlocked(`${padding}; echo ':(){ :|:& };:'`, R, { action: 'deny', messageId: 'bomb' });
  assertAllowed(`${padding}; echo 'no definition here'`);
});
