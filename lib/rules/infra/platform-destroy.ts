import { display } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { cliOf, programsFor, segmentOf } from './cli.js';

/** Options of the platform CLIs below that take a value. */
const VALUE_FLAGS = new Set([
  '-a', '--app', '-c', '--config', '-t', '--token', '--access-token', '-r', '--remote', '-S', '--scope', '--cwd', '-A', '--local-config', '-Q',
  '--global-config', '-T', '--team', '-e', '--env', '--name', '-P', '--project', '--site', '--auth', '--project-ref', '--org', '--region',
  '--database', '--instance',
]);

/** Platform → the command paths (positional words) that destroy something, and what. */
const DESTROYS: Readonly<Record<string, readonly { path: readonly string[]; what: string }[]>> = {
  vercel: [
    { path: ['rm'], what: 'deployments or a whole project' },
    { path: ['remove'], what: 'deployments or a whole project' },
    { path: ['project', 'rm'], what: 'a project with all its deployments' },
    { path: ['project', 'remove'], what: 'a project with all its deployments' },
    { path: ['projects', 'rm'], what: 'a project with all its deployments' },
    { path: ['projects', 'remove'], what: 'a project with all its deployments' },
    { path: ['domains', 'rm'], what: 'a domain from the account' },
    { path: ['domains', 'remove'], what: 'a domain from the account' },
  ],
  fly: [
    { path: ['apps', 'destroy'], what: 'an app with its machines and volumes' },
    { path: ['apps', 'delete'], what: 'an app with its machines and volumes' },
    { path: ['destroy'], what: 'an app with its machines and volumes' },
    { path: ['volumes', 'destroy'], what: 'a volume and its data' },
    { path: ['volumes', 'delete'], what: 'a volume and its data' },
    { path: ['volumes', 'rm'], what: 'a volume and its data' },
    { path: ['postgres', 'destroy'], what: 'a Postgres cluster and its data' },
    { path: ['pg', 'destroy'], what: 'a Postgres cluster and its data' },
  ],
  netlify: [
    { path: ['sites:delete'], what: 'a site with all its deploys' },
    { path: ['sites', 'delete'], what: 'a site with all its deploys' },
  ],
  heroku: [
    { path: ['apps:destroy'], what: 'an app with its add-ons and data' },
    { path: ['apps:delete'], what: 'an app with its add-ons and data' },
    { path: ['destroy'], what: 'an app with its add-ons and data' },
    { path: ['pg:reset'], what: 'every table and row of a Postgres database' },
    { path: ['addons:destroy'], what: 'an add-on and its data' },
    { path: ['addons:remove'], what: 'an add-on and its data' },
  ],
  wrangler: [
    { path: ['delete'], what: 'a Worker' },
    { path: ['d1', 'delete'], what: 'a D1 database' },
    { path: ['r2', 'bucket', 'delete'], what: 'an R2 bucket' },
    { path: ['kv', 'namespace', 'delete'], what: 'a KV namespace with all its keys' },
    { path: ['kv:namespace', 'delete'], what: 'a KV namespace with all its keys' },
    { path: ['queues', 'delete'], what: 'a queue' },
    { path: ['pages', 'project', 'delete'], what: 'a Pages project with all its deployments' },
  ],
  firebase: [
    { path: ['hosting:disable'], what: 'the hosting site (it stops serving)' },
    { path: ['database:remove'], what: 'data in the Realtime Database' },
    { path: ['functions:delete'], what: 'deployed functions' },
  ],
  supabase: [
    { path: ['projects', 'delete'], what: 'a project with its database' },
    { path: ['branches', 'delete'], what: 'a preview branch with its database' },
  ],
};

export default defineRule({
  id: 'infra/platform-destroy',
  meta: {
    description:
      'Deleting apps, sites, projects and their data on hosting platforms: `vercel rm`, `fly apps destroy`/`postgres destroy`, `netlify sites:delete`, `heroku apps:destroy`/`pg:reset`, `wrangler delete`, `firebase firestore:delete -r`, `supabase projects delete`/`db reset --linked`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      destroy:
        '`{{segment}}` deletes {{what}} on {{platform}}, live for its users and not recoverable. Name what you would delete and ask the human to approve, or do it in a preview/staging environment you created.',
    },
  },
  programs: programsFor('vercel', 'fly', 'flyctl', 'netlify', 'heroku', 'wrangler', 'firebase', 'supabase'),
  check(cmd) {
    const cli = cliOf(cmd);
    if (cli === undefined) return [];
    const platform = cli.name === 'flyctl' ? 'fly' : cli.name;
    const { options, operands } = splitArgs(cli.args, VALUE_FLAGS);
    const hit = (what: string) => [{ messageId: 'destroy' as const, data: { segment: segmentOf(cmd), what, platform: display(platform) } }];
    // Commands whose danger is in an option, not the path.
    if (platform === 'firebase' && operands[0] === 'firestore:delete' && (hasFlag(options, 'r', '--recursive') || hasFlag(options, undefined, '--all-collections'))) {
      return hit('Firestore documents and everything under them');
    }
    if (platform === 'supabase' && operands[0] === 'db' && operands[1] === 'reset' && hasFlag(options, undefined, '--linked', '--db-url')) {
      return hit('every table and row of the linked remote database');
    }
    const d = DESTROYS[platform]?.find((x) => x.path.every((w, i) => operands[i] === w));
    return d === undefined ? [] : hit(d.what);
  },
});
