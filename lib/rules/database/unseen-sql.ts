import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule, type Hit } from '../define.js';
import { commandText, productionTarget, severity } from './target.js';

type M = 'missing' | 'large' | 'pipe' | 'dynamic' | 'shell' | 'bound';

export default defineRule({
  id: 'db/unseen-sql',
  meta: {
    description: 'A database client runs SQL warden cannot see: a file it cannot read, the output of another program, SQL built from $VAR or $(…), a shell escape (\\!, .shell, system), or more than it analyses',
    action: 'ask',
    presets: { paranoid: 'deny' },
    packs: ['database'],
    messages: {
      missing: '`{{command}}` runs SQL from a file warden cannot read ({{detail}}){{context}}. Write the file in an earlier, separate command so warden can check it, or ask the human.',
      large: '`{{command}}` runs more SQL than warden reads ({{detail}}){{context}}; only the start was checked. Split the script, or ask the human.',
      pipe: '`{{command}}` runs SQL from a pipe: {{detail}}{{context}}, which warden cannot see. Save the SQL to a file first (then warden reads it), or ask the human.',
      dynamic: '`{{command}}` runs SQL that is built when the command runs ({{detail}}){{context}}. Spell the SQL out on the command line, or ask the human.',
      shell: '`{{command}}` has the database client run a shell command: {{detail}}{{context}}. Run that command as its own Bash command so warden can check it.',
      bound: '`{{command}}` has more SQL than warden analyses ({{detail}}){{context}}. Split it into smaller commands, or ask the human.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    const facts = ctx.sql(cmd);
    if (facts === undefined) return [];
    const { context, atLeast } = severity(ctx.database, productionTarget(ctx.database, facts.target, facts.databases), undefined);
    return facts.unseen.map((u): Hit<M> => ({ messageId: u.reason, data: { command: commandText(cmd), detail: u.detail, context }, ...(atLeast !== undefined ? { atLeast } : {}) }));
  },
});
