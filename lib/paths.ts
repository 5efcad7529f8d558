// Where warden keeps its state: `$WARDEN_HOME`, else `--warden-home <dir>` given to a hook by
// install (for a non-default home), else `~/.claude/warden`.

import os from 'node:os';
import path from 'node:path';

export function wardenHome(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): string {
  if (env.WARDEN_HOME !== undefined && env.WARDEN_HOME !== '') return path.resolve(env.WARDEN_HOME);
  const i = argv.indexOf('--warden-home');
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v !== undefined && v !== '') return path.resolve(v);
  return path.join(os.homedir(), '.claude', 'warden');
}
