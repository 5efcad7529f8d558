import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isImmediate } from './expiry.js';
import { configValue, parseGit, type GitCall } from './parse.js';

/** gc settings that, set to an immediate value, make a plain `git gc` delete recent unreachable commits. */
const GC_EXPIRY = ['gc.pruneExpire', 'gc.reflogExpire', 'gc.reflogExpireUnreachable'];

function immediatePrune(git: GitCall): string | undefined {
  const { options } = splitArgs(git.args, new Set(['--expire']));
  switch (git.sub) {
    case 'gc': {
      // `--prune=<date>` (git takes abbreviations: `--pru=now`); a bare `--prune` is the default two weeks.
      const prune = options.find((o) => o.includes('=') && o.indexOf('=') > 2 && '--prune'.startsWith(o.slice(0, o.indexOf('='))));
      if (prune !== undefined && isImmediate(prune.slice(prune.indexOf('=') + 1))) return prune;
      for (const name of GC_EXPIRY) {
        const v = configValue(git, name);
        if (v !== undefined && isImmediate(v)) return `-c ${name}=${v}`;
      }
      return undefined;
    }
    case 'prune': {
      // Without --expire, git prune deletes every unreachable loose object, however recent.
      if (hasFlag(options, 'n', '--dry-run')) return undefined;
      const i = git.args.findIndex((a) => a === '--expire' || a.startsWith('--expire='));
      const value = i === -1 ? 'now' : (git.args[i] as string).includes('=') ? (git.args[i] as string).slice('--expire='.length) : (git.args[i + 1] ?? '');
      return isImmediate(value) ? 'git prune' : undefined;
    }
    case 'repack': {
      // -a -d drops unreachable objects from the old packs; -A, --cruft, --keep-unreachable keep them.
      const drops = hasFlag(options, 'a') && hasFlag(options, 'd') && !hasFlag(options, 'A') && !hasFlag(options, undefined, '--cruft', '--keep-unreachable', '--pack-kept-objects');
      return drops ? 'repack -a -d' : undefined;
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'git/gc-prune',
  meta: {
    description:
      '`git gc --prune=now|all` (or gc with `-c gc.pruneExpire=now`…), `git prune` without a weeks-long `--expire`, `git repack -a -d` without `-A`/`--cruft`: they delete unreachable commits at once, the ones a mistake of the last days left behind. Ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      prune:
        '`{{segment}}` ({{how}}) deletes unreachable commits right away, including work a recent reset, rebase or branch deletion left behind. Plain `git gc` keeps them for two weeks and is enough to tidy the repository; ask the human before pruning now.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const git = parseGit(cmd.argv, cmd.assignments);
    if (git === undefined) return [];
    const how = immediatePrune(git);
    return how === undefined ? [] : [{ messageId: 'prune' as const, data: { segment: cmd.text, how } }];
  },
});
