import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/branch-force-delete',
  meta: {
    description: '`git branch -D` (or `--delete --force`), which deletes a branch even if unmerged',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      force: '`{{segment}}` deletes {{branches}} even if its commits are merged nowhere else. Use `git branch -d` (which refuses unmerged branches), or ask the human.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'branch') return [];
    const { options, operands } = splitArgs(git.args);
    const forceDelete = hasFlag(options, 'D') || (hasFlag(options, 'd', '--delete') && hasFlag(options, 'f', '--force'));
    return forceDelete ? [{ messageId: 'force', data: { segment: cmd.text, branches: operands.join(', ') || 'the branch' } }] : [];
  },
});
