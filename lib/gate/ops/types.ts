// What every classifier returns: the operations one simple command or tool call performs on
// services, local ones included (the gate skips them; tests and `warden explain` show them).

import type { OpKind } from '../../types.js';
import { display, UNKNOWN } from '../../shell/analyze.js';
import { secretInUrl } from '../secrets.js';
import { endpointForHost, endpointForUrl, UNRESOLVED, type Endpoint } from '../service.js';

export interface Operation {
  kind: OpKind;
  /** Service key (service.ts); for a local operation, the host or `file`. */
  service: string;
  local: boolean;
  /** The URL, host, remote or tool it goes to, for people (unknown parts shown as `$…`). */
  target: string;
  /** Where the target URL carries a credential, if it does. */
  secret?: string;
}

export interface CommandContext {
  /** The directory the command runs in (may contain UNKNOWN). */
  cwd: string;
  home: string;
  /** What the command reads on stdin, when it is literal (heredoc, here-string, `echo … |`). */
  stdinText?: string;
}

/** argv (program first, resolved words) → operations. */
export type Classifier = (argv: readonly string[], ctx: CommandContext) => Operation[];

export function fromEndpoint(kind: OpKind, ep: Endpoint, target: string): Operation {
  return { kind, service: ep.service, local: ep.local, target: display(target) };
}

/** The operation on a URL; undefined when `raw` is not a URL (a path, an option). */
export function opForUrl(kind: OpKind, raw: string, defaultScheme = 'http'): Operation | undefined {
  const ep = endpointForUrl(raw, defaultScheme);
  if (ep === undefined) return undefined;
  const op = fromEndpoint(kind, ep, raw);
  const secret = ep.url !== undefined && !ep.local ? secretInUrl(ep.url) : undefined;
  return secret === undefined ? op : { ...op, secret };
}

export function opForHost(kind: OpKind, host: string, target: string = host): Operation {
  return fromEndpoint(kind, endpointForHost(host), target);
}

/** A target warden cannot name (an unknown variable, a config file it does not read). */
export function unresolvedOp(kind: OpKind, target: string): Operation {
  return { kind, service: UNRESOLVED, local: false, target: display(target) };
}

/** The service of a fixed external API (aws, gcloud, az) unless an endpoint option points elsewhere. */
export function opForApi(kind: OpKind, service: string, target: string, endpoint: string | undefined): Operation {
  if (endpoint !== undefined) return opForUrl(kind, endpoint, 'https') ?? unresolvedOp(kind, endpoint);
  return { kind, service, local: false, target };
}

export const isUnknown = (w: string): boolean => w.includes(UNKNOWN);
