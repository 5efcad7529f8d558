// fs/delete-outside-project: deleting or wiping files outside the project (/home/agent/proj) and
// the scratch directories (/tmp, /var/tmp, macOS $TMPDIR under /var/folders, ~/.cache and other
// tool caches) asks: rm, unlink, rmdir, find -delete or -exec rm, rsync --delete, shred, truncate
// to a smaller size.

import { test } from 'node:test';
import { assertBlocked, assertNotRaised, nameOf, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/delete-outside-project';
const elsewhere = { projectDir: '/srv/app', cwd: '/srv/app' };
const scratchPolicy = { policy: 'allow:\n  paths: [/srv/scratch]\n' };

const valid: Valid[] = [
  // Inside the project.
  { cmd: 'rm build/app.o' },
  { cmd: 'rm -rf ./dist node_modules' },
  { cmd: 'rm -rf ~/proj/build' },
  { cmd: 'rm -f "$HOME/proj/.env.test"' },
  { cmd: 'unlink ./socket' },
  { cmd: "find . -name '*.pyc' -delete" },
  { cmd: 'find build -delete' },
  { cmd: 'shred -u ./secret.txt' },
  { cmd: 'truncate -s 0 ./app.log' },
  { cmd: 'rm -rf ../generated', note: 'from src, still in the project', opts: { cwd: '/home/agent/proj/src' } },
  { cmd: 'rm /srv/app/tmp.txt', note: 'a project outside home', opts: elsewhere },
  // Scratch directories.
  { cmd: 'rm /tmp/x' },
  { cmd: 'rm -rf /tmp/build-123' },
  { cmd: 'rm -rf /var/tmp/x' },
  { cmd: 'rm -rf /private/tmp/x' },
  { cmd: 'rm -rf /var/folders/ab/c1d2/T/tmp.Xyz' },
  { cmd: 'rm -rf ~/.cache/pip' },
  { cmd: 'rm -rf ~/.cache' },
  { cmd: 'rm -rf ~/Library/Caches/com.example' },
  { cmd: 'rm -rf ~/.npm/_cacache' },
  { cmd: 'rm -rf ~/.gradle/caches/8.5' },
  { cmd: 'rm -rf ~/.cargo/registry/cache' },
  { cmd: 'rmdir /tmp/empty' },
  { cmd: "find . -name '*.tmp' -exec rm -r --force {} \\;", note: 'narrowed, inside the project' },
  { cmd: 'find . -name node_modules -prune -exec rm -rf {} +' },
  { cmd: 'find ./build -exec rm -f {} +' },
  { cmd: 'rsync -a --delete ./build/ ./public/', note: 'inside the project' },
  { cmd: 'rsync -a --delete /tmp/out/ /tmp/mirror/' },
  { cmd: 'rsync -av --delete ./dist/ deploy@host:/var/www/', note: 'a remote destination' },
  { cmd: 'rsync -an --delete ./dist/ /srv/www/', note: 'dry run' },
  { cmd: 'rsync -a ./dist/ /srv/www/', note: 'no --delete' },
  { cmd: "find /tmp -name 'warden-*' -delete" },
  { cmd: 'find ~/.cache -delete' },
  { cmd: 'shred /tmp/key.pem' },
  { cmd: 'D=/tmp/w; rm -rf $D/x' },
  { cmd: 'rm -rf /srv/scratch/run-1', note: 'allow.paths', opts: scratchPolicy },
  // Not destroying anything.
  { cmd: 'truncate -s +10M /srv/disk.img', note: 'grows the file' },
  { cmd: "truncate -s '>1G' /srv/disk.img", note: 'at least: never shrinks' },
  { cmd: 'mv ~/x /tmp/x' },
  { cmd: 'rm -rf ~/.npmrc.d', note: 'strict preset: inside the project only', opts: { projectDir: '/home/agent' } },
  { cmd: 'ls -la ~/.bashrc /etc/hosts' },
  { cmd: 'cat /etc/hosts' },
  { cmd: "find / -name '*.conf' -print" },
  { cmd: 'git rm --cached src/x.ts' },
  { cmd: 'rm -f $F', note: 'one file of a name warden cannot know: not a tree' },
  { cmd: '$EDITOR ~/.bashrc', note: 'a program warden cannot name, without -r/-f' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "rm ~/.bashrc"' },
  { cmd: "printf 'shred -u /etc/passwd\\n'" },
  { cmd: 'grep -rn "truncate -s 0 /var/log" .' },
  { cmd: 'git commit -m "never rm ~/.zshrc or rsync --delete to ~"' },
  { cmd: 'ls # rm ~/.bashrc' },
  { cmd: 'cat <<EOF > notes.md\nrm -rf /srv/data\nfind ~ -delete\nEOF' },
  { cmd: "echo 'rsync -a --delete /tmp/empty/ /srv/data/' >> notes.md" },
];

const invalid: Invalid[] = [
  // rm and unlink.
  { cmd: 'rm ~/.bashrc', ruleId: R, messageId: 'rm' },
  { cmd: 'rm /etc/hosts', note: 'not -r/-f: fs/rm-critical does not look at it', ruleId: R, messageId: 'rm' },
  { cmd: 'rm -f ~/Downloads/x.zip', ruleId: R },
  { cmd: 'rm -rf ~/Downloads', ruleId: R },
  { cmd: 'rm -rf ../sibling', ruleId: R },
  { cmd: 'rm -r /srv/data', ruleId: R },
  { cmd: 'rm -rf /usr/local/lib/node_modules/x', ruleId: R },
  { cmd: 'unlink ~/x', ruleId: R, messageId: 'rm' },
  { cmd: 'rmdir /srv/somedir', ruleId: R, messageId: 'rm' },
  { cmd: 'rm -rf ~/.npm', note: 'more than the cache', ruleId: R, messageId: 'rm' },
  { cmd: 'rm ~/x', note: 'a project outside home', ruleId: R, opts: elsewhere },
  { cmd: '$RM -rf /srv/x', note: 'a program warden cannot name, with -rf', ruleId: R },
  { cmd: 'rm -rf /srv/other', note: 'outside allow.paths', ruleId: R, opts: scratchPolicy },
  // Unknown parts: judged by the known prefix.
  { cmd: 'rm /srv/$X', ruleId: R, messageId: 'rm' },
  { cmd: 'rm -rf /srv/data/$X', note: 'bounded, so not fs/rm-unresolved’s', ruleId: R },
  { cmd: 'rm ~/Downloads/"$(ls ~/Downloads | head -1)"', ruleId: R },
  // find -delete and -exec rm.
  { cmd: "find ~ -name '*.pyc' -delete", ruleId: R, messageId: 'find' },
  { cmd: 'find /srv/data -name x -delete', ruleId: R, messageId: 'find' },
  { cmd: 'find /srv/data -delete', ruleId: R, messageId: 'find' },
  { cmd: "find .. -name '*.o' -delete", note: 'from the project: its parent is home', ruleId: R, messageId: 'find' },
  { cmd: 'find "$DIR" -delete', ruleId: R, messageId: 'find' },
  { cmd: "find ~/Downloads -name '*.tmp' -exec rm {} \\;", ruleId: R, messageId: 'find' },
  { cmd: "find / -name core -exec rm -rf {} \\;", note: 'narrowed, from the root', ruleId: R, messageId: 'find' },
  { cmd: "find ~ -maxdepth 1 -name 'tmp*' -execdir rm -rf {} +", ruleId: R, messageId: 'find' },
  { cmd: 'find /srv/data -type f -exec shred -u {} +', ruleId: R, messageId: 'find' },
  { cmd: 'find "$DIR" -exec rm {} +', ruleId: R, messageId: 'find' },
  // rsync --delete into a directory outside the project.
  { cmd: 'rsync -a --delete ./dist/ /srv/www/', ruleId: R, messageId: 'rsync' },
  { cmd: 'rsync -a --delete-after ./dist/ ~/www', ruleId: R, messageId: 'rsync' },
  { cmd: 'rsync -a --del --exclude .git ./ /srv/mirror', ruleId: R, messageId: 'rsync' },
  { cmd: 'rsync -a --delete --exclude-from ./ignore ./ /srv/mirror', note: 'a value option before the operands', ruleId: R, messageId: 'rsync' },
  { cmd: 'rsync -a --delete ./dist/ "$DEST"', ruleId: R, messageId: 'rsync' },
  // shred and truncate.
  { cmd: 'shred ~/notes.txt', ruleId: R, messageId: 'shred' },
  { cmd: 'shred -u -n 3 /etc/passwd', ruleId: R, messageId: 'shred' },
  { cmd: 'truncate -s 0 /var/log/syslog', ruleId: R, messageId: 'truncate' },
  { cmd: 'truncate -s0 ~/.bash_history', ruleId: R, messageId: 'truncate' },
  { cmd: 'truncate --size=10 /srv/x', ruleId: R, messageId: 'truncate' },
  { cmd: 'truncate -c -s 1K ~/x.log', ruleId: R, messageId: 'truncate' },
  { cmd: 'truncate -r ./empty /srv/x', ruleId: R, messageId: 'truncate' },
  // cd, wrappers, quoting, nesting.
  { cmd: 'cd ~ && rm .bashrc', ruleId: R },
  { cmd: 'cd /etc && sudo rm hosts', ruleId: R },
  { cmd: 'env -C /srv rm x', ruleId: R },
  { cmd: 'sudo rm /etc/hosts', ruleId: R },
  { cmd: 'rm ~/"notes.txt"', ruleId: R },
  { cmd: "r''m ~/.bashrc", ruleId: R },
  { cmd: '\\rm ~/.profile', ruleId: R },
  { cmd: '/bin/rm ~/.profile', ruleId: R },
  { cmd: "bash -c 'rm ~/.bashrc'", ruleId: R },
  { cmd: 'echo $(rm ~/.zshrc)', ruleId: R },
  { cmd: 'bash <<EOF\nrm ~/.bashrc\nEOF', ruleId: R },
  { cmd: "echo 'rm ~/.bashrc' | sh", ruleId: R },
  { cmd: 'ls; rm ~/.bashrc', ruleId: R },
  { cmd: 'timeout 5 shred ~/x', ruleId: R },
  { cmd: 'rm ~/.bashrc', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
  // On another host or in a container the cwd is unknown, but an absolute path is still that path.
  { cmd: "ssh host 'rm -rf /srv/app/releases/old'", ruleId: R },
  { cmd: "ssh host 'rm -rf ~/old-release'", note: '~ is the remote home', ruleId: R },
  { cmd: 'docker exec web rm -rf /app/node_modules', ruleId: R },
  { cmd: 'cd "$X" && rm /srv/data/x.db', ruleId: R },
];

/** Other rules own these targets; this one stays quiet (one finding per target). */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'rm -rf ~', by: 'fs/rm-critical' },
  { cmd: 'rm -f /etc/hosts', by: 'fs/rm-critical' },
  { cmd: 'rm -rf ..', by: 'fs/rm-critical' },
  { cmd: 'rm -rf ..', note: 'a project two levels down', opts: { projectDir: '/home/agent/code/proj', cwd: '/home/agent/code/proj' }, by: 'fs/rm-project-root' },
  { cmd: 'rm -rf ~/.ssh', by: 'fs/rm-protected-path' },
  { cmd: 'shred -u ~/.ssh/id_rsa', by: 'fs/rm-protected-path' },
  { cmd: 'rm -rf $X', by: 'fs/rm-unresolved' },
  { cmd: 'rm -rf /srv/$X', by: 'fs/rm-unresolved' },
  { cmd: 'find / -delete', by: 'fs/find-delete-critical' },
  { cmd: 'find ~ -type f -delete', by: 'fs/find-delete-critical' },
  { cmd: 'shred /dev/sda', by: 'disk/wipe' },
  { cmd: 'mv ~/x /dev/null', by: 'fs/mv-to-device' },
  { cmd: 'rsync -a --delete /tmp/empty/ ~/', by: 'fs/rm-critical' },
  { cmd: 'find .. -delete', note: 'a project two levels down', opts: { projectDir: '/home/agent/code/proj', cwd: '/home/agent/code/proj' }, by: 'fs/rm-project-root' },
];

tableTests(valid, invalid, 'ask');
for (const c of heldElsewhere) {
  void test(`${nameOf(c)}  [held by ${c.by}]`, () => {
    if (c.by !== R) assertNotRaised(c.cmd, R, c.opts);
    assertBlocked(c.cmd, c.by, c.opts);
  });
}
