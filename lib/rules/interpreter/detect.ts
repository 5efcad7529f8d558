// What an interpreter one-liner does to files and the network, read from the analysis' `runs.inline`
// (lib/shell/oneliner.ts reads the code). Shared by the interpreter rules and by the remote pack,
// which needs to know whether a one-liner's output came from the network.
//
// Paths are evaluated where they are built from literals, path helpers, the home directory and
// earlier assignments; anything else is UNKNOWN, which the rules read as "could be anything".

import type { SimpleCommand } from '../../shell/analyze.js';
import type { Lang } from '../../shell/interpreters.js';
import { evalList, evalString, oneLinerOf, type Call, type EvalEnv, type OneLiner } from '../../shell/oneliner.js';

export interface Code {
  p: OneLiner;
  env: EvalEnv;
  /** The interpreter's own options (`perl -MLWP::Simple`, `ruby -rnet/http`), for module loads. */
  options: string;
}

/** The one-liner `cmd` runs, if the analysis could read it. */
export function codeOf(cmd: SimpleCommand, home: string): Code | undefined {
  const inline = cmd.runs?.inline;
  if (inline === undefined) return undefined;
  return { p: oneLinerOf(inline), env: { home, cwd: cmd.cwd }, options: cmd.argv.slice(1).filter((a) => a.startsWith('-')).join(' ') };
}

const has = (call: Call, ...names: string[]): boolean => names.includes(call.name) || names.includes(call.last);

/** The path-like arguments of a call: each argument, or each element of a list argument. */
function pathArgs(c: Code, call: Call, upTo = 1): string[] {
  return call.args.slice(0, upTo).flatMap((a) => evalList(c.p, a, c.env) ?? [evalString(c.p, a, c.env, call.at)]);
}

/** `call` is `require('<module>')`. */
function requires(c: Code, call: Call | undefined, module: string): boolean {
  return call !== undefined && call.last === 'require' && call.args[0] !== undefined && evalString(c.p, call.args[0], c.env) === module;
}

const RECURSIVE = /recursive\s*[:=]\s*(true|True|!0|1)\b/;

/** Per language: tree deletions — `shutil.rmtree(p)`, `fs.rmSync(p, {recursive: true})`, `FileUtils.rm_rf(p)`, `rmtree(p)`. */
export function treeDeletions(c: Code): { word: string; api: string }[] {
  const out: { word: string; api: string }[] = [];
  const lang: Lang = c.p.lang;
  for (const call of c.p.calls) {
    let paths: string[] | undefined;
    switch (lang) {
      case 'python':
        if (has(call, 'rmtree', 'removedirs', 'remove_tree')) paths = pathArgs(c, call);
        break;
      case 'node': {
        const rest = call.args.slice(1).join(',');
        if (has(call, 'rmSync', 'rmdirSync', 'rm', 'rmdir', 'Deno.remove', 'Deno.removeSync') && RECURSIVE.test(rest)) paths = pathArgs(c, call);
        else if (has(call, 'rimraf', 'rimrafSync', 'rimraf.sync') || (call.last === 'sync' && (call.name.includes('rimraf') || requires(c, call.on, 'rimraf')))) paths = pathArgs(c, call);
        else if (has(call, 'remove', 'removeSync', 'emptyDir', 'emptyDirSync') && /^(fse|fsExtra|fs|require\([^)]*\))\.|^(remove|removeSync|emptyDir|emptyDirSync)$/.test(call.name)) paths = pathArgs(c, call);
        break;
      }
      case 'ruby':
        if (has(call, 'rm_rf', 'rm_r', 'remove_dir', 'remove_entry', 'remove_entry_secure', 'rmtree')) paths = pathArgs(c, call, call.args.length);
        break;
      case 'perl':
        if (has(call, 'rmtree', 'remove_tree')) paths = pathArgs(c, call, call.args.length).filter((p) => !p.startsWith('{'));
        break;
      case 'php':
      case 'lua':
      case 'awk':
        break;
    }
    for (const word of paths ?? []) out.push({ word, api: call.name });
  }
  return out;
}

