import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

export default defineRule({
  id: 'db/grant-all',
  meta: {
    description: 'SQL GRANT ALL [PRIVILEGES] and ALTER ROLE … SUPERUSER',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      grant: '`{{statement}}` grants {{what}}{{context}}. Grant only the privileges needed (SELECT, INSERT, … on the tables in question), or ask the human.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e) => (e.kind === 'grant_all' ? 'grant' : undefined));
  },
});
