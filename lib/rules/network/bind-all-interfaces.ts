import { display } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { cliOf, programsFor, segmentOf } from '../infra/cli.js';

/**
 * Programs whose arguments are data, not a server's options (`echo --host 0.0.0.0`). The other
 * text-only programs (grep patterns, commit messages) hold such text as a single word.
 */
const DATA_PROGRAMS = new Set(['echo', 'printf', ':', 'true', 'false', 'test', '[', 'man', 'help', 'which', 'type', 'whatis', 'apropos', 'grep', 'egrep', 'fgrep', 'rg']);

/** Long options that name the address a server listens on (`--host`, `--bind`, `--listen`, `--ip`, `--web-host`, `--http-addr`). */
const ADDRESS_OPTION = /(^|[-_])(host|hostname|bind|ip|addr|address|listen)$/;
/** All interfaces: 0.0.0.0 and :: (optionally with a port or scheme), and the LAN-address keywords of webpack/vite. */
const ALL_INTERFACES = /^(?:[a-z]+:\/\/)?(?:0\.0\.0\.0|\[::\]|::|\*)(?::[^/]*)?\/?$|^local-ip(v[46])?$/i;
/** The Go-style `:8080` means every interface too, for the address options above. */
const PORT_ONLY = /^:\d+$/;
const LOOPBACK = /^(?:[a-z]+:\/\/)?(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(?::\d+)?\/?$/i;
const LOOPBACK_WORD = /(^|[^0-9.])(127\.\d+\.\d+\.\d+|localhost|::1)($|[^0-9])/i;

type Found = { messageId: 'all' | 'default' | 'listen'; how: string; fix: string };

/**
 * `--host 0.0.0.0`, `--bind=::`, Go's `-listen :8080`, `-H 0.0.0.0`, `php -S 0.0.0.0:8000`, and
 * `vite --host` with no value.
 */
function explicit(argv: readonly string[]): Found | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    // `npm run dev -- --host`: what follows `--` goes to the server, so it is read too.
    if (a.charCodeAt(0) !== 45 /* - */ || a === '--') continue;
    const next = argv[i + 1];
    // Most options name no address and are followed by no address: skip them without a regex.
    if (!mentionsAddress(a) && !(next !== undefined && couldBeAllInterfaces(next)) && !couldBeAllInterfaces(a)) continue;
    const long = /^--?([A-Za-z][A-Za-z0-9_-]+)(?:=(.*))?$/s.exec(a);
    const name = long?.[1]?.toLowerCase();
    if (long && name !== undefined && ADDRESS_OPTION.test(name)) {
      // vite, astro and nuxi read a bare `--host` as "every interface".
      if (long[2] === undefined && name === 'host' && (next === undefined || next.startsWith('-'))) return { messageId: 'all', how: a, fix: '--host 127.0.0.1' };
      const value = long[2] ?? next ?? '';
      if (ALL_INTERFACES.test(value) || PORT_ONLY.test(value)) {
        return { messageId: 'all', how: long[2] === undefined ? `${a} ${display(value)}` : display(a), fix: `${a.startsWith('--') ? '--' : '-'}${name} 127.0.0.1` };
      }
      continue;
    }
    // A one-letter option with an all-interfaces value: `-H 0.0.0.0`, `-b 0.0.0.0:8000`, `-S [::]:80`.
    const short = /^-([A-Za-z])(.*)$/s.exec(a);
    if (short) {
      const value = short[2] !== '' ? (short[2] as string) : (next ?? '');
      if (value !== '*' && ALL_INTERFACES.test(value)) return { messageId: 'all', how: `-${short[1] as string} ${display(value)}`, fix: `-${short[1] as string} 127.0.0.1` };
    }
  }
  return undefined;
}

/** Cheap pre-checks (no regex): an option whose name could be an address option… */
function mentionsAddress(option: string): boolean {
  const o = option.toLowerCase();
  return o.includes('host') || o.includes('bind') || o.includes('ip') || o.includes('addr') || o.includes('listen');
}

/** …and a word that could be an all-interfaces address (`0.0.0.0`, `::`, `*`, `local-ip`). */
function couldBeAllInterfaces(word: string): boolean {
  return word.includes('0.0.0.0') || word.includes('::') || word.includes('*') || word.includes('local-ip');
}

/** `python -m http.server [port]`: every interface unless `--bind`/`-b` gives one. */
function pythonServer(argv: readonly string[]): Found | undefined {
  const m = argv.findIndex((a) => a === '-m' || a === '-mhttp.server' || a === '-mSimpleHTTPServer');
  if (m === -1) return undefined;
  const mod = argv[m] === '-m' ? argv[m + 1] : (argv[m] as string).slice(2);
  if (mod !== 'http.server' && mod !== 'SimpleHTTPServer') return undefined;
  const rest = argv.slice(argv[m] === '-m' ? m + 2 : m + 1);
  if (rest.some((a) => a === '-b' || a === '--bind' || a.startsWith('--bind=') || /^-b./.test(a))) return undefined;
  return { messageId: 'default', how: `python -m ${mod}`, fix: `python3 -m http.server --bind 127.0.0.1 ${rest.find((a) => /^\d+$/.test(a)) ?? '8000'}` };
}

