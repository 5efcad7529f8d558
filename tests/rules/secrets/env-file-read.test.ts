// secrets/env-file-read: printing a project's .env files (not the committed templates), by shell
// commands, interpreter code and the Read and Grep tools, or copying them to a name that no longer
// says .env.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../../lib/pipeline.js';
import { envFor, policyFor, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'secrets/env-file-read';

const valid: Valid[] = [
  { cmd: 'cat .env.example' },
  { cmd: 'cat .env.sample' },
  { cmd: 'cat .env.template' },
  { cmd: 'cat config/.env.dist' },
  { cmd: 'cp .env.example .env' },
  { cmd: 'cp .env .env.bak', note: 'the copy is still named .env.*' },
  { cmd: 'cp .env ../other-proj/', note: 'keeps its name' },
  { cmd: 'mv .env.local .env' },
  { cmd: 'python3 -c "from dotenv import load_dotenv; load_dotenv(\'.env.example\')"' },
  { cmd: 'node --env-file=.env server.js', note: 'loads, prints nothing' },
  { cmd: 'printenv | grep -c PATH' },
  { cmd: 'echo "DEBUG=1" >> .env' },
  { cmd: 'touch .env' },
  { cmd: 'ls -la .env' },
  { cmd: 'set -a; . ./.env; set +a' },
  { cmd: 'source .env && npm start' },
  { cmd: 'cut -d= -f1 .env', note: 'names only' },
  { cmd: "cut -d '=' -f 1 .env.local", note: 'names only' },
  { cmd: 'docker compose --env-file .env up -d' },
  { cmd: 'dotenv -e .env -- npm test' },
  { cmd: 'cat environment.ts' },
  { cmd: 'grep -rn "process.env" src/' },
  { cmd: 'echo .env' },
  { cmd: 'git commit -m "cat .env in the docs"' },
  { cmd: 'cat <<EOF > .env.example\nAPI_KEY=\nEOF' },
  { cmd: 'ls # cat .env' },
];

const invalid: Invalid[] = [
  { cmd: 'cat .env', ruleId: R, messageId: 'read' },
  { cmd: 'cat .env.local', ruleId: R, messageId: 'read' },
  { cmd: 'cat .env.production', ruleId: R, messageId: 'read' },
  { cmd: 'cat apps/web/.env', ruleId: R, messageId: 'read' },
  { cmd: 'cat /home/agent/proj/.env', ruleId: R, messageId: 'read' },
  { cmd: 'less .env', ruleId: R, messageId: 'read' },
  { cmd: 'head -5 .env', ruleId: R, messageId: 'read' },
  { cmd: 'grep DATABASE_URL .env', ruleId: R, messageId: 'read' },
  { cmd: 'grep -e KEY -- .env', ruleId: R, messageId: 'read' },
  { cmd: 'rg API_KEY .env.local', ruleId: R, messageId: 'read' },
  { cmd: 'sort .env', ruleId: R, messageId: 'read' },
  { cmd: 'base64 .env', ruleId: R, messageId: 'read' },
  { cmd: 'cut -d= -f2 .env', note: 'the values', ruleId: R, messageId: 'read' },
  { cmd: 'cat .env*', ruleId: R, messageId: 'read' },
  { cmd: 'cat < .env', ruleId: R, messageId: 'read' },
  { cmd: 'export $(cat .env | xargs)', note: 'suggests set -a instead', ruleId: R },
  { cmd: 'cat /proc/self/environ', ruleId: R, messageId: 'read' },
  { cmd: 'cp .env /tmp/env-copy', ruleId: R, messageId: 'copy' },
  { cmd: 'mv .env notes.txt', ruleId: R, messageId: 'copy' },
  { cmd: 'tar -czf env.tgz .env', ruleId: R, messageId: 'copy' },
  { cmd: 'zip backup.zip .env.production', ruleId: R, messageId: 'copy' },
  { cmd: 'python3 -c "print(open(\'.env\').read())"', ruleId: R, messageId: 'script' },
  { cmd: 'node -e "console.log(require(\'fs\').readFileSync(\'.env\', \'utf8\'))"', ruleId: R, messageId: 'script' },
  { cmd: "ruby -e 'puts File.read(\".env\")'", ruleId: R, messageId: 'script' },
  { cmd: 'php -r "echo file_get_contents(\'apps/api/.env.local\');"', ruleId: R, messageId: 'script' },
  { cmd: 'cd apps/web && cat .env', ruleId: R },
  { cmd: 'cat $DIR/.env', ruleId: R },
  { cmd: "bash -c 'cat .env'", ruleId: R },
  { cmd: 'sudo cat /srv/app/.env', ruleId: R },
  { cmd: "ca''t .e''nv", ruleId: R },
  { cmd: 'cat .env', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');

const tools: { tool: string; input: Record<string, unknown>; held: boolean }[] = [
  { tool: 'Read', input: { file_path: '/home/agent/proj/.env' }, held: true },
  { tool: 'Read', input: { file_path: '/home/agent/proj/apps/api/.env.production' }, held: true },
  { tool: 'Read', input: { file_path: '/home/agent/proj/.env.example' }, held: false },
  { tool: 'Read', input: { file_path: '/home/agent/proj/src/env.ts' }, held: false },
  { tool: 'Grep', input: { pattern: 'KEY', path: '/home/agent/proj/.env.local' }, held: true },
  { tool: 'Grep', input: { pattern: 'KEY', path: '.env' }, held: true },
  { tool: 'Grep', input: { pattern: 'KEY', glob: '.env*' }, held: true },
  { tool: 'Grep', input: { pattern: 'KEY', glob: '**/.env' }, held: true },
  { tool: 'Grep', input: { pattern: 'KEY', glob: '*.example' }, held: false },
  { tool: 'Grep', input: { pattern: 'process.env' }, held: false },
  { tool: 'Glob', input: { pattern: '**/.env*' }, held: false },
];

for (const t of tools) {
  void test(`${t.tool} ${JSON.stringify(t.input)}`, () => {
    const d = evaluate({ tool: t.tool, input: t.input, cwd: '/home/agent/proj' }, envFor(), policyFor());
    assert.equal(d.verdict, t.held ? 'ask' : 'allow', d.reason);
    assert.equal(d.findings.some((f) => f.ruleId === R && f.messageId === 'read'), t.held);
  });
}
