// File operations for install/uninstall: atomic replace (temp file in the same directory, fsync,
// rename), create-only-if-absent (temp file + link, so a concurrent creator or an existing file is
// never overwritten), and backups of settings.json.
//
// Modes: a replaced file keeps its previous mode (0600 when new); backups are 0600 because
// settings.json can hold secrets (env, API helpers). Fail mode: any error leaves the target as it
// was and removes the temp file; the error propagates.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Mode of a settings file warden creates, and of every backup. */
export const PRIVATE_MODE = 0o600;
/** How many settings.json backups warden keeps (newest first); older ones are deleted. */
export const MAX_BACKUPS = 5;
export const BACKUP_INFIX = '.warden-backup-';

/** `p` with the home directory shown as `~`, for messages. */
export function tilde(p: string, home: string): string {
  return p === home || p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p;
}

export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.warden-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function withTemp<T>(target: string, fill: (tmp: string) => void, commit: (tmp: string) => T): T {
  const tmp = tempNameFor(target);
  try {
    fill(tmp);
    return commit(tmp);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function writeSynced(file: string, data: string | Buffer, mode: number): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `data` atomically. A symlinked file is written through to its target, so a
 * dotfiles link stays a link. `expect`: the content the caller based its edit on; if the file
 * changed meanwhile (Claude Code writing it too), nothing is written and an error is thrown.
 */
export function writeAtomic(file: string, data: string | Buffer, mode: number, expect?: string): void {
  const target = fs.existsSync(file) ? fs.realpathSync(file) : file;
  withTemp(
    target,
    (tmp) => writeSynced(tmp, data, mode),
    (tmp) => {
      if (expect !== undefined && readIfExists(target) !== expect) {
        throw new Error(`${file} changed while warden was editing it; nothing written, run the command again`);
      }
      fs.renameSync(tmp, target);
    },
  );
}

/** Creates `file` with `data` unless it exists. Returns false (and writes nothing) if it existed. */
export function createExclusive(file: string, data: string | Buffer, mode: number): boolean {
  return withTemp(
    file,
    (tmp) => writeSynced(tmp, data, mode),
    (tmp) => {
      try {
        fs.linkSync(tmp, file);
        return true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
      }
      // A file system without hard links: an exclusive copy is still never an overwrite.
      try {
        fs.copyFileSync(tmp, file, fs.constants.COPYFILE_EXCL);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
    },
  );
}

/** Copies `src` over `dest` atomically with `mode`. */
export function copyAtomic(src: string, dest: string, mode: number): void {
  writeAtomic(dest, fs.readFileSync(src), mode);
}

export function modeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** A timestamp usable in a file name on every platform (no colons), sorting in time order. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** Copies `file` to `<file>.warden-backup-<time>` (0600) and prunes old backups. Returns the backup path. */
export function backup(file: string, now: Date = new Date()): string {
  const data = fs.readFileSync(file);
  const base = `${file}${BACKUP_INFIX}${stamp(now)}`;
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}-${n}`;
    if (createExclusive(name, data, PRIVATE_MODE)) {
      pruneBackups(file);
      return name;
    }
  }
}

export function listBackups(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${BACKUP_INFIX}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix))
    .sort()
    .map((n) => path.join(dir, n));
}

function pruneBackups(file: string): void {
  const all = listBackups(file);
  for (const old of all.slice(0, Math.max(0, all.length - MAX_BACKUPS))) fs.rmSync(old, { force: true });
}
