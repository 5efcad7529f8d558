// The identity templates say the same things: config/identity.md (the user's) and the project's
// (`warden install --project`) carry every shared boundary; the briefing tells the agent about
// `warden journal note` and never to work around a block.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NOTE_COMMAND, briefing } from '../../lib/identity/briefing.js';
import { IDENTITY_BOUNDARIES } from '../../lib/identity/template.js';
import { identityTemplate } from '../../lib/install/project.js';

const USER_TEMPLATE = fs.readFileSync(fileURLToPath(new URL('../../config/identity.md', import.meta.url)), 'utf8');

void test('config/identity.md and the project template carry every shared boundary', () => {
  const project = identityTemplate('my-app');
  for (const b of IDENTITY_BOUNDARIES) {
    assert.ok(USER_TEMPLATE.includes(`- ${b}\n`), `config/identity.md lacks: ${b}`);
    assert.ok(project.includes(`- ${b}\n`), `project template lacks: ${b}`);
  }
});

void test('both templates have a Role and a Boundaries section, and fit the default cap together', () => {
  for (const [name, text] of [['config/identity.md', USER_TEMPLATE], ['project', identityTemplate('my-app')]] as const) {
    assert.match(text, /^## Role$/m, name);
    assert.match(text, /^## Boundaries$/m, name);
  }
  assert.ok(Buffer.byteLength(USER_TEMPLATE + identityTemplate('my-app')) < 6000, 'the templates alone would be cut at the default max_bytes');
});

void test('the briefing names the note command, forbids working around a block, and lists the active packs', () => {
  const text = briefing(['git', 'filesystem']);
  assert.ok(text.includes(NOTE_COMMAND));
  assert.match(NOTE_COMMAND, /^warden journal note --decision "…" --rationale "…"$/);
  assert.match(text, /Never work around a block/);
  assert.match(text, /the one journal command you may run/);
  assert.match(text, /Rule packs active: git, filesystem/);
  assert.doesNotMatch(briefing([]), /Rule packs active/);
});
