// Identity files (layer 4): who the agent is, whom it works for, what it must never do. Read fresh
// at every session boundary (SessionStart, SubagentStart), so an edit takes effect at the next one.
//
// Trust model: the user's identity file is the user's word. A project's (`.claude/identity.md`, or
// files a project policy adds) comes with the repository: it is read only if it resolves inside the
// project (a symlink to ~/.ssh/id_rsa is not followed out), only regular files are read (never a
// FIFO or device, which could hang the hook), and its text is redacted like the journal, because it
// goes into the model's context. Identity text guides the agent; it never changes what the guard
// allows.
//
// Limits: `identity.max_bytes` for all files together (default 6000, at most 8192, so the whole
// SessionStart context stays under Claude Code's 10,000-character cap); what is cut is replaced by a
// visible truncation marker naming the file.

// SHA-256 from @noble/hashes, as in the journal: node:crypto costs every hook process ~3.5 ms to load.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { IdentityFile } from '../policy/load.js';
import { redact } from '../journal/redact.js';

export interface IdentityPart {
  file: string;
  text: string;
}

export interface Identity {
  parts: IdentityPart[];
  /** Files that exist but were not read, with why. */
  skipped: string[];
  truncated: boolean;
  bytes: number;
  /** sha256 of the text shown, to tell in the journal which version the agent saw. */
  sha256: string;
}

function truncationMarker(file: string, cutBytes: number, maxBytes: number): string {
  return `[… identity truncated: ${cutBytes} more bytes of ${file} not shown; warden shows at most identity.max_bytes = ${maxBytes} bytes]`;
}


function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

type Read = { text: string; size: number } | { skip: string } | undefined;

/** Up to `limit` bytes of a regular file; undefined when it does not exist. */
function readCapped(f: IdentityFile, limit: number): Read {
  let real: string;
  try {
    real = fs.realpathSync(f.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { skip: `${f.path}: ${(e as Error).message}` };
  }
  if (f.confine !== undefined) {
    let root = f.confine;
    try {
      root = fs.realpathSync(f.confine);
    } catch {
      // the project directory itself is gone: nothing inside it can be read
    }
    if (!isInside(real, root)) return { skip: `${f.path}: resolves outside the project (${real}); not read` };
  }
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    return { skip: `${f.path}: ${(e as Error).message}` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { skip: `${f.path}: not a regular file; not read` };
    const buf = Buffer.alloc(Math.min(st.size, limit));
    const n = buf.length > 0 ? fs.readSync(fd, buf, 0, buf.length, 0) : 0;
    // Only whole characters: a cut never splits a UTF-8 sequence.
    return { text: new StringDecoder('utf8').write(buf.subarray(0, n)), size: st.size };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the identity files in order, within `maxBytes` in all. */
export function readIdentity(files: readonly IdentityFile[], maxBytes: number): Identity {
  const parts: IdentityPart[] = [];
  const skipped: string[] = [];
  let budget = maxBytes;
  let truncated = false;
  for (const f of files) {
    const r = readCapped(f, Math.max(0, budget));
    if (r === undefined) continue;
    if ('skip' in r) {
      skipped.push(r.skip);
      continue;
    }
    const used = Buffer.byteLength(r.text);
    // HTML comments are notes for the human editing the file (as in the templates), not for the agent.
    let text = redact(r.text.replace(/<!--[\s\S]*?-->\n?/g, '')).trimEnd();
    if (r.size > used) {
      truncated = true;
      text = `${text}\n${truncationMarker(f.path, r.size - used, maxBytes)}`;
    }
    budget -= used;
    if (text.trim() !== '') parts.push({ file: f.path, text });
  }
  const all = parts.map((p) => p.text).join('\n');
  return { parts, skipped, truncated, bytes: Buffer.byteLength(all), sha256: bytesToHex(sha256(utf8ToBytes(all))) };
}
