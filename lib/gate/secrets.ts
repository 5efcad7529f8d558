// Credentials in URLs. A URL is written to shell history, server and proxy logs, browser history
// and the journal of every hop; a token in its query string or user info leaks to all of them. The
// gate holds any external call (reads included) whose URL carries one, and tells the agent to send
// it in a header instead.
//
// Trust model: best effort by name and shape, shared with the journal's redaction
// (lib/journal/redact.ts): a query parameter whose name names a secret (`token`, `api_key`,
// `client_secret`, `sig`, …) with any value, a value the shell fills in (`?token=$GITHUB_TOKEN`)
// included; a password in the user info; a vendor token shape (`ghp_…`, `sk-ant-…`, AWS key ids)
// anywhere in the query or user info. Tokens that are the path itself (webhook URLs) are the
// service's own design and not flagged. No files, no network.

import { isSecretName, redact } from '../journal/redact.js';

/** Where a URL carries a credential (never the credential itself), or undefined. */
export function secretInUrl(url: URL): string | undefined {
  if (url.password !== '') return 'a password in the user info';
  for (const [name, value] of url.searchParams) {
    if (value !== '' && isSecretName(name)) return `the query parameter \`${name}\``;
  }
  const carried = `${url.username} ${url.search}`;
  // Redaction changes the text exactly when it recognises a token shape in it.
  if (carried.trim() !== '' && redact(carried) !== carried) return 'a token in the query string';
  return undefined;
}

/** A token shape in free text (a WebSearch query). */
export function secretInText(text: string): string | undefined {
  return redact(text) !== text ? 'a token-shaped value' : undefined;
}
