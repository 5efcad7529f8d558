// `git [global options] <subcommand> [args]` → the subcommand and its args.

const GLOBAL_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix']);

export interface GitCall {
  sub: string;
  args: string[];
  /** `-C dir`, if given (may be relative to the command's cwd). */
  dir?: string;
}

export function parseGit(argv: readonly string[]): GitCall | undefined {
  let dir: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (GLOBAL_VALUE.has(a)) {
      if (a === '-C') dir = argv[i + 1];
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return { sub: a, args: argv.slice(i + 1), ...(dir !== undefined ? { dir } : {}) };
  }
  return undefined;
}
