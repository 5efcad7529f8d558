import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';
import { deletedRefs, isProtectedRef } from './push-delete-refs.js';

export default defineRule({
  id: 'git/push-delete-protected',
  meta: {
    description:
      'Deleting a protected branch (`protected.branches` in the policy) on the remote: `git push --delete origin main`, `git push origin :main`. Also when the branch is a pattern, unknown, or the current branch cannot be read. Deny: shared history disappears for everyone.',
    action: 'deny',
    packs: ['git'],
    messages: {
      protected:
        '`{{segment}}` deletes the protected branch {{branch}} on the remote, for everyone who works from it. Leave it in place; if it really must go, ask the human to do it.',
    },
  },
  programs: ['git'],
  check(cmd, ctx) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'push') return [];
    const hit = deletedRefs(git, cmd.cwd, ctx).find((r) => isProtectedRef(r, ctx));
    return hit === undefined ? [] : [{ messageId: 'protected' as const, data: { segment: cmd.text, branch: display(hit) } }];
  },
});
