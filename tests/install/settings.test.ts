// The settings.json merge as pure text functions: every other byte survives, install is
// idempotent, install + uninstall gives back the original bytes, and anything JSON.parse rejects
// (or a shape warden cannot edit safely) is refused with file:line:column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOOKS, groupFor, handlerFor, type Placement } from '../../lib/install/hooks.js';
import { EMPTY_RECORD, NEW_FILE_TEXT, SettingsError, addHooks, findWarden, removeHooks, withoutWarden, type Wanted } from '../../lib/install/settings.js';

const FILE = '/home/u/.claude/settings.json';
const WARDEN_HOME = '/home/u/.claude/warden';
const P: Placement = { nodePath: '/usr/local/bin/node', wardenHome: WARDEN_HOME, defaultHome: true };
const CORE = HOOKS.filter((h) => ['PreToolUse', 'PostToolUse', 'SessionStart'].includes(h.event));
const wantedFor = (p: Placement): Wanted[] => CORE.map((spec) => ({ spec, group: groupFor(spec, p), handler: handlerFor(spec, p) }));
const WANTED = wantedFor(P);

const install = (text: string, record = EMPTY_RECORD) => addHooks(text, FILE, WANTED, WARDEN_HOME, record);

const OTHER_TOOL_GROUP = `{"matcher": "Bash", "hooks": [{"type":"command","command":"other-guard --strict"}]}`;

// Settings texts in the shapes users really have; each must survive install + uninstall byte for byte.
const ROUND_TRIP: { name: string; text: string }[] = [
  { name: 'empty object', text: '{}' },
  { name: 'empty object with newline', text: '{}\n' },
  { name: 'empty object over two lines', text: '{\n}\n' },
  { name: 'one line, no spaces', text: '{"model":"opus","env":{"A":"1"}}' },
  { name: 'two-space pretty', text: '{\n  "model": "opus",\n  "permissions": {\n    "allow": ["Bash(ls:*)"]\n  }\n}\n' },
  { name: 'four spaces, aligned keys', text: '{\n    "model"      : "opus",\n    "cleanupPeriodDays" : 30\n}\n' },
  { name: 'tabs', text: '{\n\t"model": "opus",\n\t"statusLine": {\n\t\t"type": "command",\n\t\t"command": "~/status.sh"\n\t}\n}\n' },
  { name: 'CRLF line ends', text: '{\r\n  "model": "opus"\r\n}\r\n' },
  { name: 'no final newline', text: '{\n  "model": "opus"\n}' },
  {
    name: 'another tool hooks, including a PreToolUse group',
    text: `{\n  "hooks": {\n    "PreToolUse": [\n      ${OTHER_TOOL_GROUP}\n    ],\n    "Stop": [ { "hooks": [ { "type": "command", "command": "say done" } ] } ]\n  },\n  "model": "opus"\n}\n`,
  },
  { name: 'empty hooks object', text: '{\n  "hooks": {},\n  "model": "opus"\n}\n' },
  { name: 'empty PreToolUse list with odd spacing', text: '{ "hooks" : { "PreToolUse" : [ ] } }' },
  { name: 'unicode and escapes', text: '{\n  "env": {"GREETING": "h\\u00e9llo \\"w\\"", "EMOJI": "🙂"}\n}\n' },
];

for (const c of ROUND_TRIP) {
  void test(`round trip: ${c.name}`, () => {
    const a = install(c.text);
    assert.notEqual(a.text, c.text);
    assert.deepEqual(withoutWarden(JSON.parse(a.text), WARDEN_HOME), withoutWarden(JSON.parse(c.text), WARDEN_HOME));
    assert.equal(findWarden(JSON.parse(a.text), WARDEN_HOME).length, WANTED.length);
    // The original text is still there, in order, around warden's insertions.
    let at = 0;
    for (const ch of c.text.replace(/\s/g, '')) {
      at = a.text.indexOf(ch, at) + 1;
      assert.ok(at > 0, `lost ${JSON.stringify(ch)}`);
    }
    const again = install(a.text, a.record);
    assert.equal(again.text, a.text, 'second install changed the file');
    assert.equal(removeHooks(a.text, FILE, WARDEN_HOME, a.record).text, c.text);
    assert.equal(removeHooks(again.text, FILE, WARDEN_HOME, again.record).text, c.text);
  });
}

