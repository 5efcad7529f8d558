import { splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { booleanOption, cliOf, isDryRun, longOption, programsFor, segmentOf } from './cli.js';

/** Options that take a value as the next word, for the CLIs below (terraform's take `=`). */
const VALUE_FLAGS = new Set(['-s', '--stack', '-C', '--cwd', '--config', '--profile', '--region', '--stage', '-c', '--app', '-a', '--context', '--target', '--var-file', '--var']);

type Found = { messageId: 'destroy' | 'autoApprove'; how: string };

/** terraform's options that take a value, when it is not attached with `=`. */
const TF_VALUE_FLAGS = new Set(['var', 'var-file', 'target', 'replace', 'state', 'state-out', 'backup', 'lock-timeout', 'parallelism', 'chdir']);

/**
 * Go's flag package: `-name` and `--name` are the same long option, there are no short groups
 * (`-destroy` is one option, not -d -e -s …).
 */
function goSplit(args: readonly string[]): { options: string[]; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    const l = longOption(a);
    if (l === undefined) {
      operands.push(a);
      continue;
    }
    options.push(a);
    if (l.value === undefined && TF_VALUE_FLAGS.has(l.name)) i++;
  }
  return { options, operands };
}

/** terraform / tofu / terragrunt: `destroy`, `apply -destroy`, `apply -auto-approve`. */
function terraform(args: string[]): Found | undefined {
  const { options, operands } = goSplit(args);
  // `terragrunt run-all destroy`, `terragrunt run --all -- destroy`: the terraform command follows.
  const words = operands.filter((w) => w !== 'run-all' && w !== 'run');
  const sub = words[0];
  if (sub === 'destroy') return { messageId: 'destroy', how: 'destroy' };
  if (sub !== 'apply') return undefined;
  const destroy = booleanOption(options, 'destroy');
  if (destroy !== undefined) return { messageId: 'destroy', how: `apply ${destroy}` };
  const auto = booleanOption(options, 'auto-approve', 'terragrunt-non-interactive', 'non-interactive');
  return auto === undefined ? undefined : { messageId: 'autoApprove', how: `apply ${auto}` };
}

/** pulumi: `destroy`/`down`, `stack rm`, `up --yes`/`--skip-preview`. */
function pulumi(args: string[]): Found | undefined {
  const { options, operands } = splitArgs(args, VALUE_FLAGS);
  const [sub, sub2] = operands;
  if ((sub === 'destroy' || sub === 'down') && !isDryRun(options)) return { messageId: 'destroy', how: sub };
  if (sub === 'stack' && (sub2 === 'rm' || sub2 === 'remove')) return { messageId: 'destroy', how: `stack ${sub2}` };
  if (sub === 'up' || sub === 'update') {
    const yes = booleanOption(options, 'yes', 'skip-preview') ?? options.find((o) => o === '-y' || o === '-f');
    if (yes !== undefined) return { messageId: 'autoApprove', how: `${sub} ${yes}` };
  }
  return undefined;
}

export default defineRule({
  id: 'infra/iac-destroy',
  meta: {
    description:
      'Infrastructure-as-code teardown and unreviewed applies: terraform/tofu/terragrunt `destroy`, `apply -destroy`, `apply -auto-approve`; pulumi `destroy`/`down`/`stack rm`/`up --yes`; cdk/cdktf `destroy`; sst and serverless `remove`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      destroy:
        '`{{segment}}` tears down the infrastructure this {{tool}} configuration manages ({{how}}); that cannot be undone. Run `{{tool}} plan -destroy` (or the preview) and show the human what would go; a human runs or approves the destroy.',
      autoApprove:
        '`{{segment}}` applies changes without showing the plan ({{how}}). Run the plan/preview first, show the human what will change, and apply without auto-approve after they agree.',
    },
  },
  programs: programsFor('terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf', 'sst', 'serverless', 'sls'),
  check(cmd) {
    const cli = cliOf(cmd);
    if (cli === undefined) return [];
    let found: Found | undefined;
    switch (cli.name) {
      case 'terraform':
      case 'tofu':
      case 'terragrunt':
        found = terraform(cli.args);
        break;
      case 'pulumi':
        found = pulumi(cli.args);
        break;
      case 'cdk':
      case 'cdktf': {
        const { operands } = splitArgs(cli.args, VALUE_FLAGS);
        if (operands[0] === 'destroy') found = { messageId: 'destroy', how: 'destroy' };
        break;
      }
      case 'sst':
      case 'serverless':
      case 'sls': {
        const { operands } = splitArgs(cli.args, VALUE_FLAGS);
        if (operands[0] === 'remove') found = { messageId: 'destroy', how: 'remove' };
        break;
      }
      default:
        return [];
    }
    return found === undefined ? [] : [{ messageId: found.messageId, data: { segment: segmentOf(cmd), tool: cli.name, how: found.how } }];
  },
});
