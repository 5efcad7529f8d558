import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { cliOf, programsFor, segmentOf } from '../infra/cli.js';

/** ssh options that take a value (as OpenSSH's getopt string has them). */
const SSH_VALUE = new Set(['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w']);
/** autossh adds `-M port`. */
const AUTOSSH_VALUE = new Set([...SSH_VALUE, '-M']);

/** ngrok subcommands that do not open a tunnel. */
const NGROK_SAFE = new Set(['config', 'version', 'help', 'update', 'authtoken', 'diagnose', 'completion', 'credits', 'api', 'service']);
/** `code tunnel` subcommands that do not open one. */
const CODE_TUNNEL_SAFE = new Set(['status', 'kill', 'unregister', 'prune', 'rename', 'user', 'help']);

/**
 * `ssh -R …`, `ssh -NR …`, `-oRemoteForward=…`, `-o RemoteForward …`: the remote forward, if any.
 * OpenSSH reads options before and after the destination; the next word after it starts the
 * remote command.
 */
function sshRemoteForward(args: readonly string[], valueFlags: ReadonlySet<string>): string | undefined {
  let destination = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return undefined;
    if (!a.startsWith('-') || a.length < 2) {
      if (destination) return undefined;
      destination = true;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const flag = `-${a[j] as string}`;
      if (!valueFlags.has(flag)) continue;
      const value = j < a.length - 1 ? a.slice(j + 1) : args[++i];
      if (flag === '-R') return `-R ${value ?? ''}`;
      if (flag === '-o' && value !== undefined && /^RemoteForward[\s=]/i.test(value)) return `-o ${value}`;
      break;
    }
  }
  return undefined;
}

/** The tunnel a command opens, as `{service, how}`, or undefined. */
function tunnel(name: string, args: string[]): { service: string; how: string } | undefined {
  const { operands } = splitArgs(args, new Set(['--config', '--authtoken', '--region', '--log', '--url', '--hostname', '-p', '--port', '-s', '--subdomain', '-h', '--host', '--to', '--local-host', '-t', '--secret', '--name', '--accept-server-license-terms', '--cli-data-dir']));
  const [sub, sub2] = operands;
  switch (name) {
    case 'ngrok':
      return sub !== undefined && !NGROK_SAFE.has(sub) ? { service: 'ngrok', how: `ngrok ${sub}` } : undefined;
    case 'cloudflared':
      // `cloudflared tunnel --url …` (a quick tunnel) or `tunnel run`; list/create/login/route do not serve.
      if (sub !== 'tunnel') return undefined;
      if (sub2 === undefined || sub2 === 'run') return { service: 'Cloudflare', how: `cloudflared tunnel${sub2 === undefined ? '' : ' run'}` };
      return undefined;
    case 'lt':
      return { service: 'localtunnel', how: 'lt' };
    case 'bore':
      return sub === 'local' ? { service: 'bore', how: 'bore local' } : undefined;
    case 'tailscale':
      // `tailscale funnel 3000` publishes on the internet; `funnel status`/`reset`/`… off` do not.
      if (sub !== 'funnel') return undefined;
      return sub2 === undefined || sub2 === 'status' || sub2 === 'reset' || operands.includes('off') ? undefined : { service: 'Tailscale Funnel', how: 'tailscale funnel' };
    case 'zrok':
      return sub === 'share' && sub2 === 'public' ? { service: 'zrok', how: 'zrok share public' } : undefined;
    case 'devtunnel':
      return sub === 'host' ? { service: 'Microsoft dev tunnels', how: 'devtunnel host' } : undefined;
    case 'code':
    case 'code-insiders':
      // `code tunnel` serves this machine's files and a terminal to whoever signs in.
      if (sub !== 'tunnel' || (sub2 !== undefined && CODE_TUNNEL_SAFE.has(sub2))) return undefined;
      return { service: 'VS Code tunnels (a remote shell on this machine)', how: `${name} tunnel` };
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'net/tunnel',
  meta: {
    description:
      'Publishing a local port on the internet: ngrok, `cloudflared tunnel`, localtunnel (`lt`), `bore local`, `ssh -R` (also to localhost.run/serveo), `tailscale funnel`, `zrok share public`, `devtunnel host`, `code tunnel`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['network'],
    messages: {
      tunnel:
        '`{{segment}}` publishes a service on this machine to the internet through {{service}} ({{how}}); anyone who finds the URL reaches it, and local dev servers are not built for that. Test on 127.0.0.1 instead, or ask the human to open the tunnel themselves.',
    },
  },
  programs: programsFor('ngrok', 'cloudflared', 'lt', 'bore', 'tailscale', 'zrok', 'devtunnel', 'code', 'code-insiders', 'ssh', 'autossh'),
  check(cmd) {
    const cli = cliOf(cmd);
    if (cli === undefined) return [];
    let found: { service: string; how: string } | undefined;
    if (cli.name === 'ssh' || cli.name === 'autossh') {
      const how = sshRemoteForward(cli.args, cli.name === 'ssh' ? SSH_VALUE : AUTOSSH_VALUE);
      if (how !== undefined) found = { service: 'an SSH remote forward', how: display(how) };
    } else {
      found = tunnel(cli.name, cli.args);
    }
    return found === undefined ? [] : [{ messageId: 'tunnel', data: { segment: segmentOf(cmd), ...found } }];
  },
});
