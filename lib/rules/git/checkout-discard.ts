import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

const VALUE_FLAGS = new Set(['-b', '-B', '--orphan', '--conflict', '--pathspec-from-file']);
const SWITCH_VALUE_FLAGS = new Set(['-c', '-C', '--orphan', '--conflict']);

export default defineRule({
  id: 'git/checkout-discard',
  meta: {
    description: '`git checkout -- <path>`, `git checkout <tree-ish> <path>…`, `git checkout .`, `--pathspec-from-file`, `git checkout -f` and `git switch -f`, which overwrite uncommitted changes',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      paths: '`{{segment}}` overwrites uncommitted changes in {{paths}} with the committed version; they cannot be recovered. Keep them first with `git stash push -- <path>` (or a commit), or ask the human.',
      force: '`{{segment}}` switches branches and throws away uncommitted changes. Commit or stash them first (`git stash push -u`), then check out without `-f`.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git?.sub === 'switch') {
      // `git switch -f` / `--discard-changes`: checkout -f under its newer name.
      const { options } = splitArgs(git.args, SWITCH_VALUE_FLAGS);
      return hasFlag(options, 'f', '--force', '--discard-changes') ? [{ messageId: 'force', data: { segment: cmd.text } }] : [];
    }
    if (git?.sub !== 'checkout') return [];
    const dash = git.args.indexOf('--');
    const { options, operands } = splitArgs(dash === -1 ? git.args : git.args.slice(0, dash), VALUE_FLAGS);
    // `git checkout <tree-ish> <path>…` (two operands or more: the rest are paths), `-- <path>…`,
    // a lone `.`/`./x`/`:/`, or `--pathspec-from-file`. A lone other word is a branch (or, rarely,
    // a path: that ambiguity is left alone).
    const pathLike = (o: string): boolean => o === '.' || o === ':/' || o.startsWith('./');
    let paths = dash === -1 ? (operands.length >= 2 ? operands.slice(pathLike(operands[0] as string) ? 0 : 1) : operands.filter(pathLike)) : git.args.slice(dash + 1);
    const fromFile = options.find((o) => o.startsWith('--pathspec-from-file'));
    if (fromFile !== undefined) paths = [...paths, `the paths listed in ${fromFile.includes('=') ? fromFile.slice(fromFile.indexOf('=') + 1) : 'a file'}`];
    if (paths.length > 0) return [{ messageId: 'paths', data: { segment: cmd.text, paths: paths.join(' ') } }];
    if (hasFlag(options, 'f', '--force')) return [{ messageId: 'force', data: { segment: cmd.text } }];
    return [];
  },
});
