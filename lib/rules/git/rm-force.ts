import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/rm-force',
  meta: {
    description:
      '`git rm -f` (not `--cached`, not `-n`): it deletes files from the working tree even when they have uncommitted changes, which are then lost. Plain `git rm` refuses such files. Ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      force:
        '`{{segment}}` deletes {{paths}} from the working tree even with uncommitted changes, which are then lost. Use `git rm` without `-f` (it refuses modified files), or `git rm --cached` to stop tracking but keep the files; ask the human otherwise.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'rm') return [];
    const { options, operands } = splitArgs(git.args, new Set(['--pathspec-from-file']));
    if (!hasFlag(options, 'f', '--force') || hasFlag(options, undefined, '--cached') || hasFlag(options, 'n', '--dry-run')) return [];
    return [{ messageId: 'force' as const, data: { segment: cmd.text, paths: operands.join(' ') || 'the given paths' } }];
  },
});
