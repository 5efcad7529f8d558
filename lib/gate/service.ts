// Service keys: which service outside the machine a host, URL or address belongs to, and whether it
// is outside the machine at all.
//
// Trust model: hosts come from the agent's tool calls and are hostile. A host is normalised by the
// WHATWG URL parser first (so `0x7f.1`, `2130706433` and `127.1` are all 127.0.0.1, and Unicode
// names become punycode), then keyed by its registrable domain from the Public Suffix List (tldts,
// private section included, so two GitHub Pages sites are two services). `api.github.com` and
// `github.com` share trust; `github.com.evil.io` does not.
//
// Local, never gated: `localhost` and `*.localhost`, loopback, RFC 1918, link-local, unspecified and
// unique-local addresses (IPv4-mapped IPv6 included), single-label hosts (`intranet`) and the
// private-use names `*.local`, `*.internal`, `*.home.arpa`. Anything warden cannot parse or resolve
// (an unknown variable in the host, a glob) is external under the key UNRESOLVED, which never earns
// trust: fail closed.
//
// No files, no network: DNS is never consulted (a name that resolves to 127.0.0.1 is still keyed
// by its name).

import net from 'node:net';
import { parse as parseDomain } from 'tldts';
import { UNKNOWN } from '../shell/analyze.js';

/** The service key of a target warden cannot name; it has no trust record and always needs a human. */
export const UNRESOLVED = 'unresolved';

/** Longest host name looked at (DNS allows 253); longer is not a host. */
export const MAX_HOST_CHARS = 253;

export interface Endpoint {
  /** Normalised host name or address ('' when unresolved). */
  host: string;
  /** Service key (registrable domain, address, or UNRESOLVED). */
  service: string;
  local: boolean;
}

const PRIVATE_USE_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa'];

function ipv4Local(a: number, b: number): boolean {
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    a === 0 // "this network", 0.0.0.0
  );
}

/** Is this address (IPv4 dotted quad, or IPv6 without brackets) loopback, private or link-local? */
export function isLocalAddress(ip: string): boolean {
  const v = net.isIP(ip);
  if (v === 4) {
    const [a = -1, b = -1] = ip.split('.').map(Number);
    return ipv4Local(a, b);
  }
  if (v !== 6) return false;
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1] !== undefined) return isLocalAddress(mapped[1]);
  // The WHATWG parser writes a mapped address as hex groups: ::ffff:7f00:1.
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mappedHex?.[1] !== undefined && mappedHex[2] !== undefined) {
    const hi = parseInt(mappedHex[1], 16);
    return ipv4Local(hi >> 8, hi & 0xff);
  }
  if (lower === '::1' || lower === '::') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 /* fc00::/7 */ || (first & 0xffc0) === 0xfe80; /* fe80::/10 */
}

function unresolved(host = ''): Endpoint {
  return { host, service: UNRESOLVED, local: false };
}

/** A host name or address as the URL parser normalises it; undefined if it is not one. */
export function normalizeHost(raw: string): string | undefined {
  // Control characters include the shell analysis' UNKNOWN marker: such a host is not a name.
  // eslint-disable-next-line no-control-regex
  if (raw === '' || raw.length > MAX_HOST_CHARS + 2 || /[\s/?#@\\\u0000-\u001f]/.test(raw)) return undefined;
  const bracketed = net.isIP(raw) === 6 ? `[${raw}]` : raw;
  try {
    const h = new URL(`http://${bracketed}/`).hostname;
    return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  } catch {
    return undefined;
  }
}

/** The endpoint of a host name or address (no port, no brackets needed). */
export function endpointForHost(raw: string): Endpoint {
  const host = normalizeHost(raw);
  if (host === undefined || /[*?[\]{}$`]/.test(host)) return unresolved(raw);
  if (net.isIP(host) !== 0) return { host, service: host, local: isLocalAddress(host) };
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  if (bare === 'localhost' || !bare.includes('.') || PRIVATE_USE_SUFFIXES.some((s) => bare.endsWith(s))) {
    return { host: bare, service: bare, local: true };
  }
  const parsed = parseDomain(bare, { allowPrivateDomains: true });
  return { host: bare, service: parsed.domain ?? bare, local: false };
}

/** URL schemes that name this machine's files, not a service. */
const LOCAL_SCHEMES = new Set(['file:']);

/**
 * The endpoint of a URL as a program would read it: `host/path` without a scheme is http. Returns
 * undefined for text that is not a URL at all (a local path, an option).
 */
export function endpointForUrl(raw: string, defaultScheme = 'http'): (Endpoint & { url: URL | undefined }) | undefined {
  if (raw === '' || raw.startsWith('-')) return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  if (!hasScheme && (raw.startsWith('/') || raw.startsWith('.') || raw.startsWith('~'))) return undefined;
  let text = hasScheme ? raw : `${defaultScheme}://${raw}`;
  if (text.includes(UNKNOWN)) {
    // `$URL`, `https://$HOST/x`: unresolved. `https://api.example.com/$ID`: the host is known.
    const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(text);
    if (m === null || (m[2] ?? '').includes(UNKNOWN)) return { ...unresolved(), url: undefined };
    text = `${m[1] ?? ''}${m[2] ?? ''}${(m[3] ?? '').split(UNKNOWN).join('_')}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // `http://$HOST/x` and friends: a URL whose host warden cannot read.
    return hasScheme ? { ...unresolved(), url: undefined } : undefined;
  }
  if (LOCAL_SCHEMES.has(url.protocol)) return { host: '', service: 'file', local: true, url };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (host === '') return { ...unresolved(), url };
  return { ...endpointForHost(host), url };
}
