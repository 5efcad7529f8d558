import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/stash-destroy',
  meta: {
    description: '`git stash drop` and `git stash clear`, which delete stashed work',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      drop: '`{{segment}}` permanently deletes stashed changes. Inspect them with `git stash list` and `git stash show -p`; to keep them, `git stash branch <name>`. Ask the human before dropping.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'stash') return [];
    const verb = git.args.find((a) => !a.startsWith('-'));
    return verb === 'drop' || verb === 'clear' ? [{ messageId: 'drop', data: { segment: cmd.text } }] : [];
  },
});
