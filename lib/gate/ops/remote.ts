// Remote shells and copies: ssh runs commands on another machine (execute); scp, rsync and sftp
// copy to it (write; rsync with --delete* deletes) or from it (read).
//
// Hosts: `[user@]host`, `ssh://[user@]host[:port]`, `host:path`, `host::module`, `rsync://host/…`.
// A bare single-label name is usually an ssh_config alias for a remote machine, so unlike URL hosts
// it is NOT local here: it is keyed `ssh:<alias>`. `localhost` and local addresses stay local.

import net from 'node:net';
import { endpointForHost } from '../service.js';
import { has, readArgs, set } from './options.js';
import { isUnknown, unresolvedOp, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

/** The operation on an ssh-family host (user@ and :port stripped by the caller). */
export function sshHostOp(kind: OpKind, rawHost: string, target: string): Operation {
  const host = rawHost.replace(/^[^@]*@/, '').replace(/^\[|\]$/g, '');
  if (host === '' || isUnknown(host)) return unresolvedOp(kind, target);
  if (net.isIP(host) === 0 && !host.includes('.') && host.toLowerCase() !== 'localhost') {
    return { kind, service: `ssh:${host.toLowerCase()}`, local: false, target };
  }
  const ep = endpointForHost(host);
  return { kind, service: ep.service, local: ep.local, target };
}

function destinationHost(dest: string): string {
  const m = /^ssh:\/\/([^/]*)/i.exec(dest);
  const hostPort = m?.[1] ?? dest;
  return hostPort.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
}

const SSH_VALUE = set('-b', '-B', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w');

export const ssh: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: SSH_VALUE, stopAtOperand: true });
  if (has(r, '-V', '-G', '-Q')) return [];
  const dest = r.operands[0];
  if (dest === undefined) return [];
  return [sshHostOp('execute', destinationHost(dest), dest)];
};

/** `host:path` / `user@host:path` / `host::module` / `rsync://host/…` / `scp://host/…` → host; else undefined (local path). */
export function remoteHostOf(arg: string): string | undefined {
  const url = /^(?:scp|sftp|rsync):\/\/([^/]*)/i.exec(arg);
  if (url?.[1] !== undefined) return url[1].replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  if (arg.startsWith('/') || arg.startsWith('./') || arg.startsWith('../') || arg.startsWith('~')) return undefined;
  const m = /^((?:[^@/:]+@)?(?:\[[^\]]+\]|[^:/]+)):/.exec(arg);
  return m?.[1];
}

const SCP_VALUE = set('-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-X');

export const scp: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: SCP_VALUE });
  if (r.operands.length < 2) return [];
  const dest = r.operands.at(-1) as string;
  const sources = r.operands.slice(0, -1);
  const destHost = remoteHostOf(dest);
  if (destHost !== undefined) return [sshHostOp('write', destHost, dest)];
  return sources.flatMap((s) => {
    const h = remoteHostOf(s);
    return h === undefined ? [] : [sshHostOp('read', h, s)];
  });
};

const RSYNC_VALUE = set(
  ...['-e', '--rsh', '--rsync-path', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '-B', '--block-size'],
  ...['--bwlimit', '--port', '--password-file', '-T', '--temp-dir', '--log-file', '--log-file-format', '--chmod', '--chown', '-M', '--remote-option', '--backup-dir'],
  ...['--suffix', '--compare-dest', '--copy-dest', '--link-dest', '--max-size', '--min-size', '--timeout', '--contimeout', '--partial-dir', '--out-format'],
  ...['--info', '--debug', '--usermap', '--groupmap', '--iconv', '--skip-compress', '--sockopts', '--outbuf', '--max-delete', '--modify-window', '--address'],
  ...['--stop-after', '--stop-at', '--checksum-choice', '--compress-choice', '--compress-level', '--max-alloc', '--only-write-batch', '--write-batch', '--read-batch'],
);

export const rsync: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: RSYNC_VALUE });
  if (r.operands.length < 2 || has(r, '-n', '--dry-run', '--list-only')) return [];
  const dest = r.operands.at(-1) as string;
  const destHost = remoteHostOf(dest);
  if (destHost !== undefined) {
    const deletes = r.opts.some((o) => o.flag.startsWith('--delete') || o.flag === '--remove-source-files');
    return [sshHostOp(deletes ? 'delete' : 'write', destHost.replace(/:$/, ''), dest)];
  }
  return r.operands.slice(0, -1).flatMap((s) => {
    const h = remoteHostOf(s);
    return h === undefined ? [] : [sshHostOp('read', h, s)];
  });
};

export const sftp: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: set('-B', '-b', '-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-R', '-S', '-s', '-X') });
  const dest = r.operands[0];
  if (dest === undefined) return [];
  const host = /^sftp:\/\//i.test(dest) ? remoteHostOf(dest) : (remoteHostOf(dest) ?? dest).replace(/^[^@]*@/, '');
  return [sshHostOp('write', (host ?? dest).replace(/:\d+$/, ''), dest)];
};
