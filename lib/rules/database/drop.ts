import { SQL_PROGRAMS } from '../../sql/programs.js';
import { defineRule } from '../define.js';
import { statementHits } from './target.js';

const DATA = new Set(['drop_database', 'drop_schema', 'drop_table']);
const DEFINITION = new Set(['drop_view', 'drop_index', 'drop_other']);

export default defineRule({
  id: 'db/drop',
  meta: {
    description: 'SQL that drops a database, schema, table, view, index or other object (also dropdb, mysqladmin drop)',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      drop: '`{{statement}}` drops {{what}}{{context}}; its data is gone for good. Take a backup first (pg_dump, mysqldump, sqlite3 .backup) and ask the human to run the drop; to start a development database over, use the project\'s own reset on a disposable copy.',
      definition: '`{{statement}}` drops {{what}}{{context}}. Check what depends on it (CASCADE drops that too), keep its definition so it can be re-created, and ask the human to run it.',
    },
  },
  programs: SQL_PROGRAMS,
  check(cmd, ctx) {
    return statementHits(ctx.sql(cmd), ctx, (e) => (DATA.has(e.kind) ? 'drop' : DEFINITION.has(e.kind) ? 'definition' : undefined));
  },
});
