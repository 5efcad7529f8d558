import { loadEngine } from '../../sql/engine-loader.js';
import { REDIS_PROGRAMS } from '../../sql/programs.js';
import { defineRule, type Hit } from '../define.js';
import { commandText, productionTarget, severity } from './target.js';

type M = 'flush' | 'eval' | 'unseen';

export default defineRule({
  id: 'db/redis-flush',
  meta: {
    description: 'redis-cli (valkey-cli, keydb-cli) FLUSHALL / FLUSHDB, also inside EVAL scripts, --eval files and piped command lists',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['database'],
    messages: {
      flush: '`{{command}}` runs {{detail}}{{context}}, deleting every key of the database (FLUSHDB) or of the whole server (FLUSHALL). Delete only the keys you mean (SCAN with a MATCH pattern, then UNLINK), snapshot first (BGSAVE), or ask the human.',
      eval: '`{{command}}` runs Lua that flushes keys or builds its Redis commands at run time ({{detail}}){{context}}. Run plain commands warden can read, or ask the human.',
      unseen: '`{{command}}` sends Redis commands warden cannot see ({{detail}}){{context}}. Spell the commands out on the command line, or ask the human.',
    },
  },
  programs: REDIS_PROGRAMS,
  check(cmd, ctx) {
    const facts = loadEngine().redisFacts(cmd);
    if (facts === undefined) return [];
    const { context, atLeast } = severity(ctx.database, productionTarget(ctx.database, facts.target, facts.databases), undefined);
    const extra = atLeast !== undefined ? { atLeast } : {};
    return [
      ...facts.findings.map((f): Hit<M> => ({ messageId: f.kind === 'flush' ? 'flush' : 'eval', data: { command: commandText(cmd), detail: f.detail, context }, ...extra })),
      ...facts.unseen.map((u): Hit<M> => ({ messageId: 'unseen', data: { command: commandText(cmd), detail: u.detail, context }, ...extra })),
    ];
  },
});
