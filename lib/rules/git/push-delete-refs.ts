// Which remote refs a `git push` deletes: `--delete`/`-d` names them, a refspec with an empty
// source (`:branch`, `+:refs/heads/branch`) deletes its destination, `-c remote.<r>.push=:branch`
// does the same when no refspec is given, and `--prune` deletes whatever has no local counterpart.

import path from 'node:path';
import { isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs, wildcard } from '../args.js';
import type { RuleContext } from '../define.js';
import type { GitCall } from './parse.js';

/** `git push` options that take a value. */
export const PUSH_VALUE_FLAGS: ReadonlySet<string> = new Set(['--repo', '-o', '--push-option', '--receive-pack', '--exec']);

/** Shown when the checked-out branch cannot be read; treated as protected. */
const CURRENT = '(current branch)';
/** `--prune`: remote branches that have no local counterpart. */
const PRUNED = '(remote branches missing locally)';

/** The checked-out branch of the repository pushed from (`-C dir` or the cwd); CURRENT when unknown. */
export function checkedOutBranch(git: GitCall, cwd: string, ctx: RuleContext): string {
  const dir = git.dir === undefined ? cwd : path.posix.resolve(cwd, git.dir);
  return (isDynamic(dir) ? undefined : ctx.currentBranch(dir)) ?? CURRENT;
}

/** Remote refs the push deletes (branch names without `refs/heads/`), or [] if none. */
export function deletedRefs(git: GitCall, cwd: string, ctx: RuleContext): string[] {
  if (git.sub !== 'push') return [];
  const { options, operands } = splitArgs(git.args, PUSH_VALUE_FLAGS);
  if (hasFlag(options, 'n', '--dry-run')) return [];
  const refspecs = operands.slice(1);
  const name = (ref: string): string => {
    const r = ref.replace(/^refs\/heads\//, '');
    return r === 'HEAD' || r === '@' ? checkedOutBranch(git, cwd, ctx) : r;
  };
  const out: string[] = [];
  if (hasFlag(options, 'd', '--delete')) out.push(...refspecs.map((r) => name(r.replace(/^\+/, '').replace(/^:/, ''))));
  else {
    for (const spec of refspecs) {
      const s = spec.replace(/^\+/, '');
      if (s.startsWith(':') && s.length > 1) out.push(name(s.slice(1)));
    }
    if (refspecs.length === 0) {
      for (const c of git.config) {
        const v = c.value.replace(/^\+/, '');
        if (/^remote\..+\.push$/i.test(c.name) && v.startsWith(':') && v.length > 1) out.push(name(v.slice(1)));
      }
    }
  }
  if (hasFlag(options, undefined, '--prune')) out.push(PRUNED);
  return out;
}

/** Protected by the policy, or possibly so: a pattern, an unknown name, the unknown current branch. */
export function isProtectedRef(ref: string, ctx: RuleContext): boolean {
  return ref === CURRENT || ref.includes('*') || isDynamic(ref) || ctx.protectedBranches.some((p) => wildcard(p, ref));
}
