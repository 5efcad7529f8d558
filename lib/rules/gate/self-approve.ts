import path from 'node:path';
import { isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';

/** The warden CLI's own arguments in argv, whichever way it is started; undefined if this is not warden. */
export function wardenArgs(argv: readonly string[]): readonly string[] | undefined {
  const base = (w: string | undefined): string => path.posix.basename(w ?? '');
  const first = base(argv[0]);
  if (first === 'warden' || first === 'warden.cjs') return argv.slice(1);
  if (['node', 'nodejs', 'tsx', 'bun', 'deno'].includes(first)) {
    const script = argv.slice(1).findIndex((a) => !a.startsWith('-'));
    const file = argv[script + 1];
    if (script !== -1 && (base(file) === 'warden.cjs' || (file ?? '').endsWith('cli/bin.ts'))) return argv.slice(script + 2);
    return undefined;
  }
  if (first === 'npx' || first === 'pnpx' || first === 'bunx') {
    // `npx warden approve …`, `npx tsx lib/cli/bin.ts approve …`: the package runner's command.
    const rest = argv.slice(1);
    const at = rest.findIndex((a) => !a.startsWith('-'));
    return at === -1 ? undefined : wardenArgs(rest.slice(at));
  }
  // `$W approve …`: a program warden cannot name, used with warden's own words.
  if (isDynamic(argv[0] ?? '')) return argv.slice(1);
  return undefined;
}

// Approvals and trust are the human's: the reason of every ask tells the agent to ask the human to
// run `warden approve <id>`, and this rule stops the agent from running it (or raising a service's
// trust) itself, in any spelling the shell analysis sees through. Locked: no policy lowers it.
export default defineRule({
  id: 'gate/self-approve',
  meta: {
    description: 'The agent runs `warden approve`, `warden trust set` or `warden trust reset`: only a human may grant a held call or raise trust',
    action: 'deny',
    packs: ['gate'],
    locked: true,
    messages: {
      approve: 'Only a human may approve a held call or change trust. Stop and ask the user to run `warden {{args}}` in their own terminal; do not run it yourself or work around it.',
    },
  },
  programs: ['warden', 'warden.cjs', 'node', 'nodejs', 'tsx', 'bun', 'deno', 'npx', 'pnpx', 'bunx'],
  check(cmd) {
    const args = wardenArgs(cmd.argv);
    if (args === undefined) return [];
    const [sub, verb] = args;
    const grants = sub === 'approve' || (sub === 'trust' && (verb === 'set' || verb === 'reset'));
    return grants ? [{ messageId: 'approve', data: { args: args.slice(0, 3).join(' ') } }] : [];
  },
});
