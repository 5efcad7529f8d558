import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/restore-worktree',
  meta: {
    description: '`git restore <path>` on the working tree (anything but `--staged` alone)',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      worktree: '`{{segment}}` overwrites uncommitted changes in the working tree; they cannot be recovered. To unstage only, use `git restore --staged <path>`; to keep the changes, `git stash push -- <path>` first.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'restore') return [];
    const { options } = splitArgs(git.args, new Set(['-s', '--source', '--pathspec-from-file']));
    const staged = hasFlag(options, 'S', '--staged');
    const worktree = hasFlag(options, 'W', '--worktree');
    return staged && !worktree ? [] : [{ messageId: 'worktree', data: { segment: cmd.text } }];
  },
});
