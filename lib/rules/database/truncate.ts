import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

export default defineRule({
  id: 'db/truncate',
  meta: {
    description: 'SQL TRUNCATE, which empties whole tables',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      truncate: '`{{statement}}` empties {{what}}{{context}}, with no WHERE and (in most databases) no way back. Delete only the rows you mean with DELETE … WHERE, back the table up first, or ask the human.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e) => (e.kind === 'truncate' ? 'truncate' : undefined));
  },
});
