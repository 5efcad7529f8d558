// Reading a SQL (or Lua, or JavaScript) file a command names, to judge what it will run: `psql -f`,
// `mysql < file`, sqlite3 `.read`, `mongosh script.js`, `redis-cli --eval`.
//
// Trust model: the path is the agent's. Only regular files are read (a FIFO or a device would
// block the hook, and a blocked hook that Claude Code kills lets the command run), opened
// non-blocking, at most MAX_SCRIPT_BYTES; what cannot be read is reported, never guessed.

import fs from 'node:fs';
import path from 'node:path';
import { display, isDynamic } from '../shell/analyze.js';

/** Largest part of a script file read; a longer file is judged on this much and reported as a bound. */
export const MAX_SCRIPT_BYTES = 256 * 1024;

export type ReadResult =
  | { ok: true; text: string; path: string; truncated: boolean }
  | { ok: false; reason: 'dynamic' | 'missing'; path: string; detail: string };

/** Reads `file` (relative to `dir`), bounded. */
export function readScript(file: string, dir: string): ReadResult {
  if (isDynamic(file) || (!path.isAbsolute(file) && isDynamic(dir))) {
    return { ok: false, reason: 'dynamic', path: display(file), detail: `the path ${display(file)} is not fixed by the command line` };
  }
  const abs = path.resolve(dir, file);
  if (abs === '/dev/null') return { ok: true, text: '', path: abs, truncated: false };
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'missing', path: abs, detail: `${abs} is not a regular file` };
    const buf = Buffer.alloc(Math.min(st.size, MAX_SCRIPT_BYTES + 1));
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    const truncated = got > MAX_SCRIPT_BYTES;
    return { ok: true, text: buf.subarray(0, Math.min(got, MAX_SCRIPT_BYTES)).toString('utf8'), path: abs, truncated };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: 'missing', path: abs, detail: code === 'ENOENT' ? `${abs} does not exist (yet)` : `${abs} cannot be read (${code})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
