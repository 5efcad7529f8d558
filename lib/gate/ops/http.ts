// HTTP clients: curl, wget, HTTPie (`http`, `https`) and xh. The kind follows the method the
// program will use: an explicit one (`-X`, `--method`), else what the data and upload options imply
// (curl -d → POST, -T → PUT, -I → HEAD, -G → GET; wget --post-data → POST; an HTTPie data item →
// POST). GET, HEAD, OPTIONS and TRACE read; DELETE deletes; any other or unknown method writes.
//
// A request that names a local URL but travels through a remote host (`--resolve`, `--connect-to`
// to an outside address, or an outside proxy) is external, keyed by that host.

import { endpointForHost } from '../service.js';
import { has, last, readArgs, set, values } from './options.js';
import { isUnknown, opForHost, opForUrl, unresolvedOp, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

export function methodKind(method: string): OpKind {
  if (isUnknown(method)) return 'write';
  switch (method.toUpperCase()) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
    case 'TRACE':
      return 'read';
    case 'DELETE':
      return 'delete';
    default:
      return 'write';
  }
}

// ---------------------------------------------------------------------------------------------
// curl

const CURL_VALUE = set(
  ...['-A', '-b', '-c', '-C', '-d', '-D', '-e', '-E', '-F', '-H', '-K', '-m', '-o', '-P', '-Q', '-r', '-T', '-t', '-u', '-U', '-w', '-x', '-X', '-Y', '-y', '-z'],
  ...['--abstract-unix-socket', '--alt-svc', '--aws-sigv4', '--cacert', '--capath', '--cert', '--cert-type', '--ciphers', '--config', '--connect-timeout', '--connect-to'],
  ...['--continue-at', '--cookie', '--cookie-jar', '--create-file-mode', '--crlfile', '--curves', '--data', '--data-ascii', '--data-binary', '--data-raw', '--data-urlencode'],
  ...['--delegation', '--dns-interface', '--dns-ipv4-addr', '--dns-ipv6-addr', '--dns-servers', '--doh-url', '--dump-header', '--ech', '--egd-file', '--engine', '--etag-compare'],
  ...['--etag-save', '--expect100-timeout', '--form', '--form-string', '--ftp-account', '--ftp-alternative-to-user', '--ftp-method', '--ftp-port', '--ftp-ssl-ccc-mode'],
  ...['--happy-eyeballs-timeout-ms', '--haproxy-clientip', '--header', '--hostpubmd5', '--hostpubsha256', '--hsts', '--interface', '--ip-tos', '--ipfs-gateway', '--json'],
  ...['--keepalive-cnt', '--keepalive-time', '--key', '--key-type', '--krb', '--libcurl', '--limit-rate', '--local-port', '--login-options', '--mail-auth', '--mail-from'],
  ...['--mail-rcpt', '--max-filesize', '--max-redirs', '--max-time', '--netrc-file', '--noproxy', '--oauth2-bearer', '--output', '--output-dir', '--parallel-max', '--pass'],
  ...['--pinnedpubkey', '--preproxy', '--proto', '--proto-default', '--proto-redir', '--proxy', '--proxy-cacert', '--proxy-capath', '--proxy-cert', '--proxy-cert-type'],
  ...['--proxy-ciphers', '--proxy-crlfile', '--proxy-header', '--proxy-key', '--proxy-key-type', '--proxy-pass', '--proxy-pinnedpubkey', '--proxy-service-name'],
  ...['--proxy-tls13-ciphers', '--proxy-tlsauthtype', '--proxy-tlspassword', '--proxy-tlsuser', '--proxy-user', '--proxy1.0', '--pubkey', '--quote', '--random-file', '--range'],
  ...['--rate', '--referer', '--request', '--request-target', '--resolve', '--retry', '--retry-delay', '--retry-max-time', '--sasl-authzid', '--service-name', '--socks4'],
  ...['--socks4a', '--socks5', '--socks5-gssapi-service', '--socks5-hostname', '--speed-limit', '--speed-time', '--stderr', '--telnet-option', '--tftp-blksize', '--time-cond'],
  ...['--tls-max', '--tls13-ciphers', '--tlsauthtype', '--tlspassword', '--tlsuser', '--trace', '--trace-ascii', '--trace-config', '--unix-socket', '--upload-file', '--url'],
  ...['--url-query', '--user', '--user-agent', '--variable', '--write-out', '--expand-data', '--expand-url', '--expand-header', '--expand-json', '--expand-output'],
);
const CURL_DATA = ['-d', '--data', '--data-ascii', '--data-binary', '--data-raw', '--data-urlencode', '--json', '-F', '--form', '--form-string', '--expand-data', '--expand-json'];
const CURL_PROXY = ['-x', '--proxy', '--preproxy', '--socks4', '--socks4a', '--socks5', '--socks5-hostname'];

