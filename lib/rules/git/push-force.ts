import { display } from '../../shell/analyze.js';
import { findFlag, hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isFalse, parseGit } from './parse.js';
import { checkedOutBranch, isProtectedRef, PUSH_VALUE_FLAGS } from './push-delete-refs.js';

/** `--all` / `--branches`: every local branch, protected ones included. */
const ALL = '(all branches)';

/** Destination branch of a refspec (`+src:refs/heads/dst` → dst), or undefined for a tag/odd ref. */
function destination(spec: string): string {
  const s = spec.startsWith('+') ? spec.slice(1) : spec;
  const dst = s.includes(':') ? s.slice(s.indexOf(':') + 1) : s;
  return dst.replace(/^refs\/heads\//, '');
}

export default defineRule({
  id: 'git/push-force',
  meta: {
    description: 'Force pushes (`-f`, `--force`, `--mirror`, `+refspec`), and `--force-with-lease` to a protected branch',
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
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'push') return [];
    const { options, operands } = splitArgs(git.args, PUSH_VALUE_FLAGS);
    const refspecs = operands.slice(1);
    const plusSpec = refspecs.find((r) => r.startsWith('+'));
    // `--mirror` force-updates (and deletes) every ref on the remote; so do a `+` push refspec or
    // mirror setting given with -c.
    const forceConfig = git.config.find((c) => (/^remote\..+\.push$/i.test(c.name) && c.value.startsWith('+')) || (/^remote\..+\.mirror$/i.test(c.name) && !isFalse(c.value)));
    const forceFlag =
      findFlag(options, 'f', '--force') ?? findFlag(options, undefined, '--mirror') ?? (forceConfig ? `-c ${forceConfig.name}=${forceConfig.value}` : undefined);
    const lease = hasFlag(options, undefined, '--force-with-lease', '--force-if-includes');
    if (forceFlag === undefined && !plusSpec && !lease) return [];

    // The checked-out branch: unknown if its directory is, and then treated as protected.
    const currentBranch = (): string => checkedOutBranch(git, cmd.cwd, ctx);
    // No refspec, or `HEAD`/`@` as the destination: the checked-out branch.
    let branches = refspecs.map(destination).map((b) => (b === 'HEAD' || b === '@' ? currentBranch() : b));
    if (hasFlag(options, undefined, '--all', '--branches')) branches.push(ALL);
    if (branches.length === 0) branches = [currentBranch()];
    const branch = branches.map(display).join(', ');
    if (forceFlag !== undefined || plusSpec) {
      return [{ messageId: 'force', data: { how: forceFlag ?? plusSpec ?? '--force', branch } }];
    }
    // A pattern refspec (`refs/heads/*`) or --all reaches the protected branches too.
    const hit = branches.find((b) => b === ALL || isProtectedRef(b, ctx));
    return hit === undefined ? [] : [{ messageId: 'leaseProtected', data: { branch: display(hit) } }];
  },
});
