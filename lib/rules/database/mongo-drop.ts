import { loadEngine } from '../../sql/engine-loader.js';
import { MONGO_PROGRAMS } from '../../sql/programs.js';
import { defineRule, type Hit } from '../define.js';
import { commandText, productionTarget, severity } from './target.js';

type M = 'drop-database' | 'drop-collection' | 'delete-all' | 'restore-drop' | 'unseen';

export default defineRule({
  id: 'db/mongo-drop',
  meta: {
    description: 'mongosh/mongo scripts with dropDatabase(), drop(), deleteMany({}) or remove({}); mongorestore --drop',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      'drop-database': '`{{command}}` drops a whole MongoDB database ({{detail}}){{context}}. Dump it first (mongodump) and ask the human to run it.',
      'drop-collection': '`{{command}}` drops a MongoDB collection with its documents and indexes ({{detail}}){{context}}. Dump it first (mongodump --collection) and ask the human to run it.',
      'delete-all': '`{{command}}` deletes every document of a collection: deleteMany/remove with an empty filter ({{detail}}){{context}}. Give it a filter that names the documents, or ask the human.',
      'restore-drop': '`{{command}}` drops each collection before restoring it{{context}}. Restore into another database (--nsFrom/--nsTo) or without --drop, or ask the human.',
      unseen: '`{{command}}` runs a MongoDB script warden cannot see ({{detail}}){{context}}. Put the script on the command line (--eval) or in a file warden can read, or ask the human.',
    },
  },
  programs: MONGO_PROGRAMS,
  check(cmd, ctx) {
    const facts = loadEngine().mongoFacts(cmd);
    if (facts === undefined) return [];
    const { context, atLeast } = severity(ctx.database, productionTarget(ctx.database, facts.target, facts.databases), undefined);
    const extra = atLeast !== undefined ? { atLeast } : {};
    return [
      ...facts.findings.map((f): Hit<M> => ({ messageId: f.kind, data: { command: commandText(cmd), detail: f.detail, context }, ...extra })),
      ...facts.unseen.map((u): Hit<M> => ({ messageId: 'unseen', data: { command: commandText(cmd), detail: u.detail, context }, ...extra })),
    ];
  },
});
