// fs/rm-project-root: recursive deletion of the project root (/home/agent/proj), everything in it,
// or a directory above it that is not already fs/rm-critical's (home and system directories).

import { test } from 'node:test';
import { PROJECT, assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/rm-project-root';
const inSrc = { cwd: `${PROJECT}/src` };
/** A project two levels below home, so that its parent is not the home directory. */
const deep = { projectDir: '/home/agent/code/proj', cwd: '/home/agent/code/proj' };

const valid: Valid[] = [
  { cmd: 'rm -rf ./build' },
  { cmd: 'rm -rf node_modules dist' },
  { cmd: 'rm -rf src/generated' },
  { cmd: 'rm -rf ./build/*' },
  { cmd: 'rm -rf /tmp/proj' },
  { cmd: 'rm -rf ../other-proj' },
  { cmd: 'rm -rf proj-old', note: 'a sibling of the project', opts: { cwd: '/home/agent' } },
  { cmd: 'rm -f ./*.log' },
  { cmd: 'rm -rf *.log' },
  { cmd: 'rm -rf build/[a-z]*' },
  { cmd: 'rm -f .', note: 'not recursive: rm refuses a directory' },
  { cmd: 'rm -rf ../generated', note: 'from src, a directory in the project', opts: inSrc },
  { cmd: 'git rm -r --cached .' },
  { cmd: 'echo "rm -rf ."' },
  { cmd: 'grep -rn "rm -rf \\*" .' },
  { cmd: 'git commit -m "rm -rf * cleans everything"' },
  { cmd: 'ls # rm -rf .' },
  { cmd: 'cat <<EOF > notes.md\nrm -rf *\nEOF' },
  { cmd: 'rm -rf ~/code/proj/dist', opts: deep },
];

const invalid: Invalid[] = [
  { cmd: 'rm -rf .', ruleId: R, messageId: 'root' },
  { cmd: 'rm -rf ./', ruleId: R },
  { cmd: 'rm -r .', ruleId: R },
  { cmd: 'rm -R ./', ruleId: R },
  { cmd: 'rm --recursive .', ruleId: R },
  { cmd: 'rm -rf *', ruleId: R },
  { cmd: 'rm -rf ./*', ruleId: R },
  { cmd: 'rm -rf .*', ruleId: R },
  { cmd: 'rm -rf * .*', ruleId: R },
  { cmd: 'rm -rf .[!.]*', note: 'every hidden entry, .git included', ruleId: R },
  { cmd: 'rm -rf [a-z]*', ruleId: R },
  { cmd: 'rm -rf "$PWD"', ruleId: R },
  { cmd: 'rm -rf $PWD/*', ruleId: R },
  { cmd: 'rm -rf ~+', ruleId: R },
  { cmd: 'rm -rf /home/agent/proj', ruleId: R },
  { cmd: 'rm -rf /home/agent/proj/', ruleId: R },
  { cmd: 'rm -rf ~/proj', ruleId: R },
  { cmd: 'rm -rf $HOME/proj', ruleId: R },
  { cmd: 'rm -rf ../proj', ruleId: R },
  { cmd: 'rm -rf ./build ../proj', ruleId: R },
  { cmd: 'rm -rf ~/{proj,tmp}', ruleId: R },
  { cmd: 'rm -rf ..', note: 'from src', ruleId: R, opts: inSrc },
  { cmd: 'rm -rf ../*', note: 'from src', ruleId: R, opts: inSrc },
  { cmd: 'cd src && rm -rf ..', ruleId: R },
  { cmd: 'cd .. && rm -rf proj', ruleId: R },
  { cmd: 'cd ..; rm -rf proj/', ruleId: R },
  { cmd: 'rm -rf proj', note: 'from home', ruleId: R, opts: { cwd: '/home/agent' } },
  { cmd: 'x=.; rm -rf $x', ruleId: R },
  { cmd: 'D=$PWD; cd /tmp && rm -rf "$D"', ruleId: R },
  { cmd: 'rm -rf ~/code', note: 'a parent of the project', ruleId: R, opts: deep },
  { cmd: 'rm -rf ..', note: 'a parent of the project', ruleId: R, opts: deep },
  { cmd: 'sudo rm -rf .', ruleId: R },
  { cmd: 'env -C .. rm -rf proj', ruleId: R },
  { cmd: "bash -c 'rm -rf *'", ruleId: R },
  { cmd: 'sh -c "cd .. && rm -rf proj"', ruleId: R },
  { cmd: 'echo $(rm -rf .)', ruleId: R },
  { cmd: 'eval "rm -rf ./*"', ruleId: R },
  { cmd: 'bash <<EOF\nrm -rf .\nEOF', ruleId: R },
  { cmd: 'git status\nrm -rf .', ruleId: R },
  { cmd: '( rm -rf . )', ruleId: R },
  { cmd: '{ rm -rf *; }', ruleId: R },
  { cmd: '\\rm -rf .', ruleId: R },
  { cmd: "r''m -rf ./", ruleId: R },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'deny', messageId: c.messageId });
  });
}