/** Whole disks and partitions: writing to them bypasses every file system. */
export const RAW_DISK = /^\/dev\/(?:(?:sd|hd|vd|xvd)[a-z\0]|nvme[\d\0]|mmcblk[\d\0]|r?disk[\d\0]|dm-[\d\0]|md[\d\0]|mapper\/|loop[\d\0]|nbd[\d\0]|root$)/;

const OPENERS = new Set(['open', 'io.open', 'os.open', 'openSync', 'fs.openSync', 'fs.open', 'File.open', 'File.new', 'IO.sysopen', 'fopen', 'sysopen', 'Deno.open', 'Deno.openSync', 'codecs.open']);
const WRITERS = new Set([
  'writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'File.write', 'File.binwrite', 'IO.write', 'IO.binwrite',
  'file_put_contents', 'Bun.write', 'Deno.writeFile', 'Deno.writeFileSync', 'Deno.writeTextFile', 'Deno.writeTextFileSync', 'write_bytes', 'write_text',
]);
const WRITE_MODE = /^[^r]*[wax+]|^r\+|^r.*\+/;

/** Raw disk devices the code opens for writing: `open('/dev/sda', 'wb')`, `fs.writeFileSync('/dev/nvme0n1', …)`. */
export function rawDiskWrites(c: Code): { device: string; api: string }[] {
  const out: { device: string; api: string }[] = [];
  for (const call of c.p.calls) {
    const opener = OPENERS.has(call.name) || OPENERS.has(call.last);
    const writer = WRITERS.has(call.name) || WRITERS.has(call.last);
    if (!opener && !writer) continue;
    // Perl's `open(FH, '>', $dev)` and `open(FH, ">$dev")`: the path is not the first argument.
    const values = call.args.map((a) => evalString(c.p, a, c.env, call.at));
    const rest = call.args.slice(1).join(',');
    for (const [k, v] of values.entries()) {
      const device = v.replace(/^\s*(\+?[<>]{1,2}|\|)?\s*/, '');
      if (!RAW_DISK.test(device)) continue;
      const perlMode = /^\s*\+?(>|>>|\+<)/.test(v) || values.some((m, j) => j !== k && /^\s*\+?(>|>>|\+<)\s*$/.test(m));
      const mode = values.some((m, j) => j !== k && WRITE_MODE.test(m)) || /O_WRONLY|O_RDWR|O_APPEND|O_TRUNC|write\s*:\s*true|['"][^'"]*[wa+][^'"]*['"]/.test(rest);
      if (writer || perlMode || (opener && mode)) out.push({ device, api: call.name });
    }
  }
  return out;
}

/**
 * Files whose content is a credential: private keys, cloud and cluster credentials, `.env` files,
 * `.netrc`, registry and git credential stores.
 */
const SECRET_FILES: readonly [RegExp, string][] = [
  [/(^|\/)\.ssh\/(?!known_hosts|authorized_keys|config$)[^/]*(?<!\.pub)$/, 'an SSH private key'],
  [/(^|\/)\.aws\/(credentials|config)$/, 'AWS credentials'],
  [/(^|\/)\.config\/gcloud\//, 'Google Cloud credentials'],
  [/(^|\/)\.azure\//, 'Azure credentials'],
  [/(^|\/)\.kube\/config$/, 'the Kubernetes config'],
  [/(^|\/)\.docker\/config\.json$/, 'Docker registry credentials'],
  [/(^|\/)[._]netrc$/, '.netrc'],
  [/(^|\/)\.git-credentials$/, 'git credentials'],
  [/(^|\/)\.(npmrc|pypirc)$/, 'package registry credentials'],
  [/(^|\/)\.env(\.(?!example$|sample$|template$|dist$)[\w.-]+)?$/, 'a .env file'],
  [/(^|\/)\.gnupg\//, 'GnuPG keys'],
  [/(^|\/)\.password-store\//, 'the password store'],
  [/(^|\/)\.vault-token$/, 'a Vault token'],
  [/\.(pem|key|p12|pfx)$/, 'a private key file'],
  [/^\/etc\/shadow$/, 'the password hashes'],
];

/** What secret a path names, if any. */
function secretOf(p: string): string | undefined {
  const path = p.replace(/\0/g, 'x');
  for (const [re, what] of SECRET_FILES) if (re.test(path)) return what;
  return undefined;
}

/** Secret files the code names: in a literal, or in a path it builds (`os.path.join(home, '.ssh', 'id_rsa')`). */
export function secretsNamed(c: Code): { path: string; what: string }[] {
  const out: { path: string; what: string }[] = [];
  const seen = new Set<string>();
  const consider = (v: string): void => {
    const path = v.startsWith('~/') ? c.env.home + v.slice(1) : v;
    const what = secretOf(path);
    if (what !== undefined && !seen.has(path)) {
      seen.add(path);
      out.push({ path, what });
    }
  };
  for (const l of c.p.literals) if (!l.command) consider(l.value);
  for (const call of c.p.calls) for (const a of call.args) consider(evalString(c.p, a, c.env, call.at));
  return out;
}

/** Per language, the code of network clients (on the masked code: string contents are not searched). */
const NETWORK: Readonly<Record<Lang, RegExp>> = {
  python: /\b(urllib|urlopen|requests\s*\.|httpx|http\.client|HTTPS?Connection|socket\s*\.|create_connection|smtplib|ftplib|aiohttp|paramiko|pycurl|xmlrpc|websocket)/,
  node: /\b(fetch\s*\(|https?\s*\.\s*(request|get)\b|net\s*\.\s*(connect|createConnection|Socket)|tls\s*\.\s*connect|dgram|axios|XMLHttpRequest|WebSocket|Deno\s*\.\s*connect|Bun\s*\.\s*connect|undici|got\s*\(|sendBeacon)/,
  ruby: /\b(Net::HTTP|Net::SMTP|Net::FTP|URI\s*\.\s*open|OpenURI|TCPSocket|UDPSocket|Socket\s*\.|HTTParty|Faraday|RestClient|Excon|Typhoeus)/,
  perl: /\b(LWP|HTTP::Tiny|IO::Socket|Net::|Socket|WWW::Mechanize|Mojo::UserAgent|getstore|getprint|\bpost\s*\()/,
  php: /\b(curl_init|curl_exec|fsockopen|stream_socket_client|socket_create|socket_connect|ftp_connect|SoapClient|GuzzleHttp|mail\s*\()/,
  lua: /\b(socket\s*\.|http\s*\.\s*request|curl)/,
  awk: /\/inet\//,
};
/** Modules whose loading (`require('https')`, `-MLWP::Simple`, `-rnet/http`) means network use. */
const NET_MODULES = /^(https?|net|tls|dgram|axios|node-fetch|undici|got|ws|net\/https?|open-uri|socket|net\/smtp|LWP(::\w+)*|HTTP::Tiny|IO::Socket(::\w+)*|requests|urllib(\.request)?|http\.client|httpx|smtplib)$/;
const URL_LITERAL = /^(https?|ftp|wss?):\/\//;

/** The network client the code uses, if any (its name, for messages). */
export function networkUse(c: Code): string | undefined {
  const m = NETWORK[c.p.lang].exec(c.p.masked);
  if (m) return m[1]?.trim().replace(/\s+/g, '') ?? m[0];
  const opt = /-(?:M|r)\s*([\w:/.-]+)/.exec(c.options);
  if (opt && NET_MODULES.test(opt[1] as string)) return opt[1];
  for (const l of c.p.literals) if (NET_MODULES.test(l.value) && /\b(require|import|use)\b/.test(c.p.masked)) return l.value;
  // PHP's and Perl's file functions open URLs too: `file_get_contents('http://…')`.
  for (const call of c.p.calls) {
    if (!has(call, 'file_get_contents', 'fopen', 'file', 'copy', 'readfile', 'get', 'getstore', 'urlopen', 'open')) continue;
    if (call.args.some((a) => URL_LITERAL.test(evalString(c.p, a, c.env, call.at)))) return call.name;
  }
  return undefined;
}
