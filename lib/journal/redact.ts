// Secret redaction: every string the journal writes passes through `redact` first, so a secret the
// agent put on a command line (a token, a password, a key) never reaches the disk.
//
// Trust model: best effort by known shapes, biased towards redacting. It finds secrets by their
// form (vendor token prefixes, JWTs, private key blocks), by their place (URL userinfo, an
// Authorization header, `-p` of mysql, `--password=`) and by their name (`*_TOKEN=`, `*_KEY=`,
// `"password": …`). A secret with none of these (a bare random word passed positionally, a secret
// piped from `echo`) is not recognised. Variable references (`FOO_TOKEN=$FOO_TOKEN`) are kept: they
// are not the secret.
//
// Limits: callers cut long text before redacting (`redactSummary`); every pattern is linear or
// bounded on one line, so hostile input cannot make it slow.

export const REDACTED = '[REDACTED]';

/** Redaction margin: text is cut to `max + MARGIN` before redacting, then to `max`. */
const MARGIN = 1024;

/**
 * Vendor token shapes, redacted wherever they appear; each with the literals one of which every
 * match contains, so text without them skips the expression (compiling thirty expressions costs
 * every hook process more than a millisecond).
 */
const TOKEN_SHAPES: readonly (readonly [readonly string[], RegExp])[] = [
  [['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA'], /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g], // AWS access key ids
  [['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], /\bgh[pousr]_[A-Za-z0-9]{20,}/g], // GitHub tokens
  [['github_pat_'], /\bgithub_pat_[A-Za-z0-9_]{20,}/g], // GitHub fine-grained tokens
  [['glpat-'], /\bglpat-[A-Za-z0-9_-]{20,}/g], // GitLab
  [['sk-ant-'], /\bsk-ant-[A-Za-z0-9_-]{8,}/g], // Anthropic
  [['sk-'], /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g], // OpenAI
  [['xox'], /\bxox[abposer]-[A-Za-z0-9-]{10,}/g], // Slack tokens
  [['xapp-'], /\bxapp-[A-Za-z0-9-]{10,}/g], // Slack app tokens
  [['hooks.slack.com/services/'], /\bhooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g], // Slack webhooks
  [['_live_', '_test_'], /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/g], // Stripe keys
  [['whsec_'], /\bwhsec_[A-Za-z0-9]{16,}/g], // Stripe webhook secrets
  [['AIza'], /\bAIza[0-9A-Za-z_-]{30,}/g], // Google API keys
  [['ya29.'], /\bya29\.[0-9A-Za-z_-]{20,}/g], // Google OAuth access tokens
  [['eyJ'], /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g], // JWTs
  [['npm_'], /\bnpm_[A-Za-z0-9]{30,}/g], // npm
  [['pypi-'], /\bpypi-[A-Za-z0-9_-]{40,}/g], // PyPI
  [['hf_'], /\bhf_[A-Za-z0-9]{30,}/g], // Hugging Face
  [['SG.'], /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g], // SendGrid
  [['_v1_'], /\bdo[pro]_v1_[a-f0-9]{40,}/g], // DigitalOcean
];

/** `-----BEGIN … PRIVATE KEY-----` … END (or to the end of the text when the END was cut off). */
const PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;

/** `scheme://user:password@host`: the password. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:'"]*):([^\s/@'"]+)@/gi;

/** `Authorization: Bearer …`, `X-Api-Key: …`, `Cookie: …`: the value up to a quote or the line end. */
const HEADER =
  /((?:^|['"\s])((?:proxy-)?authorization|cookie|set-cookie|[a-z0-9]+(?:-[a-z0-9]+)*-(?:key|token|secret|auth|signature|session|password|apikey|api-key)|(?:x-)?api-key|private-token)\s*:\s*)(?:(bearer|basic|token|bot|digest|negotiate|apikey)\s+)?([^'"\r\n]+)/gim;

/** Programs whose `-p<password>` / `-p <password>` is a password (not a port or `mkdir -p`). */
const DASH_P = /\b((?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlsh|mariadb(?:-[a-z]+)?|mongo|mongosh|mongodump|mongorestore)\b[^\n;&|]*?\s-p\s?)('[^']*'|"[^"]*"|[^\s'"]+)/g;
/** `sshpass -p secret`, `docker login -p secret`, `sqlcmd -P secret`, `redis-cli -a secret`. */
const PROGRAM_PASSWORD = /\b((?:sshpass|docker\s+login|podman\s+login|sqlcmd|redis-cli)\b[^\n;&|]*?\s-[pPa]\s?)('[^']*'|"[^"]*"|[^\s'"]+)/g;
/** `curl -u user:password`. */
const CURL_USER = /\b((?:curl|wget|http|https|xh)\b[^\n;&|]*?\s-u\s?['"]?[^\s:'"]*:)([^\s'"]+)/g;
/** `--user user:password` for any program. */
const LONG_USER = /(--(?:proxy-)?user[=\s]+['"]?[^\s:'"]*:)([^\s'"]+)/g;
/** `openssl … -pass pass:secret`. */
const OPENSSL_PASS = /\b(pass:)([^\s'"]+)/g;
/** `gh secret set NAME --body value`, `aws configure set aws_secret_access_key value`. */
const CLI_SECRET_VALUE = /\b((?:gh\s+secret\s+set\b[^\n;&|]*?\s(?:--body|-b)[=\s]?)|(?:aws\s+configure\s+set\s+\S*(?:secret|key|token)\S*\s+))('[^']*'|"[^"]*"|[^\s'"]+)/gi;

/**
 * `NAME=value` (shell assignments, `--flag=value`, query strings, key=value configs) and
 * `"name": value` / `name: value` at a line start (JSON, YAML), when NAME names a secret.
 */
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])(--?)?([A-Za-z_][A-Za-z0-9_.-]*)(=)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"'&;|,)}\]<>]+)/g;
const QUOTED_KEY = /(["'])([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*:\s*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"',}\]]+)/g;
const YAML_KEY = /^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_.-]*)(:[ \t]+)([^\n#]+)/gm;
/** `name: value` inside a line (`echo "client_secret: …" >> f`), for unmistakable names only. */
const INLINE_KEY = /(?<=['"\s])([A-Za-z_][A-Za-z0-9_.-]*)(:[ \t]+)('[^'\n]*'|"[^"\n]*"|[^\s'"]+)/g;
/** `--password value`, `--token value`: a long flag naming a secret, then a word. */
const LONG_FLAG_VALUE = /(?<![A-Za-z0-9_.-])(--([A-Za-z][A-Za-z0-9-]*))(\s+)('[^']*'|"[^"]*"|[^\s'"-][^\s'"]*)/g;

/** Does this name (of a variable, flag, key or field) name a secret? */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'pwd' || lower === 'oldpwd') return false;
  if (/password|passwd|passphrase|secret|token(?!s\b|s_|iz)|apikey|api_key|api-key|credential|private_?key|access_?key/.test(lower)) return true;
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter((p) => p !== '');
  const last = parts.at(-1);
  return last !== undefined && ['key', 'pass', 'pwd', 'pw', 'auth', 'bearer', 'sig', 'signature', 'cookie', 'dsn'].includes(last);
}

/** Secret names that cannot be ordinary words in a sentence: `client_secret`, `apiKey`, `password`. */
function isUnmistakableSecretName(name: string): boolean {
  return isSecretName(name) && (/[_.-]|[a-z][A-Z]/.test(name) || /pass(?:word|wd|phrase)|secret/i.test(name));
}

/** Inside prose (`No secrets: the text …`) only a value with a digit or symbol, or a long one, is taken for a secret. */
function looksLikeSecret(value: string): boolean {
  return /[0-9_+/=!@#$%^&*-]/.test(value) || value.replace(/^['"]|['"]$/g, '').length >= 12;
}

/** A value that only refers to a secret elsewhere (`$FOO`, `${FOO}`, `"$FOO"`): kept. */
function isReference(value: string): boolean {
  return /^["']?\$/.test(value) || value === REDACTED || value === `"${REDACTED}"`;
}

function redactNamed(re: RegExp, text: string, nameGroup: number, valueGroup: number): string {
  return text.replace(re, (...m: unknown[]) => {
    const groups = m.slice(1, -2) as (string | undefined)[];
    const name = groups[nameGroup - 1] ?? '';
    const value = groups[valueGroup - 1] ?? '';
    if (!isSecretName(name) || isReference(value)) return m[0] as string;
    const whole = m[0] as string;
    return whole.slice(0, whole.length - value.length) + REDACTED;
  });
}

/** True when `text` contains one of `literals` (each expression below needs one of its literals to match). */
function has(text: string, ...literals: string[]): boolean {
  return literals.some((l) => text.includes(l));
}

/** Replaces every secret this module recognises in `text` with `[REDACTED]`. */
export function redact(text: string): string {
  let t = text;
  const lower = text.toLowerCase();
  if (has(t, 'PRIVATE KEY')) {
    t = t.replace(PRIVATE_KEY, (_m, kind: string, block: string | undefined) => `-----BEGIN ${kind}PRIVATE KEY${block ?? ''}-----${REDACTED}-----END ${kind}PRIVATE KEY${block ?? ''}-----`);
  }
  if (has(t, '://') && has(t, '@')) t = t.replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`);
  if (has(t, ':')) {
    t = t.replace(HEADER, (m: string, head: string, _name: string, scheme: string | undefined, value: string) =>
      isReference(value) ? m : `${head}${scheme !== undefined ? `${scheme} ` : ''}${REDACTED}`,
    );
  }
  const valueAfter = (m: string, head: string, value: string): string => (isReference(value) ? m : `${head}${REDACTED}`);
  if (has(t, '-p')) t = t.replace(DASH_P, valueAfter);
  if (has(t, '-')) t = t.replace(PROGRAM_PASSWORD, valueAfter);
  if (has(t, '-u')) t = t.replace(CURL_USER, valueAfter);
  if (has(t, 'user')) t = t.replace(LONG_USER, valueAfter);
  if (has(t, 'pass:')) t = t.replace(OPENSSL_PASS, valueAfter);
  if (has(lower, 'secret', 'configure')) t = t.replace(CLI_SECRET_VALUE, valueAfter);
  if (has(t, '=')) t = redactNamed(ASSIGNMENT, t, 2, 4);
  if (has(t, ':')) {
    t = redactNamed(QUOTED_KEY, t, 2, 4);
    t = redactNamed(YAML_KEY, t, 2, 4);
    t = t.replace(INLINE_KEY, (m: string, name: string, sep: string, value: string) =>
      isUnmistakableSecretName(name) && !isReference(value) && looksLikeSecret(value) ? `${name}${sep}${REDACTED}` : m,
    );
  }
  if (has(t, '--')) t = redactNamed(LONG_FLAG_VALUE, t, 2, 4);
  for (const [literals, re] of TOKEN_SHAPES) if (has(t, ...literals)) t = t.replace(re, REDACTED);
  return t;
}

/** `text` redacted and cut to `max` characters, with a visible marker when cut. */
export function redactSummary(text: string, max: number): string {
  const head = text.length > max + MARGIN ? text.slice(0, max + MARGIN) : text;
  const r = redact(head);
  return r.length > max || text.length > head.length ? `${r.slice(0, max)}… [cut: ${text.length} characters in all]` : r;
}
