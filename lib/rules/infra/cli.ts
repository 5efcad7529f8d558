// Reading the command lines of CLIs built on subcommands (`kubectl delete ns x`, `aws s3 rb …`,
// `gcloud compute instances delete …`): the positional words with the options taken out, and the
// CLI found behind a package runner (`npx vercel rm`, `pnpm dlx wrangler delete`).
//
// Global options that take a value must be listed, or their value would be read as a positional
// word; each caller lists its CLI's. An unknown option taking a value can only shift the words a
// rule looks at, so callers that search for a verb look for it among all positional words where
// that is unambiguous (`gcloud … delete`), not only at a fixed index.

import type { SimpleCommand } from '../../shell/analyze.js';

export interface Cli {
  /** The CLI's name (a program basename, or the bin a package runner starts). */
  name: string;
  /** Its arguments. */
  args: string[];
}

/** Package → the bin it installs, where the two differ. */
const PACKAGE_BINS: Readonly<Record<string, string>> = {
  'aws-cdk': 'cdk',
  'cdktf-cli': 'cdktf',
  'netlify-cli': 'netlify',
  'firebase-tools': 'firebase',
  localtunnel: 'lt',
  '@railway/cli': 'railway',
  '@fly/flyctl': 'flyctl',
  'heroku-cli': 'heroku',
};

/** Package runners and the options of theirs that take a value. */
const RUNNERS: Readonly<Record<string, ReadonlySet<string>>> = {
  npx: new Set(['-p', '--package', '--registry', '--cache', '--userconfig', '-w', '--workspace']),
  bunx: new Set(['-p', '--package']),
  pnpx: new Set(['--package']),
};
/** `pnpm dlx x`, `yarn dlx x`, `npm exec x`: runner programs that need a subcommand first. */
const RUNNER_SUBCOMMANDS: Readonly<Record<string, ReadonlySet<string>>> = {
  pnpm: new Set(['dlx', 'exec']),
  yarn: new Set(['dlx', 'exec']),
  npm: new Set(['exec', 'x']),
  bun: new Set(['x']),
};

/** `@scope/name@1.2` → `@scope/name`; `name@latest` → `name`. */
function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}

function binOf(spec: string): string {
  const pkg = packageName(spec);
  return PACKAGE_BINS[pkg] ?? pkg.slice(pkg.lastIndexOf('/') + 1);
}

/** The programs a rule must be indexed under to see `names` run directly or through a runner. */
export function programsFor(...names: string[]): string[] {
  return [...names, ...Object.keys(RUNNERS), ...Object.keys(RUNNER_SUBCOMMANDS)];
}

/**
 * The CLI a simple command runs: the program itself, or the package a runner starts
 * (`npx -y vercel@latest rm x` → vercel, [rm, x]). Undefined for a runner with nothing to run.
 */
export function cliOf(cmd: SimpleCommand): Cli | undefined {
  const [, ...rest] = cmd.argv;
  let args = rest;
  let valueFlags = RUNNERS[cmd.program];
  const subs = RUNNER_SUBCOMMANDS[cmd.program];
  if (subs !== undefined) {
    // `pnpm --silent dlx x`: the runner's own options come first.
    const i = args.findIndex((a) => !a.startsWith('-'));
    if (i === -1 || !subs.has(args[i] as string)) return { name: cmd.program, args: rest };
    args = args.slice(i + 1);
    valueFlags = RUNNERS.npx;
  }
  if (valueFlags === undefined) return { name: cmd.program, args: rest };
  let pkg: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      const next = args[i + 1];
      return next === undefined ? undefined : { name: binOf(next), args: args.slice(i + 2) };
    }
    if (a.startsWith('-')) {
      // `npx -p aws-cdk cdk destroy`: the package is given, the first word is its bin.
      if ((a === '-p' || a === '--package') && args[i + 1] !== undefined) pkg = args[i + 1];
      if (a.startsWith('--package=')) pkg = a.slice('--package='.length);
      if (valueFlags.has(a)) i++;
      continue;
    }
    return { name: pkg !== undefined ? a : binOf(a), args: args.slice(i + 1) };
  }
  return undefined;
}

/**
 * Name and value of a long option word, for single-dash long options too (`-auto-approve=false`,
 * `--dry-run=client`): `{name: 'auto-approve', value: 'false'}`.
 */
export function longOption(word: string): { name: string; value: string | undefined } | undefined {
  const m = /^--?([A-Za-z][A-Za-z0-9-]+)(?:=(.*))?$/s.exec(word);
  if (!m) return undefined;
  return { name: m[1] as string, value: m[2] };
}

/** A boolean option given and not switched off (`-auto-approve`, `--yes=true`, not `=false`). */
export function booleanOption(options: readonly string[], ...names: string[]): string | undefined {
  for (const o of options) {
    const l = longOption(o);
    if (l !== undefined && names.includes(l.name) && !/^(false|0|no)$/i.test(l.value ?? '')) return o;
  }
  return undefined;
}

/** A dry run was asked for (`--dry-run`, `--dry-run=client`, `--dryrun`), except `=none`/`=false`. */
export function isDryRun(options: readonly string[]): boolean {
  return options.some((o) => {
    const l = longOption(o);
    return l !== undefined && /^(dry-?run|preview-only)$/.test(l.name) && !/^(none|false|0)$/i.test(l.value ?? '');
  });
}

/** Longest command text quoted in a message; the finding's segment keeps the whole command. */
const MAX_SEGMENT = 200;

/** The command as quoted in a message: a megabyte-long command is not copied into every reason. */
export function segmentOf(cmd: SimpleCommand): string {
  return cmd.text.length > MAX_SEGMENT ? `${cmd.text.slice(0, MAX_SEGMENT)}…` : cmd.text;
}
