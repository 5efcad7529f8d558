import { display } from '../../shell/analyze.js';
import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { segmentOf } from '../infra/cli.js';

/** `ip` options that take a value. */
const IP_VALUE = new Set(['-n', '-netns', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops', '-f', '-family']);
/** `nmcli` options that take a value. */
const NMCLI_VALUE = new Set(['-f', '--fields', '-g', '--get-values', '-w', '--wait', '-c', '--colors', '-e', '--escape', '-m', '--mode']);
/** Services that carry the machine's network, or the way in to it. */
const NETWORK_UNITS = new Set(['networkmanager', 'networking', 'network', 'systemd-networkd', 'wpa_supplicant', 'dhcpcd', 'ssh', 'sshd', 'systemd-resolved']);
const STOP_VERBS = new Set(['stop', 'disable', 'mask', 'kill']);

/** `ip` and nmcli take any prefix of a word (`ip l s eth0 down`, `nmcli n off`). */
const is = (word: string | undefined, full: string, min = 1): boolean => word !== undefined && word.length >= min && full.startsWith(word);

/** What the command takes down, or undefined. */
function takenDown(program: string, args: string[]): string | undefined {
  switch (program) {
    case 'ip': {
      const { operands } = splitArgs(args, IP_VALUE);
      const [object, verb, ...rest] = operands;
      const dev = (): string => display(rest.find((w) => w !== 'dev' && w !== 'down' && w !== 'up') ?? 'an interface');
      if (is(object, 'link') && is(verb, 'set') && rest.includes('down')) return `the network interface ${dev()}`;
      if (is(object, 'address') && is(verb, 'flush')) return `every address of ${dev()}`;
      if (is(object, 'route') && is(verb, 'flush')) return 'the routing table (flush)';
      if (is(object, 'route') && is(verb, 'delete', 1) && rest.includes('default')) return 'the default route';
      return undefined;
    }
    case 'ifconfig': {
      const { operands } = splitArgs(args);
      return operands.length >= 2 && operands.slice(1).includes('down') ? `the network interface ${display(operands[0] as string)}` : undefined;
    }
    case 'ifdown': {
      const { options, operands } = splitArgs(args);
      if (options.some((o) => o === '-n' || o === '--no-act' || o === '-h' || o === '--help' || o === '-V' || o === '--version')) return undefined;
      return options.some((o) => o === '-a' || o === '--all') ? 'every network interface' : operands.length > 0 ? `the network interface ${display(operands[0] as string)}` : undefined;
    }
    case 'nmcli': {
      const { operands } = splitArgs(args, NMCLI_VALUE);
      const [object, verb, target] = operands;
      if (is(object, 'networking') && verb === 'off') return 'all networking (NetworkManager)';
      if (is(object, 'device') && (is(verb, 'disconnect', 3) || verb === 'down')) return `the network device ${display(target ?? '')}`.trimEnd();
      if (is(object, 'connection') && (is(verb, 'down', 3) || is(verb, 'delete', 3))) return `the connection ${display(target ?? '')}`.trimEnd();
      if (is(object, 'radio') && (target === 'off' || verb === 'off')) return `the ${verb === 'off' ? 'all' : display(verb ?? '')} radio`;
      return undefined;
    }
    case 'networksetup': {
      const a = args.map((x) => x.toLowerCase());
      if (a[0] === '-setnetworkserviceenabled' && a[2] === 'off') return `the network service ${display(args[1] ?? '')}`;
      if (a[0] === '-setairportpower' && a[2] === 'off') return 'Wi-Fi';
      if (a[0] === '-setv4off' || a[0] === '-setv6off') return `the addresses of ${display(args[1] ?? '')}`;
      return undefined;
    }
    case 'systemctl':
    case 'service': {
      const { operands } = splitArgs(args);
      const [verb, ...units] = program === 'service' ? [operands[1], operands[0]] : operands;
      if (verb === undefined || !STOP_VERBS.has(verb)) return undefined;
      const unit = units.find((u) => u !== undefined && NETWORK_UNITS.has(u.replace(/\.(service|socket)$/, '').toLowerCase()));
      return unit === undefined ? undefined : `the ${unit.replace(/\.(service|socket)$/, '')} service`;
    }
    default:
      return undefined;
  }
}

// Ask, not deny: on a laptop this is a passing inconvenience, but on a server reached over the
// network it cuts off every connection, this session's own among them, until someone reaches the console.
export default defineRule({
  id: 'net/interface-down',
  meta: {
    description:
      'Taking the machine off the network: `ip link set … down`, `ip addr flush`, `ip route flush` / `del default`, `ifconfig … down`, `ifdown`, `nmcli networking off` / `device disconnect` / `connection down` / `radio … off`, `networksetup … off`, stopping NetworkManager, networking, systemd-networkd or sshd',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['network'],
    messages: {
      down: '`{{segment}}` takes {{what}} down. On a machine reached over the network that cuts off every connection to it, this session included, until someone gets to its console. Ask the human to make network changes themselves.',
    },
  },
  programs: ['ip', 'ifconfig', 'ifdown', 'nmcli', 'networksetup', 'systemctl', 'service'],
  check(cmd) {
    const what = takenDown(cmd.program, cmd.argv.slice(1));
    return what === undefined ? [] : [{ messageId: 'down', data: { segment: segmentOf(cmd), what } }];
  },
});
