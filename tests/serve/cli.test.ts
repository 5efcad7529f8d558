// `warden serve` as the user starts it (the built dist/warden.cjs, a throwaway HOME): loopback only,
// a non-loopback --host refused without --allow-remote, the token file made once and reused, the
// limits taken from the user's policy, and no start from inside a Claude Code session.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { isLoopback } from '../../lib/serve/index.js';
import { DIST } from '../protocol/hook-helpers.js';
import { bearer, cleanupHomes, request, startCli, tempHome, type Home } from './helpers.js';

after(cleanupHomes);

function run(home: Home, args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(DIST, 'warden.cjs'), 'serve', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home.root, WARDEN_HOME: home.wardenHome, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Whether a TCP connection to address:port is accepted. */
function connects(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: address, port });
    sock.on('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.on('error', () => resolve(false));
  });
}

void test('which hosts are loopback', () => {
  const cases: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['example.com', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
  ];
  for (const [host, loopback] of cases) assert.equal(isLoopback(host), loopback, host);
});

void test('--host 0.0.0.0 is refused with a non-zero exit and a clear message, before anything is made', () => {
  const home = tempHome();
  for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
    const r = run(home, ['--host', host, '--port', '0']);
    assert.equal(r.code, 64, host);
    assert.match(r.err, new RegExp(`refusing to listen on ${host.replace(/\./g, '\\.')}: not a loopback address`), host);
    assert.match(r.err, /--allow-remote/, host);
    assert.equal(r.out, '', host);
  }
  assert.equal(fs.existsSync(path.join(home.wardenHome, 'server.token')), false);
});

void test('--allow-remote lets a non-loopback host through with a warning and changes nothing else', () => {
  const home = tempHome();
  // 192.0.2.1 (TEST-NET-1) is on no interface here: the warning is printed, then binding fails.
  const r = run(home, ['--host', '192.0.2.1', '--port', '0', '--allow-remote']);
  assert.match(r.err, /WARNING: listening on 192\.0\.2\.1, which is not loopback/);
  assert.match(r.err, /cannot listen on 192\.0\.2\.1:0/);
  assert.equal(r.code, 1);
});

void test('by default it listens on 127.0.0.1 only: another loopback address of this machine is refused', async () => {
  const home = tempHome();
  const s = await startCli(home);
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(s.stdout, /\(loopback only\)/);
    assert.equal(await connects('127.0.0.1', s.port), true);
    assert.equal(await connects('127.0.0.2', s.port), false);
  } finally {
    assert.equal(await s.stop(), 0);
  }
  // The same probe tells a server on 127.0.0.2 apart: it is reachable there and not on 127.0.0.1.
  const other = await startCli(home, ['--port', '0', '--host', '127.0.0.2']);
  try {
    assert.equal(await connects('127.0.0.2', other.port), true);
    assert.equal(await connects('127.0.0.1', other.port), false);
  } finally {
    await other.stop();
  }
});

void test('the token file is made once with 256 random bits, mode 0600, and reused on restart', async () => {
  const home = tempHome();
  const file = path.join(home.wardenHome, 'server.token');
  const first = await startCli(home);
  const token = fs.readFileSync(file, 'utf8');
  try {
    assert.match(token, /^[0-9a-f]{64}\n$/);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.match(first.stdout, /server\.token \(new\)/);
    assert.equal((await request(first.port, '/api/health', { headers: bearer(token.trim()) })).status, 200);
  } finally {
    assert.equal(await first.stop(), 0);
  }
  const second = await startCli(home);
  try {
    assert.equal(fs.readFileSync(file, 'utf8'), token);
    assert.doesNotMatch(second.stdout, /\(new\)/);
    assert.equal((await request(second.port, '/api/health', { headers: bearer(token.trim()) })).status, 200);
    // Each start prints its own one-time link.
    assert.notEqual(second.loginUrl, first.loginUrl);
  } finally {
    await second.stop();
  }
  // Another home makes another token.
  const other = tempHome();
  const third = await startCli(other);
  await third.stop();
  assert.notEqual(fs.readFileSync(path.join(other.wardenHome, 'server.token'), 'utf8'), token);
});

void test('a token file others can read, or one that holds no token, refuses the start', () => {
  const cases: [string, string, number, RegExp][] = [
    ['group-readable', `${'a'.repeat(64)}\n`, 0o640, /readable by other users .*delete the file/],
    ['not a token', 'hello\n', 0o600, /does not hold a token/],
  ];
  for (const [what, text, mode, message] of cases) {
    const home = tempHome();
    const file = path.join(home.wardenHome, 'server.token');
    fs.writeFileSync(file, text, { mode });
    fs.chmodSync(file, mode);
    const r = run(home, ['--port', '0']);
    assert.equal(r.code, 78, what);
    assert.match(r.err, message, what);
    assert.equal(fs.readFileSync(file, 'utf8'), text, what);
  }
});

void test('the limits come from the user policy; an invalid policy refuses the start', async () => {
  const home = tempHome();
  fs.writeFileSync(path.join(home.wardenHome, 'policy.yaml'), 'serve:\n  rate_limit:\n    anonymous:\n      per_minute: 1\n      burst: 2\n');
  const s = await startCli(home);
  try {
    assert.equal((await request(s.port, '/')).status, 200);
    assert.equal((await request(s.port, '/nope')).status, 404);
    const r = await request(s.port, '/');
    assert.equal(r.status, 429);
    assert.equal(r.headers['retry-after'], '60');
  } finally {
    await s.stop();
  }
  fs.writeFileSync(path.join(home.wardenHome, 'policy.yaml'), 'serve:\n  max_body_bytes: lots\n');
  const bad = run(home, ['--port', '0']);
  assert.equal(bad.code, 78);
  assert.match(bad.err, /policy\.yaml:2: serve\.max_body_bytes/);
});

void test('it does not start inside a Claude Code session', () => {
  const home = tempHome();
  const r = run(home, ['--port', '0'], { CLAUDECODE: '1' });
  assert.equal(r.code, 77);
  assert.match(r.err, /not from inside a Claude Code session/);
  assert.equal(fs.existsSync(path.join(home.wardenHome, 'server.token')), false);
});

void test('a bad --port is a usage error', () => {
  const home = tempHome();
  for (const port of ['x', '70000', '-1']) assert.equal(run(home, ['--port', port]).code, 64, port);
});
