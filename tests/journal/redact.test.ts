// Redaction: a table of secret-bearing commands, each secret checked against what the redactor
// returns AND against the raw bytes of a journal the built PreToolUse hook wrote; benign commands
// come out unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REDACTED, redact, redactSummary } from '../../lib/journal/redact.js';
import { appendEntries } from '../../lib/journal/store.js';
import { swarm } from '../concurrency/swarm.js';
import { DIST } from '../protocol/hook-helpers.js';
import { tempDir } from './helpers.js';

/** Each command carries `secret`; no part of the journal may contain it. */
const SECRETS: readonly { cmd: string; secret: string }[] = [
  { cmd: 'aws s3 ls --profile x AKIAIOSFODNN7EXAMPLE', secret: 'AKIAIOSFODNN7EXAMPLE' },
  { cmd: 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { cmd: 'git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r', secret: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
  { cmd: 'GH_TOKEN=gho_16C7e42F292c6912E7710c838347Ae178B4a gh pr list', secret: 'gho_16C7e42F292c6912E7710c838347Ae178B4a' },
  { cmd: 'echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | gh auth login --with-token', secret: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz' },
  { cmd: 'curl https://api.anthropic.com/v1/messages -H "x-api-key: sk-ant-api03-AbCdEf123456-XYZxyz"', secret: 'sk-ant-api03-AbCdEf123456-XYZxyz' },
  { cmd: 'OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz123456 python app.py', secret: 'sk-proj-abcdefghijklmnopqrstuvwxyz123456' },
  { cmd: 'python run.py --key sk-abcdefghijklmnopqrstuvwxyzABCDEF', secret: 'sk-abcdefghijklmnopqrstuvwxyzABCDEF' },
  { cmd: 'curl -X POST -d token=xoxb-123456789012-abcdefghijkl https://slack.com/api/chat.postMessage', secret: 'xoxb-123456789012-abcdefghijkl' },
  { cmd: 'stripe charges list --api-key sk_live_51HabcdefghijklmnopQRS', secret: 'sk_live_51HabcdefghijklmnopQRS' },
  { cmd: 'curl "https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyA1234567890abcdefghijklmnopqrstu"', secret: 'AIzaSyA1234567890abcdefghijklmnopqrstu' },
  { cmd: 'http GET https://x.io jwt==eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-xyz', secret: 'eyJzdWIiOiIxMjM0In0.abcDEF123_-xyz' },
  { cmd: "printf '%s\\n' '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretkeymaterial\n-----END RSA PRIVATE KEY-----' > k.pem", secret: 'MIIEowIBAAKCAQEAsecretkeymaterial' },
  { cmd: "cat <<'EOF' > id\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----\nEOF", secret: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU' },
  { cmd: 'curl -H "Authorization: Bearer opaque-bearer-value-77" https://api.example.com', secret: 'opaque-bearer-value-77' },
  { cmd: "curl -H 'X-Api-Key: 9f8e7d6c5b4a3f2e' https://api.example.com/v1/items", secret: '9f8e7d6c5b4a3f2e' },
  { cmd: 'curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://x.io', secret: 'dXNlcjpwYXNzd29yZA==' },
  { cmd: 'psql postgresql://admin:hunter2pass@db.example.com:5432/app', secret: 'hunter2pass' },
  { cmd: 'git push https://oauth2:glpat-abcdefghij1234567890@gitlab.example.com/o/r main', secret: 'glpat-abcdefghij1234567890' },
  { cmd: 'mysql -u root -pS3cretPass mydb', secret: 'S3cretPass' },
  { cmd: 'mysqldump -h db -u app -p"qu0ted secret" shop > dump.sql', secret: 'qu0ted secret' },
  { cmd: 'mysqladmin --password=S3cretPass3 status', secret: 'S3cretPass3' },
  { cmd: 'PGPASSWORD=pgsecret99 psql -h localhost -U app', secret: 'pgsecret99' },
  { cmd: 'FOO_TOKEN=abc123tokenvalue ./deploy.sh', secret: 'abc123tokenvalue' },
  { cmd: 'DEPLOY_KEY="multi word deploy key" make release', secret: 'multi word deploy key' },
  { cmd: 'curl -u admin:curlpass123 https://example.com/admin', secret: 'curlpass123' },
  { cmd: 'sshpass -p sshsecret1 ssh deploy@host uptime', secret: 'sshsecret1' },
  { cmd: 'docker login -u me -p dockersecret1 registry.example.com', secret: 'dockersecret1' },
  { cmd: 'redis-cli -h cache -a redissecret1 ping', secret: 'redissecret1' },
  { cmd: 'curl -d \'{"user":"x","password":"jsonsecret1"}\' https://x.io/login', secret: 'jsonsecret1' },
  { cmd: 'echo "client_secret: yamlsecret1" >> config.yml', secret: 'yamlsecret1' },
  { cmd: 'npm config set //registry.example.com/:_authToken=npmauthsecret1', secret: 'npmauthsecret1' },
  { cmd: 'openssl enc -aes-256-cbc -pass pass:opensslsecret1 -in a -out b', secret: 'opensslsecret1' },
  { cmd: 'curl "https://example.com/api?access_token=qstokensecret1&page=2"', secret: 'qstokensecret1' },
  { cmd: 'wget --password wgetsecret1 https://example.com/f', secret: 'wgetsecret1' },
  { cmd: 'gh secret set DEPLOY_TOKEN --body ghsecretbody1', secret: 'ghsecretbody1' },
  { cmd: 'aws configure set aws_secret_access_key awsconfsecret1', secret: 'awsconfsecret1' },
  { cmd: 'curl -H "Cookie: session=cookiesecret1" https://x.io', secret: 'cookiesecret1' },
  { cmd: 'vault login --token=s.vaultsecret1', secret: 's.vaultsecret1' },
  { cmd: 'export HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyzABCDEFGH && python train.py', secret: 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH' },
  { cmd: 'git push --force https://x-access-token:forcepushsecret1@github.com/o/r main', secret: 'forcepushsecret1' },
];

/** Commands with nothing secret: kept exactly as they are. */
const BENIGN: readonly string[] = [
  'git status',
  'ls -la',
  'mkdir -p build/out',
  'docker run -p 8080:80 nginx',
  'docker run -u 1000:1000 img',
  'ssh -o StrictHostKeyChecking=no host uptime',
  'grep -r token src/',
  'git commit -m "fix token: refresh the session"',
  'export PATH=$PATH:/opt/bin',
  'psql -h localhost -U app mydb',
  'mysql -u root -h db mydb',
  'FOO_TOKEN=$FOO_TOKEN ./run',
  'curl -H "Authorization: Bearer $API_TOKEN" https://x.io',
  'MAX_TOKENS=4096 node x.js',
  'curl https://example.com/api?page=2&sort=asc',
  'kubectl get secrets -n prod',
  'pip install --user requests',
  'git push origin feature/login',
  'npm test -- --grep "password reset"',
  'rm -rf ./build',
];

void test('the secret table has at least 30 commands', () => {
  assert.ok(SECRETS.length >= 30, `${SECRETS.length}`);
});

for (const s of SECRETS) {
  void test(`redacts: ${s.cmd.split('\n')[0]?.slice(0, 70) ?? ''}`, () => {
    const r = redact(s.cmd);
    assert.ok(!r.includes(s.secret), `secret left in: ${r}`);
    assert.ok(r.includes(REDACTED), r);
  });
}

for (const b of BENIGN) {
  void test(`keeps readable: ${b}`, () => {
    assert.equal(redact(b), b);
  });
}

void test('a secret across the cut of a short summary is not left half-visible', () => {
  const cmd = `${'x'.repeat(190)} ghp_abcdefghijklmnopqrstuvwxyz0123456789`;
  const r = redactSummary(cmd, 200);
  assert.ok(!r.includes('ghp_'), r);
  assert.match(r, /\[cut: \d+ characters in all\]$/);
});

void test('every string of an entry is redacted before it is written (raw bytes)', (t) => {
  const dir = tempDir(t);
  appendEntries(dir, [
    { event: 'note', note: 'rotated AKIAIOSFODNN7EXAMPLE', rationale: 'leaked PGPASSWORD=pgsecret99' },
    { event: 'gate', gate: { verdict: 'deny', rationale: 'payload had Authorization: Bearer opaque-bearer-value-77' } },
  ]);
  const raw = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'pgsecret99', 'opaque-bearer-value-77']) assert.ok(!raw.includes(secret), secret);
});

for (const allows of ['compact', 'full']) {
  void test(`no secret of the table reaches the journal the built hook writes (allows: ${allows})`, async (t) => {
    const root = tempDir(t);
    const home = path.join(root, 'warden');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, 'policy.yaml'), `journal:\n  allows: ${allows}\n`);
    const { results } = await swarm(
      path.join(DIST, 'pre-tool-use.cjs'),
      SECRETS.map((s, i) => JSON.stringify({ session_id: `s${i}`, cwd: root, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: s.cmd }, tool_use_id: `t${i}` })),
      { PATH: process.env.PATH ?? '', HOME: root, WARDEN_HOME: home },
    );
    for (const r of results) assert.doesNotMatch(r.stdout, /systemMessage/, r.stdout);
    const dir = path.join(home, 'journal');
    const raw = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    assert.equal(raw.split('\n').filter((l) => l.includes('"event":"guard"')).length, SECRETS.length, 'one guard entry per command');
    for (const s of SECRETS) assert.ok(!raw.includes(s.secret), `journal holds ${s.secret}`);
    assert.match(raw, /"decision":"deny".*git\/push-force/, 'the force push with a token in its URL was journaled as a deny');
  });
}
