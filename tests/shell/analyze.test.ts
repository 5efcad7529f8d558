// analyze() itself: which simple commands come out of a command line (program and argv after
// unwrapping), through which wrappers and containers (`via`), in which directory, with which
// variables resolved, and what it reports when it has to stop. Unknown parts show as `$…`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, analyze, display, type Analysis, type SimpleCommand, type Stdin } from '../../lib/shell/analyze.js';

const HOME = '/home/agent';
const PROJECT = '/home/agent/proj';

const run = (cmd: string, cwd = PROJECT): Analysis => analyze(cmd, { cwd, home: HOME });

/** What a row pins down about one simple command; fields left out are not compared. */
interface Expected {
  argv: string[];
  via?: string[];
  cwd?: string;
  stdin?: Stdin;
}

interface Row {
  cmd: string;
  /** The simple commands, in order; not compared when left out. */
  commands?: Expected[];
  /** Bounds reported; none unless given. */
  bounds?: string[];
}

/** A stdin for comparison: unknown parts of its text shown as `$…`. */
function shown(s: Stdin | undefined): Stdin | undefined {
  if (s === undefined) return undefined;
  if (s.kind === 'file') return s;
  if (s.kind === 'pipe') return s.text === undefined ? s : { ...s, text: display(s.text) };
  return { ...s, text: display(s.text) };
}

function view(c: SimpleCommand, e: Expected): Expected {
  const v: Expected = { argv: c.argv.map(display) };
  if (e.via !== undefined) v.via = c.via;
  if (e.cwd !== undefined) v.cwd = display(c.cwd);
  if (e.stdin !== undefined) v.stdin = shown(c.stdin);
  return v;
}

function check(row: Row): void {
  const a = run(row.cmd);
  assert.deepEqual(a.bounds, row.bounds ?? []);
  if (row.commands === undefined) return;
  assert.equal(a.commands.length, row.commands.length, `commands of ${JSON.stringify(row.cmd)}: ${JSON.stringify(a.commands.map((c) => c.argv.map(display)))}`);
  row.commands.forEach((e, i) => assert.deepEqual(view(a.commands[i] as SimpleCommand, e), e, `command ${i} of ${JSON.stringify(row.cmd)}`));
}

const simple: Row[] = [
  { cmd: 'ls -la', commands: [{ argv: ['ls', '-la'], via: [], cwd: PROJECT }] },
  { cmd: 'git   status   --short', commands: [{ argv: ['git', 'status', '--short'] }] },
  { cmd: `echo "a b" 'c d' e\\ f`, commands: [{ argv: ['echo', 'a b', 'c d', 'e f'] }] },
  { cmd: "r''m -rf x", commands: [{ argv: ['rm', '-rf', 'x'] }] },
  { cmd: '"rm" x', commands: [{ argv: ['rm', 'x'] }] },
  { cmd: '\\rm x', commands: [{ argv: ['rm', 'x'] }] },
  { cmd: "echo $'a\\nb'", commands: [{ argv: ['echo', 'a\nb'] }] },
  { cmd: 'echo *.ts', commands: [{ argv: ['echo', '*.ts'] }] },
  { cmd: 'git log --format="%H %s"', commands: [{ argv: ['git', 'log', '--format=%H %s'] }] },
  { cmd: 'echo hi > out.txt 2>&1', commands: [{ argv: ['echo', 'hi'] }] },
  { cmd: '! ls', commands: [{ argv: ['ls'] }] },
  { cmd: 'a=1 b=2', commands: [] },
  { cmd: '', commands: [] },
];

