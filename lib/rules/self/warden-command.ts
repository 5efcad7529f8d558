import { isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { wardenArgs } from '../gate/self-approve.js';
import { clip } from './describe.js';

/** Subcommands that only read or explain (`warden journal note` is the agent's own notebook). */
const READ_ONLY = new Set(['', '-h', '--help', 'help', '--version', '-V', 'version', 'explain', 'rules', 'doctor', 'journal', 'pending']);
/** `warden trust …` verbs that only read. */
const TRUST_READ = new Set(['', 'list', 'show', '-h', '--help']);

/** The subcommand words, when they change warden's state (approve and trust set/reset are gate/self-approve's). */
function stateChange(args: readonly string[], guessed: boolean): string | undefined {
  const [sub = '', verb = ''] = args;
  if (sub === 'approve' || (sub === 'trust' && (verb === 'set' || verb === 'reset'))) return undefined;
  // Behind a program warden cannot name (`$W reject …`), only a word no other tool uses counts.
  if (guessed) return sub === 'reject' ? 'reject' : undefined;
  if (READ_ONLY.has(sub)) return undefined;
  if (sub === 'trust') return TRUST_READ.has(verb) ? undefined : `trust ${verb}`;
  return args.slice(0, 2).join(' ');
}

// The warden CLI's commands that change its state — reject, install, uninstall, serve (it writes the
// server token), any policy command and any subcommand not known to only read — belong to the
// human. The agent may explain, list rules, check the install, read the journal (and write notes
// to it), list pending approvals and read trust. Approving and setting trust are
// gate/self-approve's. Locked.
export default defineRule({
  id: 'self/warden-command',
  meta: {
    description:
      'The agent runs a warden command that changes warden’s state: reject, install, uninstall, serve, policy, or any subcommand not known to only read (explain, rules, doctor, journal, pending, trust list/show stay allowed)',
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      command: '`warden {{args}}` changes warden’s own state (its hooks, policy, approvals or server), which belongs to the human. Do not run it yourself or work around it; ask the human to run it in their own terminal if it is needed.',
    },
  },
  programs: ['warden', 'warden.cjs', 'node', 'nodejs', 'tsx', 'bun', 'deno', 'npx', 'pnpx', 'bunx'],
  check(cmd) {
    const args = wardenArgs(cmd.argv);
    if (args === undefined) return [];
    const change = stateChange(args, isDynamic(cmd.argv[0] ?? ''));
    return change === undefined ? [] : [{ messageId: 'command', data: { args: clip(change) } }];
  },
});