/** Hosts a request really travels to besides its URL's: `--resolve`/`--connect-to` targets, proxies. */
function curlDetours(r: ReturnType<typeof readArgs>): string[] {
  const hosts: string[] = [];
  for (const v of values(r, '--resolve')) {
    // [+]host:port:addr[,addr]…  (IPv6 addresses in brackets)
    const m = /^\+?[^:]*:[^:]*:(.*)$/.exec(v);
    for (const a of (m?.[1] ?? '').split(',')) if (a !== '') hosts.push(a.replace(/^\[|\]$/g, ''));
  }
  for (const v of values(r, '--connect-to')) {
    // HOST1:PORT1:HOST2:PORT2 — an empty HOST2 keeps the URL's host.
    const m = /^(?:\[[^\]]*\]|[^:]*):[^:]*:(\[[^\]]*\]|[^:]*):/.exec(v);
    if (m?.[1]) hosts.push(m[1].replace(/^\[|\]$/g, ''));
  }
  for (const v of values(r, ...CURL_PROXY)) {
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);
      hosts.push(u.hostname.replace(/^\[|\]$/g, ''));
    } catch {
      hosts.push(v);
    }
  }
  return hosts;
}

/** A local-looking request that really goes out through a remote host is keyed by that host. */
function detour(op: Operation, detours: readonly string[]): Operation {
  if (!op.local) return op;
  const out = detours.find((h) => isUnknown(h) || !endpointForHost(h).local);
  return out === undefined ? op : { ...opForHost(op.kind, out), target: `${op.target} via ${out}` };
}

function mailOps(rcpts: readonly string[], target: string): Operation[] {
  if (rcpts.length === 0) return [unresolvedOp('send', target)];
  return rcpts.map((a) => emailOp(a));
}

/** An email recipient (`Name <a@b.c>`, `a@b.c`) → send to `email:<registrable domain>`; no domain: local. */
export function emailOp(address: string): Operation {
  const m = /<([^>]*)>/.exec(address);
  const addr = (m?.[1] ?? address).trim();
  if (isUnknown(addr)) return unresolvedOp('send', addr);
  const at = addr.lastIndexOf('@');
  if (at === -1) return { kind: 'send', service: 'email:local', local: true, target: addr };
  const ep = endpointForHost(addr.slice(at + 1));
  return { kind: 'send', service: ep.local ? `email:${ep.host}` : `email:${ep.service}`, local: ep.local, target: addr };
}

export const curl: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: CURL_VALUE, longEquals: false });
  if (has(r, '-h', '--help', '-V', '--version', '-M', '--manual')) return [];
  const urls = [...r.operands, ...values(r, '--url')];
  const config = has(r, '-K', '--config');
  if (urls.length === 0 && !config) return [];
  let method = last(r, '-X', '--request');
  if (method === undefined) {
    if (has(r, '-T', '--upload-file')) method = 'PUT';
    else if (has(r, '-I', '--head')) method = 'HEAD';
    else if (has(r, ...CURL_DATA) && !has(r, '-G', '--get')) method = 'POST';
    else method = 'GET';
  }
  // FTP/SFTP quote commands (`-Q 'DELE x'`) change the server.
  const kind = has(r, '-Q', '--quote') && methodKind(method) === 'read' ? 'write' : methodKind(method);
  const detours = curlDetours(r);
  const ops: Operation[] = [];
  for (const u of urls) {
    if (/^smtps?:\/\//i.test(u) || has(r, '--mail-rcpt')) {
      ops.push(...mailOps(values(r, '--mail-rcpt'), u));
      continue;
    }
    const op = opForUrl(kind, u);
    if (op !== undefined) ops.push(detour(op, detours));
  }
  // A config file can name more URLs and data: warden does not read it.
  if (config) ops.push(unresolvedOp(kind === 'read' ? 'write' : kind, `curl -K ${last(r, '-K', '--config') ?? ''}`));
  return ops;
};

// ---------------------------------------------------------------------------------------------
// wget (and wget2)

