// The temp directory as a command reaches it without naming it: `$TMPDIR` (when the command line
// does not set it) and the paths `mktemp` prints. Their exact value is not known here (TMPDIR is
// /tmp, /var/folders/…/T on macOS, or a sandbox's own), but where they point is: a fresh entry of
// the system temp directory. They resolve to TEMP (`/tmp/<unknown>`): a path the rules read as
// scratch, and still unknown, so nothing reads a file at it (a script run from `$TMPDIR/x.sh` stays
// code warden cannot see) and no rule takes it for a literal path.
//
// One trap: an unset TMPDIR expands to nothing, so `$TMPDIR/usr` is /usr. A `$TMPDIR/…` whose
// first component names a top-level system directory stays wholly unknown.

import path from 'node:path';
import { UNKNOWN } from './unknown.js';

/** The temp directory when the command does not say which: /tmp, with an unknown part for where inside. */
export const TEMP = `/tmp/${UNKNOWN}`;

/** Top-level directories of Linux and macOS (lower case: macOS file systems ignore case). */
const TOP_LEVEL = new Set([
  'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'lost+found', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp',
  'usr', 'var', 'snap', 'nix', 'applications', 'library', 'system', 'users', 'volumes', 'private', 'cores', 'network', 'efi',
]);

/**
 * What `$TMPDIR` stands for when the command line has not set it, given the rest of its word: the
 * temp directory, when the rest names an entry in it (`/build`, `/x.log`); unknown otherwise (the
 * directory itself, a glob over it, `..`, or a name that is a system directory when TMPDIR is unset).
 */
export function tmpdirValue(rest: string): string {
  const m = /^\/+([^/]*)/.exec(rest);
  const first = m?.[1];
  if (first === undefined || first === '' || first === '.' || first === '..' || MARKER.test(first)) return UNKNOWN;
  if (/^[.*?[\]!]+$/.test(first) || TOP_LEVEL.has(first.toLowerCase())) return UNKNOWN;
  return TEMP;
}

/** The analysis' markers (UNKNOWN, substitutions, variables): a part not known here. */
const MARKER = new RegExp(`[${UNKNOWN}-${String.fromCharCode(8)}]`);

/** `${TMPDIR:-/tmp}`, `${TMPDIR-/var/tmp}`: the temp directory either way. */
export const TMPDIR_DEFAULT = /^TMPDIR:?-(\/tmp|\/var\/tmp)\/?$/;

const MKTEMP_VALUE = new Set(['-p', '--tmpdir', '--suffix']);

/**
 * The path `mktemp …` prints (GNU and BSD): the template with its run of X's unknown, in the
 * directory `-p`/`--tmpdir`/`-t` name, the temp directory when none is named (and for a template
 * without a directory), or relative to the cwd for a bare template. Undefined for a call that prints
 * no path (`--help`, `--version`) or one read differently by the two (a template in `-t` with a `/`).
 * `tmpdir`: the TMPDIR the command sets, if any.
 */
export function mktempPath(args: readonly string[], cwd: string, tmpdir: string | undefined): string | undefined {
  let dir: string | undefined;
  let inTemp = false;
  let suffix = '';
  let template: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      template = args[i + 1];
      break;
    }
    if (a === '--help' || a === '--version') return undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq);
      const value = eq === -1 ? undefined : a.slice(eq + 1);
      if (name === '--tmpdir') {
        inTemp = true;
        if (value !== undefined && value !== '') dir = value;
      } else if (name === '--suffix') {
        suffix = value ?? args[++i] ?? '';
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k] as string;
        if (f === 't') inTemp = true;
        if (f === 'p') {
          inTemp = true;
          const v = k < a.length - 1 ? a.slice(k + 1) : args[++i];
          if (v !== undefined && v !== '') dir = v;
          break;
        }
      }
      continue;
    }
    if (MKTEMP_VALUE.has(a)) continue;
    template ??= a;
  }
  const tempDir = tmpdir !== undefined && tmpdir !== '' ? tmpdir : TEMP;
  if (template === undefined) return `${dir ?? tempDir}/tmp.${UNKNOWN}${suffix}`;
  // The run of X's (at least three) ending the template, or ending it before the suffix.
  const m = /^(.*?)X{3,}$/s.exec(template);
  // BSD `mktemp -t prefix` appends its own X's; GNU wants them in the template (or fails).
  if (m === null && !(inTemp && !template.includes('/'))) return UNKNOWN;
  const name = m === null ? `${template}.${UNKNOWN}${suffix}` : `${m[1] as string}${UNKNOWN}${suffix}`;
  if (inTemp) {
    if (name.includes('/') && dir === undefined) return UNKNOWN;
    return `${dir ?? tempDir}/${name}`;
  }
  return name.startsWith('/') ? name : path.posix.join(cwd, name);
}
