import { UNKNOWN, display, isDynamic, type SimpleCommand } from '../../shell/analyze.js';
import { LOGIN_PATH, STATE_CHANGING } from '../../serve/routes.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { codeOf } from '../interpreter/detect.js';
import { clip } from './describe.js';

/** Path prefixes of the API's state-changing routes (`/api/approvals/`, `/api/trust/`). */
const PREFIXES: readonly string[] = [...new Set(STATE_CHANGING.map((r) => r.path.slice(0, r.path.indexOf(':'))))];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CLIENTS = ['curl', 'wget', 'wget2', 'http', 'https', 'xh', 'xhs'];

/**
 * The `warden serve` path a word points at, when its host is this machine (or cannot be known):
 * a state-changing route or the login link. `:7007/…` is HTTPie's localhost shorthand.
 */
function apiPath(word: string): string | undefined {
  if (!word.includes('/api/') && !word.includes(LOGIN_PATH)) return undefined;
  const local = word.startsWith(':') ? `localhost${word}` : word;
  const w = /^[a-z][a-z0-9+.-]*:\/\//i.test(local) ? local : `http://${local}`;
  let host: string;
  let pathname: string;
  if (isDynamic(w)) {
    const m = /^[a-z]+:\/\/([^/]*)(\/[^?#]*)?/i.exec(w);
    host = m?.[1] ?? UNKNOWN;
    pathname = m?.[2] ?? '';
  } else {
    try {
      const u = new URL(w);
      host = u.hostname;
      pathname = u.pathname;
    } catch {
      return undefined;
    }
  }
  if (!thisMachine(host)) return undefined;
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return pathname;
  return PREFIXES.some((p) => pathname.startsWith(p)) || STATE_CHANGING.some((r) => r.re.test(pathname)) ? pathname : undefined;
}

/** Loopback, unspecified, `localhost`, a single-label name, or a host warden cannot know. */
function thisMachine(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/:\d+$/, '');
  if (isDynamic(h) || h === '') return true;
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '0.0.0.0' || h === '::1' || h === '::' || /^::ffff:(127\.|7f)/.test(h) || !h.includes('.');
}

/** The request method a client command uses, as far as its words show (`undefined`: unknown). */
function methodOf(cmd: SimpleCommand): string | undefined {
  const args = cmd.argv.slice(1);
  let explicit: string | undefined;
  let data = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-X' || a === '--request' || a === '--method') explicit = args[i + 1];
    else if (/^-X.+/.test(a)) explicit = a.slice(2);
    else if (a.startsWith('--request=') || a.startsWith('--method=')) explicit = a.slice(a.indexOf('=') + 1);
    else if (/^(-d|-F|-T|--data.*|--form.*|--json|--upload-file|--post-data|--post-file|--body-data|--body-file|--raw)(=|$)/.test(a) || /^-[a-zA-Z]*[dFT].*$/.test(a)) data = true;
  }
  if (explicit !== undefined) return isDynamic(explicit) ? undefined : explicit.toUpperCase();
  if (cmd.program === 'http' || cmd.program === 'https' || cmd.program === 'xh' || cmd.program === 'xhs') {
    const { operands } = splitArgs(args);
    const first = operands[0] ?? '';
    if (/^[A-Za-z]+$/.test(first) && operands.length > 1) return first.toUpperCase();
    if (operands.slice(1).some((i) => /^[^:=@]+(?::=|=)/.test(i))) return 'POST';
  }
  return data ? 'POST' : 'GET';
}

// `warden serve`'s API approves held calls and sets trust (lib/serve/routes.ts): the agent must not
// call its state-changing routes nor use the login link, whether or not it has a credential.
// Reading endpoints stay allowed. Locked.
export default defineRule({
  id: 'self/api-write',
  meta: {
    description:
      'An HTTP request from the shell (curl, wget, HTTPie, xh) or an interpreter one-liner to warden serve’s state-changing routes (approvals, trust) or its login link on this machine',
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      request: '`{{segment}}` sends {{method}} {{path}} to warden’s own API on this machine, which approves held calls or changes trust. Only the human may do that, from the page of `warden serve`. Stop and ask them.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    if (CLIENTS.includes(cmd.program)) {
      const target = cmd.argv.slice(1).map(apiPath).find((p) => p !== undefined);
      if (target === undefined) return [];
      const method = methodOf(cmd);
      if (method !== undefined && READS.has(method) && !target.startsWith(LOGIN_PATH)) return [];
      return [{ messageId: 'request', data: { segment: clip(cmd.text), method: method ?? 'a request', path: display(target) } }];
    }
    const c = codeOf(cmd, ctx.home);
    if (c === undefined) return [];
    const target = c.p.literals.map((l) => apiPath(l.value)).find((p) => p !== undefined);
    if (target === undefined) return [];
    const method = /\b(POST|PUT|PATCH|DELETE)\b/i.exec(c.p.literals.map((l) => l.value).join(' '))?.[1] ?? (/\.\s*(post|put|patch|delete)\s*\(|\bdata\s*=|\bbody\s*:/i.exec(c.p.masked) ? 'a write' : undefined);
    if (method === undefined && !target.startsWith(LOGIN_PATH)) return [];
    return [{ messageId: 'request', data: { segment: clip(cmd.text), method: method?.toUpperCase() ?? 'GET', path: display(target) } }];
  },
});
