// fs/rm-critical: recursive or forced deletion of `/`, top-level and system directories, the home
// directory or a directory containing it, or everything in one of them. Home is /home/agent, the
// project /home/agent/proj (tests/helpers.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAllowed, assertBlocked, assertNotRaised, decisionFor, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/rm-critical';

const valid: Valid[] = [
  { cmd: 'rm -rf ./build' },
  { cmd: 'rm -rf build dist' },
  { cmd: 'rm -rf node_modules' },
  { cmd: 'rm -rf /tmp/foo' },
  { cmd: 'rm -rf /tmp/foo/*' },
  { cmd: 'rm -rf ~/proj/dist' },
  { cmd: 'rm -rf "$HOME/proj/build"' },
  { cmd: 'rm notes.txt' },
  { cmd: 'rm -r dist/' },
  { cmd: 'X=/tmp/foo; rm -rf $X' },
  { cmd: 'cd /tmp && rm -rf foo' },
  { cmd: '(cd /); rm -rf usr', note: 'the subshell cd does not leak' },
  { cmd: 'bash -c "cd /"; rm -rf etc', note: 'nor does a nested shell' },
  { cmd: 'command -v rm' },
  { cmd: 'rsync -a /tmp/x/ ~/x/', note: 'no --delete' },
  { cmd: 'rsync -an --delete /tmp/empty/ /', note: 'dry run' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "rm -rf /"' },
  { cmd: "printf 'rm -rf /\\n'" },
  { cmd: 'echo rm -rf / > notes.md' },
  { cmd: 'grep -rn "rm -rf /" .' },
  { cmd: 'git commit -m "never rm -rf / or ~"' },
  { cmd: 'ls # rm -rf /' },
  { cmd: 'ls; # rm -rf ~' },
  { cmd: "echo '$(rm -rf /)'" },
  { cmd: "echo '`rm -rf ~`'" },
  { cmd: 'cat <<EOF > notes.md\nrm -rf /\nrm -rf ~\nEOF' },
  { cmd: "cat <<'EOF' > notes.md\n$(rm -rf ~)\nEOF" },
  { cmd: 'echo "rm -rf /" | grep rm' },
  { cmd: 'echo "{rm,-rf,/}"' },
  { cmd: 'HOME=/tmp/h; rm -rf ~/x', note: 'home reassigned to a scratch directory' },
];

/** Not this rule's, but held by another: deeper system paths are outside the project. */
const heldElsewhere: (Valid & { by: string })[] = [{ cmd: 'rm -rf /usr/local/lib/node_modules/some-pkg', by: 'fs/delete-outside-project' }];

const invalid: Invalid[] = [
  // Plain spellings and flag combinations.
  { cmd: 'rm -rf /', ruleId: R, messageId: 'critical' },
  { cmd: 'rm -fr /', ruleId: R },
  { cmd: 'rm -r -f /', ruleId: R },
  { cmd: 'rm -Rf /', ruleId: R },
  { cmd: 'rm -r /', ruleId: R },
  { cmd: 'rm -f /', ruleId: R },
  { cmd: 'rm --recursive --force /', ruleId: R },
  { cmd: 'rm --rec --forc /', ruleId: R },
  { cmd: 'rm -rf --no-preserve-root /', ruleId: R },
  { cmd: 'rm -rf -- /', ruleId: R },
  { cmd: 'rm -rf /*', ruleId: R },
  // Run on another host, in a container, or after a cd warden cannot follow: still absolute.
  { cmd: "ssh host 'rm -rf /'", ruleId: R },
  { cmd: "ssh -p 2222 deploy@host 'sudo rm -rf /var/lib'", ruleId: R },
  { cmd: "ssh host 'rm -rf ~'", note: 'the remote home', ruleId: R },
  { cmd: 'ssh host rm -rf "~/"', ruleId: R },
  { cmd: "ssh host 'cd /tmp; rm -rf /etc'", ruleId: R },
  { cmd: 'kubectl exec pod -- rm -rf /usr', ruleId: R },
  { cmd: 'docker exec web rm -rf /', ruleId: R },
  { cmd: 'cd "$DIR" && rm -rf /etc', ruleId: R },
  { cmd: 'rm -rf //', ruleId: R },
  { cmd: 'rm -rf /./', ruleId: R },
  { cmd: 'rm -rf /tmp/..', ruleId: R },
  { cmd: 'rm -rf ./build /', ruleId: R },
  { cmd: 'rm -rf /usr', ruleId: R },
  { cmd: 'rm -rf /etc/', ruleId: R },
  { cmd: 'rm -rf /usr/local', ruleId: R },
  { cmd: 'rm -rf /var/lib', ruleId: R },
  { cmd: 'rm -rf /opt/homebrew', ruleId: R },
  { cmd: 'rm -rf /home', ruleId: R },
  { cmd: 'rm -rf /System', ruleId: R },
  // rsync --delete empties its destination of what the source lacks.
  { cmd: 'rsync -a --delete /tmp/empty/ /', ruleId: R },
  { cmd: 'rsync -a --delete /tmp/empty/ /home/agent/', ruleId: R },
  { cmd: 'rsync -aH --delete-after ./x/ ~', ruleId: R },
  { cmd: 'rsync -a --del ./etc/ /etc', ruleId: R },
  // Home: ~, $HOME, ${HOME}, and everything in it.
  { cmd: 'rm -rf ~', ruleId: R },
  { cmd: 'rm -rf ~/', ruleId: R },
  { cmd: 'rm -rf ~/*', ruleId: R },
  { cmd: 'rm -rf ~/.*', ruleId: R },
  { cmd: 'rm -rf $HOME', ruleId: R },
  { cmd: 'rm -rf "$HOME"', ruleId: R },
  { cmd: 'rm -rf ${HOME}', ruleId: R },
  { cmd: 'rm -rf "${HOME}/"', ruleId: R },
  { cmd: 'rm -rf $HOME/..', ruleId: R },
  { cmd: 'rm -rf /home/agent/', ruleId: R },
  { cmd: 'rm -rf /Users/me', note: 'a macOS home', ruleId: R, opts: { home: '/Users/me', projectDir: '/Users/me/code/proj' } },
  // Variables, cd and the cwd.
  { cmd: 'X=/; rm -rf $X', ruleId: R },
  { cmd: 'X=/usr; rm -rf "$X"', ruleId: R },
  { cmd: 'export D=/etc; rm -rf $D', ruleId: R },
  { cmd: 'X=~; Y=$X; rm -rf $Y', ruleId: R },
  { cmd: 'cd / && rm -rf *', ruleId: R },
  { cmd: 'cd / && rm -rf usr', ruleId: R },
  { cmd: 'cd /; rm -rf ./etc', ruleId: R },
  { cmd: 'cd && rm -rf *', ruleId: R },
  { cmd: 'cd ~ && rm -rf ./*', ruleId: R },
  { cmd: 'cd ../.. && rm -rf agent', ruleId: R },
  { cmd: 'pushd / && rm -rf var', ruleId: R },
  { cmd: 'rm -rf ..', note: 'the project is directly in home', ruleId: R },
  { cmd: '(cd / && rm -rf etc)', ruleId: R },
  { cmd: 'env -C / rm -rf usr', ruleId: R },
  { cmd: 'sudo -D / rm -rf etc', ruleId: R },
  // Wrappers, quoting, paths to the binary.
  { cmd: 'sudo rm -rf /', ruleId: R },
  { cmd: 'sudo -u root rm -rf /', ruleId: R },
  { cmd: 'sudo -Eu root rm -rf /', ruleId: R },
  { cmd: 'env X=1 rm -rf /', ruleId: R },
  { cmd: 'env - rm -rf /', ruleId: R },
  { cmd: "env -S 'rm -rf /'", ruleId: R },
  { cmd: 'timeout 5 rm -rf /', ruleId: R },
  { cmd: 'nice -n 5 rm -rf /', ruleId: R },
  { cmd: 'command rm -rf /', ruleId: R },
  { cmd: 'exec rm -rf ~', ruleId: R },
  { cmd: '/bin/rm -rf /', ruleId: R },
  { cmd: '/usr/bin/rm -rf /usr', ruleId: R },
  { cmd: "r''m -rf /", ruleId: R },
  { cmd: '"rm" -rf /', ruleId: R },
  { cmd: '\\rm -rf /', ruleId: R },
  { cmd: "rm -rf '/'", ruleId: R },
  { cmd: 'rm "-rf" "/"', ruleId: R },
  { cmd: '$(echo rm) -rf /', ruleId: R },
  { cmd: '$RM -rf ~', note: 'a program warden cannot name is read as rm', ruleId: R },
  { cmd: '{rm,-rf,/}', ruleId: R },
  { cmd: 'rm -rf ~/{a,.}', ruleId: R },
  { cmd: 'rm -rf $"/"', ruleId: R },
  { cmd: 'rm -rf ~/.[!.]*', ruleId: R },
  { cmd: 'HOME=/; rm -rf $HOME/usr', ruleId: R },
  { cmd: 'HOME=/ && cd && rm -rf etc', ruleId: R },
  // Nested shells, substitutions, eval, heredocs, pipes into a shell.
  { cmd: "bash -c 'rm -rf /'", ruleId: R },
  { cmd: 'sh -c "rm -rf ~"', ruleId: R },
  { cmd: "bash -c \"bash -c 'rm -rf /'\"", ruleId: R },
  { cmd: 'echo $(rm -rf /)', ruleId: R },
  { cmd: 'echo "$(rm -rf ~)"', ruleId: R },
  { cmd: 'echo `rm -rf ~`', ruleId: R },
  { cmd: 'diff <(rm -rf /) x', ruleId: R },
  { cmd: 'eval "rm -rf /"', ruleId: R },
  { cmd: 'eval rm -rf /', ruleId: R },
  { cmd: "su -c 'rm -rf /'", ruleId: R },
  { cmd: "su - root --command='rm -rf ~'", ruleId: R },
  { cmd: '$SHELL -c "rm -rf /"', ruleId: R },
  { cmd: "rm -rf $'\\x2f'", ruleId: R },
  { cmd: 'bash <<EOF\nrm -rf /\nEOF', ruleId: R },
  { cmd: "bash <<'EOF'\nrm -rf ~\nEOF", ruleId: R },
  { cmd: "sh <<< 'rm -rf /'", ruleId: R },
  { cmd: "echo 'rm -rf /' | sh", ruleId: R },
  { cmd: "printf 'rm -rf %s\\n' / | bash", ruleId: R },
  { cmd: 'cat <<EOF | bash\nrm -rf ~\nEOF', ruleId: R },
  { cmd: 'cat > notes.md <<EOF\n$(rm -rf ~)\nEOF', ruleId: R },
  { cmd: "cat <<< x\nrm -rf /", ruleId: R },
  // Chains, newlines, groups.
  { cmd: 'echo ok\nrm -rf /', ruleId: R },
  { cmd: 'ls; rm -rf /', ruleId: R },
  { cmd: 'echo a#; rm -rf /', ruleId: R },
  { cmd: 'git commit -m fix#1 && rm -rf ~', ruleId: R },
  { cmd: 'true && rm -rf /', ruleId: R },
  { cmd: 'false || rm -rf /', ruleId: R },
  { cmd: 'rm -rf / | cat', ruleId: R },
  { cmd: 'rm -rf / &', ruleId: R },
  { cmd: '( rm -rf / )', ruleId: R },
  { cmd: '{ rm -rf /; }', ruleId: R },
  { cmd: 'if true; then rm -rf /; fi', ruleId: R },
  { cmd: 'ls \\\n  && rm -rf ~', ruleId: R },
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

void test('many targets in one command make one finding, which allow.paths lets through only if it covers them all', () => {
  const scratch = { policy: 'allow:\n  paths: [/opt/scratch]\n' };
  assertAllowed('rm -rf /opt/scratch /opt/scratch/a', scratch);
  assertBlocked('rm -rf /opt/scratch /opt/other', R, { ...scratch, action: 'deny' });
  const d = decisionFor(`rm -rf ${'/ '.repeat(100_000)}`);
  assert.equal(d.findings.filter((f) => f.ruleId === R).length, 1);
});
