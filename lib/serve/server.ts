// `warden serve`: a local HTTP server for the page and API of approvals, the journal and trust
// (layer 3 of DESIGN.md). node:http, no framework.
//
// Trust model: the server runs as the user and can do what `warden approve`, `reject` and
// `trust set` do, so every way in is closed by default:
//   - it listens on a loopback address (./index.ts refuses anything else without --allow-remote);
//   - the Host header must be a loopback name with the server's port (421 otherwise): a DNS name
//     rebound to 127.0.0.1 does not reach the API;
//   - every /api/ request needs a credential: `Authorization: Bearer <token>` (./token.ts; the
//     token file is 0600) or a page session, got once through the one-time login link printed at
//     start: an HttpOnly, SameSite=Strict cookie AND a session key the login hands to the page in
//     the URL fragment, which the page keeps in its origin's localStorage and sends as the
//     X-Warden-Key header. Cookies are not kept apart by port, origins are: a server on another
//     port of 127.0.0.1 that the browser sends the cookie to never sees the key. Sessions live in
//     memory only; a restart logs everyone out;
//   - no CORS grant to any other origin; a request with a foreign Origin (another port of
//     127.0.0.1 is a foreign origin, though the same site) is refused (403) on the API and on every
//     state-changing method; a state-changing request on a page session must carry our own Origin;
//   - rate limits on every request (./ratelimit.ts), per client: each credential has a bucket,
//     requests without one share a bucket per address, failed credentials have a small bucket per
//     address that is checked before any comparison;
//   - a body limit, header and request timeouts, and on every response the security headers below
//     (CSP without inline script, no framing, nosniff, no referrer, same-origin resources).
// What it does not stop: a process running as the user that reads the token file, or the session
// out of the browser's profile — SECURITY.md.
//
// Fail mode: an exception in a handler is a 500 with its message; nothing it does decides a
// tool call (approvals are only ever granted by an explicit POST).

import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import * as api from './api.js';
import { pageFiles } from './page-files.js';
import { RateLimiter, type Verdict } from './ratelimit.js';
import { API_PREFIX, API_ROUTES, APPROVE, HEALTH, JOURNAL, JOURNAL_VERIFY, LOGIN_PATH, PENDING, POLICY, REJECT, SESSION_COOKIE_PREFIX, SESSION_KEY_FRAGMENT, SESSION_KEY_HEADER, TRUST, TRUST_SET, type Route } from './routes.js';
import type { ServeSettings } from './settings.js';
import { randomSecret, sameSecret } from './token.js';

/** Page sessions kept at once; the oldest goes first. */
export const MAX_SESSIONS = 32;
export const MAX_HEADER_BYTES = 8192;
export const MAX_CONNECTIONS = 128;

/** On every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const STATIC: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

export interface ServerOptions {
  wardenHome: string;
  /** The address to listen on (./index.ts has checked it). */
  host: string;
  port: number;
  settings: ServeSettings;
  token: string;
  /** The user's home directory, for `~` in the policy. */
  home?: string;
}

export interface RunningServer {
  server: http.Server;
  host: string;
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  /** The one-time login link printed at start. */
  loginUrl: string;
  close(): Promise<void>;
}

