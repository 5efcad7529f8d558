// Cloud CLIs: aws, gcloud, gsutil, az. An operation reads when its verb reads (describe, list, get,
// show, …); deletes when it deletes (delete, terminate, remove, purge, …); executes when it runs
// something (invoke, ssh, run-command, start-session, …); sends for messaging (sns publish, ses
// send-email, pubsub topics publish); and writes otherwise — an unknown verb included. Object copies
// (`aws s3 cp`, `gsutil cp`, `gcloud storage cp`) write when the destination is in the cloud, read
// when only the source is. Configuration and login commands stay local.
//
// Services: amazonaws.com, googleapis.com, azure.com; `aws --endpoint-url http://localhost:4566`
// (LocalStack and friends) is local.

import { has, last, readArgs, set } from './options.js';
import { opForApi, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

const READ_PREFIXES = ['describe', 'list', 'get', 'head', 'batch-get', 'scan', 'query', 'lookup', 'search', 'select', 'test', 'validate', 'wait', 'estimate', 'preview', 'filter', 'download', 'check', 'detect', 'simulate', 'show', 'read', 'print', 'ls', 'tail', 'view', 'cat', 'stat', 'du', 'hash', 'help', 'version', 'presign', 'generate-presigned'];
const DELETE_PREFIXES = ['delete', 'terminate', 'remove', 'deregister', 'purge', 'destroy', 'rb', 'rm', 'drop'];
const EXECUTE_PREFIXES = ['invoke', 'execute', 'run-', 'start-session', 'send-command', 'ssh', 'exec', 'call', 'run-command', 'submit'];
const SEND_VERBS = new Set(['publish', 'publish-batch', 'send-email', 'send-raw-email', 'send-templated-email', 'send-bulk-email', 'send-bulk-templated-email', 'send-message', 'send-message-batch', 'send-messages', 'send-users-messages']);

const startsWithAny = (verb: string, prefixes: readonly string[]): boolean => prefixes.some((p) => verb === p || verb.startsWith(p.endsWith('-') ? p : `${p}-`) || (p.endsWith('-') && verb.startsWith(p)));

export function verbKind(verb: string): OpKind {
  const v = verb.toLowerCase();
  if (SEND_VERBS.has(v)) return 'send';
  if (startsWithAny(v, DELETE_PREFIXES)) return 'delete';
  if (startsWithAny(v, EXECUTE_PREFIXES) || v === 'run' || v === 'ssh') return 'execute';
  if (startsWithAny(v, READ_PREFIXES)) return 'read';
  return 'write';
}

/** Copy-like operations: write when the destination is in the cloud; `mv` out of the cloud deletes there. */
function copyKind(sub: string, operands: readonly string[], scheme: RegExp): OpKind {
  const files = operands.slice(1);
  const dest = files.at(-1) ?? '';
  const sources = files.slice(0, -1);
  if (scheme.test(dest)) return 'write';
  if (sub === 'mv' && sources.some((s) => scheme.test(s))) return 'delete';
  return 'read';
}

const AWS_VALUE = set('--profile', '--region', '--output', '--endpoint-url', '--query', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--color', '--cli-binary-format', '--cli-input-json', '--cli-input-yaml');
const AWS_LOCAL = new Set(['configure', 'help', 'history', 'cli-dev']);

export const aws: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: AWS_VALUE });
  const [service, op] = r.operands;
  if (service === undefined || AWS_LOCAL.has(service) || has(r, '--version') || op === 'help') return [];
  const endpoint = last(r, '--endpoint-url');
  const target = `aws ${service}${op !== undefined ? ` ${op}` : ''}`;
  let kind: OpKind;
  if (service === 's3' && op !== undefined) {
    if (op === 'cp' || op === 'mv' || op === 'sync') kind = copyKind(op, r.operands.slice(1), /^s3:\/\//i);
    else if (op === 'rm' || op === 'rb') kind = 'delete';
    else if (op === 'ls' || op === 'presign') kind = 'read';
    else kind = 'write';
  } else if (op === undefined) return [];
  else kind = verbKind(op);
  return [opForApi(kind, 'amazonaws.com', target, endpoint)];
};

/** gcloud groups that only touch local configuration. */
const GCLOUD_LOCAL = new Set(['config', 'auth', 'components', 'info', 'init', 'version', 'help', 'topic', 'feedback', 'survey', 'cheat-sheet', 'docker', 'emulators']);
const GCLOUD_VALUE = set('--project', '--account', '--configuration', '--format', '--filter', '--flatten', '--verbosity', '--impersonate-service-account', '--billing-project', '--zone', '--region', '--limit', '--page-size', '--sort-by', '--trace-token', '--access-token-file');

