// Putting warden's files in place outside the clone, and taking them away again.
//
// Files and modes:
//   <wardenHome>/                 0700 (created if absent; its mode is left alone if it exists)
//   <wardenHome>/bin/             0755, the built bundles copied atomically (temp + rename), so the
//                                 hooks never depend on where the clone is; warden.cjs 0755, the
//                                 rest 0644. A hook that runs during a reinstall sees either the old
//                                 or the new file of each bundle, never a half-written one.
//   <wardenHome>/policy.yaml      0644, the shipped default; created only if absent, never replaced
//   ~/.local/bin/warden           symlink → <wardenHome>/bin/warden.cjs; an existing link to another
//                                 warden.cjs is replaced, anything else there is left alone
//
// Fail mode: errors propagate; install deploys before it touches settings.json, so a failed deploy
// never leaves hooks registered that point at missing files.

import fs from 'node:fs';
import path from 'node:path';
import { copyAtomic, createExclusive } from './files.js';
import { CLI_BUNDLE, DEFAULT_POLICY, HOOKS, LAUNCHER, binDir } from './hooks.js';

export const HOME_MODE = 0o700;
export const BIN_MODE = 0o755;
export const BUNDLE_MODE = 0o644;
export const POLICY_MODE = 0o644;

/** Bundles that must be present in a dist directory for it to be installable. */
const REQUIRED = [CLI_BUNDLE, LAUNCHER, 'pre-tool-use.cjs', DEFAULT_POLICY];

const isDeployed = (name: string): boolean => name.endsWith('.cjs') || name === DEFAULT_POLICY;

/** Throws unless `dir` holds the built bundles. */
export function checkDist(dir: string): void {
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(`no built bundles in ${dir} (missing ${missing.join(', ')}); run ./install.sh in the warden clone, or npm run build first`);
  }
}

/** Which hooks from the table have a bundle in `dir`. */
export function availableHooks(dir: string): typeof HOOKS {
  return HOOKS.filter((h) => fs.existsSync(path.join(dir, h.bundle)));
}

function sameDir(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/** Copies the bundles from `dist` into `<wardenHome>/bin/` and removes bundles no longer built. Returns the names copied. */
export function deployBundles(dist: string, wardenHome: string): string[] {
  fs.mkdirSync(wardenHome, { recursive: true, mode: HOME_MODE });
  const bin = binDir(wardenHome);
  fs.mkdirSync(bin, { recursive: true, mode: BIN_MODE });
  if (sameDir(dist, bin)) return []; // running the installed CLI: the bundles are already there
  const names = fs.readdirSync(dist).filter(isDeployed).sort();
  for (const name of names) copyAtomic(path.join(dist, name), path.join(bin, name), name === CLI_BUNDLE ? BIN_MODE : BUNDLE_MODE);
  for (const stale of fs.readdirSync(bin).filter((n) => isDeployed(n) && !names.includes(n))) fs.rmSync(path.join(bin, stale), { force: true });
  return names;
}

/** Creates `<wardenHome>/policy.yaml` from the shipped default unless it exists. True if created. */
export function ensureUserPolicy(wardenHome: string): boolean {
  const shipped = fs.readFileSync(path.join(binDir(wardenHome), DEFAULT_POLICY));
  return createExclusive(path.join(wardenHome, DEFAULT_POLICY), shipped, POLICY_MODE);
}

export type LinkOutcome = 'created' | 'unchanged' | 'replaced' | { kept: string };

/** Links `<localBin>/warden` to the installed CLI. */
export function linkCli(localBin: string, wardenHome: string): LinkOutcome {
  const target = path.join(binDir(wardenHome), CLI_BUNDLE);
  const link = path.join(localBin, 'warden');
  fs.mkdirSync(localBin, { recursive: true, mode: BIN_MODE });
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(link);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (st === undefined) {
    fs.symlinkSync(target, link);
    return 'created';
  }
  if (!st.isSymbolicLink()) return { kept: `${link} exists and is not a symlink` };
  const current = path.resolve(localBin, fs.readlinkSync(link));
  if (current === target) return 'unchanged';
  if (path.basename(current) !== CLI_BUNDLE) return { kept: `${link} points to ${current}, not to a warden` };
  const tmp = `${link}.warden-tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(target, tmp);
  fs.renameSync(tmp, link);
  return 'replaced';
}

/** Removes `<localBin>/warden` if it is a symlink into wardenHome. True if removed. */
export function unlinkCli(localBin: string, wardenHome: string): boolean {
  const link = path.join(localBin, 'warden');
  try {
    if (!fs.lstatSync(link).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  const rel = path.relative(wardenHome, path.resolve(localBin, fs.readlinkSync(link)));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  fs.rmSync(link);
  return true;
}

export function onPath(dir: string, pathEnv: string | undefined): boolean {
  return (pathEnv ?? '').split(path.delimiter).some((p) => p !== '' && path.resolve(p) === path.resolve(dir));
}
