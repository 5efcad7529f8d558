// Package registries: publishing (npm, pnpm, yarn, bun, cargo, twine/poetry/uv/flit/hatch, gem,
// docker/podman push), unpublishing and yanking (delete), and the metadata writes of npm (dist-tag,
// owner, access, deprecate). A dry run publishes nothing. Service: `registry:npm`,
// `registry:crates`, `registry:pypi`, `registry:rubygems`, `registry:<host>` for container images;
// a `--registry`/`--index`/`--repository-url` option pointing elsewhere is keyed `registry:<domain>`,
// and a registry on this machine (a local verdaccio) is local.

import { endpointForHost, endpointForUrl } from '../service.js';
import { has, last, readArgs, set } from './options.js';
import { isUnknown, unresolvedOp, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

function registryOp(kind: OpKind, fallback: string, url: string | undefined, target: string): Operation {
  if (url === undefined) return { kind, service: `registry:${fallback}`, local: false, target };
  if (isUnknown(url)) return unresolvedOp(kind, `${target} --registry ${url}`);
  const ep = endpointForUrl(url, 'https');
  if (ep === undefined) return unresolvedOp(kind, `${target} --registry ${url}`);
  return { kind, service: ep.local ? ep.host : `registry:${ep.service}`, local: ep.local, target: `${target} (${url})` };
}

const NPM_VALUE = set('--registry', '--tag', '--access', '--otp', '-w', '--workspace', '--userconfig', '--globalconfig', '--prefix', '-C', '--dir', '--filter', '--provenance-file', '--auth-type', '--scope');
/** npm subcommands that change what the registry holds (publish, delete, metadata writes). */
const NPM_WRITES: Readonly<Record<string, OpKind>> = {
  publish: 'publish',
  unpublish: 'delete',
  deprecate: 'write',
  undeprecate: 'write',
  'dist-tag': 'write',
  'dist-tags': 'write',
  owner: 'write',
  author: 'write',
  access: 'write',
  star: 'write',
  unstar: 'write',
  team: 'write',
  org: 'write',
  hook: 'write',
  trust: 'write',
};
/** Read-only sub-verbs of those (`npm dist-tag ls`, `npm owner ls`, `npm access list`). */
const NPM_READ_VERBS = new Set(['ls', 'list', 'get']);

/** npm, pnpm, bun; yarn (classic `yarn publish`, berry `yarn npm publish`). */
export const jsRegistry: Classifier = (argv) => {
  const program = argv[0] ?? 'npm';
  let args = argv.slice(1);
  if (program === 'yarn' && args[0] === 'npm') args = args.slice(1); // berry: yarn npm publish|tag|…
  const r = readArgs(args, { value: NPM_VALUE });
  const [sub, verb] = r.operands;
  if (sub === undefined) return [];
  const kind = sub === 'tag' && program === 'yarn' ? 'write' : NPM_WRITES[sub];
  if (kind === undefined) return [];
  if (has(r, '--dry-run', '-h', '--help')) return [];
  if (kind === 'write' && verb !== undefined && NPM_READ_VERBS.has(verb)) return [];
  return [registryOp(kind, 'npm', last(r, '--registry'), `${program} ${sub}`)];
};

export const cargo: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: set('--index', '--registry', '--token', '-p', '--package', '--manifest-path', '--target', '--target-dir', '-j', '--jobs', '--features', '-F', '--config', '-Z', '--vers', '--version') });
  const sub = r.operands[0];
  if (sub !== 'publish' && sub !== 'yank' && sub !== 'owner') return [];
  if (has(r, '--dry-run', '-n', '-h', '--help') || (sub === 'owner' && has(r, '-l', '--list'))) return [];
  const named = last(r, '--registry');
  const kind: OpKind = sub === 'publish' ? 'publish' : sub === 'yank' ? 'delete' : 'write';
  if (named !== undefined) return [{ kind, service: `registry:cargo:${named}`, local: false, target: `cargo ${sub} --registry ${named}` }];
  return [registryOp(kind, 'crates', last(r, '--index'), `cargo ${sub}`)];
};

/** twine upload; poetry/uv/flit/hatch publish. */
export const pypi: Classifier = (argv) => {
  const program = argv[0] ?? 'twine';
  const r = readArgs(argv.slice(1), { value: set('-r', '--repository', '--repository-url', '--publish-url', '--index', '--index-url', '-u', '--username', '-p', '--password', '--token', '-c', '--comment', '--config-file', '--cert', '--client-cert', '--build', '--sign-with', '-i', '--identity', '--trusted-publishing', '--check-url', '--keyring-provider', '--repo') });
  const sub = r.operands[0];
  if (!((program === 'twine' && sub === 'upload') || (program !== 'twine' && sub === 'publish'))) return [];
  if (has(r, '--dry-run', '-h', '--help')) return [];
  const url = last(r, '--repository-url', '--publish-url', '--index-url', '--repo');
  const named = last(r, '-r', '--repository', '--index');
  if (url === undefined && named !== undefined && named !== 'pypi') return [unresolvedOp('publish', `${program} ${sub} -r ${named}`)];
  return [registryOp('publish', 'pypi', url, `${program} ${sub}`)];
};

export const gem: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: set('--host', '-k', '--key', '--otp', '-v', '--version', '-p', '--http-proxy', '--platform') });
  const sub = r.operands[0];
  if (sub !== 'push' && sub !== 'yank' && sub !== 'owner') return [];
  if (has(r, '-h', '--help')) return [];
  const kind: OpKind = sub === 'push' ? 'publish' : sub === 'yank' ? 'delete' : 'write';
  return [registryOp(kind, 'rubygems', last(r, '--host'), `gem ${sub}`)];
};

/** docker/podman push IMAGE: the registry is the image name's first part when it looks like a host. */
export const imagePush: Classifier = (argv) => {
  const program = argv[0] ?? 'docker';
  let args = argv.slice(1);
  if (args[0] === 'image') args = args.slice(1); // docker image push
  const r = readArgs(args, { value: set('--platform', '--creds', '--authfile', '--cert-dir', '--digestfile', '--format', '-f', '--sign-by', '--encryption-key', '--compression-format', '--retry', '--retry-delay') });
  if (r.operands[0] !== 'push' || has(r, '--help')) return [];
  const image = r.operands[1];
  if (image === undefined) return [];
  if (isUnknown(image.split('/')[0] ?? '')) return [unresolvedOp('publish', `${program} push ${image}`)];
  const first = image.split('/')[0] ?? '';
  const hasHost = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasHost) return [{ kind: 'publish', service: 'registry:docker.io', local: false, target: `${program} push ${image}` }];
  const ep = endpointForHost(first.replace(/:\d+$/, ''));
  return [{ kind: 'publish', service: ep.local ? ep.host : `registry:${ep.service}`, local: ep.local, target: `${program} push ${image}` }];
};
