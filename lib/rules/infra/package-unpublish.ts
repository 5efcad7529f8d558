import { display } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isDryRun, segmentOf } from './cli.js';

/** npm/pnpm/yarn/gem/cargo options that take a value. */
const VALUE_FLAGS = new Set(['-R', '--repo', '--registry', '--otp', '-w', '--workspace', '--userconfig', '--prefix', '--cache', '--loglevel', '--tag', '--token', '--index', '--host', '-k', '--key', '-v', '--version', '--vers', '--platform', '-C', '--dir', '--filter']);

type Found = { messageId: 'unpublish' | 'release'; what: string };

function find(program: string, args: string[]): Found | undefined {
  const { options, operands } = splitArgs(args, VALUE_FLAGS);
  if (isDryRun(options)) return undefined;
  // `yarn npm unpublish` (yarn 2+) is `npm unpublish`.
  const words = program === 'yarn' && operands[0] === 'npm' ? operands.slice(1) : operands;
  const [sub, pkg] = words;
  const what = display(pkg ?? '(the package in this directory)');
  switch (program) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
      // Not `npm deprecate`: it is undone by deprecating again with an empty message.
      return sub === 'unpublish' ? { messageId: 'unpublish', what } : undefined;
    case 'gem':
      return sub === 'yank' ? { messageId: 'unpublish', what } : undefined;
    case 'cargo':
      return sub === 'yank' && !hasFlag(options, undefined, '--undo') ? { messageId: 'unpublish', what } : undefined;
    case 'gh':
    case 'glab':
      // `gh release delete v1 --cleanup-tag`: the release, its assets and (with the flag) its tag.
      return sub === 'release' && (pkg === 'delete' || pkg === 'rm') ? { messageId: 'release', what: display(words[2] ?? '(unnamed)') } : undefined;
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'infra/package-unpublish',
  meta: {
    description:
      'Taking published versions back: `npm`/`pnpm`/`yarn npm unpublish`, `gem yank`, `cargo yank`, `gh release delete` (not `npm deprecate`, which is undone by deprecating again with an empty message)',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      unpublish:
        '`{{segment}}` removes published versions of {{what}} from the registry; every project that depends on them breaks, and the version number can never be reused. Publish a fixed version instead, or ask the human to approve.',
      release:
        '`{{segment}}` deletes the published release {{what}} and its downloadable assets; links and install scripts that point at it break. Edit the release or mark it as a pre-release instead, or ask the human to approve.',
    },
  },
  programs: ['npm', 'pnpm', 'yarn', 'gem', 'cargo', 'gh', 'glab'],
  check(cmd) {
    const found = find(cmd.program, cmd.argv.slice(1));
    return found === undefined ? [] : [{ messageId: found.messageId, data: { segment: segmentOf(cmd), what: found.what } }];
  },
});
