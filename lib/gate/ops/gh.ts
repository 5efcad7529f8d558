// The GitHub CLI: `gh <group> <verb>`. Views, lists, diffs, checks, downloads, clones and searches
// read; deletes delete; `release create`/`upload` and public gists publish; `workflow run`,
// `run rerun` and codespace sessions execute; everything else that talks to GitHub writes — an
// unknown group or verb included. `gh api` follows its method (`-X`; fields imply POST; a GraphQL
// call reads unless it sends a mutation). Configuration, aliases, auth and help stay local.
//
// Service: github.com, or the host of `--hostname`, `-R HOST/OWNER/REPO`, `GH_HOST` is not seen.

import { methodKind } from './http.js';
import { has, last, readArgs, set, values } from './options.js';
import { opForHost, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

/** Groups that never leave the machine (or only for gh's own login). */
const LOCAL_GROUPS = new Set(['config', 'alias', 'auth', 'completion', 'help', 'version', 'extension', 'ext', 'extensions', 'accessibility', 'a11y', 'copilot', 'agent-task', 'preview']);
const READ_VERBS = new Set(['view', 'list', 'ls', 'status', 'diff', 'checks', 'download', 'watch', 'clone', 'checkout', 'co', 'browse', 'logs', 'verify', 'verify-asset', 'show', 'search', 'cat']);
const READ_GROUPS = new Set(['browse', 'search', 'status']);
const DELETE_VERBS = new Set(['delete', 'delete-asset', 'remove', 'rm', 'prune']);
const EXECUTE: Readonly<Record<string, ReadonlySet<string>>> = {
  workflow: new Set(['run']),
  run: new Set(['rerun']),
  codespace: new Set(['create', 'ssh', 'cp', 'code', 'jupyter', 'ports']),
  cs: new Set(['create', 'ssh', 'cp', 'code', 'jupyter', 'ports']),
};
/** Local-only verbs inside remote groups. */
const LOCAL_VERBS: Readonly<Record<string, ReadonlySet<string>>> = { repo: new Set(['set-default']) };

const GH_VALUE = set('-R', '--repo', '--hostname', '-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '-q', '--jq', '-t', '--template', '--cache', '-p', '--preview');

export const gh: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: GH_VALUE });
  const [group, verb] = r.operands;
  if (group === undefined || has(r, '-h', '--help', '--version') || LOCAL_GROUPS.has(group)) return [];
  const repo = last(r, '-R', '--repo');
  const repoHost = repo !== undefined && repo.split('/').length === 3 ? repo.split('/')[0] : undefined;
  const host = last(r, '--hostname') ?? repoHost ?? 'github.com';
  const target = `gh ${group}${verb !== undefined ? ` ${verb}` : ''}`;
  const op = (kind: OpKind): Operation[] => [opForHost(kind, host, `${target} (${host})`)];

  if (group === 'api') {
    const fields = has(r, '-f', '-F', '--field', '--raw-field', '--input');
    const method = last(r, '-X', '--method') ?? (fields ? 'POST' : 'GET');
    if (verb === 'graphql' && method.toUpperCase() === 'POST' && !has(r, '--input')) {
      const query = values(r, '-f', '-F', '--field', '--raw-field').find((v) => v.startsWith('query='));
      return op(query !== undefined && !/^query=\s*mutation\b/.test(query) ? 'read' : 'write');
    }
    return op(methodKind(method));
  }
  if (READ_GROUPS.has(group)) return op('read');
  if (verb === undefined) return op('read'); // `gh pr` alone prints help
  if (LOCAL_VERBS[group]?.has(verb)) return [];
  if (EXECUTE[group]?.has(verb)) return op('execute');
  if (READ_VERBS.has(verb)) return op('read');
  if (DELETE_VERBS.has(verb)) return op('delete');
  if (group === 'release' && (verb === 'create' || verb === 'upload')) return op('publish');
  if (group === 'gist' && verb === 'create' && has(r, '-p', '--public')) return op('publish');
  return op('write');
};
