// The page in a real browser: Debian's chromium, headless, driven by playwright-core, against the
// built `warden serve` and the built PreToolUse hook, in a throwaway HOME. A held call shows up on
// the page, the human approves it there, and the identical call is then let through exactly once.
// A page from another loopback port, in the same browser, cannot read the API or approve anything.
//
// chromium comes from the system (.ci/run installs it with apt-get); without it this test fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { chromium, type BrowserContext } from 'playwright-core';
import { listApprovals } from '../../lib/gate/approvals.js';
import { allEntries } from '../../lib/journal/read.js';
import { decisionOf, runHook } from '../protocol/hook-helpers.js';
import { cleanupHomes, startCli, tempHome, type CliServer } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const cleanup: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanupHomes();
});

async function browser(): Promise<BrowserContext> {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium); install it the same way to run this test`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  cleanup.push(async () => {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });
  return ctx;
}

async function serve(): Promise<{ server: CliServer; home: ReturnType<typeof tempHome> }> {
  const home = tempHome();
  const server = await startCli(home);
  cleanup.push(() => server.stop());
  return { server, home };
}

/** An external write to a service with no trust yet: the safety gate holds it for a human. */
const POST = 'curl -X POST -d a=1 https://api.example.com/items';
const hookInput = JSON.stringify({
  session_id: 'browser-session',
  transcript_path: '/dev/null',
  cwd: os.tmpdir(),
  hook_event_name: 'PreToolUse',
  permission_mode: 'bypassPermissions',
  tool_name: 'Bash',
  tool_input: { command: POST },
  tool_use_id: 'toolu_browser',
});

/**
 * What the other app's page tries, as page script (a string: the test runner's transform must not
 * touch code that runs in the browser). Each attempt reports what the page could observe.
 */
const FOREIGN_PAGE_SCRIPT = `async (api, id) => {
  const attempt = async (what, f) => {
    try {
      const r = await f();
      const text = await r.text();
      return what + ': ' + r.type + ' ' + r.status + ' ' + (text.length > 0 ? 'read' : 'nothing');
    } catch (e) {
      return what + ': ' + e.name;
    }
  };
  return [
    await attempt('cors get', () => fetch(api + '/api/pending', { credentials: 'include' })),
    await attempt('no-cors get', () => fetch(api + '/api/pending', { credentials: 'include', mode: 'no-cors' })),
    await attempt('cors post', () => fetch(api + '/api/approvals/' + id + '/approve', { method: 'POST', credentials: 'include' })),
    await attempt('no-cors post', () => fetch(api + '/api/approvals/' + id + '/approve', { method: 'POST', credentials: 'include', mode: 'no-cors' })),
    await attempt('cors put', () => fetch(api + '/api/trust/example.com', { method: 'PUT', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{"score":1}' })),
  ];
}`;

void test('log in through the one-time link, approve a held call on the page, and the identical call runs once', async () => {
  const { server, home } = await serve();
  const env = { HOME: home.root, WARDEN_HOME: home.wardenHome };

  const held = runHook('pre-tool-use.cjs', hookInput, env);
  assert.equal(decisionOf(held).decision, 'ask', held.stderr);
  const id = /warden approve ([a-z2-9]{6})/.exec(decisionOf(held).reason)?.[1];
  assert.ok(id !== undefined, decisionOf(held).reason);

  const ctx = await browser();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  // Before logging in, the page says how to (its API calls get 401).
  await page.goto(`${server.url}/`);
  await page.locator('#logged-out').waitFor({ state: 'visible' });
  errors.length = 0;

  await page.goto(server.loginUrl);
  assert.equal(page.url(), `${server.url}/`);
  const cookies = await ctx.cookies(server.url);
  assert.deepEqual(
    cookies.map((c) => [c.name, c.httpOnly, c.sameSite]),
    [[`warden_session_${server.port}`, true, 'Strict']],
  );
  assert.equal(await page.evaluate('document.cookie'), '', 'the session cookie is out of reach of page script');
  assert.match(String(await page.evaluate("localStorage.getItem('warden-session-key')")), /^[A-Za-z0-9_-]{43}$/);

  const card = page.locator(`.approval[data-id="${id}"]`);
  await card.waitFor();
  assert.equal(await card.locator('.cmd').textContent(), POST);
  assert.match((await card.locator('.reason').textContent()) ?? '', /needs a human/);
  await card.locator('button.approve').click();
  await page.locator('#message', { hasText: `Approved ${id}` }).waitFor();

  const once = runHook('pre-tool-use.cjs', hookInput, env);
  assert.equal(once.code, 0, once.stderr);
  assert.deepEqual(once.json, {}, 'allowed: no objection');
  const again = runHook('pre-tool-use.cjs', hookInput, env);
  assert.equal(decisionOf(again).decision, 'ask');
  const next = /warden approve ([a-z2-9]{6})/.exec(decisionOf(again).reason)?.[1];
  assert.ok(next !== undefined && next !== id);

  assert.deepEqual(
    listApprovals(home.wardenHome, true).map((a) => [a.id, a.now]),
    [
      [next, 'pending'],
      [id, 'used'],
    ],
  );
  const decided = allEntries(path.join(home.wardenHome, 'journal')).entries.filter((e) => e.event === 'approval' && e.approval?.state === 'granted');
  assert.deepEqual(decided.map((e) => e.approval), [{ id, state: 'granted', by: 'page' }]);

  // The journal on the page shows the decisions with their rationale.
  await page.reload();
  await page.locator(`.approval[data-id="${next}"]`).waitFor();
  await page.locator('#journal-rows tr', { hasText: 'granted by page' }).first().waitFor();
  // The page asks for the chain check after it has drawn the rows: wait for its answer.
  await page.locator('#chain', { hasText: /chain (intact|BROKEN)/ }).waitFor();
  assert.match((await page.locator('#chain').textContent()) ?? '', /chain intact/);
  assert.deepEqual(errors, []);
});

void test('a page served from another loopback port cannot read the API or approve, though the browser is logged in', async () => {
  const { server, home } = await serve();
  const env = { HOME: home.root, WARDEN_HOME: home.wardenHome };
  const held = runHook('pre-tool-use.cjs', hookInput, env);
  const id = /warden approve ([a-z2-9]{6})/.exec(decisionOf(held).reason)?.[1];
  assert.ok(id !== undefined);

  const other = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>another local app</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => other.close(resolve)));
  const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}/`;

  const ctx = await browser();
  const page = await ctx.newPage();
  await page.goto(server.loginUrl);
  await page.locator(`.approval[data-id="${id}"]`).waitFor();

  await page.goto(otherUrl);
  const seen = await page.evaluate(`(${FOREIGN_PAGE_SCRIPT})(${JSON.stringify(server.url)}, ${JSON.stringify(id)})`);
  // No CORS grant: the page cannot read a response; the no-cors ones are blocked as well
  // (Cross-Origin-Resource-Policy: same-origin). The requests themselves did reach the server with
  // the session cookie (127.0.0.1 on another port is the same site), but without the session key,
  // which only the page's own origin holds, and with a foreign Origin: refused either way.
  assert.deepEqual(seen, ['cors get: TypeError', 'no-cors get: TypeError', 'cors post: TypeError', 'no-cors post: TypeError', 'cors put: TypeError']);
  assert.equal(listApprovals(home.wardenHome, true).find((a) => a.id === id)?.now, 'pending');
  assert.equal(fs.existsSync(path.join(home.wardenHome, 'gate', 'trust.json')), false);

  // The page itself cannot be framed by the other app.
  await page.setContent(`<iframe id="f" src="${server.url}/"></iframe>`);
  const framed = page.frames().find((f) => f.url().startsWith(server.url));
  const visible = framed === undefined ? false : await framed.locator('h1').isVisible().catch(() => false);
  assert.equal(visible, false);
});
