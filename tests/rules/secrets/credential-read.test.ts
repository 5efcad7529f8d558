// secrets/credential-read: printing private keys and stored credentials into the session, by shell
// commands and by the Read and Grep tools. Home is /home/agent, the project /home/agent/proj.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../../lib/pipeline.js';
import { SECRET_PROGRAMS, tablePrograms } from '../../../lib/rules/secrets/access.js';
import { MAX_GLOBS } from '../../../lib/rules/secrets/paths.js';
import { assertAllowed, assertBlocked, decisionFor, envFor, policyFor, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'secrets/credential-read';

const valid: Valid[] = [
  { cmd: 'cat ~/.ssh/id_ed25519.pub' },
  { cmd: 'cat ~/.ssh/config' },
  { cmd: 'cat ~/.ssh/known_hosts' },
  { cmd: 'tail -n 5 ~/.ssh/authorized_keys' },
  { cmd: 'cat ~/.ssh/*.pub' },
  { cmd: 'ls -la ~/.ssh' },
  { cmd: 'ssh-keygen -l -f ~/.ssh/id_ed25519' },
  { cmd: 'ssh -i ~/.ssh/id_ed25519 deploy@host uptime' },
  { cmd: 'ssh-add ~/.ssh/id_ed25519' },
  { cmd: 'chmod 600 ~/.ssh/id_ed25519' },
  { cmd: 'cat ~/.aws/config' },
  { cmd: 'aws sts get-caller-identity' },
  { cmd: 'kubectl config get-contexts' },
  { cmd: 'cat ~/.config/gcloud/active_config' },
  { cmd: 'cat ~/.kube/cache/discovery/x.json' },
  { cmd: 'cat fullchain.pem' },
  { cmd: 'openssl x509 -in cert.pem -noout -text' },
  { cmd: 'cat proj.npmrc .npmrc', note: 'a project .npmrc is configuration' },
  { cmd: 'cat *', note: 'a bare glob does not spell a key name' },
  { cmd: 'gpg --export -a me@example.com', note: 'the public key' },
  { cmd: 'sqlite3 app.db .tables' },
  { cmd: 'cat /etc/passwd' },
  { cmd: 'ssh-keygen -y -f ~/.ssh/id_rsa', note: 'prints the public half only' },
  { cmd: 'grep -rn token src/' },
  { cmd: 'grep id_rsa notes.txt', note: 'the pattern is not a file' },
  { cmd: 'rg token ~', note: 'rg skips hidden directories' },
  { cmd: 'rg -e aws_secret src' },
  { cmd: 'echo ~/.ssh/id_rsa' },
  { cmd: 'printf "%s\\n" ~/.aws/credentials' },
  { cmd: 'git commit -m "stop reading ~/.aws/credentials"' },
  { cmd: 'cat <<EOF > README.md\ncat ~/.ssh/id_rsa\nEOF' },
  { cmd: 'ls # cat ~/.ssh/id_rsa' },
  { cmd: 'python3 -c "print(1)"' },
  { cmd: 'cat $F', note: 'an unknown file is not judged' },
];

const invalid: Invalid[] = [
  { cmd: 'cat ~/.ssh/id_rsa', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.ssh/id_ed25519', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.ssh/github_deploy', note: 'any private key in ~/.ssh', ruleId: R, messageId: 'read' },
  { cmd: 'less ~/.aws/credentials', ruleId: R, messageId: 'read' },
  { cmd: 'head -n 3 ~/.kube/config', ruleId: R, messageId: 'read' },
  { cmd: 'tail -f ~/.netrc', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.config/gcloud/application_default_credentials.json', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.azure/msal_token_cache.json', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.docker/config.json', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.npmrc', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.pypirc', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.git-credentials', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.config/gh/hosts.yml', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.claude/.credentials.json', ruleId: R, messageId: 'read' },
  { cmd: 'cat /root/.aws/credentials', note: 'another home', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~bob/.ssh/id_rsa', note: 'a home warden cannot resolve', ruleId: R, messageId: 'read' },
  { cmd: 'cat server.key', ruleId: R, messageId: 'read' },
  { cmd: 'cat certs/privkey.pem', ruleId: R, messageId: 'read' },
  { cmd: 'cat deploy/tls-key.pem', ruleId: R, messageId: 'read' },
  { cmd: 'cat ci/id_ed25519', ruleId: R, messageId: 'read' },
  { cmd: 'cat /etc/ssh/ssh_host_ed25519_key', ruleId: R, messageId: 'read' },
  { cmd: 'base64 -w0 server.key', note: 'encoding a project key is a read', ruleId: R, messageId: 'read' },
  { cmd: 'openssl rsa -in server.key -text', ruleId: R, messageId: 'read' },
  { cmd: 'sqlite3 ~/.config/gcloud/credentials.db .dump', ruleId: R, messageId: 'read' },
  { cmd: 'gpg --export-secret-keys -a', ruleId: R, messageId: 'read' },
  { cmd: 'sudo cat /etc/shadow', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.ssh/*', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.ssh/id_*', ruleId: R, messageId: 'read' },
  { cmd: 'cat *.pem', ruleId: R, messageId: 'read' },
  { cmd: 'cat ~/.*/credentials', ruleId: R, messageId: 'read' },
  { cmd: 'grep -i secret ~/.aws/credentials', ruleId: R, messageId: 'read' },
  { cmd: 'jq . ~/.docker/config.json', ruleId: R, messageId: 'read' },
  { cmd: 'awk "{print}" ~/.netrc', ruleId: R, messageId: 'read' },
  { cmd: 'sed -n 1p ~/.kube/config', ruleId: R, messageId: 'read' },
  { cmd: 'diff ~/.kube/config ~/.kube/config.bak', ruleId: R, messageId: 'read' },
  { cmd: 'cat < ~/.ssh/id_rsa', ruleId: R, messageId: 'read' },
  { cmd: 'grep -r token ~', ruleId: R, messageId: 'search' },
  { cmd: 'grep -rn AKIA /home', ruleId: R, messageId: 'search' },
  { cmd: 'cd ~ && grep -r password', ruleId: R, messageId: 'search' },
  { cmd: 'rg --hidden token ~', ruleId: R, messageId: 'search' },
  { cmd: 'rg token ~/.aws', note: 'a store named explicitly', ruleId: R, messageId: 'search' },
  { cmd: 'grep -r x ~/.config', note: 'holds gcloud', ruleId: R, messageId: 'search' },
  { cmd: 'python3 -c \'print(open("/home/agent/.aws/credentials").read())\'', ruleId: R, messageId: 'script' },
  { cmd: 'node -e \'console.log(require("fs").readFileSync(process.env.HOME + "/.ssh/id_rsa", "utf8"))\'', ruleId: R, messageId: 'script' },
  { cmd: 'python3 - <<EOF\nprint(open("/home/agent/.kube/config").read())\nEOF', ruleId: R, messageId: 'script' },
  { cmd: 'cat $HOME/.netrc', ruleId: R },
  { cmd: 'cat "${HOME}/.aws/credentials"', ruleId: R },
  { cmd: 'F=~/.ssh/id_rsa; cat $F', ruleId: R },
  { cmd: 'cd ~/.ssh && cat id_rsa', ruleId: R },
  { cmd: 'sudo cat /root/.ssh/id_rsa', ruleId: R },
  { cmd: 'env -i cat ~/.aws/credentials', ruleId: R },
  { cmd: "bash -c 'cat ~/.ssh/id_rsa'", ruleId: R },
  { cmd: 'echo $(cat ~/.aws/credentials)', ruleId: R },
  { cmd: 'cat ~/.ssh/id_rsa | ssh-keygen -y -f /dev/stdin', ruleId: R },
  { cmd: 'find ~/.ssh -type f -exec cat {} +', ruleId: R },
  { cmd: "c''at ~/.ssh/id_rsa", ruleId: R },
  { cmd: 'cat ~/.ssh/id_rsa', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');

// The file tools: Read gets an absolute file_path; Grep a path (the cwd when absent) and a glob.
const tools: { tool: string; input: Record<string, unknown>; expect: 'read' | 'search' | undefined; note?: string }[] = [
  { tool: 'Read', input: { file_path: '/home/agent/.ssh/id_rsa' }, expect: 'read' },
  { tool: 'Read', input: { file_path: '/home/agent/.aws/credentials' }, expect: 'read' },
  { tool: 'Read', input: { file_path: '/home/agent/.kube/config', limit: 20 }, expect: 'read' },
  { tool: 'Read', input: { file_path: '/home/agent/proj/deploy/server.key' }, expect: 'read' },
  { tool: 'Read', input: { file_path: '/home/agent/.ssh/id_rsa.pub' }, expect: undefined },
  { tool: 'Read', input: { file_path: '/home/agent/.ssh/config' }, expect: undefined },
  { tool: 'Read', input: { file_path: '/home/agent/proj/src/keys.ts' }, expect: undefined },
  { tool: 'Read', input: { file_path: '/home/agent/proj/certs/fullchain.pem' }, expect: undefined },
  { tool: 'Grep', input: { pattern: 'aws_secret', path: '/home/agent/.aws/credentials' }, expect: 'read' },
  { tool: 'Grep', input: { pattern: 'x', path: '/home/agent/.aws' }, expect: 'search' },
  { tool: 'Grep', input: { pattern: 'x', path: '~/.ssh' }, expect: 'search' },
  { tool: 'Grep', input: { pattern: 'BEGIN', glob: '*.{pem,key}' }, expect: 'read' },
  { tool: 'Grep', input: { pattern: 'BEGIN', glob: 'id_*' }, expect: 'read' },
  { tool: 'Grep', input: { pattern: 'TODO' }, expect: undefined },
  { tool: 'Grep', input: { pattern: 'TODO', glob: '*.ts' }, expect: undefined },
  { tool: 'Grep', input: { pattern: 'x', path: '/home/agent' }, expect: undefined, note: 'ripgrep skips hidden directories' },
  { tool: 'Glob', input: { pattern: '*', path: '/home/agent/.ssh' }, expect: undefined, note: 'names only, like ls' },
  { tool: 'Glob', input: { pattern: '**/*.pem' }, expect: undefined, note: 'names only, like ls' },
];

for (const t of tools) {
  void test(`${t.tool} ${JSON.stringify(t.input)}${t.note === undefined ? '' : `  [${t.note}]`}`, () => {
    const d = evaluate({ tool: t.tool, input: t.input, cwd: '/home/agent/proj' }, envFor(), policyFor());
    const f = d.findings.find((x) => x.ruleId === R);
    if (t.expect === undefined) {
      assert.equal(d.verdict, 'allow', d.reason);
      assert.equal(f, undefined);
    } else {
      assert.equal(d.verdict, 'ask', d.reason);
      assert.equal(f?.messageId, t.expect);
    }
  });
}

void test('Read of a private key under the strict preset is denied', () => {
  const d = evaluate({ tool: 'Read', input: { file_path: '/home/agent/.ssh/id_rsa' }, cwd: '/home/agent/proj' }, envFor(), policyFor({ policy: 'preset: strict\n' }));
  assert.equal(d.verdict, 'deny');
});

void test('switching the secrets pack off lets Read through', () => {
  const d = evaluate({ tool: 'Read', input: { file_path: '/home/agent/.ssh/id_rsa' }, cwd: '/home/agent/proj' }, envFor(), policyFor({ policy: 'packs: { secrets: false }\n' }));
  assert.equal(d.verdict, 'allow', d.reason);
});

// Hostile sizes: findings and glob matching are bounded per command.
void test('a key named 10,000 times in one command is one finding, not 10,000', () => {
  const d = decisionFor(`cat ${'~/.ssh/id_rsa '.repeat(10_000)}`);
  assert.equal(d.verdict, 'ask');
  assert.equal(d.findings.filter((f) => f.ruleId === R).length, 1);
});

void test(`past ${MAX_GLOBS} globs in one command, a glob that spells a name is held rather than matched`, () => {
  const many = Array.from({ length: MAX_GLOBS }, (_, i) => `dir${i}/*.txt`).join(' ');
  assertAllowed(`cat ${many}`);
  assertBlocked(`cat ${many} notes/*.md`, R, { action: 'ask', messageId: 'read' });
});

void test('the secrets rules are indexed under exactly the programs their tables read', () => {
  assert.deepEqual([...SECRET_PROGRAMS].sort(), tablePrograms().sort());
});