const chains: Row[] = [
  { cmd: 'a; b', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'a && b || c', commands: [{ argv: ['a'] }, { argv: ['b'] }, { argv: ['c'] }] },
  { cmd: 'a & b', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'a | b |& c', commands: [{ argv: ['a'] }, { argv: ['b'], stdin: { kind: 'pipe', from: 'a' } }, { argv: ['c'], stdin: { kind: 'pipe', from: 'b' } }] },
  { cmd: '(a; b)', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: '{ a; b; }', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'if a; then b; else c; fi', commands: [{ argv: ['a'] }, { argv: ['b'] }, { argv: ['c'] }] },
  { cmd: 'a\nb\n\nc', commands: [{ argv: ['a'] }, { argv: ['b'] }, { argv: ['c'] }] },
  { cmd: 'a |\n  b', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'a &&\n\n  b', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'echo a \\\n  b', commands: [{ argv: ['echo', 'a', 'b'] }] },
  { cmd: 'if a\nthen\n  b\nfi', commands: [{ argv: ['a'] }, { argv: ['b'] }] },
  { cmd: 'for x in 1 2\ndo\n  echo $x\ndone', commands: [{ argv: ['for', 'x', 'in', '1', '2'] }, { argv: ['echo', '$…'] }] },
];

const comments: Row[] = [
  { cmd: 'ls # rm -rf /', commands: [{ argv: ['ls'] }] },
  { cmd: 'ls;# rm -rf /', commands: [{ argv: ['ls'] }] },
  { cmd: '# only a comment', commands: [] },
  { cmd: '# a comment\nls', commands: [{ argv: ['ls'] }] },
  { cmd: 'echo a#b', commands: [{ argv: ['echo', 'a#b'] }] },
  { cmd: 'echo a#; rm x', commands: [{ argv: ['echo', 'a#'] }, { argv: ['rm', 'x'] }] },
  { cmd: 'echo "# not" \'# a\' \\# comment', commands: [{ argv: ['echo', '# not', '# a', '#', 'comment'] }] },
  { cmd: 'git commit -m fix#1 && git push', commands: [{ argv: ['git', 'commit', '-m', 'fix#1'] }, { argv: ['git', 'push'] }] },
];

