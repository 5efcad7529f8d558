import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, isSameOrAncestor, resolveTarget } from './paths.js';
import { parseRm } from './rm.js';

export default defineRule({
  id: 'fs/rm-protected-path',
  meta: {
    description: 'Deleting a path listed under `protected.paths` in the policy, or a directory containing one',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      protected: '`{{segment}}` would delete {{path}}, which the warden policy protects ({{rule}}). Leave it alone; if it really must go, ask the human to do it.',
    },
  },
  programs: ['rm'],
  check(cmd, ctx) {
    const rm = parseRm(cmd.argv);
    const hits = [];
    for (const word of rm.operands) {
      const t = resolveTarget(word, cmd.cwd);
      if (!t || criticalReason(t.path, ctx.home) !== undefined) continue;
      const p = ctx.protectedPaths.find((pp) => isSameOrAncestor(t.path, pp) || isSameOrAncestor(pp, t.path));
      if (p === undefined) continue;
      hits.push({ messageId: 'protected' as const, data: { segment: cmd.text, path: display(word), rule: `protected path ${p}` }, paths: [t.path] });
    }
    return hits;
  },
});