/** Programs that may start http-server or serve, directly or as a package runner. */
const STATIC_SERVERS = new Set(programsFor('http-server', 'serve'));

/** Static servers that listen on every interface unless told otherwise (http-server, serve). */
function staticServer(name: string, args: readonly string[]): Found | undefined {
  if (name === 'http-server' && !args.some((a, i) => (a === '-a' || a === '--address') && LOOPBACK.test(args[i + 1] ?? ''))) {
    return { messageId: 'default', how: 'http-server', fix: 'http-server -a 127.0.0.1' };
  }
  if (name === 'serve' && !args.some((a, i) => (a === '-l' || a === '--listen') && LOOPBACK_WORD.test(args[i + 1] ?? ''))) {
    return { messageId: 'default', how: 'serve', fix: 'serve -l tcp://127.0.0.1:3000' };
  }
  return undefined;
}

/** `nc -l 8080`, `ncat --listen`, `socat TCP-LISTEN:8080 …`: a listener on every interface. */
function listener(program: string, argv: readonly string[]): Found | undefined {
  const args = argv.slice(1);
  if (program === 'nc' || program === 'ncat' || program === 'netcat' || program === 'nc.openbsd' || program === 'nc.traditional') {
    const { options } = splitArgs(args, new Set(['-p', '-s', '-w', '-e', '-c', '-x', '-X', '-i', '-q', '-T', '-I', '-O', '-V', '-M', '-m', '-P', '-g', '-G']));
    if (!hasFlag(options, 'l', '--listen')) return undefined;
    if (args.some((a) => LOOPBACK.test(a))) return undefined;
    return { messageId: 'listen', how: `${program} -l`, fix: `${program} -l 127.0.0.1 <port>` };
  }
  if (program === 'socat') {
    const listen = args.find((a) => /^(tcp|tcp4|tcp6|udp|udp4|udp6|sctp|openssl|ssl|dccp)[46]?-(listen|l|recvfrom|recv):/i.test(a));
    if (listen === undefined || /,(bind|range)=(127\.|localhost|\[?::1)/i.test(listen)) return undefined;
    return { messageId: 'listen', how: display(listen), fix: `${display(listen.split(',')[0] ?? listen)},bind=127.0.0.1` };
  }
  if (program === 'ssh' || program === 'autossh') {
    // `-g` (GatewayPorts) or a forward bound to `*`/empty: the forwarded port listens on every interface.
    const { options } = splitArgs(args, new Set(['-B', '-b', '-c', '-E', '-e', '-F', '-I', '-i', '-J', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w', '-M']));
    if (options.includes('-g')) return { messageId: 'all', how: 'ssh -g', fix: 'ssh -L 127.0.0.1:<port>:…' };
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const m = /^-[A-Za-z]*([LD])(.*)$/s.exec(a);
      if (!m) continue;
      const value = m[2] !== '' ? (m[2] as string) : (args[i + 1] ?? '');
      if (/^(\*|:)/.test(value) || /^GatewayPorts[\s=](yes|true|clientspecified)/i.test(value)) return { messageId: 'all', how: `-${m[1] as string} ${display(value)}`, fix: `-${m[1] as string} 127.0.0.1:…` };
    }
    if (args.some((a, i) => a === '-o' && /^GatewayPorts[\s=](yes|true)/i.test(args[i + 1] ?? ''))) return { messageId: 'all', how: '-o GatewayPorts=yes', fix: 'ssh -L 127.0.0.1:<port>:…' };
  }
  return undefined;
}

export default defineRule({
  id: 'net/bind-all-interfaces',
  meta: {
    description:
      'Servers listening on every network interface: `--host 0.0.0.0`, `--bind ::`, `-H 0.0.0.0`, `php -S 0.0.0.0:…`, a bare `vite --host`, `python -m http.server` and http-server/serve without a loopback address, `nc -l` and `socat TCP-LISTEN` without one, `ssh -g` or forwards bound to `*`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['network'],
    messages: {
      all: '`{{segment}}` listens on every network interface ({{how}}), so other machines on the network can reach it. Bind to 127.0.0.1 instead (`{{fix}}`); ask the human if it must be reachable from elsewhere.',
      default:
        '`{{segment}}` listens on every network interface by default ({{how}}), so other machines on the network can reach it. Bind to 127.0.0.1 (`{{fix}}`); ask the human if it must be reachable from elsewhere.',
      listen:
        '`{{segment}}` opens a listener on every network interface ({{how}}), reachable from other machines. Listen on 127.0.0.1 only (`{{fix}}`), or ask the human to approve.',
    },
  },
  programs: ['*'],
  check(cmd) {
    if (DATA_PROGRAMS.has(cmd.program)) return [];
    const cli = STATIC_SERVERS.has(cmd.program) ? cliOf(cmd) : undefined;
    const found =
      listener(cmd.program, cmd.argv) ??
      (cmd.program.startsWith('python') ? pythonServer(cmd.argv) : undefined) ??
      (cli === undefined ? undefined : staticServer(cli.name, cli.args)) ??
      explicit(cmd.argv);
    return found === undefined ? [] : [{ messageId: found.messageId, data: { segment: segmentOf(cmd), how: found.how, fix: found.fix } }];
  },
});
