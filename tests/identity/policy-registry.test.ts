// The session hooks load the rule registry only when a policy names rules or packs
// (lib/rules/registry-loader.ts → dist/rules-registry.cjs). Through the built SessionStart hook: a
// policy that switches packs off, including a locked one, still gets the locked pack back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { runHook, tempHome } from '../protocol/hook-helpers.js';

const homes: string[] = [];
after(() => {
  for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
});

function briefing(policy: string | undefined): string {
  const home = tempHome(policy);
  homes.push(home);
  const r = runHook('session-start.cjs', JSON.stringify({ session_id: 's', cwd: home, hook_event_name: 'SessionStart', source: 'startup' }), { HOME: home });
  assert.equal(r.code, 0, r.stderr);
  const ctx = (r.json?.hookSpecificOutput as { additionalContext?: string } | undefined)?.additionalContext ?? '';
  const line = /Rule packs active: ([^;]+);/.exec(ctx)?.[1];
  assert.ok(line !== undefined, `no pack line in ${JSON.stringify(r.json)}`);
  return line;
}

void test('SessionStart: packs switched off by the user policy are not listed; a locked pack cannot be switched off', () => {
  const all = briefing(undefined).split(', ');
  assert.ok(all.includes('git') && all.includes('self') && all.includes('core'), all.join(','));
  const some = briefing('packs: { git: false, infra: false }\noverrides: { git/push-force: ask }\n').split(', ');
  assert.ok(!some.includes('git') && !some.includes('infra'), some.join(','));
  assert.ok(some.includes('filesystem'));
  // `self` is locked: the policy is invalid (doctor names it) and no pack is switched off by it.
  const locked = briefing('packs: { self: false }\n').split(', ');
  assert.ok(locked.includes('self'), locked.join(','));
});
