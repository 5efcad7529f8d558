import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { isDryRun, segmentOf } from './cli.js';
import { commandPath, parseAws } from './cloud.js';

/**
 * aws operations named delete-… or terminate-… that act on single records a program processes in
 * the normal course of work (queue messages, table items, tags), not on resources.
 */
const AWS_ITEM_OPERATIONS = new Set([
  'delete-message', 'delete-message-batch', 'delete-item', 'batch-write-item', 'delete-tags', 'delete-attributes', 'delete-object',
  'delete-object-tagging', 'delete-events', 'delete-log-stream',
]);
const AWS_DELETE = /^(delete|terminate)-|^schedule-key-deletion$/;
/** Services owned by infra/cloud-storage-delete. */
const AWS_OTHER_RULE = new Set(['s3', 's3api']);

/** gcloud/az groups whose `delete` is local configuration or owned by the storage rule. */
const LOCAL_GROUPS = new Set(['config', 'auth', 'components', 'storage', 'extension', 'cache', 'alias']);
/** Groups whose deletion takes every resource inside it. */
const CONTAINERS: Readonly<Record<string, string>> = {
  projects: 'a whole Google Cloud project and every resource in it',
  group: 'a whole Azure resource group and every resource in it',
};

type Found = { what: string; container: boolean };

function aws(args: string[]): Found | undefined {
  const call = parseAws(args);
  if (call === undefined || AWS_OTHER_RULE.has(call.service) || isDryRun(call.options)) return undefined;
  if (!AWS_DELETE.test(call.operation) || AWS_ITEM_OPERATIONS.has(call.operation)) return undefined;
  return { what: `aws ${call.service} ${call.operation}`, container: false };
}

function gcloudOrAz(program: string, args: string[]): Found | undefined {
  const { words } = commandPath(args);
  const groups = words.filter((w) => w !== 'alpha' && w !== 'beta');
  const at = groups.indexOf('delete');
  if (at <= 0) return undefined;
  const path = groups.slice(0, at);
  if (LOCAL_GROUPS.has(path[0] as string)) return undefined;
  const container = path.length === 1 ? CONTAINERS[path[0] as string] : undefined;
  const names = groups.slice(at + 1).map(display);
  return {
    what: container ?? `${program} ${path.join(' ')} delete${names.length > 0 ? ` ${names.join(' ')}` : ''}`,
    container: container !== undefined,
  };
}

export default defineRule({
  id: 'infra/cloud-resource-delete',
  meta: {
    description:
      'Deleting cloud resources with the aws, gcloud and az CLIs: instances, databases, clusters, stacks, functions, keys (aws `delete-*`/`terminate-*`, gcloud and az `… delete`); storage has its own rule',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      delete:
        '`{{segment}}` deletes a cloud resource ({{what}}); instances, databases and clusters do not come back. Check the exact resource with a describe/list command, take a snapshot or backup if it holds data, and ask the human to approve.',
      container:
        '`{{segment}}` deletes {{what}}. Delete the specific resources you mean instead, or ask the human to do it.',
    },
  },
  programs: ['aws', 'gcloud', 'az'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    const found = cmd.program === 'aws' ? aws(args) : gcloudOrAz(cmd.program, args);
    if (found === undefined) return [];
    return [{ messageId: found.container ? 'container' : 'delete', data: { segment: segmentOf(cmd), what: found.what } }];
  },
});
