import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/update-ref-delete',
  meta: {
    description:
      '`git update-ref -d <ref>` (`--delete`) and `git update-ref --stdin` with `delete` lines (or input warden cannot see): it deletes a branch or other ref with none of `git branch -d`’s checks, and its reflog with it. Ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      delete:
        '`{{segment}}` deletes {{ref}} directly, without checking it is merged, and drops its reflog too. Delete branches with `git branch -d <name>` (it refuses unmerged ones), or ask the human.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'update-ref') return [];
    const { options, operands } = splitArgs(git.args, new Set(['-m']));
    // git knows only `-d`; `--delete` would fail there, and counting it costs nothing.
    if (hasFlag(options, 'd', '--delete')) return [{ messageId: 'delete' as const, data: { segment: cmd.text, ref: operands[0] ?? 'the ref' } }];
    if (!hasFlag(options, undefined, '--stdin')) return [];
    // `--stdin` reads commands; a heredoc or literal pipe shows them, anything else could delete.
    const s = cmd.stdin;
    const text = s?.kind === 'heredoc' || s?.kind === 'herestring' ? s.text : s?.kind === 'pipe' ? s.text : undefined;
    if (text !== undefined && !/(^|\n|\0)\s*delete\s/.test(text)) return [];
    return [{ messageId: 'delete' as const, data: { segment: cmd.text, ref: text === undefined ? 'the refs its input names' : 'the refs its input deletes' } }];
  },
});
