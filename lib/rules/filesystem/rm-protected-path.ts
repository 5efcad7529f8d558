import path from 'node:path';
import { display, isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { DESTROYERS, destroyedBy, protectedReached } from './destroy.js';
import { criticalReason, isSameOrAncestor, knownPrefix, resolveTarget } from './paths.js';

export default defineRule({
  id: 'fs/rm-protected-path',
  meta: {
    description:
      'Deleting or wiping (rm, unlink, shred, truncate, mv to /dev/null, find -delete) a path listed under `protected.paths` in the policy, anything inside one, or a directory containing one',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      protected: '`{{segment}}` would delete or overwrite {{path}}, which the warden policy protects ({{rule}}). Leave it alone; if it really must go, ask the human to do it.',
    },
  },
  programs: DESTROYERS,
  check(cmd, ctx) {
    const hits = [];
    for (const d of destroyedBy(cmd)) {
      const t = resolveTarget(d.word, cmd.cwd);
      let p: string | undefined;
      if (t) {
        // Root, home and system directories are fs/rm-critical's (and fs/find-delete-critical's).
        if (criticalReason(t.path, ctx.home) !== undefined) continue;
        p = protectedReached(d, t.path, ctx.protectedPaths);
      } else if (isDynamic(d.word)) {
        // `~/.ssh/$X`: whatever the unknown part is, it is inside the directory its known prefix names.
        const prefix = knownPrefix(d.word, cmd.cwd);
        const dir = path.posix.resolve(prefix.endsWith('/') ? prefix : path.posix.dirname(prefix));
        if (prefix !== '') p = ctx.protectedPaths.find((pp) => isSameOrAncestor(pp, dir));
      }
      if (p === undefined) continue;
      hits.push({ messageId: 'protected' as const, data: { segment: cmd.text, path: display(d.word), rule: `protected path ${p}` }, ...(t ? { paths: [t.path] } : {}) });
    }
    return oneHit(hits);
  },
});
