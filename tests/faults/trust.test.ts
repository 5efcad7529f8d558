// A trust store that cannot be read is zero trust: the gate holds for a human the external write
// that the stored trust would have let through, the fault is journaled with the decision, outcomes
// are refused (the user is told), the broken file is left for a human, and `warden doctor` fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gateSettings } from '../../lib/gate/policy.js';
import { setTrust, trustFile } from '../../lib/gate/trust.js';
import { allEntries } from '../../lib/journal/read.js';
import { PolicySchema } from '../../lib/policy/schema.js';
import { bash, doctor, hook, install, sandbox, toolInput, verdictOf, type Sandbox } from './helpers.js';

const T = gateSettings(PolicySchema.parse({})).trust;
const POST = 'curl -X POST -d a=1 https://api.example.com/items';

interface Corruption {
  name: string;
  corrupt: (file: string) => void;
  /** How the fault is described (reason trace, journal, doctor). */
  says: RegExp;
}

const CORRUPTIONS: readonly Corruption[] = [
  { name: 'garbage', corrupt: (f) => fs.writeFileSync(f, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x80])), says: /is not valid JSON/ },
  {
    name: 'truncated JSON (a write cut short)',
    corrupt: (f) => {
      const text = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(f, text.slice(0, Math.floor(text.length / 2)));
    },
    says: /is not valid JSON/,
  },
  { name: 'valid JSON of the wrong shape', corrupt: (f) => fs.writeFileSync(f, '{"version": 1, "services": {"example.com": {"score": "high"}}}'), says: /does not have the expected shape/ },
  {
    name: 'a directory in its place',
    corrupt: (f) => {
      fs.rmSync(f);
      fs.mkdirSync(f);
    },
    says: /is not a regular file/,
  },
  {
    name: 'a FIFO in its place (would block a plain read)',
    corrupt: (f) => {
      fs.rmSync(f);
      execFileSync('mkfifo', [f]);
    },
    says: /is not a regular file/,
  },
];

/** Installed, with example.com trusted enough that a POST to it passes the gate. */
function trusted(s: Sandbox): string {
  install(s);
  setTrust(s.wardenHome, 'example.com', 1, T);
  const file = trustFile(s.wardenHome).file;
  const before = hook(s, 'pre-tool-use.cjs', bash(s, POST));
  assert.deepEqual(before.json, {}, `with trust 1 the write should pass: ${before.stdout}`);
  return file;
}

for (const c of CORRUPTIONS) {
  void test(`trust store is ${c.name}: zero trust (the write is held), journaled, outcomes refused, doctor fails`, (t) => {
    const s = sandbox(t);
    const file = trusted(s);
    c.corrupt(file);
    const broken = fs.lstatSync(file);

    const r = hook(s, 'pre-tool-use.cjs', bash(s, POST));
    assert.equal(r.code, 0, r.stderr);
    const v = verdictOf(r);
    assert.equal(v.decision, 'ask');
    assert.match(v.reason, /\[gate\] write on example\.com .*needs a human: trust in example\.com is 0\.00, below approve_below/);
    assert.match(v.reason, /warden approve [a-z2-9]{6}/);

    const guard = allEntries(s.journal).entries.filter((e) => e.event === 'guard' && e.input === POST);
    assert.equal(guard.length, 2, 'both decisions are journaled');
    assert.equal(guard[1]?.decision, 'ask');
    assert.match(guard[1]?.rationale ?? '', /fault: gate\/trust: .*trust\.json/);
    assert.match(guard[1]?.rationale ?? '', c.says);
    assert.match(guard[1]?.rationale ?? '', /\(failed closed\)/);

    const post = hook(s, 'post-tool-use.cjs', toolInput('PostToolUse', s, 'Bash', { command: POST }, { tool_response: { stdout: '' } }));
    assert.equal(post.code, 0);
    assert.equal(post.json?.decision, undefined);
    assert.match(String(post.json?.systemMessage), /could not update service trust \(example\.com: .*trust\.json/);

    const after = fs.lstatSync(file);
    assert.equal(after.ino, broken.ino, 'the broken store was replaced; it is left for a human');
    assert.equal(after.mtimeMs, broken.mtimeMs, 'the broken store was changed');

    const d = doctor(s);
    assert.equal(d.code, 1, d.out);
    assert.ok(d.fails.length === 1 && /^FAIL +gate: trust scores: .*trust\.json/.test(d.fails[0] ?? '') && c.says.test(d.fails[0] ?? ''), d.out);
    assert.match(d.fails[0] ?? '', /warden trust reset --all/);
  });
}

void test('an approvals store that cannot be read: the call is held without an id and says why; doctor fails', (t) => {
  const s = sandbox(t);
  install(s);
  const file = path.join(s.wardenHome, 'gate', 'approvals.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '{"version": 1, "approvals": [');
  const v = verdictOf(hook(s, 'pre-tool-use.cjs', bash(s, 'git reset --hard HEAD~1')));
  assert.equal(v.decision, 'ask');
  assert.match(v.reason, /\[approval\] warden could not open an approval for this call \(.*approvals\.json is not valid JSON\)/);
  assert.doesNotMatch(v.reason, /warden approve [a-z2-9]{6}/);
  const d = doctor(s);
  assert.equal(d.code, 1, d.out);
  assert.ok(d.fails.some((l) => /^FAIL +gate: approvals: .*approvals\.json is not valid JSON — held calls get no approval id/.test(l)), d.out);
});
