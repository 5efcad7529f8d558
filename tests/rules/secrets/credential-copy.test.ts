// secrets/credential-copy: carrying a credential store out of its place by copying, moving,
// linking, archiving or encoding it. Copies that stay next to the original pass.

import { test } from 'node:test';
import { assertNotRaised, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'secrets/credential-copy';

const valid: Valid[] = [
  { cmd: 'cp ~/.ssh/id_ed25519.pub authorized_keys' },
  { cmd: 'cp ~/.ssh/config ~/ssh-config.txt' },
  { cmd: 'cp ~/.ssh/id_rsa ~/.ssh/id_rsa.bak', note: 'stays in the store' },
  { cmd: 'cp ~/.aws/credentials ~/.aws/credentials.bak', note: 'stays next to the original' },
  { cmd: 'mv ~/.kube/config ~/.kube/config.old' },
  { cmd: 'cp ~/.ssh/id_rsa ~/.ssh/archive/', note: 'a subdirectory of the store' },
  { cmd: 'cp ~/.aws/config /tmp/aws-config' },
  { cmd: 'cp -r ~/.config/nvim ~/.config/nvim.bak' },
  { cmd: 'cp .env .env.bak' },
  { cmd: 'cp deploy/server.key /etc/nginx/ssl/', note: 'deploying a project key' },
  { cmd: 'tar czf src.tgz src' },
  { cmd: 'tar xzf backup.tgz -C ~/.ssh', note: 'extracting' },
  { cmd: 'tar czf proj.tgz -C ~ proj' },
  { cmd: 'zip -r site.zip dist' },
  { cmd: 'gzip -d ~/.ssh/x.gz' },
  { cmd: 'base64 -d blob.txt' },
  { cmd: 'rsync -a src/ build/' },
  { cmd: 'echo "tar czf keys.tgz ~/.ssh"' },
  { cmd: 'git commit -m "cp ~/.ssh/id_rsa somewhere"' },
  { cmd: 'cat > backup.sh <<EOF\ntar czf keys.tgz ~/.ssh\nEOF' },
  { cmd: 'ls # cp ~/.ssh/id_rsa /tmp' },
];

const invalid: Invalid[] = [
  { cmd: 'cp ~/.ssh/id_rsa /tmp/k', ruleId: R, messageId: 'copy' },
  { cmd: 'cp ~/.ssh/id_ed25519 .', ruleId: R, messageId: 'copy' },
  { cmd: 'cp ~/.aws/credentials ./aws-creds.txt', ruleId: R, messageId: 'copy' },
  { cmd: 'cp -t /tmp ~/.kube/config', ruleId: R, messageId: 'copy' },
  { cmd: 'install -m 600 ~/.netrc /tmp/n', ruleId: R, messageId: 'copy' },
  { cmd: 'mv ~/.ssh/id_rsa /tmp/', ruleId: R, messageId: 'copy' },
  { cmd: 'ln -s ~/.ssh/id_rsa ./key', ruleId: R, messageId: 'copy' },
  { cmd: 'cp -r ~/.ssh /tmp/ssh', ruleId: R, messageId: 'copy' },
  { cmd: 'cp -a ~/.aws ./aws', ruleId: R, messageId: 'copy' },
  { cmd: 'rsync -a ~/.ssh/ /mnt/usb/ssh/', ruleId: R, messageId: 'copy' },
  { cmd: 'scp ~/.ssh/id_rsa /tmp/k', note: 'a local scp', ruleId: R, messageId: 'copy' },
  { cmd: 'dd if=~/.ssh/id_rsa of=/tmp/k', ruleId: R, messageId: 'copy' },
  { cmd: 'cat ~/.ssh/id_rsa > key.txt', ruleId: R, messageId: 'copy' },
  { cmd: 'cat ~/.aws/credentials >> notes.md', ruleId: R, messageId: 'copy' },
  { cmd: 'tar czf keys.tgz ~/.ssh', ruleId: R, messageId: 'archive' },
  { cmd: 'tar -czf keys.tgz ~/.ssh/id_rsa', ruleId: R, messageId: 'archive' },
  { cmd: 'tar -C ~ -czf k.tgz .ssh .aws', ruleId: R, messageId: 'archive' },
  { cmd: 'tar --create --file=home.tar ~', ruleId: R, messageId: 'archive' },
  { cmd: 'tar czf dots.tgz ~/.*', ruleId: R, messageId: 'archive' },
  { cmd: 'zip -r keys.zip ~/.gnupg', ruleId: R, messageId: 'archive' },
  { cmd: '7z a keys.7z ~/.ssh', ruleId: R, messageId: 'archive' },
  { cmd: 'gzip -c ~/.kube/config', ruleId: R, messageId: 'archive' },
  { cmd: 'base64 ~/.ssh/id_ed25519', ruleId: R, messageId: 'encode' },
  { cmd: 'xxd ~/.aws/credentials', ruleId: R, messageId: 'encode' },
  { cmd: 'base64 < ~/.ssh/id_rsa', ruleId: R, messageId: 'encode' },
  { cmd: 'openssl base64 -in ~/.ssh/id_rsa', ruleId: R, messageId: 'encode' },
  { cmd: 'gpg --export-secret-keys -a > keys.asc', ruleId: R, messageId: 'copy' },
  { cmd: 'cd ~/.ssh && cp id_rsa /tmp', ruleId: R },
  { cmd: 'K=$HOME/.ssh/id_rsa; cp $K /tmp', ruleId: R },
  { cmd: 'sudo cp /root/.ssh/id_rsa /tmp', ruleId: R },
  { cmd: "bash -c 'tar czf /tmp/k.tgz ~/.ssh'", ruleId: R },
  { cmd: 'tar czf - ~/.ssh | base64', ruleId: R },
  { cmd: 'cp ~/.ssh/id_rsa /tmp/k', note: 'a user policy lowering it', ruleId: R, action: 'ask', opts: { policy: 'overrides: { secrets/credential-copy: ask }\n' } },
];

tableTests(valid, invalid, 'deny');

// Project keys and .env files may be copied; only credential stores count here.
for (const cmd of ['base64 -w0 deploy/server.key', 'tar czf certs.tgz certs/privkey.pem', 'cat .env > .env.bak']) {
  void test(`${cmd}  [not a credential store]`, () => {
    assertNotRaised(cmd, R);
  });
}
