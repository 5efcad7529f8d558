// Which files hold secrets. Three kinds, because what may be done with them differs:
//   store   — a credential store in a home directory (~/.ssh keys, ~/.aws/credentials, ~/.kube,
//             gcloud/azure tokens, .netrc, registry tokens, Claude Code's own login): the user's
//             identity; nothing in a task needs to print, copy or send it.
//   keyfile — a private key or keystore by its name anywhere (server.key, privkey.pem, id_rsa,
//             *.p12): deployment work moves these around legitimately, but printing or sending
//             them is still a leak.
//   env     — a project's .env files (not .env.example and friends): live API keys and passwords.
//
// Stores are recognized by the end of the path (`…/.aws/credentials`), so another user's home or
// `~user/.ssh/id_rsa` with an unknown home counts too; a few names that are common in projects
// (`.npmrc`, `.yarnrc.yml`) only count in the home directory. Globs are matched against example
// secret paths, so `~/.ssh/id_*` and `.env*` count and `~/.ssh/*.pub` does not.

import path from 'node:path';
import { UNKNOWN, isDynamic } from '../../shell/analyze.js';

export type SecretKind = 'store' | 'keyfile' | 'env';

export interface Secret {
  kind: SecretKind;
  /** What it holds, for messages ("AWS credentials"). */
  what: string;
}

interface Store {
  /** Path relative to a home directory. */
  rel: string;
  what: string;
  /** A directory: everything inside counts, except names matching `public`. */
  dir?: boolean;
  /** Names inside a directory store that hold nothing secret (relative to the store). */
  public?: RegExp;
  /** Counts only under the user's own home (the name is common elsewhere). */
  homeOnly?: boolean;
}

const STORES: readonly Store[] = [
  { rel: '.ssh', dir: true, what: 'SSH private keys', public: /^(config|config\.d(\/.*)?|known_hosts(\.old)?|authorized_keys2?|environment|rc|[^/]+\.pub)$/ },
  { rel: '.gnupg', dir: true, what: 'GnuPG private keys', public: /^(gpg\.conf|gpg-agent\.conf|dirmngr\.conf|common\.conf|pubring\.kbx~?|pubring\.gpg|trustdb\.gpg)$/ },
  { rel: '.aws/credentials', what: 'AWS credentials' },
  { rel: '.aws/sso/cache', dir: true, what: 'AWS SSO tokens' },
  { rel: '.aws/cli/cache', dir: true, what: 'AWS session credentials' },
  { rel: '.config/gcloud', dir: true, what: 'Google Cloud credentials', public: /^(configurations(\/.*)?|active_config|logs(\/.*)?|config_sentinel|\.last_[a-z_]+)$/ },
  { rel: '.azure', dir: true, what: 'Azure credentials', public: /^(config|clouds\.config|logs(\/.*)?|cliextensions(\/.*)?|commands(\/.*)?|telemetry(\/.*)?)$/ },
  { rel: '.kube', dir: true, what: 'Kubernetes cluster credentials', public: /^(cache|http-cache)(\/.*)?$|^kuberc$/ },
  { rel: '.docker/config.json', what: 'Docker registry credentials' },
  { rel: '.netrc', what: 'login credentials (.netrc)' },
  { rel: '_netrc', what: 'login credentials (_netrc)' },
  { rel: '.npmrc', what: 'npm registry tokens', homeOnly: true },
  { rel: '.yarnrc.yml', what: 'npm registry tokens', homeOnly: true },
  { rel: '.pypirc', what: 'PyPI upload tokens' },
  { rel: '.gem/credentials', what: 'RubyGems API keys' },
  { rel: '.cargo/credentials', what: 'crates.io tokens' },
  { rel: '.cargo/credentials.toml', what: 'crates.io tokens' },
  { rel: '.git-credentials', what: 'git credentials' },
  { rel: '.config/git/credentials', what: 'git credentials' },
  { rel: '.config/gh/hosts.yml', what: 'GitHub CLI tokens' },
  { rel: '.config/hub', what: 'GitHub tokens (hub)' },
  { rel: '.terraform.d/credentials.tfrc.json', what: 'Terraform Cloud tokens' },
  { rel: '.vault-token', what: 'a Vault token' },
  { rel: '.pgpass', what: 'PostgreSQL passwords' },
  { rel: '.boto', what: 'Google Cloud Storage credentials (.boto)' },
  { rel: '.s3cfg', what: 'S3 access keys (.s3cfg)' },
  { rel: '.config/rclone/rclone.conf', what: 'cloud storage tokens (rclone)' },
  { rel: '.claude/.credentials.json', what: 'your Claude Code login' },
];

