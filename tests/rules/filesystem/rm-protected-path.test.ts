// fs/rm-protected-path: deleting or wiping a path under `protected.paths` (by default ~/.ssh,
// ~/.gnupg, ~/.aws, ~/.kube, ~/.config/gcloud, ~/.claude), or a directory containing one. Any rm
// counts, recursive or not, and so do unlink, shred, truncate, find -delete or -exec rm, and
// rsync --delete.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, assertNotRaised, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/rm-protected-path';
const dataPolicy = { policy: 'protected:\n  paths: [/srv/data/db, ~/notes]\n' };

const valid: Valid[] = [
  { cmd: 'rm -rf ~/.cache' },
  { cmd: 'rm -rf ~/proj/.ssh-fixtures' },
  { cmd: 'rm -rf /tmp/.ssh' },
  { cmd: 'ls -la ~/.ssh' },
  { cmd: 'cat ~/.ssh/id_ed25519.pub' },
  { cmd: 'cp ~/.aws/config /tmp/aws-config' },
  { cmd: 'truncate -s +1K ~/.ssh/known_hosts', note: 'grows: nothing lost' },
  { cmd: 'echo "rm -rf ~/.ssh"' },
  { cmd: 'git commit -m "do not rm ~/.aws/credentials"' },
];

/** Not protected, but outside the project: another rule asks. */
const heldElsewhere: (Valid & { by: string })[] = [
  { cmd: 'rm ~/.bash_history', by: 'fs/delete-outside-project' },
  { cmd: 'rm -rf ~/.sshx', by: 'fs/delete-outside-project' },
  { cmd: 'rm -rf /srv/data/cache', opts: dataPolicy, by: 'fs/delete-outside-project' },
  { cmd: 'rm -rf ~/.ssh', note: 'the user policy replaced the default list', opts: dataPolicy, by: 'fs/delete-outside-project' },
  { cmd: 'rm ~/.ss$X', note: 'the known prefix names no protected directory', by: 'fs/delete-outside-project' },
  { cmd: "find ~/.config -name '*.log' -delete", note: 'narrowed under a directory containing one', by: 'fs/delete-outside-project' },
];

const invalid: Invalid[] = [
  { cmd: 'rm -rf ~/.ssh', ruleId: R, messageId: 'protected' },
  { cmd: 'rm -rf ~/.ssh/', ruleId: R },
  { cmd: 'rm ~/.ssh/id_rsa', ruleId: R },
  { cmd: 'rm -f ~/.aws/credentials', ruleId: R },
  { cmd: 'rm -rf ~/.config/gcloud', ruleId: R },
  { cmd: 'rm -rf ~/.config', note: 'contains ~/.config/gcloud', ruleId: R },
  { cmd: 'rm -rf $HOME/.gnupg', ruleId: R },
  { cmd: 'rm -rf "${HOME}/.kube"', ruleId: R },
  { cmd: 'rm -rf /home/agent/.claude/settings.json', ruleId: R },
  { cmd: 'rm -rf ~/{.ssh,.aws}', ruleId: R },
  { cmd: 'cd ~ && rm -rf .ssh', ruleId: R },
  { cmd: 'cd ~/.kube && rm config', ruleId: R },
  { cmd: 'K=~/.kube; rm -r $K', ruleId: R },
  { cmd: 'sudo rm -rf ~/.ssh', ruleId: R },
  { cmd: "bash -c 'rm -rf ~/.aws'", ruleId: R },
  { cmd: 'echo $(rm ~/.ssh/known_hosts)', ruleId: R },
  { cmd: 'find . -name x | xargs rm ~/.ssh/config', ruleId: R },
  // Other ways to destroy a file, and unknown names inside a protected directory.
  { cmd: 'unlink ~/.ssh/id_ed25519', ruleId: R },
  { cmd: 'shred -u ~/.ssh/id_rsa', ruleId: R },
  { cmd: 'truncate -s 0 ~/.aws/credentials', ruleId: R },
  { cmd: 'find ~/.ssh -delete', ruleId: R },
  { cmd: 'find ~/.ssh -name "id_*" -delete', note: 'narrowed, but inside the protected directory', ruleId: R },
  { cmd: 'find ~/.config -delete', note: 'contains ~/.config/gcloud', ruleId: R },
  { cmd: 'rm -rf ~/.ssh/$X', ruleId: R },
  { cmd: 'rm ~/.aws/"$(ls ~/.aws | head -1)"', ruleId: R },
  { cmd: 'find ~/.ssh -type f -exec rm {} +', ruleId: R },
  { cmd: 'cd ~/.aws && shred credentials', ruleId: R },
  { cmd: 'rsync -a --delete /tmp/empty/ ~/.ssh/', ruleId: R },
  { cmd: 'rm -rf /srv/data/db', note: 'protected by the user policy', ruleId: R, opts: dataPolicy },
  { cmd: 'rm /srv/data/db/main.sqlite', note: 'inside a path protected by the user policy', ruleId: R, opts: dataPolicy },
  { cmd: 'rm -rf /srv/data', note: 'contains a path protected by the user policy', ruleId: R, opts: dataPolicy },
  { cmd: 'rm -rf ~/notes', note: '~ in the user policy', ruleId: R, opts: dataPolicy },
  {
    cmd: 'rm -rf /srv/backups/x',
    note: 'protected by the project policy',
    ruleId: R,
    opts: { projectPolicy: 'protected:\n  paths: [/srv/backups]\n' },
  },
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
