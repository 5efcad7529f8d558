import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { segmentOf } from './cli.js';

const GH_VALUE_FLAGS = new Set(['-R', '--repo', '-X', '--method', '-H', '--header', '-f', '--field', '-F', '--raw-field', '--hostname', '-q', '--jq', '-t', '--template', '--input', '--visibility', '-d', '--description', '-h', '--homepage']);

/** The value given to an option (`--visibility public`, `--visibility=public`), if any. */
function valueOf(args: readonly string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (names.includes(a)) return args[i + 1];
    for (const n of names) if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
  }
  return undefined;
}

export default defineRule({
  id: 'infra/repo-visibility',
  meta: {
    description:
      'Making a private repository public: `gh repo edit --visibility public`, `gh api -X PATCH repos/{owner}/{repo}` with `private=false` or `visibility=public`, `glab repo edit --visibility public`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      public:
        '`{{segment}}` makes the repository {{repo}} public: its code, history (including any secret ever committed), issues and pull requests become readable by anyone, and copies cannot be recalled. Ask the human to decide and do it.',
    },
  },
  programs: ['gh', 'glab'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    const { operands } = splitArgs(args, GH_VALUE_FLAGS);
    const [group, verb, target] = operands;
    let repo: string | undefined;
    if (group === 'repo' && verb === 'edit' && valueOf(args, '--visibility')?.toLowerCase() === 'public') {
      repo = target ?? valueOf(args, '-R', '--repo') ?? '(the current repository)';
    } else if (cmd.program === 'gh' && group === 'api' && verb !== undefined && /^\/?repos\/[^/]+\/[^/]+\/?$/.test(verb)) {
      // `gh api -X PATCH repos/o/r -F private=false` / `-f visibility=public`.
      const fields = args.filter((_a, i) => i > 0 && ['-f', '-F', '--field', '--raw-field'].includes(args[i - 1] as string));
      if (fields.some((f) => /^private=false$/i.test(f) || /^visibility=public$/i.test(f))) repo = verb;
    }
    return repo === undefined ? [] : [{ messageId: 'public', data: { segment: segmentOf(cmd), repo: display(repo) } }];
  },
});