void test('inserted entries follow the file: tabs stay tabs, CRLF stays CRLF', () => {
  const tabs = install('{\n\t"model": "opus"\n}\n').text;
  assert.match(tabs, /\n\t"hooks": \{\n\t\t"PreToolUse": \[\n\t\t\t\{/);
  assert.doesNotMatch(tabs, / {2}/);
  const crlf = install('{\r\n  "model": "opus"\r\n}\r\n').text;
  assert.doesNotMatch(crlf.replace(/\r\n/g, ''), /\n/);
});

void test("another tool's PreToolUse group is left as written and warden gets its own group", () => {
  const text = `{"hooks": {"PreToolUse": [${OTHER_TOOL_GROUP}]}}`;
  const out = install(text).text;
  assert.ok(out.includes(OTHER_TOOL_GROUP));
  const groups = (JSON.parse(out) as { hooks: { PreToolUse: { matcher: string }[] } }).hooks.PreToolUse;
  assert.deepEqual(groups.map((g) => g.matcher), ['Bash', '*']);
});

void test('a new file gets just the hooks, with the matchers and timeouts of the table', () => {
  const out = JSON.parse(install(NEW_FILE_TEXT).text) as { hooks: Record<string, { matcher?: string; hooks: unknown[] }[]> };
  assert.deepEqual(Object.keys(out), ['hooks']);
  assert.deepEqual(out.hooks.PreToolUse, [{ matcher: '*', hooks: [{ type: 'command', command: P.nodePath, args: [`${WARDEN_HOME}/bin/launch.cjs`, 'pre-tool-use'], timeout: 30 }] }]);
  assert.equal(out.hooks.PostToolUse?.[0]?.matcher, '*');
  assert.equal('matcher' in (out.hooks.SessionStart?.[0] ?? {}), false);
});

void test('a non-default warden home is passed to the hooks with --warden-home', () => {
  const p: Placement = { ...P, wardenHome: '/srv/warden', defaultHome: false };
  const out = addHooks('{}', FILE, wantedFor(p), '/srv/warden', EMPTY_RECORD).text;
  const pre = (JSON.parse(out) as { hooks: { PreToolUse: { hooks: { args: string[] }[] }[] } }).hooks.PreToolUse[0]?.hooks[0];
  assert.deepEqual(pre?.args, ['/srv/warden/bin/launch.cjs', 'pre-tool-use', '--warden-home', '/srv/warden']);
});

void test('reinstall with another node replaces the handler in place, nothing appended', () => {
  const first = install('{\n  "model": "opus"\n}\n');
  const p2: Placement = { ...P, nodePath: '/opt/node22/bin/node' };
  const second = addHooks(first.text, FILE, wantedFor(p2), WARDEN_HOME, first.record);
  assert.equal(second.text, first.text.replaceAll('/usr/local/bin/node', '/opt/node22/bin/node'));
  assert.equal(removeHooks(second.text, FILE, WARDEN_HOME, second.record).text, '{\n  "model": "opus"\n}\n');
});

void test('duplicates, narrowed matchers and hooks warden no longer ships are cleaned up', () => {
  const h = (bundle: string): string => JSON.stringify({ type: 'command', command: '/old/node', args: [`${WARDEN_HOME}/bin/${bundle}`] });
  const text = `{"hooks": {
  "PreToolUse": [{"matcher": "Bash", "hooks": [${h('pre-tool-use.cjs')}]}, {"matcher": "*", "hooks": [${h('pre-tool-use.cjs')}, ${h('pre-tool-use.cjs')}]}],
  "Stop": [{"hooks": [${h('stop.cjs')}]}],
  "Notification": [{"hooks": [{"type": "command", "command": "notify-send hi"}]}]
}}`;
  const out = JSON.parse(install(text).text) as { hooks: Record<string, { matcher?: string; hooks: { command: string }[] }[]> };
  const found = findWarden(out, WARDEN_HOME);
  assert.deepEqual(found.map((f) => f.event).sort(), ['PostToolUse', 'PreToolUse', 'SessionStart']);
  assert.equal(out.hooks.PreToolUse?.length, 1);
  assert.equal(out.hooks.PreToolUse?.[0]?.matcher, '*');
  assert.deepEqual(out.hooks.Stop, []); // pre-existing list: emptied, not removed
  assert.equal(out.hooks.Notification?.[0]?.hooks[0]?.command, 'notify-send hi');
});

void test("a user's own handler put into warden's group survives uninstall", () => {
  const a = install('{}\n');
  const mine = '{"type": "command", "command": "log-tool-use"}';
  const withMine = a.text.replace(/("hooks": \[\n\s*)(\{\n\s*"type": "command",\n\s*"command": "\/usr\/local\/bin\/node",\n\s*"args": \[\n\s*"[^"]*launch\.cjs",\n\s*"pre-tool-use)/, `$1${mine}, $2`);
  assert.notEqual(withMine, a.text);
  const out = JSON.parse(removeHooks(withMine, FILE, WARDEN_HOME, a.record).text) as { hooks: { PreToolUse: { hooks: unknown[] }[] } };
  assert.deepEqual(out, { hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: 'log-tool-use' }] }] } });
});

// Each must be refused with the location Claude Code's JSON.parse trips over (or the shape problem).
const INVALID: { name: string; text: string; where: RegExp; uninstallToo?: false }[] = [
  { name: 'trailing comma', text: '{\n  "model": "opus",\n}\n', where: /settings\.json:3:1: / },
  { name: 'comment', text: '// mine\n{}\n', where: /settings\.json:1:1: / },
  { name: 'missing value', text: '{\n  "a": 1,\n  "b":\n}', where: /settings\.json:4:1: / },
  { name: 'truncated', text: '{"hooks": {"PreToolUse": [', where: /settings\.json:1:\d+: / },
  { name: 'byte order mark', text: '\uFEFF{}', where: /byte order mark/ },
  { name: 'top level array', text: '[]', where: /top level is an array/ },
  { name: 'hooks is an array', text: '{\n  "hooks": []\n}', where: /settings\.json:2:12: "hooks" is an array/ },
  { name: 'event is an object', text: '{"hooks": {"PreToolUse": {}}}', where: /settings\.json:1:26: hooks\.PreToolUse is an object, not an array/, uninstallToo: false },
  { name: 'duplicate hooks key', text: '{"hooks": {}, "hooks": {}}', where: /"hooks" occurs more than once/ },
];

for (const c of INVALID) {
  void test(`refused: ${c.name}`, () => {
    assert.throws(() => install(c.text), (e: unknown) => e instanceof SettingsError && c.where.test(e.message));
    // uninstall only needs the parts that hold warden's handlers to be editable
    if (c.uninstallToo !== false) assert.throws(() => removeHooks(c.text, FILE, WARDEN_HOME, EMPTY_RECORD), SettingsError);
  });
}
