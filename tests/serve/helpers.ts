// Helpers for the `warden serve` tests: a throwaway warden home, a server started in this process
// on a free loopback port, plain HTTP requests (node:http, so Host and Origin can be anything), and
// the built CLI started as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PolicySchema, type PolicyInput } from '../../lib/policy/schema.js';
import { startServer, type RunningServer } from '../../lib/serve/server.js';
import { serveSettingsFrom } from '../../lib/serve/settings.js';
import { loadOrCreateToken } from '../../lib/serve/token.js';
import { DIST } from '../protocol/hook-helpers.js';

export interface Home {
  root: string;
  wardenHome: string;
}

const roots: string[] = [];
/** `warden serve` processes started by startCli that are still running. */
const children = new Set<ChildProcess>();

/** A throwaway HOME with `.claude/warden` in it; removed by cleanupHomes(). */
export function tempHome(): Home {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-serve-')));
  const wardenHome = path.join(root, '.claude', 'warden');
  fs.mkdirSync(wardenHome, { recursive: true, mode: 0o700 });
  roots.push(root);
  return { root, wardenHome };
}

/** Stops any `warden serve` a failed test left running, then removes the homes. */
export function cleanupHomes(): void {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
}

export interface TestServer extends RunningServer {
  home: Home;
  token: string;
}

/** A server in this process on 127.0.0.1 and a free port, with the given `serve:` policy section. */
export async function testServer(serve: PolicyInput['serve'] = {}, home: Home = tempHome()): Promise<TestServer> {
  const settings = serveSettingsFrom(PolicySchema.parse({ serve }));
  const { token } = loadOrCreateToken(home.wardenHome);
  const running = await startServer({ wardenHome: home.wardenHome, host: '127.0.0.1', port: 0, settings, token, home: home.root });
  return { ...running, home, token };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

export interface Req {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Connect here (default 127.0.0.1); the Host header stays whatever `headers` say. */
  address?: string;
}

/** One HTTP request on a fresh connection. Host defaults to `127.0.0.1:<port>`. */
export function request(port: number, target: string, req: Req = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: req.address ?? '127.0.0.1', port, path: target, method: req.method ?? 'GET', agent: false, headers: { Host: `127.0.0.1:${port}`, ...(req.headers ?? {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON (a page, an empty body)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Logs in through the one-time link; returns the headers the page sends: its cookie and its session key. */
export async function login(s: RunningServer): Promise<{ Cookie: string; 'X-Warden-Key': string }> {
  const u = new URL(s.loginUrl);
  const r = await request(s.port, `${u.pathname}${u.search}`);
  const set = r.headers['set-cookie']?.[0];
  const key = /^\/#key=([A-Za-z0-9_-]+)$/.exec(r.headers.location ?? '')?.[1];
  if (r.status !== 303 || set === undefined || key === undefined) throw new Error(`login failed: ${r.status} ${r.text}`);
  return { Cookie: set.split(';')[0] ?? '', 'X-Warden-Key': key };
}

export interface CliServer {
  child: ChildProcess;
  url: string;
  port: number;
  loginUrl: string;
  stdout: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built `warden serve` with a throwaway HOME and waits until it prints its login link. */
export function startCli(home: Home, args: string[] = ['--port', '0'], env: Record<string, string> = {}): Promise<CliServer> {
  const child = spawn(process.execPath, [path.join(DIST, 'warden.cjs'), 'serve', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: home.root, WARDEN_HOME: home.wardenHome, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const loginUrl = /^\s+(http:\/\/\S+\/login\?code=\S+)$/m.exec(stdout)?.[1];
      // The banner's last line: everything before it (the token line too) has been printed.
      if (url !== undefined && loginUrl !== undefined && stdout.includes('Ctrl-C stops it')) {
        resolve({
          child,
          url,
          port: Number(new URL(url).port),
          loginUrl,
          stdout,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`warden serve exited (${code}) before it was ready: ${stdout}${stderr}`)));
  });
}
