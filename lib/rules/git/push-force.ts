import path from 'node:path';
import { display, isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs, wildcard } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

const VALUE_FLAGS = new Set(['--repo', '-o', '--push-option', '--receive-pack', '--exec']);

/** Destination branch of a refspec (`+src:refs/heads/dst` → dst), or undefined for a tag/odd ref. */
function destination(spec: string): string {
  const s = spec.startsWith('+') ? spec.slice(1) : spec;
  const dst = s.includes(':') ? s.slice(s.indexOf(':') + 1) : s;
  return dst.replace(/^refs\/heads\//, '');
}

export default defineRule({
  id: 'git/push-force',
  meta: {
    description: 'Force pushes (`-f`, `--force`, `+refspec`), and `--force-with-lease` to a protected branch',
    action: 'deny',
    packs: ['git'],
    messages: {
      force:
        'Force-pushing ({{how}}) overwrites commits on the remote branch {{branch}} that others may have. Push without force, or, on your own unprotected feature branch, use `git push --force-with-lease`.',
      leaseProtected:
        '`--force-with-lease` to protected branch {{branch}} still rewrites shared history. Push your work to a feature branch and open a pull request instead.',
    },
  },
  programs: ['git'],
  check(cmd, ctx) {
    const git = parseGit(cmd.argv);
    if (git?.sub !== 'push') return [];
    const { options, operands } = splitArgs(git.args, VALUE_FLAGS);
    const refspecs = operands.slice(1);
    const plusSpec = refspecs.find((r) => r.startsWith('+'));
    const force = hasFlag(options, 'f', '--force');
    const forceFlag = options.find((o) => o === '--force' || (/^-[A-Za-z0-9]+$/.test(o) && o.includes('f')));
    const lease = hasFlag(options, undefined, '--force-with-lease', '--force-if-includes');
    if (!force && !plusSpec && !lease) return [];

    let branches = refspecs.map(destination);
    if (branches.length === 0) {
      const dir = git.dir !== undefined && !isDynamic(git.dir) ? path.resolve(cmd.cwd, git.dir) : cmd.cwd;
      const current = isDynamic(dir) ? undefined : ctx.currentBranch(dir);
      branches = [current ?? '(current branch)'];
    }
    const branch = branches.map(display).join(', ');
    if (force || plusSpec) {
      return [{ messageId: 'force', data: { how: forceFlag ?? plusSpec ?? '--force', branch } }];
    }
    const isProtected = (b: string): boolean => b === '(current branch)' || isDynamic(b) || ctx.protectedBranches.some((p) => wildcard(p, b));
    const hit = branches.find(isProtected);
    return hit === undefined ? [] : [{ messageId: 'leaseProtected', data: { branch: display(hit) } }];
  },
});
