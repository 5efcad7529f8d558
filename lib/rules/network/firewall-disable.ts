import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { segmentOf } from '../infra/cli.js';

/** Firewall services, by unit name (`ufw`, `ufw.service`). */
const FIREWALL_UNITS = new Set(['firewalld', 'ufw', 'nftables', 'iptables', 'ip6tables', 'netfilter-persistent', 'pf', 'shorewall', 'csf']);
const STOP_VERBS = new Set(['stop', 'disable', 'mask', 'kill']);
const IPTABLES_VALUE = new Set(['-t', '--table', '-A', '--append', '-I', '--insert', '-D', '--delete', '-R', '--replace', '-N', '--new-chain', '-E', '--rename-chain', '-j', '--jump', '-s', '--source', '-d', '--destination', '-p', '--protocol', '-i', '--in-interface', '-o', '--out-interface', '-m', '--match', '-w', '--wait', '-W', '--wait-interval']);

/** What the command switches off, or undefined. */
function disabled(program: string, args: string[]): string | undefined {
  switch (program) {
    case 'ufw': {
      const { operands } = splitArgs(args);
      if (operands[0] === 'disable') return 'the ufw firewall';
      if (operands[0] === 'reset') return 'the ufw firewall (reset: disabled, every rule deleted)';
      // `ufw default allow` and `ufw default allow incoming`, not `… outgoing`.
      if (operands[0] === 'default' && operands[1] === 'allow' && (operands[2] === undefined || operands[2] === 'incoming' || operands[2] === 'routed')) {
        return 'the ufw firewall’s default deny for incoming connections';
      }
      return undefined;
    }
    case 'iptables':
    case 'ip6tables':
    case 'iptables-nft':
    case 'iptables-legacy':
    case 'ip6tables-nft':
    case 'ip6tables-legacy': {
      const table = args[args.findIndex((a) => a === '-t' || a === '--table') + 1];
      if (args.some((a) => a === '-t' || a === '--table') && table !== 'filter') return undefined;
      const { options } = splitArgs(args, IPTABLES_VALUE);
      if (options.includes('-F') || options.some((o) => o === '--flush')) return 'every firewall rule (iptables flush)';
      if (options.includes('-X') || options.some((o) => o === '--delete-chain')) return 'the user-defined firewall chains (iptables -X)';
      const p = args.findIndex((a) => a === '-P' || a === '--policy');
      if (p !== -1 && /^(INPUT|FORWARD)$/.test(args[p + 1] ?? '') && args[p + 2] === 'ACCEPT') return `the firewall’s default drop for ${args[p + 1] as string}`;
      return undefined;
    }
    case 'nft': {
      const words = splitArgs(args, new Set(['-f', '--file', '-I', '--includepath'])).operands.join(' ');
      if (/^flush ruleset\b/.test(words)) return 'every nftables rule (flush ruleset)';
      if (/^(flush|delete) (table|chain) /.test(words)) return 'an nftables table or chain';
      return undefined;
    }
    case 'systemctl':
    case 'service': {
      const { operands } = splitArgs(args);
      // `systemctl stop ufw`, `systemctl disable --now firewalld`; `service ufw stop`.
      const [verb, ...units] = program === 'service' ? [operands[1], operands[0]] : operands;
      if (verb === undefined || !STOP_VERBS.has(verb)) return undefined;
      const unit = units.find((u) => u !== undefined && FIREWALL_UNITS.has(u.replace(/\.service$/, '')));
      return unit === undefined ? undefined : `the ${unit.replace(/\.service$/, '')} firewall service`;
    }
    case 'pfctl':
      if (splitArgs(args, new Set(['-F', '-f', '-a', '-s', '-t', '-T', '-k', '-x', '-i'])).options.includes('-d')) return 'the pf firewall';
      return args.includes('-F') && /^(all|rules)$/.test(args[args.indexOf('-F') + 1] ?? '') ? 'every pf rule (flush)' : undefined;
    case 'netsh': {
      const words = args.map((a) => a.toLowerCase()).join(' ');
      if (/\badvfirewall set \S+ state off\b/.test(words)) return 'the Windows firewall';
      if (/\bfirewall set opmode (mode=)?disable\b/.test(words)) return 'the Windows firewall';
      return undefined;
    }
    case 'firewall-cmd':
      return args.some((a) => /^--set-default-zone=trusted$/.test(a)) || (args.includes('--set-default-zone') && args[args.indexOf('--set-default-zone') + 1] === 'trusted')
        ? 'the firewalld default zone (trusted accepts everything)'
        : undefined;
    case 'socketfilterfw':
      return args.some((a) => a === '--setglobalstate') && args[args.indexOf('--setglobalstate') + 1] === 'off' ? 'the macOS application firewall' : undefined;
    case 'defaults':
      return args[0] === 'write' && /com\.apple\.alf$/.test(args[1] ?? '') && args[2] === 'globalstate' && args.at(-1) === '0' ? 'the macOS application firewall' : undefined;
    case 'pwsh':
    case 'powershell':
    case 'powershell.exe': {
      const code = args.join(' ');
      return /Set-NetFirewallProfile\b[^;|]*-Enabled\s+(\$?false|0)\b/i.test(code) ? 'the Windows firewall' : undefined;
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'net/firewall-disable',
  meta: {
    description:
      'Turning a host firewall off or open: `ufw disable`/`reset`/`default allow`, `iptables -F`/`-X`, `iptables -P INPUT ACCEPT`, `nft flush ruleset`, stopping firewalld/ufw/nftables, `pfctl -d`, `netsh advfirewall set … state off`, `Set-NetFirewallProfile -Enabled False`, the macOS application firewall',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['network'],
    messages: {
      firewall:
        '`{{segment}}` switches off {{what}}, exposing every listening service on this machine to the network. Open only the one port you need, from the one source that needs it (`ufw allow from 127.0.0.1 to any port 8080`), or ask the human to approve.',
    },
  },
  programs: [
    'ufw', 'iptables', 'ip6tables', 'iptables-nft', 'iptables-legacy', 'ip6tables-nft', 'ip6tables-legacy', 'nft', 'systemctl', 'service', 'pfctl',
    'netsh', 'firewall-cmd', 'socketfilterfw', 'defaults', 'pwsh', 'powershell', 'powershell.exe',
  ],
  check(cmd) {
    const what = disabled(cmd.program, cmd.argv.slice(1));
    return what === undefined ? [] : [{ messageId: 'firewall', data: { segment: segmentOf(cmd), what } }];
  },
});
