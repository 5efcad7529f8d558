// Where code comes from, judged from the commands the analysis records as its producers
// (`SimpleCommand.runs.producers`): a download, a decoder (or another transform that hides what the
// text says), or a generator of shell setup code whose output is the tool's own.

import type { Runs, SimpleCommand } from '../../shell/analyze.js';
import { codeOf, networkUse } from '../interpreter/detect.js';

/** Programs whose output comes from another machine. */
const DOWNLOADERS = new Set([
  'curl', 'wget', 'fetch', 'http', 'https', 'xh', 'xhs', 'httpie', 'aria2c', 'lwp-request', 'lwp-download', 'get', 'post', 'head', 'lynx', 'w3m', 'links', 'elinks',
  'nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl', 'ssh', 'sftp', 'ftp', 'tftp', 'gh', 'glab', 'aws', 'gsutil', 'gcloud', 'az', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod',
]);

/** `openssl s_client`, `openssl enc -d`: openssl is a downloader or a decoder by subcommand. */
function isDownload(p: SimpleCommand, home: string): boolean {
  if (p.program === 'openssl') return p.argv[1] === 's_client';
  if (DOWNLOADERS.has(p.program)) return true;
  const c = codeOf(p, home);
  return c !== undefined && networkUse(c) !== undefined;
}

const DECOMPRESSORS = new Set(['gunzip', 'zcat', 'gzcat', 'bzcat', 'xzcat', 'lzcat', 'zstdcat', 'unxz', 'bunzip2', 'unzstd', 'unlzma', 'uncompress', 'uudecode']);
/** Text transforms used to hide a command from a reader (`echo 'fr- mr' | rev | sh`). */
const OBFUSCATORS = new Set(['rev', 'tr']);

function isDecode(p: SimpleCommand, home: string): boolean {
  const args = p.argv.slice(1);
  const flag = (re: RegExp): boolean => args.some((a) => re.test(a));
  switch (p.program) {
    case 'base64':
    case 'base32':
    case 'basenc':
      return flag(/^(--decode|-[a-zA-Z]*[dD][a-zA-Z]*)$/);
    case 'xxd':
      return flag(/^-[a-zA-Z]*r/);
    case 'openssl':
      return flag(/^-(d|decrypt)$/) || (args[0] === 'base64' && flag(/^-d$/));
    case 'gzip':
    case 'bzip2':
    case 'xz':
    case 'zstd':
    case 'lzma':
      return flag(/^(--decompress|-[a-zA-Z]*d[a-zA-Z]*)$/);
    case 'tar':
      return flag(/^(-[a-zA-Z]*O[a-zA-Z]*|--to-stdout)$/);
    case 'unzip':
      return flag(/^-[a-zA-Z]*p/);
    default: {
      if (DECOMPRESSORS.has(p.program) || OBFUSCATORS.has(p.program)) return true;
      const c = codeOf(p, home);
      return c !== undefined && /b64decode|decode_base64|base64_decode|atob\s*\(|fromBase64|unpack\s*\(\s*\S?m|\.decode\s*\(\s*\S?(base64|hex|rot13)|codecs\.decode/.test(c.p.masked + c.p.literals.map((l) => l.value).join(' '));
    }
  }
}

const NETWORK_DEVICE = /^\/dev\/(tcp|udp)\//;

/** What a producer is, remembered per command: many commands can share one producer. */
const KINDS = new WeakMap<SimpleCommand, 'download' | 'decode' | 'other'>();

function kindOf(p: SimpleCommand, home: string): 'download' | 'decode' | 'other' {
  let k = KINDS.get(p);
  if (k === undefined) {
    k = isDownload(p, home) ? 'download' : isDecode(p, home) ? 'decode' : 'other';
    KINDS.set(p, k);
  }
  return k;
}

/** The network or decoder origin of the code `runs` describes, if it has one. */
export function remoteOrigin(runs: Runs, home: string): { kind: 'download' | 'decode'; by: string } | undefined {
  if (runs.file !== undefined && NETWORK_DEVICE.test(runs.file)) return { kind: 'download', by: runs.file };
  const d = runs.producers.find((p) => kindOf(p, home) === 'download');
  if (d !== undefined) return { kind: 'download', by: d.text };
  const e = runs.producers.find((p) => kindOf(p, home) === 'decode');
  if (e !== undefined) return { kind: 'decode', by: e.text };
  return undefined;
}

/**
 * Tools whose output is shell setup code of their own making (`eval "$(ssh-agent -s)"`,
 * `source <(kubectl completion bash)`, `eval "$(pyenv init -)"`): program, and the first argument
 * when it matters. Their output does not depend on anything an agent or a web page controls.
 */
const GENERATORS: readonly [string, RegExp | undefined][] = [
  ['ssh-agent', undefined],
  ['dircolors', undefined],
  ['keychain', /^--eval$/],
  ['brew', /^shellenv$/],
  ['pyenv', /^(init|virtualenv-init)$/],
  ['rbenv', /^init$/],
  ['nodenv', /^init$/],
  ['goenv', /^init$/],
  ['jenv', /^init$/],
  ['plenv', /^init$/],
  ['direnv', /^hook$/],
  ['starship', /^init$/],
  ['zoxide', /^init$/],
  ['atuin', /^init$/],
  ['fnm', /^(env|completions)$/],
  ['mise', /^(activate|env|completion)$/],
  ['conda', /^shell\./],
  ['thefuck', /^--alias$/],
  ['opam', /^env$/],
  ['luarocks', /^path$/],
  ['minikube', /^docker-env$/],
  ['docker-machine', /^env$/],
  ['oh-my-posh', /^init$/],
  ['fzf', /^--(bash|zsh|fish)$/],
];

/** `X completion bash`, `X completions zsh`, `X generate-shell-completion fish`. */
const COMPLETION = /^(completion|completions|generate-shell-completion|shell-completion)$/;

export function isGenerator(p: SimpleCommand): boolean {
  const first = p.argv.slice(1).find((a) => !a.startsWith('-') || /^--(eval|alias|bash|zsh|fish)$/.test(a));
  if (p.argv.slice(1).some((a) => COMPLETION.test(a))) return true;
  return GENERATORS.some(([prog, arg]) => prog === p.program && (arg === undefined || (first !== undefined && arg.test(first))));
}
