// `warden serve [--port P] [--host H] [--allow-remote]`: starts the page and API (./server.ts) on
// a loopback address, prints where, the one-time login link and where the API token is, and runs
// until interrupted.
//
// A host that is not loopback (127.0.0.0/8, ::1, localhost) is refused with a non-zero exit unless
// --allow-remote is given; then a warning is printed and nothing else changes (the Host check still
// accepts only loopback names, so the page is reached through an SSH tunnel, not by name).
// Like `warden approve`, it refuses to start inside a Claude Code session (CLAUDECODE set): the
// login link it prints is a session for whoever reads it.

import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { wardenHome } from '../paths.js';
import { SettingsError, loadServeSettings } from './settings.js';
import { startServer } from './server.js';
import { TokenError, loadOrCreateToken } from './token.js';

export const SERVE_HELP = `Usage:
  warden serve [--port P] [--host H] [--allow-remote]
      the page and API for approvals, the journal and trust, on http://127.0.0.1:<port>
      (port: serve.port in your policy, 7591; 0 picks a free one). Prints a one-time login link;
      the API takes Authorization: Bearer <the token in ~/.claude/warden/server.token>.
      --host must be a loopback address unless --allow-remote is given too.`;

const DEFAULT_HOST = '127.0.0.1';

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

function err(s: string): void {
  process.stderr.write(`warden serve: ${s}\n`);
}

export async function serve(argv: string[]): Promise<number> {
  let values: { port?: string; host?: string; 'allow-remote'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' }, 'allow-remote': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (e) {
    err(`${(e as Error).message}\n\n${SERVE_HELP}`);
    return 64;
  }
  if (values.help === true) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (process.env.CLAUDECODE !== undefined && process.env.CLAUDECODE !== '') {
    err('must be started by a human in their own terminal, not from inside a Claude Code session (CLAUDECODE is set): its login link is a session on the page.');
    return 77;
  }
  const requested = values.host ?? DEFAULT_HOST;
  const loopback = isLoopback(requested);
  if (!loopback && values['allow-remote'] !== true) {
    err(`refusing to listen on ${requested}: not a loopback address, so other machines could reach the API. Use 127.0.0.1 (the default), or add --allow-remote if you really mean it.`);
    return 64;
  }
  if (!loopback) err(`WARNING: listening on ${requested}, which is not loopback (--allow-remote). The token and login link still guard the API and only loopback Host names are answered, but keep the port behind a firewall.`);
  // localhost can resolve to anything /etc/hosts says: listen on the address itself.
  const host = requested.toLowerCase() === 'localhost' ? DEFAULT_HOST : requested.replace(/^\[(.*)\]$/, '$1');

  const home = wardenHome();
  let settings;
  try {
    settings = loadServeSettings(home);
  } catch (e) {
    if (e instanceof SettingsError) {
      err(e.message);
      return 78;
    }
    throw e;
  }
  let port = settings.port;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) {
      err(`--port takes a port number (0 to 65535), not ${JSON.stringify(values.port)}`);
      return 64;
    }
    port = Number(values.port);
  }
  let token;
  try {
    token = loadOrCreateToken(home);
  } catch (e) {
    if (e instanceof TokenError) {
      err(e.message);
      return 78;
    }
    throw e;
  }
  let running;
  try {
    running = await startServer({ wardenHome: home, host, port, settings, token: token.token, home: os.homedir() });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(code === 'EADDRINUSE' ? `port ${port} is in use (another warden serve?); pick another with --port` : `cannot listen on ${host}:${port} (${(e as Error).message})`);
    return 1;
  }
  // Ctrl-C and SIGTERM stop it cleanly (exit 0) from the moment anyone can know it is listening.
  const stopped = new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  out(`warden serve: listening on ${running.url}${loopback ? ' (loopback only)' : ''}`);
  out(`Log in once with this link (it works once, for ${Math.round(settings.loginMs / 60_000)} min):`);
  out(`  ${running.loginUrl}`);
  out(`API token: ${token.file}${token.created ? ' (new)' : ''}  (Authorization: Bearer <token>)`);
  out('Ctrl-C stops it.');
  return stopped;
}
