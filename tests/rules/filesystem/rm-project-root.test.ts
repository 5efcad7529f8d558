// fs/rm-project-root: recursive deletion of the project root (/home/agent/proj), everything in it,
// a directory above it that is not already fs/rm-critical's (home and system directories), or a
// `.git` directory in it; by rm -r, an unnarrowed find -delete / -exec rm, or rsync --delete.

import { test } from 'node:test';
import { PROJECT, assertAllowed, assertBlocked, assertNotRaised, nameOf, type Invalid, type Valid } from '../../helpers.js';

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
  { cmd: 'rm -rf .git/hooks/pre-commit.sample', note: 'inside .git, not .git' },
  { cmd: 'rm .gitignore' },
  { cmd: "find . -name '*.orig' -delete", note: 'narrowed by name' },
  { cmd: 'find ./build -delete', note: 'a directory in the project' },
  { cmd: 'find . -maxdepth 1 -name "*.log" -exec rm {} +' },
  { cmd: 'rsync -a --delete ./src/ ./dist/', note: 'into a directory in the project' },
  { cmd: 'rsync -a --delete ./ /tmp/backup/', note: 'from the project, not into it' },
  { cmd: 'find . -type f -print', note: 'no deleting action' },
  { cmd: 'find . -empty -delete', note: 'only empty files and directories' },
];

/** Not this rule's (not the project nor a parent), but outside the project: another rule asks. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'rm -rf ../other-proj', by: 'fs/delete-outside-project' },
  { cmd: 'rm -rf proj-old', note: 'a sibling of the project', opts: { cwd: '/home/agent' }, by: 'fs/delete-outside-project' },
];

const invalid: Invalid[] = [
  { cmd: 'rm -rf .', ruleId: R, messageId: 'root' },
  // find and rsync --delete over the whole project, and the history.
  { cmd: 'find . -delete', ruleId: R, messageId: 'root' },
  { cmd: 'find -delete', note: 'no start path: the current directory', ruleId: R, messageId: 'root' },
  { cmd: 'find . -type f -delete', note: '-type does not narrow by name', ruleId: R, messageId: 'root' },
  { cmd: 'find . -mindepth 1 -exec rm -rf {} +', ruleId: R, messageId: 'root' },
  { cmd: 'find "$PWD" -delete', ruleId: R },
  { cmd: 'find .. -delete', note: 'a parent of the project', ruleId: R, opts: deep },
  { cmd: 'rsync -a --delete /tmp/empty/ ./', ruleId: R, messageId: 'root' },
  { cmd: 'rsync -a --delete-before ../template/ .', ruleId: R, messageId: 'root' },
  { cmd: 'rm -rf .git', ruleId: R, messageId: 'git' },
  { cmd: 'rm -rf ./.git', ruleId: R, messageId: 'git' },
  { cmd: 'rm -rf .git/*', ruleId: R, messageId: 'git' },
  { cmd: 'rm -r vendor/lib/.git', note: 'a nested repository', ruleId: R, messageId: 'git' },
  { cmd: 'rm -rf ../.git', note: 'from src', ruleId: R, messageId: 'git', opts: inSrc },
  { cmd: 'find .git -delete', ruleId: R, messageId: 'git' },
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
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'deny', messageId: c.messageId });
  });
}
