import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';
import { deletedRefs, isProtectedRef } from './push-delete-refs.js';

export default defineRule({
  id: 'git/push-delete',
  meta: {
    description:
      'Deleting remote branches or tags that are not protected: `git push --delete`/`-d`, `git push origin :branch`, `--prune`. Ask: deleting a merged feature branch is routine, but commits only the remote had are gone for everyone. Protected branches are git/push-delete-protected.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      delete:
        '`{{segment}}` deletes {{refs}} on the remote, for everyone; commits only the remote had are lost. Check it is merged first (`git branch -r --merged origin/main`), then ask the human to confirm.',
    },
  },
  programs: ['git'],
  check(cmd, ctx) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'push') return [];
    const refs = deletedRefs(git, cmd.cwd, ctx);
    // One finding per push: protected refs make it git/push-delete-protected's.
    if (refs.length === 0 || refs.some((r) => isProtectedRef(r, ctx))) return [];
    return [{ messageId: 'delete' as const, data: { segment: cmd.text, refs: refs.map(display).join(', ') } }];
  },
});
