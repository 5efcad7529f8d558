import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { segmentOf } from './cli.js';

const GH_VALUE_FLAGS = new Set(['-R', '--repo', '-X', '--method', '-H', '--header', '-f', '--field', '-F', '--raw-field', '--hostname', '-q', '--jq', '-t', '--template', '--input', '--cache']);

/** `gh api` endpoint of a whole repository: `repos/{owner}/{repo}` (optionally with a leading `/`). */
const REPO_ENDPOINT = /^\/?repos\/[^/]+\/[^/]+\/?$/;

function method(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if ((a === '-X' || a === '--method') && args[i + 1] !== undefined) return (args[i + 1] as string).toUpperCase();
    if (a.startsWith('--method=')) return a.slice('--method='.length).toUpperCase();
    if (/^-X.+/.test(a)) return a.slice(2).toUpperCase();
  }
  return undefined;
}

export default defineRule({
  id: 'infra/repo-delete',
  meta: {
    description: 'Deleting a hosted repository: `gh repo delete`, `gh api -X DELETE repos/{owner}/{repo}`, `glab repo delete`, `hub delete`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      delete:
        '`{{segment}}` deletes the repository {{repo}} with its issues, pull requests, releases and wiki. Archive it instead (`gh repo archive`), or ask the human to delete it themselves.',
    },
  },
  programs: ['gh', 'glab', 'hub'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    const { operands } = splitArgs(args, GH_VALUE_FLAGS);
    const [group, verb, target] = operands;
    let repo: string | undefined;
    if ((cmd.program === 'gh' || cmd.program === 'glab') && group === 'repo' && (verb === 'delete' || (cmd.program === 'glab' && verb === 'rm'))) {
      repo = target ?? '(the current repository)';
    } else if (cmd.program === 'hub' && group === 'delete') {
      repo = verb ?? '(unnamed)';
    } else if (cmd.program === 'gh' && group === 'api' && verb !== undefined && REPO_ENDPOINT.test(verb) && method(args) === 'DELETE') {
      repo = verb;
    }
    return repo === undefined ? [] : [{ messageId: 'delete', data: { segment: segmentOf(cmd), repo: display(repo) } }];
  },
});
