// The checked-out branch of the repository containing a directory, read from `.git/HEAD` (no git
// process: this runs on the hook's hot path). Bounded walk up; any oddity → undefined.

import fs from 'node:fs';
import path from 'node:path';

const MAX_LEVELS = 64;

/** The git directory of the repository containing `dir` (`.git`, or where a `.git` file points). */
export function findGitDir(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const dotgit = path.join(d, '.git');
    try {
      const st = fs.statSync(dotgit);
      if (st.isDirectory()) return dotgit;
      if (st.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotgit, 'utf8'));
        if (m?.[1]) return path.resolve(d, m[1].trim());
      }
    } catch {
      // not here; keep walking
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
  return undefined;
}

export function currentBranch(dir: string): string | undefined {
  const gitDir = findGitDir(dir);
  if (gitDir === undefined) return undefined;
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8');
    const m = /^ref:\s*refs\/heads\/(.+)$/m.exec(head);
    return m?.[1]?.trim();
  } catch {
    return undefined;
  }
}
