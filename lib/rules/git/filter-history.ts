import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/filter-history',
  meta: {
    description:
      '`git filter-branch` and `git filter-repo` (not `--analyze`/`--dry-run`): they rewrite every commit of the branches they touch; filter-repo also drops the origin remote and expires the reflogs, so there is nothing to go back to. Ask: a human may well want it, knowingly.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      branch:
        '`{{segment}}` rewrites the history of the branches it touches (the old commits survive only under refs/original until someone deletes them). To stop tracking a file, `git rm --cached <file>` in a new commit is enough; rewriting history is for the human to decide.',
      repo: '`{{segment}}` rewrites the whole history, removes the origin remote and expires the reflogs, so nothing can be undone. Look first with `git filter-repo --analyze` or `--dry-run`, and ask the human; they may prefer to run it in a fresh clone.',
    },
  },
  programs: ['git', 'git-filter-repo', 'git-filter-branch'],
  check(cmd) {
    let sub: string;
    let args: string[];
    if (cmd.program === 'git') {
      const git = parseGit(cmd.argv, cmd.assignments);
      if (git === undefined) return [];
      ({ sub, args } = git);
    } else {
      sub = cmd.program.slice('git-'.length);
      args = cmd.argv.slice(1);
    }
    if (sub !== 'filter-branch' && sub !== 'filter-repo') return [];
    const { options } = splitArgs(args);
    if (hasFlag(options, 'h', '--help')) return [];
    if (sub === 'filter-repo') {
      if (hasFlag(options, undefined, '--analyze', '--dry-run', '--version')) return [];
      return [{ messageId: 'repo' as const, data: { segment: cmd.text } }];
    }
    return [{ messageId: 'branch' as const, data: { segment: cmd.text } }];
  },
});
