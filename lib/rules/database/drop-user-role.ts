import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

export default defineRule({
  id: 'db/drop-user-role',
  meta: {
    description: 'SQL DROP USER / DROP ROLE (also dropuser)',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      drop: '`{{statement}}` drops {{what}}{{context}}; whatever logs in as it stops working. Ask the human to do it; to take access away for now, REVOKE or ALTER … NOLOGIN can be undone.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e) => (e.kind === 'drop_user' || e.kind === 'drop_role' ? 'drop' : undefined));
  },
});
