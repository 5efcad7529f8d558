// Path classification shared by the filesystem rules.

import path from 'node:path';
import { UNKNOWN, isDynamic } from '../../shell/analyze.js';

/** Second-level directories whose recursive deletion breaks the system. */
const SYSTEM_SUBDIRS = /^\/(usr|var|etc|System|Library|private|opt|snap|nix)\/[^/]+$/;

export interface Target {
  /** As written (for messages). */
  word: string;
  /** Absolute and normalized, with a trailing glob component removed (`/x/*` → `/x`). */
  path: string;
  /** The glob stood for everything inside `path`. */
  glob: boolean;
}

/**
 * Resolves a deletion operand against the command's cwd. Undefined if any part is unknown; an
 * absolute path needs no cwd (a command run on another host, after `cd "$X"`).
 */
export function resolveTarget(word: string, cwd: string): Target | undefined {
  if (isDynamic(word) || (isDynamic(cwd) && !word.startsWith('/'))) return undefined;
  let p = path.posix.resolve(cwd, word);
  let glob = false;
  // `dir/*`, `dir/.*`, `dir/*.*`, `dir/.[!.]*`, `dir/[a-z]*`: everything (or every hidden entry,
  // `.git` included) in dir. Bracket expressions count as wildcards; a literal name part such as
  // `*.log` restricts the match and does not.
  const base = path.posix.basename(p);
  const wild = base.replace(/\[[^\]]*\]/g, '?');
  if (/^[.*?]+$/.test(wild) && wild.includes('*') && p !== '/') {
    p = path.posix.dirname(p);
    glob = true;
  }
  return { word, path: p, glob };
}

/** The known prefix of a word with an unknown part: `/srv/$X/y` → `/srv/` (a word without one: itself). */
export function knownPrefix(word: string, cwd: string): string {
  const at = word.indexOf(UNKNOWN);
  const before = at === -1 ? word : word.slice(0, at);
  if (before === '') return '';
  if (before.startsWith('/')) return before;
  return isDynamic(cwd) ? '' : path.posix.join(cwd, before);
}

/** `a` is `b` or an ancestor of `b`. */
export function isSameOrAncestor(a: string, b: string): boolean {
  if (a === b) return true;
  const prefix = a.endsWith('/') ? a : `${a}/`;
  return b.startsWith(prefix);
}

/**
 * The protected path a deletion of `p` reaches: `p` is inside one, or contains one (unless the
 * deletion is narrowed to some names under `p`, which may well not touch it).
 */
export function protectedPathReached(p: string, protectedPaths: readonly string[], narrowed = false): string | undefined {
  return protectedPaths.find((pp) => isSameOrAncestor(pp, p) || (!narrowed && isSameOrAncestor(p, pp)));
}

export function isInside(p: string, dir: string): boolean {
  return isSameOrAncestor(dir, p);
}

/**
 * Scratch directories: deleting in them is routine. The system temp directories (macOS keeps
 * `$TMPDIR` under /var/folders) and the per-user caches that tools rebuild on demand (`rm -rf
 * ~/.cache` or `~/.npm/_cacache` costs a download, nothing more). Deleting /tmp or /var/folders as
 * a whole is still fs/rm-critical's (or fs/find-delete-critical's): they are top-level or system
 * directories.
 */
const SCRATCH = ['/tmp', '/var/tmp', '/private/tmp', '/private/var/tmp', '/var/folders', '/private/var/folders', '/dev/shm'];
const HOME_SCRATCH = [
  '.cache',
  'Library/Caches',
  '.npm/_cacache',
  '.npm/_npx',
  '.npm/_logs',
  '.pnpm-store',
  '.yarn/cache',
  '.bun/install/cache',
  '.gradle/caches',
  '.m2/repository',
  '.cargo/registry',
  '.cargo/git',
  'go/pkg/mod',
];

function isScratch(p: string, home: string): boolean {
  return SCRATCH.some((dir) => isInside(p, dir)) || HOME_SCRATCH.some((d) => isInside(p, path.posix.join(home, d)));
}

/** Neither inside the project nor in a scratch directory. */
export function isOutsideProject(p: string, projectDir: string, home: string): boolean {
  return !isInside(p, projectDir) && !isScratch(p, home);
}

/**
 * For a deletion operand with an unknown part (`$X`, `/$X`, `~/$X`, `./$X`): what it could delete
 * when the value is empty or wrong — undefined when its known prefix already bounds the damage to
 * a directory deep inside a safe place. `cwd` may be unknown too (after `cd $X`).
 */
export function unresolvedScope(word: string, cwd: string, home: string, projectDir: string): string | undefined {
  const prefix = knownPrefix(word, cwd);
  if (prefix === '') return 'anything';
  const dir = prefix.endsWith('/') ? prefix.slice(0, -1) || '/' : prefix.slice(0, prefix.lastIndexOf('/')) || '/';
  if (isScratch(dir, home) && namesEntryIn(word, prefix)) return undefined;
  return criticalReason(dir, home) !== undefined || isSameOrAncestor(dir, projectDir) ? `all of ${dir}` : undefined;
}

/**
 * The word names an entry inside the directory its known prefix ends in, however the unknown part
 * turns out (the part itself taken not to climb with `..`, as everywhere here): the prefix ends in
 * part of a name (`/tmp/build-$X`), or a name is written around or after the unknown part
 * (`/tmp/$X.log`, `/tmp/$X/out`, what `$TMPDIR/out` and `$(mktemp -d)` resolve to). Not `/tmp/$X`
 * (X may be empty), nor a glob over everything (`/tmp/$X/*`), nor `..`.
 */
function namesEntryIn(word: string, prefix: string): boolean {
  const rest = word.slice(prefix.length).split('/');
  if (rest.some((c) => c === '..')) return false;
  if (!prefix.endsWith('/')) return true;
  return rest.some((c) => {
    const known = c.split(UNKNOWN).join('');
    return known !== '' && known !== '.' && !/^[.*?]+$/.test(known.replace(/\[[^\]]*\]/g, '?'));
  });
}

/** Root, a top-level directory, a system directory, the home directory or one of its ancestors. */
export function criticalReason(p: string, home: string): string | undefined {
  if (p === '/') return 'the root directory';
  if (isSameOrAncestor(p, home)) return p === home ? 'your home directory' : 'a directory containing your home';
  if (/^\/[^/]+$/.test(p)) return 'a top-level system directory';
  if (SYSTEM_SUBDIRS.test(p)) return 'a system directory';
  return undefined;
}
