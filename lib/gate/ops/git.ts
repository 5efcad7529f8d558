// git: `push` writes to a remote (deletes with `--delete` or a `:branch` refspec), `send-email`
// sends, `fetch`/`pull`/`clone`/`ls-remote` read. The remote is resolved the way git does it, from
// the repository's own config (read directly, no git process: this runs in the hook): a name →
// `remote.<name>.pushurl` or `.url`, rewritten by `url.<base>.pushInsteadOf` / `.insteadOf`;
// no remote given → `branch.<current>.pushRemote`, `remote.pushDefault`, `branch.<current>.remote`,
// `origin`. `-c name=value` settings on the command line count too.
//
// A local path or `file://` URL is local; `host:path` (scp-like), `ssh://`, `git://`, `http(s)://`
// name a host. Anything warden cannot resolve (an unknown variable, a remote missing from the
// config, an `ext::` helper) is UNRESOLVED. Not read: the user's and system git config (so a
// global `insteadOf` is not applied) and `includeIf` files. Limits: config files larger than
// MAX_CONFIG_BYTES are not read (the remote is then unresolved).

import fs from 'node:fs';
import path from 'node:path';
import { currentBranch, findGitDir } from '../../git/branch.js';
import { parseGit } from '../../rules/git/parse.js';
import { UNKNOWN } from '../../shell/analyze.js';
import { emailOp } from './http.js';
import { has, readArgs, set, values } from './options.js';
import { isUnknown, opForHost, opForUrl, unresolvedOp, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

export const MAX_CONFIG_BYTES = 256 * 1024;

/** `[section "sub"] key = value` entries of a git config file, keys as `section.sub.key` (section and key lowercased). */
export function parseGitConfig(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (head) {
      section = head[2] !== undefined ? `${(head[1] ?? '').toLowerCase()}.${head[2].replace(/\\(.)/g, '$1')}` : (head[1] ?? '').toLowerCase();
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv || section === '') continue;
    let value = (kv[2] ?? 'true').replace(/\s+[#;].*$/, '');
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    const key = `${section}.${(kv[1] ?? '').toLowerCase()}`;
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

/** The config file of the repository containing `dir` (a linked worktree's is in the common dir). */
function repoConfig(dir: string): Map<string, string[]> | undefined {
  let gitDir = findGitDir(dir);
  if (gitDir === undefined) return undefined;
  try {
    const common = fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim();
    gitDir = path.resolve(gitDir, common);
  } catch {
    // not a linked worktree
  }
  try {
    const file = path.join(gitDir, 'config');
    if (fs.statSync(file).size > MAX_CONFIG_BYTES) return undefined;
    return parseGitConfig(fs.readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
}

interface Config {
  get(key: string): string | undefined;
  all(key: string): string[];
  /** Every `url.<base>.<key>` pair. */
  rewrites(key: 'insteadof' | 'pushinsteadof'): { base: string; prefix: string }[];
}

function configFor(cwd: string, cli: readonly { name: string; value: string }[]): Config {
  const file = isUnknown(cwd) ? new Map<string, string[]>() : (repoConfig(cwd) ?? new Map<string, string[]>());
  const merged = new Map(file);
  for (const c of cli) {
    const parts = c.name.split('.');
    const key = parts.length >= 3 ? `${(parts[0] ?? '').toLowerCase()}.${parts.slice(1, -1).join('.')}.${(parts.at(-1) ?? '').toLowerCase()}` : c.name.toLowerCase();
    merged.set(key, [...(merged.get(key) ?? []), c.value]);
  }
  return {
    get: (k) => merged.get(k)?.at(-1),
    all: (k) => merged.get(k) ?? [],
    rewrites: (kind) =>
      [...merged].flatMap(([k, vs]) => (k.startsWith('url.') && k.endsWith(`.${kind}`) ? vs.map((prefix) => ({ base: k.slice(4, -kind.length - 1), prefix })) : [])),
  };
}

/** git's url.<base>.insteadOf: the longest matching prefix wins. */
function rewrite(url: string, cfg: Config, push: boolean): string {
  const pick = (rules: { base: string; prefix: string }[]): string | undefined => {
    const hit = rules.filter((r) => r.prefix !== '' && url.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    return hit === undefined ? undefined : hit.base + url.slice(hit.prefix.length);
  };
  return (push ? pick(cfg.rewrites('pushinsteadof')) : undefined) ?? pick(cfg.rewrites('insteadof')) ?? url;
}

/** Is this remote string a URL or path (rather than a remote's name)? */
function looksLikeLocation(s: string): boolean {
  return s.includes('/') || s.includes(':') || s.startsWith('.') || s.startsWith('~');
}

/** The operation of talking to one git URL or path. */
export function gitUrlOp(kind: OpKind, url: string): Operation {
  if (isUnknown(url)) return unresolvedOp(kind, url);
  if (/^ext::/i.test(url)) return unresolvedOp(kind, url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return opForUrl(kind, url.replace(/^git\+/i, '')) ?? unresolvedOp(kind, url);
  // scp-like `[user@]host:path`: a colon before any slash (git's own rule).
  const scp = /^(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+):(?!\/\/)/.exec(url);
  if (scp?.[1] !== undefined && !/^[A-Za-z]$/.test(scp[1])) return opForHost(kind, scp[1].replace(/^\[|\]$/g, ''), url);
  return { kind, service: 'file', local: true, target: url };
}

function remoteOps(kind: OpKind, remote: string | undefined, cfg: Config, cwd: string, push: boolean): Operation[] {
  let name = remote;
  if (name === undefined) {
    const branch = isUnknown(cwd) ? undefined : currentBranch(cwd);
    name = (push && branch !== undefined ? cfg.get(`branch.${branch}.pushremote`) : undefined) ?? (push ? cfg.get('remote.pushdefault') : undefined) ?? (branch !== undefined ? cfg.get(`branch.${branch}.remote`) : undefined) ?? 'origin';
  }
  if (isUnknown(name)) return [unresolvedOp(kind, name)];
  if (looksLikeLocation(name)) return [gitUrlOp(kind, rewrite(name, cfg, push))];
  const urls = push && cfg.all(`remote.${name}.pushurl`).length > 0 ? cfg.all(`remote.${name}.pushurl`) : cfg.all(`remote.${name}.url`);
  if (urls.length > 0) return urls.map((u) => gitUrlOp(kind, rewrite(u, cfg, push)));
  // Not a configured remote: git reads the word as a path, if one exists.
  if (!isUnknown(cwd) && fs.existsSync(path.resolve(cwd, name))) return [{ kind, service: 'file', local: true, target: name }];
  return [unresolvedOp(kind, `${name} (no such remote in the repository's config)`)];
}

const PUSH_VALUE = set('-o', '--push-option', '--receive-pack', '--exec', '--repo', '--recurse-submodules');
const FETCH_VALUE = set('-o', '--server-option', '--upload-pack', '--depth', '--deepen', '--shallow-since', '--shallow-exclude', '-j', '--jobs', '--refmap', '--negotiation-tip', '--filter', '--recurse-submodules-default', '--submodule-prefix');
const CLONE_VALUE = set('-o', '--origin', '-b', '--branch', '-u', '--upload-pack', '--reference', '--reference-if-able', '--separate-git-dir', '--depth', '--shallow-since', '--shallow-exclude', '-c', '--config', '--filter', '--server-option', '-j', '--jobs', '--template', '--bundle-uri', '--ref-format');
const SEND_EMAIL_VALUE = set('--to', '--cc', '--bcc', '--from', '--subject', '--in-reply-to', '--smtp-server', '--smtp-server-port', '--smtp-user', '--smtp-encryption', '--smtp-domain', '--identity', '--to-cmd', '--cc-cmd', '--header-cmd', '--transfer-encoding', '--8bit-encoding', '--compose-encoding', '--reply-to', '--sender', '--envelope-sender', '--suppress-cc', '--confirm', '--smtp-pass', '--smtp-auth', '--smtp-ssl-cert-path', '--batch-size', '--relogin-delay', '--sendmail-cmd', '--validate', '-v', '--base');

export const git: Classifier = (argv, ctx) => {
  const g = parseGit(argv);
  if (g === undefined) return [];
  const cwd = g.dir === undefined ? ctx.cwd : isUnknown(g.dir) || isUnknown(ctx.cwd) ? UNKNOWN : path.resolve(ctx.cwd, g.dir);
  switch (g.sub) {
    case 'push': {
      const r = readArgs(g.args, { value: PUSH_VALUE });
      if (has(r, '-n', '--dry-run', '-h', '--help')) return [];
      const repo = values(r, '--repo').at(-1);
      const [remote, ...refspecs] = repo !== undefined ? [repo, ...r.operands] : r.operands;
      const kind: OpKind = has(r, '-d', '--delete') || refspecs.some((s) => s.startsWith(':') && s.length > 1) ? 'delete' : 'write';
      return remoteOps(kind, remote, configFor(cwd, g.config), cwd, true);
    }
    case 'fetch':
    case 'pull': {
      const r = readArgs(g.args, { value: FETCH_VALUE });
      if (has(r, '--all', '--multiple') || has(r, '-h', '--help')) return [];
      return remoteOps('read', r.operands[0], configFor(cwd, g.config), cwd, false);
    }
    case 'ls-remote': {
      const r = readArgs(g.args, { value: set('--upload-pack', '--sort', '-o', '--server-option') });
      return remoteOps('read', r.operands[0], configFor(cwd, g.config), cwd, false);
    }
    case 'clone': {
      const r = readArgs(g.args, { value: CLONE_VALUE });
      const url = r.operands[0];
      return url === undefined ? [] : [gitUrlOp('read', rewrite(url, configFor(cwd, g.config), false))];
    }
    case 'send-email': {
      const r = readArgs(g.args, { value: SEND_EMAIL_VALUE });
      if (has(r, '--dry-run', '-h', '--help')) return [];
      const rcpts = values(r, '--to', '--cc', '--bcc').flatMap((v) => v.split(',').map((x) => x.trim()).filter((x) => x !== ''));
      return rcpts.length > 0 ? rcpts.map(emailOp) : [unresolvedOp('send', 'git send-email (recipients from config or a prompt)')];
    }
    default:
      return [];
  }
};