/** A private key or keystore by its name. */
const KEY_NAME = /^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?|ssh_host_[a-z0-9]+_key)$|\.(key|p12|pfx|ppk|jks|keystore|p8)$/i;
/** `.pem` holds a private key unless its name says certificate (and does not also say key). */
const PEM = /\.pem$/i;
const CERT_WORDS = /cert|chain|(^|[^a-z])ca([^a-z]|$)|bundle|pub|crt/i;
const KEY_WORDS = /key|priv/i;
const KUBECONFIG = /^(kubeconfig|.+\.kubeconfig)$/i;

/** `.env`, `.env.local`, `.env.production`; not the templates committed for others to copy. */
const ENV_NAME = /^\.env(\.[^/]+)?$/;
const ENV_TEMPLATE = /\.(example|sample|template|tmpl|tpl|dist|defaults?|schema)$/i;

/** A secret by the file's name alone (any directory). */
function byName(base: string): Secret | undefined {
  if (ENV_NAME.test(base)) return ENV_TEMPLATE.test(base) ? undefined : { kind: 'env', what: 'the project’s environment secrets' };
  if (KEY_NAME.test(base)) return { kind: 'keyfile', what: 'a private key' };
  if (PEM.test(base) && (KEY_WORDS.test(base) || !CERT_WORDS.test(base))) return { kind: 'keyfile', what: 'a private key' };
  if (KUBECONFIG.test(base)) return { kind: 'keyfile', what: 'Kubernetes cluster credentials' };
  return undefined;
}

/** The credential store `p` is in (or is), if any. `p` is absolute and normalized. */
function storeOf(p: string, home: string): Secret | undefined {
  for (const s of STORES) {
    if (s.homeOnly) {
      if (p === `${home}/${s.rel}`) return { kind: 'store', what: s.what };
      continue;
    }
    const at = p.lastIndexOf(`/${s.rel}`);
    if (at === -1) continue;
    const rest = p.slice(at + s.rel.length + 1);
    if (rest === '') return s.dir ? undefined : { kind: 'store', what: s.what };
    if (s.dir && rest.startsWith('/') && !(s.public?.test(rest.slice(1)) ?? false)) return { kind: 'store', what: s.what };
  }
  return undefined;
}

/** System files holding secrets, by absolute path. */
const SYSTEM: Readonly<Record<string, Secret>> = {
  '/etc/shadow': { kind: 'store', what: 'the system’s password hashes' },
  '/etc/gshadow': { kind: 'store', what: 'the system’s group password hashes' },
  '/etc/master.passwd': { kind: 'store', what: 'the system’s password hashes' },
  '/etc/security/opasswd': { kind: 'store', what: 'old password hashes' },
};
/** A process's environment: every variable it was started with, tokens included. */
const PROC_ENVIRON = /^\/proc\/[^/]+\/environ$/;

/** The secret a file path holds, if any. `p` is absolute and normalized; it may hold UNKNOWN parts. */
export function secretAt(p: string, home: string): Secret | undefined {
  if (PROC_ENVIRON.test(p)) return { kind: 'env', what: 'a process’s environment variables' };
  return SYSTEM[p] ?? storeOf(p, home) ?? byName(path.posix.basename(p));
}

/** A file name that is still recognized as an env file (a copy named so keeps its protection). */
export function isEnvName(base: string): boolean {
  return ENV_NAME.test(base);
}

/** Directories (relative to a home) that hold credential stores and little else. */
const STORE_DIRS: readonly { rel: string; what: string }[] = [
  { rel: '.ssh', what: 'SSH private keys' },
  { rel: '.gnupg', what: 'GnuPG private keys' },
  { rel: '.aws', what: 'AWS credentials' },
  { rel: '.azure', what: 'Azure credentials' },
  { rel: '.kube', what: 'Kubernetes cluster credentials' },
  { rel: '.docker', what: 'Docker registry credentials' },
  { rel: '.config/gcloud', what: 'Google Cloud credentials' },
];

/**
 * The credential stores a directory holds: a store directory (`…/.ssh`, `…/.aws`) its own,
 * `~/.config` gcloud's, and the home directory or an ancestor all of them. Those last live in
 * hidden directories: `hidden` says whether the search or copy includes hidden entries.
 */
function storesInside(dir: string, home: string, hidden = true): Secret | undefined {
  const d = dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
  if (hidden && (home === d || home.startsWith(d === '/' ? '/' : `${d}/`))) return { kind: 'store', what: 'SSH keys and cloud credentials' };
  if (d === `${home}/.config`) return { kind: 'store', what: 'Google Cloud credentials' };
  const s = STORE_DIRS.find((x) => d.endsWith(`/${x.rel}`));
  return s === undefined ? undefined : { kind: 'store', what: s.what };
}

// ---------------------------------------------------------------------------------------------
// Globs: a pattern counts if it would match a secret path. Tested against example paths built
// from the pattern's fixed directory part and from the home stores.

