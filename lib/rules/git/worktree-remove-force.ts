import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/worktree-remove-force',
  meta: {
    description:
      '`git worktree remove --force`: it deletes a linked worktree even with uncommitted or untracked changes, which are then lost. Plain `remove` refuses a dirty worktree. Ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      force:
        '`{{segment}}` deletes the worktree {{worktree}} with whatever uncommitted and untracked work is in it. Commit or stash there first (`git -C <worktree> status`), then `git worktree remove` without `--force`; or ask the human.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'worktree') return [];
    const [verb, ...rest] = git.args;
    if (verb !== 'remove') return [];
    const { options, operands } = splitArgs(rest);
    return hasFlag(options, 'f', '--force') ? [{ messageId: 'force' as const, data: { segment: cmd.text, worktree: operands[0] ?? 'the worktree' } }] : [];
  },
});
