// fs/rm-protected-path: deleting a path under `protected.paths` (by default ~/.ssh, ~/.gnupg, ~/.aws,
// ~/.kube, ~/.config/gcloud, ~/.claude), or a directory containing one. Any rm counts, recursive
// or not.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/rm-protected-path';
const dataPolicy = { policy: 'protected:\n  paths: [/srv/data/db, ~/notes]\n' };

const valid: Valid[] = [
  { cmd: 'rm -rf ~/.cache' },
  { cmd: 'rm ~/.bash_history' },
  { cmd: 'rm -rf ~/.sshx' },
  { cmd: 'rm -rf ~/proj/.ssh-fixtures' },
  { cmd: 'rm -rf /tmp/.ssh' },
  { cmd: 'ls -la ~/.ssh' },
  { cmd: 'cat ~/.ssh/id_ed25519.pub' },
  { cmd: 'cp ~/.aws/config /tmp/aws-config' },
  { cmd: 'echo "rm -rf ~/.ssh"' },
  { cmd: 'git commit -m "do not rm ~/.aws/credentials"' },
  { cmd: 'rm -rf /srv/data/cache', opts: dataPolicy },
  { cmd: 'rm -rf ~/.ssh', note: 'the user policy replaced the default list', opts: dataPolicy },
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
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'deny', messageId: c.messageId });
  });
}
