// Reading a script from disk, for the analysis of `bash x.sh`, `source x`, `. x` and `./x.sh`.
//
// Trust model: the path comes from a hostile command. The file is opened non-blocking and checked
// to be a regular file before anything is read, so a FIFO, a device or a socket can never hang the
// hook; `/dev/*` is never opened at all. At most MAX_SCRIPT bytes are read; a larger file is a
// bound (the caller reports it), never a partial read passed off as the whole script.

import fs from 'node:fs';

/** Bytes of one script that are read and analysed. */
export const MAX_SCRIPT = 64 * 1024;

export type ScriptRead =
  | { kind: 'text'; text: string }
  /** A compiled program (it holds NUL bytes): nothing to analyse. */
  | { kind: 'binary' }
  | { kind: 'missing' }
  | { kind: 'unreadable' }
  /** A directory, FIFO, device or socket. */
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number };

/**
 * Installed software: scripts there are programs like any other (running `brew` by name is not read
 * either), and reading them would only judge their authors' code.
 */
const SYSTEM = /^\/(?:usr|bin|sbin|lib|lib32|lib64|libexec|nix\/store|snap|System|opt\/homebrew|opt\/local|Applications)\//;

export function isSystemPath(file: string): boolean {
  return SYSTEM.test(file);
}

export function readScript(file: string): ScriptRead {
  if (file.startsWith('/dev/') || file.startsWith('/proc/')) return { kind: 'not-a-file' };
  // A cheap first look (no exception for a missing file); the open below checks again.
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return { kind: 'unreadable' };
  }
  if (st === undefined) return { kind: 'missing' };
  if (!st.isFile()) return { kind: 'not-a-file' };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable' };
  }
  try {
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) return { kind: 'not-a-file' };
    if (fst.size > MAX_SCRIPT) return { kind: 'too-large', size: fst.size };
    const buf = Buffer.alloc(fst.size);
    let n = 0;
    while (n < fst.size) {
      const k = fs.readSync(fd, buf, n, fst.size - n, n);
      if (k === 0) break;
      n += k;
    }
    const bytes = buf.subarray(0, n);
    if (bytes.includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    fs.closeSync(fd);
  }
}

/** The interpreter a `#!` line names (`bash` for `#!/usr/bin/env -S bash -e`), or undefined without one. */
export function shebangProgram(text: string): string | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = text.slice(2, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim();
  const words = line.split(/\s+/);
  let prog = (words[0] ?? '').split('/').pop() ?? '';
  if (prog === 'env') prog = words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) ?? '';
  return prog;
}