const GLOB = /[*?[]/;
const SAMPLE_NAMES = ['id_rsa', 'id_ed25519', 'server.key', 'privkey.pem', 'cert.p12', '.env', '.env.local', 'kubeconfig'];

function isGlob(word: string): boolean {
  return GLOB.test(word);
}

/** A shell glob over a whole path as a regular expression: `*` stays in one component, never matches a leading dot. */
function globRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const atStart = i === 0 || pattern[i - 1] === '/';
    if (c === '*') {
      if (pattern[i + 1] === '*' && (pattern[i + 2] === '/' || i + 2 === pattern.length)) {
        // `**/` (globstar): any number of directories.
        re += '(?:[^/]*/)*';
        i += pattern[i + 2] === '/' ? 2 : 1;
        continue;
      }
      re += atStart ? '(?!\\.)[^/]*' : '[^/]*';
    } else if (c === '?') {
      re += atStart ? '(?!\\.)[^/]' : '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else {
      re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`${re}$`);
}

/** The secret a glob pattern (absolute) could match, if any. */
function secretInGlob(pattern: string, home: string): Secret | undefined {
  let re: RegExp;
  try {
    re = globRegex(pattern);
  } catch {
    return undefined;
  }
  const fixed = pattern.slice(0, pattern.search(GLOB));
  const base = fixed.slice(0, fixed.lastIndexOf('/') + 1) || '/';
  const candidates: string[] = [];
  // Names alone count only when the pattern spells part of one: `*.pem`, `id_*`, `.env*`, not `*`.
  const namePart = pattern.slice(pattern.lastIndexOf('/') + 1).replace(/\[[^\]]*\]|[*?]/g, '');
  if (/[a-z]/i.test(namePart)) for (const name of SAMPLE_NAMES) candidates.push(`${base}${name}`, `${base}x/${name}`, `${base}.x/${name}`, `${base}x/y/${name}`);
  for (const s of STORES) {
    const full = `${home}/${s.rel}`;
    candidates.push(s.dir ? `${full}/${s.rel === '.ssh' ? 'id_rsa' : 'credentials'}` : full);
  }
  for (const c of candidates) {
    if (!re.test(c)) continue;
    const s = secretAt(c, home);
    if (s) return s;
  }
  return undefined;
}

export interface SecretPath {
  /** As written, for messages. */
  word: string;
  /** Absolute, normalized (may hold UNKNOWN). */
  path: string;
  secret: Secret;
}

/**
 * The secret a command-line word names as a file, if any. A word that is entirely unknown
 * (`$F`) is not judged; one with a known tail (`~$U/.ssh/id_rsa`, `$DIR/.env`) is.
 */
export function secretWord(word: string, cwd: string, home: string): SecretPath | undefined {
  if (word === '' || word === UNKNOWN || word === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(word)) return undefined;
  const base = isDynamic(cwd) && !word.startsWith('/') ? `/${UNKNOWN}` : cwd;
  const p = path.posix.resolve(base, word);
  const secret = isGlob(word) ? secretInGlob(p, home) : secretAt(p, home);
  return secret === undefined ? undefined : { word, path: p, secret };
}

/** Distinct glob words one command may have matched against example paths (each costs a regex). */
export const MAX_GLOBS = 64;

/**
 * `secretWord` for the words of one command: memoized (hostile input repeats words), and with at
 * most MAX_GLOBS globs matched properly. A glob past that bound that spells part of a name counts
 * as a possible key file: hitting a bound is a finding, never a silent pass.
 */
export function classifier(cwd: string, home: string): (word: string) => SecretPath | undefined {
  const seen = new Map<string, SecretPath | undefined>();
  let globs = 0;
  return (word) => {
    if (seen.has(word)) return seen.get(word);
    let r: SecretPath | undefined;
    if (isGlob(word) && ++globs > MAX_GLOBS) {
      const name = word.slice(word.lastIndexOf('/') + 1).replace(/\[[^\]]*\]|[*?]/g, '');
      r = /[a-z]/i.test(name) ? { word, path: word, secret: { kind: 'keyfile', what: 'files matching patterns warden did not expand (too many)' } } : undefined;
    } else {
      r = secretWord(word, cwd, home);
    }
    seen.set(word, r);
    return r;
  };
}

/** The credential stores a directory word holds (for recursive copies, archives and searches). */
export function storeDirWord(word: string, cwd: string, home: string, hidden = true): SecretPath | undefined {
  if (word === '' || isDynamic(word) || isDynamic(cwd)) return undefined;
  const p = path.posix.resolve(cwd, word);
  if (isGlob(word)) {
    // `~/.*`, `~/.[a-z]*`: the store directories the pattern matches.
    const re = globRegex(p);
    const s = STORE_DIRS.find((x) => re.test(`${home}/${x.rel}`));
    return s === undefined ? undefined : { word, path: p, secret: { kind: 'store', what: s.what } };
  }
  const secret = storesInside(p, home, hidden);
  return secret === undefined ? undefined : { word, path: p, secret };
}
