import { isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { configValue, isFalse, parseGit } from './parse.js';

export default defineRule({
  id: 'git/clean-force',
  meta: {
    description: '`git clean -f` (or `-c clean.requireForce=false`), which permanently deletes untracked files',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      force: '`{{segment}}` permanently deletes untracked files (they are in no commit and no stash). List them first with `git clean -n`, and move what you want to drop out of the way, or ask the human.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'clean') return [];
    const { options } = splitArgs(git.args, new Set(['-e', '--exclude']));
    if (hasFlag(options, 'n', '--dry-run')) return [];
    // With clean.requireForce off, plain `git clean` deletes; an unknown value might be off too.
    const requireForce = configValue(git, 'clean.requireForce');
    const forced = hasFlag(options, 'f', '--force') || isFalse(requireForce) || (requireForce !== undefined && isDynamic(requireForce));
    return forced ? [{ messageId: 'force', data: { segment: cmd.text } }] : [];
  },
});
