import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/reset-hard',
  meta: {
    description: '`git reset --hard` (and `--merge`), which discard uncommitted work',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      hard: '`{{segment}}` throws away every uncommitted change in the working tree. Save the work first (`git stash push -u` or a commit), or use `git reset --soft`/`--mixed`, which keep your changes.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'reset') return [];
    const { options } = splitArgs(git.args);
    return hasFlag(options, undefined, '--hard', '--merge') ? [{ messageId: 'hard', data: { segment: cmd.text } }] : [];
  },
});
