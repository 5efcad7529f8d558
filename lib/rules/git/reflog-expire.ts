import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isImmediate } from './expiry.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/reflog-expire',
  meta: {
    description:
      '`git reflog expire` with an immediate expiry (`--expire=now|all`, hours or days, or a value warden cannot know) and `git reflog delete` (not `--dry-run`): the reflog is how a bad reset, rebase or branch deletion is undone; without it, a following gc deletes those commits for good. The default and weeks-long expiries pass. Ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      expire:
        '`{{segment}}` deletes reflog entries, the record that lets a bad reset, rebase or branch deletion be undone. Leave the reflog to expire on its own (90 days); to shrink the repository, `git gc` alone is safe. Ask the human if it is really needed.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub !== 'reflog') return [];
    const [verb, ...rest] = git.args;
    if (verb !== 'expire' && verb !== 'delete') return [];
    const { options } = splitArgs(rest);
    if (hasFlag(options, 'n', '--dry-run')) return [];
    if (verb === 'expire') {
      // `--expire=<when>` / `--expire-unreachable=<when>` (also as two words).
      const values: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const m = /^--expire(?:-unreachable)?(?:=(.*))?$/s.exec(rest[i] as string);
        if (m) values.push(m[1] ?? rest[++i] ?? '');
      }
      if (!values.some(isImmediate)) return [];
    }
    return [{ messageId: 'expire' as const, data: { segment: cmd.text } }];
  },
});
