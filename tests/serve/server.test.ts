// The server's protections, each over real HTTP against a server on a loopback port: credentials
// (401), the Host check (421), Origin and CORS (403, no grant), rate limits (429 + Retry-After),
// the body limit (413), timeouts (408), the one-time login link and its cookie, and the security
// headers on every response.
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { listApprovals, openApproval } from '../../lib/gate/approvals.js';
import { SECURITY_HEADERS } from '../../lib/serve/server.js';
import type { ToolCall } from '../../lib/types.js';
import { bearer, cleanupHomes, login, request, testServer, type Reply } from './helpers.js';

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  for (const s of servers) await s.close();
  cleanupHomes();
});
async function server(serve: Parameters<typeof testServer>[0] = {}) {
  const s = await testServer(serve);
  servers.push(s);
  return s;
}

const CALL: ToolCall = { tool: 'Bash', input: { command: 'curl -X POST -d a=1 https://api.example.com/items' }, cwd: '/p' };

function assertSecurityHeaders(r: Reply, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(r.headers[name.toLowerCase()], value, `${what}: ${name}`);
  const csp = String(r.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/, what);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, what);
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.equal(r.headers['x-frame-options'], 'DENY', what);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.equal(r.headers['referrer-policy'], 'no-referrer', what);
  assert.notEqual(r.headers['access-control-allow-origin'], '*', what);
}

void test('the API needs the token or a page session: 401 without, with a wrong one, with another scheme', async () => {
  const s = await server();
  const cases: [string, Record<string, string>, number][] = [
    ['no credential', {}, 401],
    ['a wrong token', bearer('0'.repeat(64)), 401],
    ['the token with one digit changed', bearer(s.token.slice(0, -1) + (s.token.endsWith('0') ? '1' : '0')), 401],
    ['a prefix of the token', bearer(s.token.slice(0, 32)), 401],
    ['Basic auth', { Authorization: `Basic ${Buffer.from(`x:${s.token}`).toString('base64')}` }, 401],
    ['a made-up session cookie', { Cookie: `warden_session_${s.port}=abc` }, 401],
    ['the token', bearer(s.token), 200],
  ];
  for (const [what, headers, status] of cases) {
    const r = await request(s.port, '/api/pending', { headers });
    assert.equal(r.status, status, what);
    if (status === 401) assert.equal(r.headers['www-authenticate'], 'Bearer', what);
  }
});

void test('421 for a Host that is not a loopback name with our port (DNS rebinding)', async () => {
  const s = await server();
  const hosts: [string, number][] = [
    [`evil.example:${s.port}`, 421],
    [`127.0.0.1:${s.port + 1}`, 421],
    ['127.0.0.1', 421],
    [`127.0.0.1.nip.io:${s.port}`, 421],
    [`localhost.evil.example:${s.port}`, 421],
    [`127.0.0.1:${s.port}`, 200],
    [`localhost:${s.port}`, 200],
    [`LOCALHOST:${s.port}`, 200],
    [`[::1]:${s.port}`, 200],
  ];
  for (const [host, status] of hosts) {
    const r = await request(s.port, '/api/health', { headers: { Host: host, ...bearer(s.token) } });
    assert.equal(r.status, status, host);
  }
});

void test('421 for a request without a Host header', async () => {
  const s = await server();
  const text = await new Promise<string>((resolve, reject) => {
    const sock = net.connect(s.port, '127.0.0.1', () => sock.write(`GET /api/health HTTP/1.0\r\nAuthorization: Bearer ${s.token}\r\n\r\n`));
    let got = '';
    sock.on('data', (c: Buffer) => (got += c.toString()));
    sock.on('end', () => resolve(got));
    sock.on('error', reject);
  });
  assert.match(text, /^HTTP\/1\.1 421 /);
});

