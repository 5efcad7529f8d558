// Where warden keeps its state, first match wins:
//   1. `$WARDEN_HOME`;
//   2. `--warden-home <dir>`, which install adds to the hooks' arguments for a non-default home;
//   3. the home an installed bundle lives in (`<home>/bin/<bundle>.cjs`, next to the
//      install-state.json that install writes), so the linked `warden` command finds a
//      non-default home without the variable;
//   4. `~/.claude/warden`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Written by `warden install` into the warden home; marks a directory as one. */
export const INSTALL_STATE_FILE = 'install-state.json';

export function wardenHome(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): string {
  if (env.WARDEN_HOME !== undefined && env.WARDEN_HOME !== '') return path.resolve(env.WARDEN_HOME);
  const i = argv.indexOf('--warden-home');
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v !== undefined && v !== '') return path.resolve(v);
  const installed = installedHome(argv[1]);
  if (installed !== undefined) return installed;
  return path.join(os.homedir(), '.claude', 'warden');
}

function installedHome(script: string | undefined): string | undefined {
  if (script === undefined) return undefined;
  try {
    const real = fs.realpathSync(script);
    if (!real.endsWith('.cjs')) return undefined;
    const dir = path.dirname(real);
    if (path.basename(dir) !== 'bin') return undefined;
    const home = path.dirname(dir);
    return fs.existsSync(path.join(home, INSTALL_STATE_FILE)) ? home : undefined;
  } catch {
    return undefined;
  }
}
