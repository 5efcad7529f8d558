import type { Assignments } from '../../shell/analyze.js';
import { RUNNERS, unwrapRunner } from '../../sql/runners.js';
import { defineRule } from '../define.js';
import { commandText, productionTarget, severity } from './target.js';

/** One framework command that drops, wipes or resets a database: the tool, and what its arguments must say. */
interface Reset {
  tools: readonly string[];
  /** What the command destroys, if `args` (after the tool) is such a command. */
  match(args: readonly string[]): string | undefined;
}

const sub = (args: readonly string[], ...words: string[]): boolean => words.every((w, i) => args[i] === w);
const flag = (args: readonly string[], ...flags: string[]): boolean => args.some((a) => flags.some((f) => a === f || a.startsWith(`${f}=`)));
const task = (args: readonly string[], tasks: ReadonlySet<string>): string | undefined => args.find((a) => tasks.has(a));

const RAILS_TASKS = new Set(['db:drop', 'db:drop:all', 'db:reset', 'db:purge', 'db:purge:all', 'db:schema:load', 'db:structure:load', 'db:setup', 'db:migrate:reset', 'db:truncate_all', 'db:seed:replant', 'db:fixtures:load']);
const SEQUELIZE_TASKS = new Set(['db:drop', 'db:migrate:undo:all', 'db:seed:undo:all']);
const ARTISAN_TASKS = new Set(['migrate:fresh', 'migrate:reset', 'migrate:refresh', 'db:wipe']);
const MIX_TASKS = new Set(['ecto.drop', 'ecto.reset']);

const RESETS: readonly Reset[] = [
  {
    tools: ['prisma'],
    match: (a) =>
      sub(a, 'migrate', 'reset') ? 'drops the database and re-applies every migration' : sub(a, 'db', 'push') && flag(a, '--force-reset') ? 'resets the database' : sub(a, 'db', 'push') && flag(a, '--accept-data-loss') ? 'pushes the schema, accepting data loss' : undefined,
  },
  { tools: ['rails', 'rake'], match: (a) => { const t = task(a, RAILS_TASKS); return t === undefined ? undefined : `runs ${t}, which drops or reloads the database`; } },
  {
    tools: ['django-admin', 'manage.py'],
    match: (a) => (a[0] === 'flush' ? 'deletes every row of every table (flush)' : a[0] === 'reset_db' ? 'drops and re-creates the database (reset_db)' : a[0] === 'migrate' && a.includes('zero') ? 'unapplies every migration of the app, dropping its tables' : undefined),
  },
  { tools: ['sequelize', 'sequelize-cli'], match: (a) => { const t = task(a, SEQUELIZE_TASKS); return t === undefined ? undefined : `runs ${t}`; } },
  { tools: ['knex'], match: (a) => (a[0] === 'migrate:rollback' && flag(a, '--all') ? 'rolls back every migration' : undefined) },
  { tools: ['typeorm', 'typeorm-ts-node-commonjs', 'typeorm-ts-node-esm'], match: (a) => (a[0] === 'schema:drop' ? 'drops every table of the schema (schema:drop)' : undefined) },
  { tools: ['drizzle-kit'], match: (a) => (a[0] === 'push' && flag(a, '--force') ? 'pushes the schema, accepting data loss without asking (--force)' : undefined) },
  { tools: ['artisan'], match: (a) => { const t = task(a, ARTISAN_TASKS); return t === undefined ? undefined : `runs ${t}, which drops every table`; } },
  { tools: ['mix'], match: (a) => { const t = task(a, MIX_TASKS) ?? (a[0] === 'ecto.rollback' && flag(a, '--all') ? 'ecto.rollback --all' : undefined); return t === undefined ? undefined : `runs ${t}`; } },
  { tools: ['supabase'], match: (a) => (sub(a, 'db', 'reset') ? 'resets the database (supabase db reset)' : undefined) },
  { tools: ['dotnet'], match: (a) => (sub(a, 'ef', 'database', 'drop') ? 'drops the database (dotnet ef database drop)' : undefined) },
  { tools: ['alembic'], match: (a) => (a[0] === 'downgrade' && a.includes('base') ? 'downgrades to an empty schema (alembic downgrade base)' : undefined) },
  { tools: ['flyway'], match: (a) => (a.includes('clean') ? 'drops every object in the configured schemas (flyway clean)' : undefined) },
  { tools: ['liquibase'], match: (a) => (a.includes('drop-all') || a.includes('dropAll') ? 'drops every database object (liquibase drop-all)' : undefined) },
];

const TOOLS = [...new Set(RESETS.flatMap((r) => r.tools))];
const ENV_VARS = ['RAILS_ENV', 'RACK_ENV', 'MIX_ENV', 'NODE_ENV', 'APP_ENV'];
const ENV_ARG = /^(RAILS_ENV|RACK_ENV|MIX_ENV|NODE_ENV|APP_ENV)=(.+)$/;

/**
 * The environment a framework command names on its command line (`rake db:drop
 * RAILS_ENV=production`, `--env production`) or is given in its environment (`RAILS_ENV=production
 * rails db:drop`, an earlier `export MIX_ENV=prod`).
 */
function environment(args: readonly string[], assignments: Assignments): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const m = ENV_ARG.exec(a);
    if (m) return m[2];
    if (a === '--env' || a === '--environment' || a === '-e') return args[i + 1];
    if (a.startsWith('--env=') || a.startsWith('--environment=')) return a.slice(a.indexOf('=') + 1);
  }
  for (const name of ENV_VARS) {
    const v = assignments.get(name);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

export default defineRule({
  id: 'db/framework-reset',
  meta: {
    description: 'Framework and migration commands that drop, wipe or reset a database (prisma migrate reset, rails db:drop, manage.py flush, artisan migrate:fresh, …)',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      reset: '`{{command}}` {{what}}{{context}}. Dump anything worth keeping first (pg_dump, mysqldump) and ask the human to run it; on a database that matters, write a migration that changes only what it must.',
    },
  },
  programs: [...TOOLS, ...RUNNERS.filter((r) => !TOOLS.includes(r))],
  check(cmd, ctx) {
    const [tool = '', ...args] = unwrapRunner(cmd.argv);
    const what = RESETS.find((r) => r.tools.includes(tool))?.match(args);
    if (what === undefined) return [];
    const env = environment(args, cmd.assignments);
    const { context, atLeast } = severity(ctx.database, env !== undefined ? productionTarget(ctx.database, { database: env }) : undefined, undefined);
    return [{ messageId: 'reset', data: { command: commandText(cmd), what, context }, ...(atLeast !== undefined ? { atLeast } : {}) }];
  },
});
