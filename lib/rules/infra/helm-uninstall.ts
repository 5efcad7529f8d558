import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isDryRun, segmentOf } from './cli.js';

/** helm's global and uninstall options that take a value. */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '--kube-context', '--kubeconfig', '--registry-config', '--repository-cache', '--repository-config', '--burst-limit',
  '--kube-apiserver', '--kube-as-user', '--kube-as-group', '--kube-ca-file', '--kube-token', '--kube-tls-server-name', '--qps', '--timeout',
  '--cascade', '--description',
]);
const UNINSTALL = new Set(['uninstall', 'delete', 'del', 'un']);

export default defineRule({
  id: 'infra/helm-uninstall',
  meta: {
    description: '`helm uninstall` (`delete`, `del`, `un`): removes a release and every Kubernetes resource it created',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      uninstall:
        '`{{segment}}` removes the release {{release}} and every resource it created (volumes of its stateful sets may go with them). Preview with `helm uninstall --dry-run`, roll back a bad upgrade with `helm rollback`, or ask the human to approve.',
    },
  },
  programs: ['helm'],
  check(cmd) {
    const { options, operands } = splitArgs(cmd.argv.slice(1), VALUE_FLAGS);
    if (!UNINSTALL.has(operands[0] ?? '') || isDryRun(options)) return [];
    const releases = operands.slice(1).map(display);
    return [{ messageId: 'uninstall', data: { segment: segmentOf(cmd), release: releases.join(', ') || '(unnamed)' } }];
  },
});