export const gcloud: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: GCLOUD_VALUE });
  const words = r.operands;
  const first = words[0];
  if (first === undefined || GCLOUD_LOCAL.has(first) || has(r, '--help', '-h', '--version')) return [];
  const target = `gcloud ${words.slice(0, 4).join(' ')}`;
  if (first === 'storage' && words[1] !== undefined) {
    const sub = words[1];
    const kind = sub === 'cp' || sub === 'mv' || sub === 'rsync' ? copyKind(sub, words.slice(1), /^gs:\/\//i) : verbKind(sub);
    return [opForApi(kind, 'googleapis.com', target, undefined)];
  }
  // The command path is groups then a verb; the verb is the first word that is one.
  for (const w of words.slice(1)) {
    const v = w.toLowerCase();
    if (v === 'publish') return [opForApi('send', 'googleapis.com', target, undefined)];
    if (/^(list|describe|get-[a-z-]+|print-[a-z-]+|read|tail|search|ls|show-[a-z-]+)$/.test(v)) return [opForApi('read', 'googleapis.com', target, undefined)];
    if (/^(delete|remove-[a-z-]+|purge)$/.test(v)) return [opForApi('delete', 'googleapis.com', target, undefined)];
    if (/^(ssh|scp|execute|call|run|submit|connect)$/.test(v)) return [opForApi('execute', 'googleapis.com', target, undefined)];
    if (/^(create|update|set-[a-z-]+|add-[a-z-]+|deploy|patch|import|export|enable|disable|reset|start|stop|resize|attach-[a-z-]+|detach-[a-z-]+|rollback|replace|apply|undelete|restore|cancel|promote|move|copy)$/.test(v)) {
      return [opForApi('write', 'googleapis.com', target, undefined)];
    }
  }
  return [opForApi('write', 'googleapis.com', target, undefined)];
};

export const gsutil: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: set('-o', '-h', '-p', '-u') });
  const [sub] = r.operands;
  if (sub === undefined || sub === 'version' || sub === 'help' || sub === 'config') return [];
  const target = `gsutil ${sub}`;
  let kind: OpKind;
  if (sub === 'cp' || sub === 'mv' || sub === 'rsync') kind = copyKind(sub, r.operands, /^gs:\/\//i);
  else if (sub === 'rm' || sub === 'rb') kind = 'delete';
  else if (['ls', 'cat', 'stat', 'du', 'hash', 'signurl'].includes(sub)) kind = 'read';
  else if (['acl', 'defacl', 'iam', 'label', 'lifecycle', 'versioning', 'web', 'cors', 'logging', 'retention', 'notification', 'defstorageclass', 'kms', 'requesterpays', 'ubla', 'pap', 'autoclass', 'rpo'].includes(sub)) {
    kind = r.operands[1] === 'get' || r.operands[1] === 'list' ? 'read' : 'write';
  } else kind = 'write';
  return [opForApi(kind, 'googleapis.com', target, undefined)];
};

const AZ_LOCAL = new Set(['login', 'logout', 'account', 'config', 'configure', 'extension', 'version', 'upgrade', 'cloud', 'find', 'interactive', 'feedback', 'self-test', 'init', 'help', 'survey']);
const AZ_VALUE = set('--subscription', '--output', '-o', '--query', '--resource-group', '-g', '--name', '-n', '--location', '-l', '--only-show-errors');

export const az: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: AZ_VALUE });
  const words = r.operands;
  const first = words[0];
  if (first === undefined || AZ_LOCAL.has(first) || has(r, '--help', '-h', '--version')) return [];
  const target = `az ${words.slice(0, 4).join(' ')}`;
  for (const w of words.slice(1)) {
    const v = w.toLowerCase();
    if (/^(list|show|get-[a-z-]+|check-[a-z-]+|wait|query|download|tail|list-[a-z-]+|show-[a-z-]+|exists)$/.test(v)) return [opForApi('read', 'azure.com', target, undefined)];
    if (/^(delete|purge|remove)$/.test(v)) return [opForApi('delete', 'azure.com', target, undefined)];
    if (/^(invoke|run-command|ssh|exec|run|invoke-action)$/.test(v)) return [opForApi('execute', 'azure.com', target, undefined)];
    if (/^(send|publish)$/.test(v)) return [opForApi('send', 'azure.com', target, undefined)];
    if (/^(create|update|set|add|start|stop|restart|deploy|import|assign|upload|restore|reset|swap|scale|enable|disable|approve|reject|rotate|renew|regenerate|revoke|grant|up|sync)$/.test(v)) {
      return [opForApi('write', 'azure.com', target, undefined)];
    }
  }
  return [opForApi('write', 'azure.com', target, undefined)];
};

export type { Operation };