void test('no CORS grant to another origin: its requests to the API are refused, without Access-Control-Allow-Origin', async () => {
  const s = await server();
  const own = `http://127.0.0.1:${s.port}`;
  const foreign = [`http://127.0.0.1:${s.port + 1}`, `http://localhost:${s.port + 1}`, 'http://evil.example', 'null', `https://127.0.0.1:${s.port}`];
  for (const origin of foreign) {
    const r = await request(s.port, '/api/health', { headers: { Origin: origin, ...bearer(s.token) } });
    assert.equal(r.status, 403, origin);
    assert.equal(r.headers['access-control-allow-origin'], undefined, origin);
  }
  const preflight = await request(s.port, '/api/health', { method: 'OPTIONS', headers: { Origin: foreign[0] ?? '', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  assert.equal(preflight.headers['access-control-allow-methods'], undefined);
  const mine = await request(s.port, '/api/health', { headers: { Origin: own, ...bearer(s.token) } });
  assert.equal(mine.status, 200);
  assert.equal(mine.headers['access-control-allow-origin'], own);
  assert.equal(mine.headers['access-control-allow-credentials'], undefined);
});

void test('403 for a foreign Origin on POST and PUT, even with the token; nothing changes', async () => {
  const s = await server();
  const id = openApproval(s.home.wardenHome, CALL, { reason: 'held', service: 'example.com', kind: 'write' }, 15 * 60_000).approval.id;
  const foreign = { Origin: `http://127.0.0.1:${s.port + 1}`, ...bearer(s.token) };
  const calls: [string, string, string | undefined][] = [
    ['POST', `/api/approvals/${id}/approve`, undefined],
    ['POST', `/api/approvals/${id}/reject`, undefined],
    ['PUT', '/api/trust/example.com', '{"score":1}'],
  ];
  for (const [method, target, body] of calls) {
    const r = await request(s.port, target, { method, headers: { ...foreign, 'Content-Type': 'application/json' }, ...(body !== undefined ? { body } : {}) });
    assert.equal(r.status, 403, `${method} ${target}`);
  }
  assert.equal(listApprovals(s.home.wardenHome, true)[0]?.now, 'pending');
  const trust = await request(s.port, '/api/trust', { headers: bearer(s.token) });
  assert.deepEqual(trust.json.services, []);
});

void test('a page session changes state only with its own Origin', async () => {
  const s = await server();
  const page = await login(s);
  const id = openApproval(s.home.wardenHome, CALL, { reason: 'held' }, 15 * 60_000).approval.id;
  const none = await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: page });
  assert.equal(none.status, 403);
  const site = await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: { ...page, Origin: `http://127.0.0.1:${s.port}`, 'Sec-Fetch-Site': 'same-site' } });
  assert.equal(site.status, 403);
  assert.equal(listApprovals(s.home.wardenHome, true)[0]?.now, 'pending');
  const own = await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: { ...page, Origin: `http://127.0.0.1:${s.port}`, 'Sec-Fetch-Site': 'same-origin' } });
  assert.equal(own.status, 200, own.text);
  assert.equal(listApprovals(s.home.wardenHome, true)[0]?.now, 'granted');
});

