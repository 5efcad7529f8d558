import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

export default defineRule({
  id: 'db/alter-drop',
  meta: {
    description: 'SQL ALTER TABLE … DROP COLUMN / DROP PARTITION, which deletes the data in it',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      drop: '`{{statement}}` drops {{what}}{{context}} and every value stored in it. Back the table up first and ask the human; a migration that keeps the column until its data is copied elsewhere is safer.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e) => (e.kind === 'alter_drop' ? 'drop' : undefined));
  },
});
