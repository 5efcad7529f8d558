import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';

/** systemctl verbs that stop the machine or everything on it. */
const SYSTEMCTL_VERBS: Readonly<Record<string, string>> = {
  poweroff: 'power the machine off',
  reboot: 'restart the machine',
  halt: 'halt the machine',
  kexec: 'restart the machine into a new kernel',
  'soft-reboot': 'restart every service on the machine',
  rescue: 'drop the machine to rescue mode (stopping almost every service)',
  emergency: 'drop the machine to emergency mode (stopping every service)',
  suspend: 'suspend the machine',
  hibernate: 'hibernate the machine',
  'hybrid-sleep': 'suspend the machine',
  'suspend-then-hibernate': 'suspend the machine',
};
/** Targets that do the same when started or isolated. */
const POWER_TARGET = /^(poweroff|reboot|halt|kexec|soft-reboot|rescue|emergency|shutdown|ctrl-alt-del|suspend|hibernate)\.target$/;
const SYSTEMCTL_VALUE = new Set(['-t', '--type', '-s', '--signal', '-p', '--property', '-H', '--host', '-M', '--machine', '--root', '-n', '--lines', '-o', '--output', '--kill-whom', '--job-mode', '--what', '--when', '--state', '--message', '--boot-loader-entry', '--boot-loader-menu']);
/** SysV runlevels that stop the machine or every service. */
const RUNLEVELS: Readonly<Record<string, string>> = { '0': 'power the machine off', '6': 'restart the machine', '1': 'switch to single-user mode (stopping every service)', s: 'switch to single-user mode (stopping every service)', S: 'switch to single-user mode (stopping every service)' };

function effect(program: string, args: string[]): string | undefined {
  switch (program) {
    case 'shutdown': {
      const { options } = splitArgs(args);
      // -c cancels a pending shutdown, -k only warns logged-in users.
      if (hasFlag(options, 'c') || hasFlag(options, 'k') || hasFlag(options, undefined, '--help', '--show')) return undefined;
      return hasFlag(options, 'r', '--reboot') ? 'restart the machine' : 'shut the machine down';
    }
    case 'reboot':
    case 'halt':
    case 'poweroff': {
      const { options } = splitArgs(args);
      // --wtmp-only (-w) only writes the wtmp record.
      if (hasFlag(options, 'w', '--wtmp-only') || hasFlag(options, undefined, '--help')) return undefined;
      return program === 'reboot' ? 'restart the machine' : program === 'halt' ? 'halt the machine' : 'power the machine off';
    }
    case 'init':
    case 'telinit': {
      const level = splitArgs(args).operands[0];
      return level === undefined ? undefined : RUNLEVELS[level];
    }
    case 'systemctl': {
      const { operands } = splitArgs(args, SYSTEMCTL_VALUE);
      const [verb = '', ...units] = operands;
      if (Object.hasOwn(SYSTEMCTL_VERBS, verb)) return SYSTEMCTL_VERBS[verb];
      if ((verb === 'isolate' || verb === 'start') && units.some((u) => POWER_TARGET.test(u))) return 'stop the machine or every service on it';
      return undefined;
    }
    default:
      return undefined;
  }
}

export default defineRule({
  id: 'disk/shutdown',
  meta: {
    description:
      'shutdown, reboot, halt, poweroff, `init`/`telinit 0|1|6`, `systemctl poweroff|reboot|halt|kexec|rescue|suspend…` and power targets: they end this session and everything else running on the machine. Ask: the human may want it, at a time that suits them.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['disk'],
    messages: {
      power: '`{{segment}}` would {{what}}, ending this session and everything else running there. Tell the human it is needed and why, and let them do it when it suits them.',
    },
  },
  programs: ['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit', 'systemctl'],
  check(cmd) {
    const what = effect(cmd.program, cmd.argv.slice(1));
    return what === undefined ? [] : [{ messageId: 'power' as const, data: { segment: cmd.text, what } }];
  },
});