void test('the one-time login link works once; its cookie is HttpOnly and SameSite=Strict', async () => {
  const s = await server({ session_hours: 2 });
  const u = new URL(s.loginUrl);
  assert.equal(u.host, `127.0.0.1:${s.port}`);
  assert.match(u.searchParams.get('code') ?? '', /^[A-Za-z0-9_-]{43}$/);
  const first = await request(s.port, `${u.pathname}${u.search}`);
  assert.equal(first.status, 303);
  assert.match(first.headers.location ?? '', /^\/#key=[A-Za-z0-9_-]{43}$/);
  const key = (first.headers.location ?? '').slice('/#key='.length);
  const set = first.headers['set-cookie']?.[0] ?? '';
  assert.match(set, new RegExp(`^warden_session_${s.port}=[A-Za-z0-9_-]{43};`));
  assert.match(set, /; HttpOnly(;|$)/);
  assert.match(set, /; SameSite=Strict(;|$)/);
  assert.match(set, /; Path=\/(;|$)/);
  assert.match(set, /; Max-Age=7200(;|$)/);
  const cookie = set.split(';')[0] ?? '';
  const health = await request(s.port, '/api/health', { headers: { Cookie: cookie, 'X-Warden-Key': key } });
  assert.equal(health.status, 200);
  assert.equal(health.json.who, 'page');
  const again = await request(s.port, `${u.pathname}${u.search}`);
  assert.equal(again.status, 401);
  assert.equal(again.headers['set-cookie'], undefined);
  assert.match(again.text, /used already/);
  const wrong = await request(s.port, '/login?code=abc');
  assert.equal(wrong.status, 401);
});

void test('the session cookie alone opens nothing: a page session is the cookie and its key together', async () => {
  const s = await server();
  const page = await login(s);
  const other = await login(await server());
  const id = openApproval(s.home.wardenHome, CALL, { reason: 'held' }, 15 * 60_000).approval.id;
  const own = `http://127.0.0.1:${s.port}`;
  // What a server on another port of 127.0.0.1 gets from the browser: the cookie, never the key.
  const cases: [string, Record<string, string>][] = [
    ['the cookie alone', { Cookie: page.Cookie }],
    ['the cookie with an empty key', { Cookie: page.Cookie, 'X-Warden-Key': '' }],
    ['the cookie with a made-up key', { Cookie: page.Cookie, 'X-Warden-Key': 'k'.repeat(43) }],
    ["the cookie with another session's key", { Cookie: page.Cookie, 'X-Warden-Key': other['X-Warden-Key'] }],
    ['the key alone', { 'X-Warden-Key': page['X-Warden-Key'] }],
  ];
  for (const [what, headers] of cases) {
    assert.equal((await request(s.port, '/api/pending', { headers })).status, 401, what);
    assert.equal((await request(s.port, `/api/approvals/${id}/approve`, { method: 'POST', headers: { ...headers, Origin: own } })).status, 401, `${what}: approve`);
  }
  assert.equal(listApprovals(s.home.wardenHome, true)[0]?.now, 'pending');
  assert.equal((await request(s.port, '/api/pending', { headers: page })).status, 200);
  // The page itself still loads with the cookie alone (the browser sends no key for it).
  assert.equal((await request(s.port, '/', { headers: { Cookie: page.Cookie } })).status, 200);
});

void test('429 with Retry-After under a burst of unauthenticated requests: page, static files, 404s, 401s, wrong Host', async () => {
  const s = await server({ rate_limit: { anonymous: { per_minute: 6, burst: 5 } } });
  const targets: [string, Record<string, string>][] = [
    ['/', {}],
    ['/app.js', {}],
    ['/nope', {}],
    ['/api/pending', {}],
    ['/', { Host: 'evil.example' }],
  ];
  for (const [target, headers] of targets) assert.notEqual((await request(s.port, target, { headers })).status, 429, target);
  for (const [target, headers] of targets) {
    const r = await request(s.port, target, { headers });
    assert.equal(r.status, 429, target);
    assert.equal(r.headers['retry-after'], '10', target);
    assertSecurityHeaders(r, `429 on ${target}`);
  }
  // The token has its own bucket: an authenticated client is not starved by anonymous traffic.
  assert.equal((await request(s.port, '/api/pending', { headers: bearer(s.token) })).status, 200);
});

void test('429 with Retry-After under a burst of authenticated requests, per client', async () => {
  const s = await server({ rate_limit: { client: { per_minute: 2, burst: 3 } } });
  const page = await login(s);
  for (let i = 0; i < 3; i++) assert.equal((await request(s.port, '/api/health', { headers: bearer(s.token) })).status, 200);
  const r = await request(s.port, '/api/health', { headers: bearer(s.token) });
  assert.equal(r.status, 429);
  assert.equal(r.headers['retry-after'], '30');
  // Static files count too.
  assert.equal((await request(s.port, '/style.css', { headers: bearer(s.token) })).status, 429);
  // The page session is another client.
  assert.equal((await request(s.port, '/api/health', { headers: page })).status, 200);
});

void test('failed credentials are limited before any comparison; a page session keeps working', async () => {
  const s = await server({ rate_limit: { failed_auth: { per_minute: 1, burst: 2 } } });
  const page = await login(s);
  assert.equal((await request(s.port, '/api/health', { headers: bearer('a'.repeat(64)) })).status, 401);
  assert.equal((await request(s.port, '/login?code=guess')).status, 401);
  const locked = await request(s.port, '/api/health', { headers: bearer('b'.repeat(64)) });
  assert.equal(locked.status, 429);
  assert.equal(locked.headers['retry-after'], '60');
  // Even the right token waits now (a guess and the token cannot be told apart before comparing).
  assert.equal((await request(s.port, '/api/health', { headers: bearer(s.token) })).status, 429);
  assert.equal((await request(s.port, '/login?code=guess')).status, 429);
  assert.equal((await request(s.port, '/api/health', { headers: page })).status, 200);
});

void test('413 for a body over the limit: declared, or sent in chunks', async () => {
  const s = await server({ max_body_bytes: 256 });
  const json = { ...bearer(s.token), 'Content-Type': 'application/json' };
  const small = await request(s.port, '/api/trust/example.com', { method: 'PUT', headers: json, body: '{"score":0.5}' });
  assert.equal(small.status, 200, small.text);
  const big = `{"score":0.5,"pad":"${'x'.repeat(300)}"}`;
  const declared = await request(s.port, '/api/trust/example.com', { method: 'PUT', headers: json, body: big });
  assert.equal(declared.status, 413);
  assertSecurityHeaders(declared, '413');
  const chunked = await request(s.port, '/api/trust/example.com', { method: 'PUT', headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: big });
  assert.equal(chunked.status, 413);
  const post = await request(s.port, '/api/approvals/aaaaaa/approve', { method: 'POST', headers: json, body: big });
  assert.equal(post.status, 413);
});

void test('a client that sends its headers too slowly is cut off (408)', async () => {
  const s = await server({ headers_timeout_ms: 1000, request_timeout_ms: 2000 });
  const text = await new Promise<string>((resolve, reject) => {
    const sock = net.connect(s.port, '127.0.0.1', () => sock.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`));
    let got = '';
    sock.on('data', (c: Buffer) => (got += c.toString()));
    sock.on('close', () => resolve(got));
    sock.on('error', reject);
  });
  assert.match(text, /^HTTP\/1\.1 408 /);
  assert.match(text, /X-Frame-Options: DENY/);
});

void test('security headers on every response', async () => {
  const s = await server();
  const session = await login(s);
  const replies: [string, Promise<Reply>][] = [
    ['page', request(s.port, '/')],
    ['script', request(s.port, '/app.js')],
    ['stylesheet', request(s.port, '/style.css')],
    ['404', request(s.port, '/nope')],
    ['401', request(s.port, '/api/pending')],
    ['421', request(s.port, '/', { headers: { Host: 'evil.example' } })],
    ['403', request(s.port, '/api/health', { headers: { Origin: 'http://evil.example', ...bearer(s.token) } })],
    ['405', request(s.port, '/api/pending', { method: 'DELETE', headers: bearer(s.token) })],
    ['api', request(s.port, '/api/journal', { headers: session })],
    ['login failed', request(s.port, '/login?code=x')],
  ];
  for (const [what, p] of replies) assertSecurityHeaders(await p, what);
  const page = await request(s.port, '/');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  // No inline script: the page loads its one script file.
  assert.match(page.text, /<script src="\/app\.js" defer><\/script>/);
  assert.doesNotMatch(page.text, /<script>|<script [^>]*>[^<]|\son[a-z]+=/i);
});

void test('the token sits in the warden home with mode 0600', async () => {
  const s = await server();
  const fs = await import('node:fs');
  const st = fs.statSync(path.join(s.home.wardenHome, 'server.token'));
  assert.equal(st.mode & 0o777, 0o600);
  assert.equal(fs.readFileSync(path.join(s.home.wardenHome, 'server.token'), 'utf8'), `${s.token}\n`);
});
