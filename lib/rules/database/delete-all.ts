import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

export default defineRule({
  id: 'db/delete-all',
  meta: {
    description: 'SQL DELETE or UPDATE without a WHERE, or with one that is always true (1=1, TRUE, id=id, … OR 1=1); also one whose WHERE warden could not parse',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      all: '`{{statement}}` changes {{what}}{{context}}: its WHERE restricts nothing. Add a WHERE clause that names the rows (check it first with SELECT count(*) … WHERE), run it in a transaction you can roll back, or ask the human.',
      unparsed: '`{{statement}}` changes rows of {{what}}{{context}}, and warden could not parse the statement to check its WHERE clause. Write it as a plain DELETE/UPDATE … WHERE warden can read, or ask the human.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e, by) => (e.kind === 'delete_all' || e.kind === 'update_all' ? 'all' : (e.kind === 'delete' || e.kind === 'update') && by === 'tokens' ? 'unparsed' : undefined));
  },
});
