// What `warden serve` exposes, as constants: the guard's self-protection rules (issue 8) import
// them to deny the agent reading the token and calling the endpoints that change anything, and the
// server routes by them. Importing this module loads nothing else.

/** The API token, in the warden home (`~/.claude/warden/server.token`), mode 0600. */
export const TOKEN_FILE = 'server.token';

/** Everything under this prefix needs a credential (the token or a page session). */
export const API_PREFIX = '/api/';

/** The one-time login link: `GET /login?code=…` turns a code printed by `warden serve` into a page session. */
export const LOGIN_PATH = '/login';

/** The page session cookie is `warden_session_<port>` (cookies are not kept apart by port). */
export const SESSION_COOKIE_PREFIX = 'warden_session_';

/** A page session's second half: the key the page sends with every API call (lower case, as Node gives headers). */
export const SESSION_KEY_HEADER = 'x-warden-key';

/** The login redirects to `/#key=<session key>`; the page keeps the key in its origin's localStorage. */
export const SESSION_KEY_FRAGMENT = 'key';

export type RouteMethod = 'GET' | 'POST' | 'PUT';

export interface Route {
  method: RouteMethod;
  /** As documented: `:name` stands for one path segment. */
  path: string;
  /** Matches the request path (without the query); the groups are the `:name` segments, still URL-encoded. */
  re: RegExp;
}

const route = (method: RouteMethod, path: string): Route => ({
  method,
  path,
  re: new RegExp(`^${path.replace(/:[a-z]+/g, '([^/]+)').replace(/\//g, '\\/')}$`),
});

export const HEALTH = route('GET', '/api/health');
export const PENDING = route('GET', '/api/pending');
export const APPROVE = route('POST', '/api/approvals/:id/approve');
export const REJECT = route('POST', '/api/approvals/:id/reject');
export const JOURNAL = route('GET', '/api/journal');
export const JOURNAL_VERIFY = route('GET', '/api/journal/verify');
export const TRUST = route('GET', '/api/trust');
export const TRUST_SET = route('PUT', '/api/trust/:service');
export const POLICY = route('GET', '/api/policy');

export const API_ROUTES: readonly Route[] = [HEALTH, PENDING, APPROVE, REJECT, JOURNAL, JOURNAL_VERIFY, TRUST, TRUST_SET, POLICY];

/**
 * The endpoints that change state: approving or rejecting a held call, setting or forgetting a
 * service's trust. The agent must never call these (nor use the login link); a human does, from the
 * page or with the token.
 */
export const STATE_CHANGING: readonly Route[] = API_ROUTES.filter((r) => r.method !== 'GET');