type Who = api.Who;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `[::1]` for IPv6 literals, as in a URL or a Host header. */
function hostLiteral(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

const HANDLERS: ReadonlyMap<Route, (ctx: api.ApiContext) => api.ApiResult> = new Map<Route, (ctx: api.ApiContext) => api.ApiResult>([
  [HEALTH, api.health],
  [PENDING, api.pending],
  [APPROVE, (ctx) => api.decide(ctx, 'granted')],
  [REJECT, (ctx) => api.decide(ctx, 'rejected')],
  [JOURNAL, api.journal],
  [JOURNAL_VERIFY, api.journalVerify],
  [TRUST, api.trust],
  [TRUST_SET, api.trustSet],
  [POLICY, api.policy],
]);

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const s = opts.settings;
  const home = opts.home ?? os.homedir();
  const started = new Date().toISOString();
  const limits = {
    client: new RateLimiter(s.rateLimit.client),
    anonymous: new RateLimiter(s.rateLimit.anonymous),
    failedAuth: new RateLimiter(s.rateLimit.failedAuth),
  };
  /** Session id (the cookie, 256 random bits) → its key (X-Warden-Key, 256 random bits) and expiry (ms). */
  const sessions = new Map<string, { key: string; expires: number }>();
  const login = { code: randomSecret(32, 'base64url'), expires: Date.now() + s.loginMs, used: false };

  let port = 0;
  let hosts = new Set<string>();
  let origins = new Set<string>();
  let cookieName = SESSION_COOKIE_PREFIX;

  const server = http.createServer({
    headersTimeout: s.headersTimeoutMs,
    requestTimeout: s.requestTimeoutMs,
    keepAliveTimeout: s.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.floor(s.headersTimeoutMs / 2)),
    maxHeaderSize: MAX_HEADER_BYTES,
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.maxHeadersCount = 100;

  const send = (res: http.ServerResponse, status: number, body: string, type: string, headers: Record<string, string | string[]> = {}): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void => {
    send(res, status, `${JSON.stringify(body)}\n`, 'application/json; charset=utf-8', headers);
  };
  const tooMany = (res: http.ServerResponse, v: Verdict & { ok: false }): void => {
    sendJson(res, 429, { error: `too many requests; retry after ${v.retryAfterSeconds} s` }, { 'Retry-After': String(v.retryAfterSeconds) });
  };

  /** The live session a cookie names, if any. */
  const sessionOf = (id: string, now: number): { key: string; expires: number } | undefined => {
    const session = sessions.get(id);
    if (session !== undefined && session.expires <= now) {
      sessions.delete(id);
      return undefined;
    }
    return session;
  };
  const newSession = (now: number): { id: string; key: string } => {
    while (sessions.size >= MAX_SESSIONS) {
      const oldest = sessions.keys().next().value;
      if (oldest === undefined) break;
      sessions.delete(oldest);
    }
    const id = randomSecret(32, 'base64url');
    const key = randomSecret(32, 'base64url');
    sessions.set(id, { key, expires: now + s.sessionMs });
    return { id, key };
  };

  /** The body, up to the limit (413 past it, from the declared length or from what arrives). */
  function readBody(req: http.IncomingMessage): Promise<string> {
    const tooLarge = (): HttpError => new HttpError(413, `the body is larger than ${s.maxBodyBytes} bytes`);
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > s.maxBodyBytes) return Promise.reject(tooLarge());
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (b: Buffer) => {
        if (over) return;
        size += b.length;
        if (size > s.maxBodyBytes) {
          over = true;
          chunks.length = 0;
          reject(tooLarge());
        } else chunks.push(b);
      });
      req.on('end', () => {
        if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
      });
      req.on('error', reject);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const now = Date.now();
    const addr = req.socket.remoteAddress ?? 'unknown';
    const method = req.method ?? 'GET';
    const stateChanging = method !== 'GET' && method !== 'HEAD';

    // 1. Host: a loopback name with our port, or nothing at all.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) {
      const v = limits.anonymous.take(addr, now);
      if (!v.ok) return tooMany(res, v);
      return sendJson(res, 421, { error: `this server answers only to ${[...hosts].join(', ')}` });
    }
    const target = req.url ?? '';
    if (!target.startsWith('/')) {
      const v = limits.anonymous.take(addr, now);
      if (!v.ok) return tooMany(res, v);
      return sendJson(res, 400, { error: 'request target must be a path' });
    }
    const url = new URL(target, `http://${host}`);
    const pathname = url.pathname;

    // 2. Who is asking: the token, a page session, or nobody. Failed credentials have their own bucket.
    let who: Who | undefined;
    let staleCookie = false;
    const auth = req.headers.authorization;
    const cookie = parseCookies(req.headers.cookie).get(cookieName);
    const keyHeader = req.headers[SESSION_KEY_HEADER];
    const key = typeof keyHeader === 'string' && keyHeader !== '' ? keyHeader : undefined;
    const isLogin = pathname === LOGIN_PATH && method === 'GET';
    if (auth !== undefined || isLogin) {
      const gate = limits.failedAuth.check(addr, now);
      if (!gate.ok) return tooMany(res, gate);
    }
    if (auth !== undefined) {
      const m = /^Bearer +([^\s]+) *$/i.exec(auth);
      if (m?.[1] !== undefined && sameSecret(m[1], opts.token)) who = 'api';
      else {
        limits.failedAuth.take(addr, now);
        const v = limits.anonymous.take(addr, now);
        if (!v.ok) return tooMany(res, v);
        return sendJson(res, 401, { error: 'wrong token' }, { 'WWW-Authenticate': 'Bearer' });
      }
    } else if (cookie !== undefined) {
      const session = sessionOf(cookie, now);
      if (session !== undefined && key !== undefined && sameSecret(key, session.key)) who = 'page';
      else if (session !== undefined && key !== undefined) {
        // The session's cookie with a key that is not its own: a cookie replayed without the page.
        limits.failedAuth.take(addr, now);
        const v = limits.anonymous.take(addr, now);
        if (!v.ok) return tooMany(res, v);
        return sendJson(res, 401, { error: 'wrong session key' });
      } else if (session === undefined) {
        // An expired session, or one from before a restart (256 random bits: not worth guessing):
        // forget it and carry on without one.
        staleCookie = true;
      }
      // A live cookie without a key (the browser loading the page itself): no session for this request.
    }
    const verdict = who === 'api' ? limits.client.take('token', now) : who === 'page' ? limits.client.take(`session:${cookie ?? ''}`, now) : limits.anonymous.take(addr, now);
    if (!verdict.ok) return tooMany(res, verdict);
    if (staleCookie) res.setHeader('Set-Cookie', `${cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);

    // 3. Origin: never another origin on the API or with a state-changing method; a page session
    // changes state only from our own origin.
    const origin = req.headers.origin;
    const foreign = origin !== undefined && !origins.has(origin);
    const fetchSite = req.headers['sec-fetch-site'];
    const isApi = pathname.startsWith(API_PREFIX);
    if (foreign && (stateChanging || isApi || isLogin)) return sendJson(res, 403, { error: 'requests from another origin are refused' });
    if (isApi && typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') return sendJson(res, 403, { error: 'requests from another site are refused' });
    if (stateChanging && who === 'page' && origin === undefined) return sendJson(res, 403, { error: 'a change from the page must carry its Origin' });
    if (origin !== undefined && !foreign) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }

    // 4. Routes.
    if (isLogin) return loginWith(url.searchParams.get('code') ?? '', res, now, addr);
    const file = STATIC[pathname];
    if (file !== undefined) {
      if (method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
      const text = pageFiles()[file.file];
      if (text === undefined) return sendJson(res, 404, { error: 'not found' });
      return send(res, 200, text, file.type);
    }
    if (!isApi) return sendJson(res, 404, { error: 'not found' });
    if (who === undefined) return sendJson(res, 401, { error: 'log in through the link warden serve printed, or send Authorization: Bearer <token>' }, { 'WWW-Authenticate': 'Bearer' });
    const matched = API_ROUTES.map((r) => ({ r, m: r.re.exec(pathname) })).filter((x) => x.m !== null);
    if (matched.length === 0) return sendJson(res, 404, { error: 'no such endpoint' });
    const hit = matched.find((x) => x.r.method === method);
    if (hit === undefined || hit.m === null) return sendJson(res, 405, { error: 'method not allowed' }, { Allow: matched.map((x) => x.r.method).join(', ') });
    let body: unknown;
    if (stateChanging) {
      const text = await readBody(req);
      if (text.trim() !== '') {
        const type = String(req.headers['content-type'] ?? '');
        if (!/^application\/json\b/i.test(type)) return sendJson(res, 415, { error: 'send the body as application/json' });
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, { error: 'the body is not JSON' });
        }
      }
    }
    let params: string[];
    try {
      params = hit.m.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      return sendJson(res, 400, { error: 'bad escape in the path' });
    }
    const handler = HANDLERS.get(hit.r);
    if (handler === undefined) return sendJson(res, 404, { error: 'no such endpoint' });
    const r = handler({ wardenHome: opts.wardenHome, home, who, now, params, query: url.searchParams, body, started });
    return sendJson(res, r.status, r.body);
  }

  function loginWith(code: string, res: http.ServerResponse, now: number, addr: string): void {
    const valid = !login.used && login.expires > now && sameSecret(code, login.code);
    if (!valid) {
      limits.failedAuth.take(addr, now);
      return send(res, 401, loginFailedPage(login.used ? 'This login link has been used already.' : login.expires <= now ? 'This login link has expired.' : 'This is not a valid login link.'), 'text/html; charset=utf-8');
    }
    login.used = true;
    const { id, key } = newSession(now);
    res.writeHead(303, {
      // The fragment never goes to a server; the page moves the key to localStorage and drops it from the address.
      Location: `/#${SESSION_KEY_FRAGMENT}=${key}`,
      'Set-Cookie': `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(s.sessionMs / 1000)}`,
      'Content-Length': 0,
    });
    res.end();
  }

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      sendJson(res, status, { error: e instanceof Error ? e.message : String(e) }, status === 413 ? { Connection: 'close' } : {});
      if (status === 413) req.resume();
    });
  });
  // Malformed requests, headers too large, requests too slow: answered here, with the same headers.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: opts.host, port: opts.port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', hostLiteral(address.address)]);
  hosts = new Set([...names].map((n) => `${n}:${port}`));
  origins = new Set([...names].map((n) => `http://${n}:${port}`));
  cookieName = `${SESSION_COOKIE_PREFIX}${port}`;
  const url = `http://${hostLiteral(address.address)}:${port}`;
  return {
    server,
    host: address.address,
    port,
    url,
    loginUrl: `${url}${LOGIN_PATH}?code=${login.code}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function loginFailedPage(why: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>warden: not logged in</title><link rel="stylesheet" href="/style.css"></head>
<body><main><h1>warden</h1><p class="error">${why}</p>
<p>Each link that <code>warden serve</code> prints logs in once. Stop it and start it again in your terminal for a new one.</p></main></body></html>
`;
}
