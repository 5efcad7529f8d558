import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isDryRun, segmentOf } from './cli.js';

/** kubectl's global and `delete` options that take a value (as separate words). */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '--context', '--cluster', '--kubeconfig', '--user', '-s', '--server', '--token', '--as', '--as-group', '--as-uid',
  '--request-timeout', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '-v', '--v',
  '--profile', '--profile-output', '-l', '--selector', '--field-selector', '-f', '--filename', '-k', '--kustomize', '-o', '--output',
  '--grace-period', '--timeout', '--cascade', '--raw',
]);

/** Resource types whose deletion takes much more with it, by every spelling kubectl accepts. */
const HEAVY: readonly { re: RegExp; what: string }[] = [
  { re: /^(ns|namespaces?|projects?)$/, what: 'a namespace and every resource in it' },
  { re: /^(crds?|customresourcedefinitions?)$/, what: 'a custom resource definition and every resource of its kind' },
  { re: /^(pv|persistentvolumes?)$/, what: 'a persistent volume and, under the usual Delete reclaim policy, its data' },
  { re: /^(pvc|persistentvolumeclaims?)$/, what: 'a persistent volume claim and, under the usual Delete reclaim policy, its data' },
  { re: /^(no|nodes?)$/, what: 'a node of the cluster' },
];

/** `kubectl delete ns a`, `ns/a`, `namespace,deploy`, `namespaces.v1.`: the types named. */
function typesOf(word: string): string[] {
  const head = word.includes('/') ? word.slice(0, word.indexOf('/')) : word;
  return head.split(',').map((t) => t.split('.')[0]?.toLowerCase() ?? '');
}

export default defineRule({
  id: 'infra/kubectl-delete',
  meta: {
    description:
      '`kubectl delete` (and `oc`) of namespaces/projects, CRDs, persistent volumes (claims) or nodes, or of everything of a type (`--all`, `-A`)',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      heavy:
        '`{{segment}}` deletes {{what}}. Delete the specific workloads you mean instead (`kubectl delete deployment/<name> -n <ns>`), preview with `--dry-run=client -o name`, or ask the human to approve.',
      all: '`{{segment}}` deletes every {{type}} {{scope}}. Name the resources you mean, or preview with `--dry-run=client -o name` and ask the human to approve.',
    },
  },
  programs: ['kubectl', 'oc', 'kubecolor', 'microk8s', 'k3s'],
  check(cmd) {
    let args = cmd.argv.slice(1);
    if (cmd.program === 'microk8s' || cmd.program === 'k3s') {
      if (args[0] !== 'kubectl') return [];
      args = args.slice(1);
    }
    const { options, operands } = splitArgs(args, VALUE_FLAGS);
    if (operands[0] !== 'delete' || isDryRun(options)) return [];
    const targets = operands.slice(1);
    const segment = segmentOf(cmd);
    for (const t of targets) {
      const heavy = HEAVY.find((h) => typesOf(t).some((x) => h.re.test(x)));
      if (heavy) return [{ messageId: 'heavy', data: { segment, what: heavy.what } }];
    }
    const all = options.some((o) => o === '--all' || o.startsWith('--all='));
    const allNs = options.some((o) => o === '-A' || o === '--all-namespaces' || o.startsWith('--all-namespaces='));
    if (all || allNs) {
      const type = targets[0] === undefined || targets[0] === 'all' ? 'workload resource' : display(targets[0]);
      return [{ messageId: 'all', data: { segment, type, scope: allNs ? 'in every namespace' : 'in the namespace' } }];
    }
    return [];
  },
});
