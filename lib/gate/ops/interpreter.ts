// Interpreter one-liners that talk HTTP or SMTP: `python3 -c "requests.post(…)"`, `node -e
// "fetch(u, {method: 'POST'})"`, `ruby -e 'Net::HTTP.post(…)'`, `perl -MLWP…`, `php -r`, and the
// same code fed on stdin (`python3 - <<EOF`). Which code an interpreter runs is
// lib/shell/interpreters.ts's business; this reads that code.
//
// Trust model: a heuristic over source text, not an analysis of the program. It looks for the
// usual client calls (`.post(`, `.put(`, `.patch(`, `.delete(`, `method: 'POST'`, `data=` to
// urlopen, `Net::HTTP::Post`, `CURLOPT_POST`, smtplib, nodemailer, …) and for URL literals; each
// literal is one operation of the strongest kind found (delete > send > write > read). A write with
// no URL literal is UNRESOLVED. Code that builds its URL or method at run time, imports a module that
// posts, or runs a script file is not seen: scripts are outside what the gate can read.

import { readInterpreter } from '../../shell/interpreters.js';
import { opForUrl, unresolvedOp, type Classifier, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

/** Largest amount of code looked at; the rest is not searched (a write past it goes unseen: see header). */
export const MAX_CODE_CHARS = 64 * 1024;

const DELETE = [/(?:\.|->)\s*delete\s*\(/, /method\s*[:=]>?\s*["'`]DELETE["'`]/i, /Net::HTTP::Delete\b/, /HTTP::Request->new\(\s*["']?DELETE/, /CURLOPT_CUSTOMREQUEST\s*,\s*["']DELETE/];
const SEND = [/\bsmtplib\b/, /\bNet::SMTP\b/, /\bnodemailer\b/, /\bMail::Sendmail\b/, /\bEmail::Sender\b/, /(?<![\w$.])mail\s*\(\s*["'$]/];
const WRITE = [
  /(?:\.|->)\s*(?:post|put|patch)\s*\(/i,
  /method\s*[:=]>?\s*["'`](?:POST|PUT|PATCH)["'`]/i,
  /\b(?:urlopen|Request)\s*\([^)]*\bdata\s*=/,
  /Net::HTTP(?:::(?:Post|Put|Patch)\b|\.post(?:_form)?\b)/,
  /HTTP::Request->new\(\s*["']?(?:POST|PUT|PATCH)/,
  /\bPOST\s*\(\s*["'$]/,
  /CURLOPT_(?:POST|UPLOAD|PUT)\b/,
  /CURLOPT_CUSTOMREQUEST\s*,\s*["'](?:POST|PUT|PATCH)/,
];
const NETWORK = /\b(?:fetch\s*\(|urlopen|urlretrieve|requests\.|httpx\.|aiohttp|urllib3?\.|https?\.(?:get|request)\b|http\.client|axios|got\s*\(|Net::HTTP|LWP|HTTP::Tiny|getstore|file_get_contents|curl_exec|open-uri|URI\.open|Faraday|HTTParty|RestClient)/;
const URL_LITERAL = /https?:\/\/[^\s'"`)<>\\,;]+/gi;

/** The operations a piece of source code performs on services, as far as its text shows. */
export function codeOps(source: string): Operation[] {
  const code = source.length > MAX_CODE_CHARS ? source.slice(0, MAX_CODE_CHARS) : source;
  let kind: OpKind | undefined;
  if (DELETE.some((re) => re.test(code))) kind = 'delete';
  else if (SEND.some((re) => re.test(code))) kind = 'send';
  else if (WRITE.some((re) => re.test(code))) kind = 'write';
  else if (NETWORK.test(code)) kind = 'read';
  if (kind === undefined) return [];
  const urls = [...new Set([...code.matchAll(URL_LITERAL)].map((m) => m[0]))];
  const ops = urls.flatMap((u) => opForUrl(kind, u) ?? []);
  if (ops.length === 0 && kind !== 'read') {
    // A write whose target the text does not show (built at run time, an SMTP server).
    return [unresolvedOp(kind, `${code.slice(0, 80)}${code.length > 80 ? '…' : ''}`)];
  }
  return ops;
}

export const interpreter: Classifier = (argv, ctx) => {
  const program = (argv[0] ?? '').split('/').at(-1) ?? '';
  const call = readInterpreter(program, argv);
  const code = call.code ?? (call.stdin ? ctx.stdinText : undefined);
  if (code === undefined) return [];
  return codeOps(code);
};