const WGET_VALUE = set(
  ...['-O', '-o', '-a', '-e', '-i', '-B', '-t', '-T', '-w', '-Q', '-P', '-U', '-l', '-A', '-R', '-D', '-I', '-X'],
  ...['--output-document', '--output-file', '--append-output', '--execute', '--input-file', '--base', '--tries', '--timeout', '--wait', '--quota'],
  ...['--directory-prefix', '--user-agent', '--level', '--accept', '--reject', '--domains', '--include-directories', '--exclude-directories', '--header'],
  ...['--post-data', '--post-file', '--method', '--body-data', '--body-file', '--user', '--password', '--http-user', '--http-password', '--referer'],
  ...['--load-cookies', '--save-cookies', '--bind-address', '--limit-rate', '--dns-timeout', '--connect-timeout', '--read-timeout', '--waitretry'],
  ...['--ca-certificate', '--ca-directory', '--certificate', '--certificate-type', '--private-key', '--private-key-type', '--proxy-user', '--proxy-password'],
  ...['--restrict-file-names', '--config', '--rejected-log', '--ftp-user', '--ftp-password', '--default-page', '--local-encoding', '--remote-encoding'],
  ...['--secure-protocol', '--egd-file', '--use-askpass', '--retry-on-http-error', '--backups', '--cut-dirs', '--accept-regex', '--reject-regex'],
);

export const wget: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: WGET_VALUE });
  if (has(r, '-h', '--help', '-V', '--version')) return [];
  let method = last(r, '--method');
  const execute = values(r, '-e', '--execute').join('\n');
  if (method === undefined) {
    if (has(r, '--post-data', '--post-file', '--body-data', '--body-file') || /^\s*(post_data|post_file|body_data|body_file)\s*=/im.test(execute)) method = 'POST';
    else if (/^\s*method\s*=\s*(\S+)/im.test(execute)) method = /^\s*method\s*=\s*(\S+)/im.exec(execute)?.[1] ?? 'POST';
    else method = 'GET';
  }
  const kind = methodKind(method);
  const ops = r.operands.flatMap((u) => opForUrl(kind, u) ?? []);
  // URLs read from a file or stdin: warden cannot name them.
  const input = last(r, '-i', '--input-file');
  if (input !== undefined) ops.push(unresolvedOp(kind, `wget -i ${input}`));
  return ops;
};

// ---------------------------------------------------------------------------------------------
// HTTPie (`http`, `https`) and xh (`xh`, `xhs`): `http [flags] [METHOD] URL [ITEM…]`.

const HTTPIE_VALUE = set(
  ...['-a', '-A', '-o', '-s', '-p', '-P', '--auth', '--auth-type', '--output', '--session', '--session-read-only', '--verify', '--cert', '--cert-key'],
  ...['--cert-key-pass', '--proxy', '--timeout', '--max-redirects', '--pretty', '--style', '--print', '--history-print', '--format-options'],
  ...['--response-charset', '--response-mime', '--boundary', '--raw', '--ssl', '--ciphers', '--default-scheme', '--bearer', '--http-version'],
  ...['--resolve', '--interface', '--unix-socket', '--max-headers', '--chunk-size'],
);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']);
/** HTTPie request item separators, longest first where they share a start. */
const SEPARATORS = [':=@', '==', '=@', ':=', '=', '@', ':', ';'];

/** What an HTTPie request item is: a header, a query parameter, or request data. */
function itemKind(item: string): 'header' | 'query' | 'data' | undefined {
  let best: { at: number; sep: string } | undefined;
  for (const sep of SEPARATORS) {
    const at = item.indexOf(sep);
    if (at > 0 && (best === undefined || at < best.at)) best = { at, sep };
  }
  if (best === undefined) return undefined;
  if (best.sep === ':' || best.sep === ';') return 'header';
  return best.sep === '==' ? 'query' : 'data';
}

export const httpie: Classifier = (argv) => {
  const program = argv[0] ?? 'http';
  const r = readArgs(argv.slice(1), { value: HTTPIE_VALUE });
  if (has(r, '-h', '--help', '--version', '--offline')) return [];
  const ops = [...r.operands];
  let method: string | undefined;
  if (ops.length >= 2 && METHODS.has((ops[0] ?? '').toUpperCase())) method = ops.shift();
  else if (ops.length >= 2 && isUnknown(ops[0] ?? '')) method = ops.shift();
  let url = ops.shift();
  if (url === undefined) return [];
  if (url.startsWith(':')) url = `localhost${url}`; // HTTPie's shorthand for localhost
  const data = ops.some((i) => itemKind(i) === 'data') || has(r, '--raw');
  const kind = methodKind(method ?? (data ? 'POST' : 'GET'));
  const op = opForUrl(kind, url, program === 'https' || program === 'xhs' ? 'https' : 'http');
  return op === undefined ? [] : [op];
};