const via: Row[] = [
  { cmd: 'sudo -u root rm x', commands: [{ argv: ['rm', 'x'], via: ['sudo'] }] },
  { cmd: 'sudo -Eu root rm x', commands: [{ argv: ['rm', 'x'], via: ['sudo'] }] },
  { cmd: 'env X=1 -u Y rm x', commands: [{ argv: ['rm', 'x'], via: ['env'] }] },
  { cmd: 'env - rm x', commands: [{ argv: ['rm', 'x'], via: ['env'] }] },
  { cmd: 'env -S "ls -la" x', commands: [{ argv: ['ls', '-la', 'x'], via: ['env'] }] },
  { cmd: 'timeout -k 5 10 rm x', commands: [{ argv: ['rm', 'x'], via: ['timeout'] }] },
  { cmd: 'nice -n 5 timeout 10 sudo -u x env A=1 ls', commands: [{ argv: ['ls'], via: ['nice', 'timeout', 'sudo', 'env'] }] },
  { cmd: 'command rm x', commands: [{ argv: ['rm', 'x'], via: ['command'] }] },
  { cmd: 'command -v rm', commands: [{ argv: ['command', '-v', 'rm'], via: [] }] },
  { cmd: 'sudo -l rm', commands: [{ argv: ['sudo', '-l', 'rm'], via: [] }] },
  { cmd: '/usr/bin/env rm x', commands: [{ argv: ['rm', 'x'], via: ['env'] }] },
  { cmd: 'xargs rm -f', commands: [{ argv: ['rm', '-f', '$…'], via: ['xargs'] }] },
  { cmd: 'xargs -I % mv % /tmp', commands: [{ argv: ['mv', '$…', '/tmp'], via: ['xargs'] }] },
  { cmd: 'xargs', commands: [{ argv: ['xargs'], via: [] }] },
  { cmd: "bash -c 'rm x'", commands: [{ argv: ['bash', '-c', 'rm x'], via: [] }, { argv: ['rm', 'x'], via: ['bash -c'] }] },
  { cmd: 'sh -e -c "ls"', commands: [{ argv: ['sh', '-e', '-c', 'ls'] }, { argv: ['ls'], via: ['sh -c'] }] },
  { cmd: 'bash -o pipefail -c "ls"', commands: [{ argv: ['bash', '-o', 'pipefail', '-c', 'ls'] }, { argv: ['ls'], via: ['bash -c'] }] },
  { cmd: 'bash script.sh', commands: [{ argv: ['bash', 'script.sh'] }] },
  { cmd: 'sudo bash -c "env -C / ls"', commands: [{ argv: ['bash', '-c', 'env -C / ls'], via: ['sudo'] }, { argv: ['ls'], via: ['sudo', 'bash -c', 'env'], cwd: '/' }] },
  { cmd: 'echo $(rm x)', commands: [{ argv: ['rm', 'x'], via: ['$(…)'] }, { argv: ['echo', '$…'], via: [] }] },
  { cmd: 'echo `rm x`', commands: [{ argv: ['rm', 'x'], via: ['$(…)'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'echo "$(a $(b))"', commands: [{ argv: ['b'], via: ['$(…)', '$(…)'] }, { argv: ['a', '$…'], via: ['$(…)'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'diff <(ls a) >(cat)', commands: [{ argv: ['ls', 'a'], via: ['$(…)'] }, { argv: ['cat'], via: ['$(…)'] }, { argv: ['diff', '$…', '$…'] }] },
  { cmd: 'eval "rm x"', commands: [{ argv: ['eval', 'rm x'] }, { argv: ['rm', 'x'], via: ['eval'] }] },
  { cmd: 'eval "$CMD"', commands: [{ argv: ['eval', '$…'] }, { argv: ['$…'], via: ['eval'] }] },
  { cmd: "echo 'rm x' | sh", commands: [{ argv: ['echo', 'rm x'] }, { argv: ['sh'] }, { argv: ['rm', 'x'], via: ['echo | sh'] }] },
  { cmd: 'echo hi | cat | bash', commands: [{ argv: ['echo', 'hi'] }, { argv: ['cat'] }, { argv: ['bash'] }, { argv: ['hi'], via: ['cat | bash'] }] },
  { cmd: 'curl -s https://x | bash', commands: [{ argv: ['curl', '-s', 'https://x'] }, { argv: ['bash'], stdin: { kind: 'pipe', from: 'curl' } }] },
  { cmd: "su - root -c 'rm x'", commands: [{ argv: ['su', '-', 'root', '-c', 'rm x'] }, { argv: ['rm', 'x'], via: ['su -c'] }] },
  { cmd: '$SHELL -c "rm x"', commands: [{ argv: ['$…', '-c', 'rm x'] }, { argv: ['rm', 'x'], via: ['$… -c'] }] },
  {
    cmd: 'find ./src -name "*.ts" -exec sed -i s/a/b/ {} +',
    commands: [{ argv: ['find', './src', '-name', '*.ts', '-exec', 'sed', '-i', 's/a/b/', '{}', '+'] }, { argv: ['sed', '-i', 's/a/b/', './src/$…'], via: ['find -exec'] }],
  },
  { cmd: 'find -ok rm {} \\;', commands: [{ argv: ['find', '-ok', 'rm', '{}', ';'] }, { argv: ['rm', './$…'], via: ['find -ok'] }] },
  { cmd: 'find a b -exec rm {} +', commands: [{ argv: ['find', 'a', 'b', '-exec', 'rm', '{}', '+'] }, { argv: ['rm', '$…'], via: ['find -exec'] }] },
];

const cwd: Row[] = [
  { cmd: 'cd /tmp; pwd', commands: [{ argv: ['cd', '/tmp'], cwd: PROJECT }, { argv: ['pwd'], cwd: '/tmp' }] },
  { cmd: 'cd ..; pwd', commands: [{ argv: ['cd', '..'] }, { argv: ['pwd'], cwd: HOME }] },
  { cmd: 'cd; pwd', commands: [{ argv: ['cd'] }, { argv: ['pwd'], cwd: HOME }] },
  { cmd: 'cd ~/proj/src; cd ../..; pwd', commands: [{ argv: ['cd', `${PROJECT}/src`] }, { argv: ['cd', '../..'], cwd: `${PROJECT}/src` }, { argv: ['pwd'], cwd: HOME }] },
  { cmd: 'cd -; pwd', commands: [{ argv: ['cd', '-'] }, { argv: ['pwd'], cwd: '$…' }] },
  { cmd: 'cd "$X"; pwd', commands: [{ argv: ['cd', '$…'] }, { argv: ['pwd'], cwd: '$…' }] },
  { cmd: 'pushd /tmp; pwd', commands: [{ argv: ['pushd', '/tmp'] }, { argv: ['pwd'], cwd: '/tmp' }] },
  { cmd: 'cd /tmp && (cd a; ls); ls', commands: [{ argv: ['cd', '/tmp'] }, { argv: ['cd', 'a'], cwd: '/tmp' }, { argv: ['ls'], cwd: '/tmp/a' }, { argv: ['ls'], cwd: '/tmp' }] },
  { cmd: 'bash -c "cd /; pwd"; pwd', commands: [{ argv: ['bash', '-c', 'cd /; pwd'] }, { argv: ['cd', '/'] }, { argv: ['pwd'], cwd: '/' }, { argv: ['pwd'], cwd: PROJECT }] },
  { cmd: 'echo "$(cd /; pwd)"; pwd', commands: [{ argv: ['cd', '/'] }, { argv: ['pwd'], cwd: '/' }, { argv: ['echo', '$…'] }, { argv: ['pwd'], cwd: PROJECT }] },
  { cmd: 'env -C / ls; pwd', commands: [{ argv: ['ls'], cwd: '/' }, { argv: ['pwd'], cwd: PROJECT }] },
  { cmd: 'sudo --chdir=/var ls', commands: [{ argv: ['ls'], cwd: '/var' }] },
];

const variables: Row[] = [
  { cmd: 'X=1; echo $X "$X" ${X}', commands: [{ argv: ['echo', '1', '1', '1'] }] },
  { cmd: 'X=a; X=${X}b; echo $X', commands: [{ argv: ['echo', 'ab'] }] },
  { cmd: 'export A=/x B=/y; echo $A $B', commands: [{ argv: ['export', 'A=/x', 'B=/y'] }, { argv: ['echo', '/x', '/y'] }] },
  { cmd: 'X=1 env; echo $X', commands: [{ argv: ['env'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'echo $HOME ${HOME} "$HOME/x" ~ ~/x', commands: [{ argv: ['echo', HOME, HOME, `${HOME}/x`, HOME, `${HOME}/x`] }] },
  { cmd: 'cd /tmp; echo $PWD ~+', commands: [{ argv: ['cd', '/tmp'] }, { argv: ['echo', '/tmp', '/tmp'] }] },
  { cmd: 'echo ~root ~root/x ~-', commands: [{ argv: ['echo', '$…', '$…/x', '$…'] }] },
  { cmd: "echo '$HOME' '~'", commands: [{ argv: ['echo', '$HOME', HOME] }] },
  { cmd: 'HOME=/tmp/h; echo ~ $HOME ~/x; cd; pwd', commands: [{ argv: ['echo', '/tmp/h', '/tmp/h', '/tmp/h/x'] }, { argv: ['cd'] }, { argv: ['pwd'], cwd: '/tmp/h' }] },
  { cmd: 'PWD=/x; echo $PWD; cd /tmp; echo $PWD', commands: [{ argv: ['echo', '/x'] }, { argv: ['cd', '/tmp'] }, { argv: ['echo', '/tmp'] }] },
  { cmd: 'echo \u0002HOME\u0002 \u00010\u0001', commands: [{ argv: ['echo', '\uFFFDHOME\uFFFD', '\uFFFD0\uFFFD'] }] },
  { cmd: 'echo ${X:-d} $1 $@ $# $?', commands: [{ argv: ['echo', '$…', '$…', '$…', '$…', '$…'] }] },
  { cmd: 'echo a$(b)c', commands: [{ argv: ['b'] }, { argv: ['echo', 'a$…c'] }] },
  { cmd: 'X=$(pwd); echo $X/y', commands: [{ argv: ['pwd'] }, { argv: ['echo', '$…/y'] }] },
  { cmd: 'echo $"/"', commands: [{ argv: ['echo', '/'] }] },
  { cmd: "bash -c 'echo $X' ; X=1", commands: [{ argv: ['bash', '-c', 'echo $X'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'echo {a,b}{1,2} x{1..3} \\{c,d\\} "{e,f}"', commands: [{ argv: ['echo', 'a1', 'a2', 'b1', 'b2', 'x1', 'x2', 'x3', '{c,d}', '{e,f}'] }] },
  { cmd: '{rm,-rf,x}', commands: [{ argv: ['rm', '-rf', 'x'] }] },
  { cmd: 'echo {1..100000}', commands: [{ argv: ['echo', '$…'] }] },
];

const stdin: Row[] = [
  { cmd: 'cat <<EOF > notes.md\nrm x\n$HOME\nEOF', commands: [{ argv: ['cat'], stdin: { kind: 'heredoc', text: 'rm x\n$HOME', quoted: false } }] },
  { cmd: "cat <<'EOF'\n$(rm x)\nEOF", commands: [{ argv: ['cat'], stdin: { kind: 'heredoc', text: '$(rm x)', quoted: true } }] },
  { cmd: 'cat <<EOF\na $(rm x) `ls`\nEOF', commands: [{ argv: ['rm', 'x'], via: ['$(…)'] }, { argv: ['ls'] }, { argv: ['cat'], stdin: { kind: 'heredoc', text: 'a $… $…', quoted: false } }] },
  { cmd: 'cat <<-EOF\n\tindented\n\tEOF\nls', commands: [{ argv: ['cat'], stdin: { kind: 'heredoc', text: '\tindented', quoted: false } }, { argv: ['ls'] }] },
  { cmd: 'cat <<A <<B\na\nA\nb\nB', commands: [{ argv: ['cat'], stdin: { kind: 'heredoc', text: 'b', quoted: false } }] },
  { cmd: 'bash <<EOF\nrm x\nEOF', commands: [{ argv: ['bash'] }, { argv: ['rm', 'x'], via: ['bash <<'] }] },
  { cmd: "bash <<'EOF'\necho $HOME\nEOF", commands: [{ argv: ['bash'] }, { argv: ['echo', HOME], via: ['bash <<'] }] },
  { cmd: "sh <<< 'rm x'", commands: [{ argv: ['sh'], stdin: { kind: 'herestring', text: 'rm x' } }, { argv: ['rm', 'x'], via: ['sh <<'] }] },
  { cmd: 'cat <<< x\nrm y', commands: [{ argv: ['cat'], stdin: { kind: 'herestring', text: 'x' } }, { argv: ['rm', 'y'] }] },
  { cmd: 'cat < in.txt', commands: [{ argv: ['cat'], stdin: { kind: 'file', path: 'in.txt' } }] },
  { cmd: 'cat <<EOF | sh\nls\nEOF', commands: [{ argv: ['cat'] }, { argv: ['sh'], stdin: { kind: 'pipe', from: 'cat', text: 'ls' } }, { argv: ['ls'], via: ['cat | sh'] }] },
  { cmd: "printf 'rm %s\\n' x | sh", commands: [{ argv: ['printf', 'rm %s\\n', 'x'] }, { argv: ['sh'] }, { argv: ['rm', 'x'], via: ['printf | sh'] }] },
];

const nested = (open: string, close: string, n: number): string => `echo ${open.repeat(n)}x${close.repeat(n)}`;

const bounds: Row[] = [
  { cmd: 'echo $(ls', commands: [{ argv: ['ls'] }, { argv: ['echo', '$…'] }], bounds: ['unterminated or too deeply nested substitution'] },
  { cmd: 'echo `ls', commands: [{ argv: ['ls'] }, { argv: ['echo', '$…'] }], bounds: ['unterminated or too deeply nested substitution'] },
  { cmd: 'diff <(ls', bounds: ['unterminated or too deeply nested substitution'] },
  { cmd: nested('$(', ')', LIMITS.maxDepth), bounds: [] },
  { cmd: nested('$(', ')', LIMITS.maxDepth + 1), bounds: ['nesting depth'] },
  { cmd: `${'eval '.repeat(LIMITS.maxDepth)}x`, bounds: [] },
  { cmd: `${'eval '.repeat(LIMITS.maxDepth + 1)}x`, bounds: ['nesting depth'] },
  { cmd: 'true;'.repeat(LIMITS.maxCommands + 1), bounds: ['too many commands'] },
  { cmd: `echo ${'x'.repeat(LIMITS.maxInput)}`, bounds: [`input longer than ${LIMITS.maxInput} characters`] },
];

const groups: Record<string, Row[]> = { simple, chains, comments, via, cwd, variables, stdin, bounds };
for (const [group, rows] of Object.entries(groups)) {
  for (const row of rows) {
    void test(`${group}: ${row.cmd.length > 80 ? `${row.cmd.slice(0, 60)}… (${row.cmd.length} characters)` : row.cmd}`, () => check(row));
  }
}

// Hostile input: always an answer, quickly, never an exception; a bound whenever not all was read.

const M = LIMITS.maxInput;
const fill = (unit: string, size = M + 1): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const hostile: { name: string; cmd: string; bound: boolean }[] = [
  { name: '1 MiB + 1 of words', cmd: fill('a '), bound: true },
  { name: '1 MiB + 1 of newlines', cmd: fill('ls\n'), bound: true },
  { name: '1 MiB + 1 of comments', cmd: fill('# x\n'), bound: true },
  { name: '1 MiB + 1 of heredocs', cmd: fill('cat <<E\nx\nE\n'), bound: true },
  { name: '1 MiB + 1 of quotes', cmd: fill(`"a" 'b' `), bound: true },
  { name: '1 MiB + 1 of brace groups', cmd: fill('{a,b} '), bound: true },
  { name: '1 MiB + 1 of sudo', cmd: fill('sudo '), bound: true },
  { name: '1 MiB of eval eval …', cmd: `${fill('eval ', M - 10)} x`, bound: true },
  { name: '1 MiB of rm chains', cmd: fill('rm -rf /tmp/x; ', M - 1), bound: true },
  { name: '10,000 nested $( without a close', cmd: '$('.repeat(10_000), bound: true },
  { name: '10,000 nested $( balanced', cmd: nested('$(', ')', 10_000), bound: true },
  { name: '10,000 nested backquotes', cmd: '`'.repeat(10_000), bound: false },
  { name: '10,000 nested ( subshells', cmd: `${'('.repeat(10_000)}ls${')'.repeat(10_000)}`, bound: false },
  { name: '10,000 nested bash -c quotes', cmd: `${"bash -c '".repeat(10_000)}ls`, bound: false },
  { name: 'NUL bytes', cmd: 'ls\u0000; rm\u0000 -rf /\u0000', bound: false },
  { name: 'invalid UTF-8', cmd: Buffer.from([0x72, 0x6d, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x0a, 0x6c, 0x73]).toString('utf8'), bound: false },
  { name: 'lone surrogates', cmd: 'echo \ud800 \udfff', bound: false },
  { name: 'binary garbage', cmd: Array.from({ length: 1 << 16 }, (_, i) => String.fromCharCode((i * 7919) % 0x10000)).join(''), bound: true },
  { name: 'only operators', cmd: ';;; ||| &&& ((( ))) <<<<<< >>>> |& <( >(', bound: true },
  { name: 'unterminated quotes', cmd: `echo "a 'b \`c $(d`, bound: true },
];

for (const h of hostile) {
  void test(`hostile: ${h.name}`, () => {
    const started = performance.now();
    const a = run(h.cmd);
    const ms = performance.now() - started;
    assert.ok(ms < 2000, `${h.name} took ${ms.toFixed(0)} ms`);
    if (h.bound) assert.notDeepEqual(a.bounds, [], `${h.name}: expected a bound`);
  });
}

void test('hostile: a 1,000-stage pipeline is 1,000 commands, each reading the one before', () => {
  const a = run(Array.from({ length: 1000 }, (_, i) => `p${i}`).join(' | '));
  assert.equal(a.commands.length, 1000);
  assert.deepEqual(a.bounds, []);
  assert.deepEqual(a.commands[999]?.stdin, { kind: 'pipe', from: 'p998' });
});

void test('hostile: a bound is in the trace as well', () => {
  const a = run('echo $(ls');
  assert.ok(a.trace.some((t) => t.kind === 'bound'));
});
