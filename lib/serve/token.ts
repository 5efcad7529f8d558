// The API token of `warden serve`: 256 random bits, hex, in `<warden home>/server.token`.
//
// Trust model: whoever can read the file can do everything the page can (approve held calls, set
// trust). It is made on first start with O_CREAT|O_EXCL and mode 0600 (two servers starting at once
// end up with the same token), and reused afterwards. A token file that is not a regular file, is
// readable by group or others, or does not hold a token refuses the start: warden does not repair
// or replace a secret it did not just make. Keeping the agent from reading it is the guard's job
// (the self-protection rules import TOKEN_FILE from ./routes.ts).
//
// Comparisons are constant-time: both sides are hashed to 32 bytes and compared with
// crypto.timingSafeEqual, so neither the content nor the length of a wrong guess shows in the time.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_FILE } from './routes.js';

export const TOKEN_BYTES = 32;
export const TOKEN_MODE = 0o600;
export const TOKEN_RE = /^[0-9a-f]{64}$/;
const HOME_MODE = 0o700;

export class TokenError extends Error {}

export function tokenPath(wardenHome: string): string {
  return path.join(wardenHome, TOKEN_FILE);
}

/** A new random secret of `bytes` bytes as hex (tokens) or base64url (session ids, login codes). */
export function randomSecret(bytes: number = TOKEN_BYTES, encoding: 'hex' | 'base64url' = 'hex'): string {
  return randomBytes(bytes).toString(encoding);
}

/** Constant-time equality of two secrets (of any lengths). */
export function sameSecret(a: string, b: string): boolean {
  const h = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(h(a), h(b));
}

function readToken(file: string): string {
  const st = fs.lstatSync(file);
  if (!st.isFile()) throw new TokenError(`${file} is not a regular file; remove it and start warden serve again`);
  if ((st.mode & 0o077) !== 0) {
    throw new TokenError(`${file} is readable by other users (mode ${(st.mode & 0o777).toString(8)}); treat the token as leaked: delete the file and start warden serve again for a new one`);
  }
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw new TokenError(`${file} belongs to another user; delete it and start warden serve again`);
  const token = fs.readFileSync(file, 'utf8').trim();
  if (!TOKEN_RE.test(token)) throw new TokenError(`${file} does not hold a token (64 hex digits); delete it and start warden serve again`);
  return token;
}

/**
 * The token, made (0600) if there is none yet. Throws TokenError for a file it will not use. A new
 * token is written to a temporary file first and linked into place, so a second server starting at
 * the same moment reads either no file or the whole token, never a half-written one.
 */
export function loadOrCreateToken(wardenHome: string): { token: string; file: string; created: boolean } {
  const file = tokenPath(wardenHome);
  fs.mkdirSync(wardenHome, { recursive: true, mode: HOME_MODE });
  if (fs.existsSync(file) || isLink(file)) return { token: readToken(file), file, created: false };
  const token = randomSecret();
  const temp = `${file}.${process.pid}.${randomSecret(6)}.tmp`;
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, TOKEN_MODE);
  try {
    fs.fchmodSync(fd, TOKEN_MODE);
    fs.writeSync(fd, `${token}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { token: readToken(file), file, created: false };
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { token, file, created: true };
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
