// `git [global options] <subcommand> [args]` → the subcommand, its args, and the global options
// that change what it does (`-C dir`, `-c name=value`). Settings given in the environment
// (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`, `GIT_CONFIG_PARAMETERS`) count
// like `-c` ones, which override them. An alias given either way (`git -c alias.nuke='reset --hard'
// nuke`) is expanded as git would; `git <sub> --help` only shows the manual, so it is no subcommand
// call at all.

import path from 'node:path';
import { parse as shellParse } from 'shell-quote';
import { UNKNOWN, isDynamic, type Assignments } from '../../shell/analyze.js';

const GLOBAL_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix']);

export interface GitCall {
  sub: string;
  args: string[];
  /** `-C dir`, if given (may be relative to the command's cwd). */
  dir?: string;
  /** `-c name=value` settings, in order (`--config-env=name=VAR` gives an unknown value). */
  config: { name: string; value: string }[];
  /** A `-c alias.<sub>=…` that runs a shell command (`!…`) or is unknown: its value. */
  shellAlias?: { name: string; value: string };
}

/** The last `-c` value given for a setting (names are case-insensitive), if any. */
export function configValue(git: GitCall, name: string): string | undefined {
  let v: string | undefined;
  for (const c of git.config) if (c.name.toLowerCase() === name.toLowerCase()) v = c.value;
  return v;
}

/** A git boolean that is false (`false`, `no`, `off`, `0`), as git reads it. */
export function isFalse(value: string | undefined): boolean {
  return value !== undefined && /^(false|no|off|0)$/i.test(value.trim());
}

/** GIT_CONFIG_COUNT entries beyond which an unknown count is not followed (git reads any number). */
const MAX_ENV_CONFIG = 64;

/**
 * Settings the environment gives git: `GIT_CONFIG_PARAMETERS` (`'name'='value' …`, what `git -c`
 * hands to child gits), then `GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>` for n below
 * `GIT_CONFIG_COUNT` (any that are set, when the count is unknown). A name warden cannot know may
 * be any setting: it is kept as UNKNOWN.
 */
function envConfig(env: Assignments): GitCall['config'] {
  const out: GitCall['config'] = [];
  const params = env.get('GIT_CONFIG_PARAMETERS');
  if (params !== undefined) {
    if (isDynamic(params)) out.push({ name: UNKNOWN, value: UNKNOWN });
    else {
      for (const w of shellParse(params)) {
        if (typeof w !== 'string') continue;
        const eq = w.indexOf('=');
        out.push(eq === -1 ? { name: w, value: 'true' } : { name: w.slice(0, eq), value: w.slice(eq + 1) });
      }
    }
  }
  const count = env.get('GIT_CONFIG_COUNT');
  if (count === undefined) return out;
  const n = /^\d+$/.test(count) ? Math.min(Number(count), MAX_ENV_CONFIG) : MAX_ENV_CONFIG;
  for (let i = 0; i < n; i++) {
    const name = env.get(`GIT_CONFIG_KEY_${i}`);
    const value = env.get(`GIT_CONFIG_VALUE_${i}`);
    if (name === undefined && !/^\d+$/.test(count)) continue;
    out.push({ name: name === undefined || isDynamic(name) ? UNKNOWN : name, value: value ?? '' });
  }
  return out;
}

const NO_ENV: Assignments = new Map();

/** `env`: the variables the command line sets for git (SimpleCommand.assignments). */
export function parseGit(argv: readonly string[], env: Assignments = NO_ENV): GitCall | undefined {
  let dir: string | undefined;
  const config: GitCall['config'] = env.size === 0 ? [] : envConfig(env);
  const setting = (kv: string, unknownValue: boolean): void => {
    const eq = kv.indexOf('=');
    // `-c name` alone means true; `--config-env=name=VAR` takes the value from the environment.
    if (eq === -1) config.push({ name: kv, value: 'true' });
    else config.push({ name: kv.slice(0, eq), value: unknownValue ? UNKNOWN : kv.slice(eq + 1) });
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (GLOBAL_VALUE.has(a)) {
      const v = argv[i + 1];
      // Each `-C` is relative to the one before (`git -C a -C b` runs in a/b).
      if (a === '-C' && v !== undefined) dir = dir === undefined || path.posix.isAbsolute(v) ? v : path.posix.join(dir, v);
      if (a === '-c' && v !== undefined) setting(v, false);
      if (a === '--config-env' && v !== undefined) setting(v, true);
      i++;
      continue;
    }
    if (a.startsWith('--config-env=')) setting(a.slice('--config-env='.length), true);
    if (a === '--help') return undefined;
    if (a.startsWith('-')) continue;
    const call = expandAlias({ sub: a, args: argv.slice(i + 1), config, ...(dir !== undefined ? { dir } : {}) });
    const dash = call.args.indexOf('--');
    return (dash === -1 ? call.args : call.args.slice(0, dash)).includes('--help') ? undefined : call;
  }
  return undefined;
}

/** Aliases expanding to aliases are followed this far (git itself refuses loops). */
const MAX_ALIAS_DEPTH = 8;

/**
 * `-c alias.<sub>=<words>` replaces the subcommand by those words. A `!` alias runs a shell
 * command, and a value warden cannot know could be anything: both become an unknown subcommand,
 * which no rule takes for a harmless one.
 */
function expandAlias(call: GitCall): GitCall {
  let cur = call;
  for (let depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
    // A setting whose name warden cannot know may define this very alias.
    const unknown = cur.config.find((c) => c.name === UNKNOWN);
    const value = configValue(cur, `alias.${cur.sub}`) ?? (unknown !== undefined ? UNKNOWN : undefined);
    if (value === undefined) return cur;
    if (value.trimStart().startsWith('!') || isDynamic(value)) return { ...cur, sub: UNKNOWN, shellAlias: { name: cur.sub, value } };
    const words = shellParse(value).filter((w): w is string => typeof w === 'string');
    const [sub, ...rest] = words;
    if (sub === undefined) return cur;
    cur = { ...cur, sub, args: [...rest, ...cur.args] };
  }
  return cur;
}
