import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { destroyedBy } from './destroy.js';
import { oneHit } from './hits.js';
import { criticalReason, resolveTarget } from './paths.js';

export default defineRule({
  id: 'fs/rm-critical',
  meta: {
    description:
      'Recursive or forced deletion of `/`, a top-level or system directory, or the home directory (or its contents); also `rsync --delete` into one (an empty source empties it)',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      critical: '`{{segment}}` would delete {{what}} ({{path}}). Nothing in a task needs that. Delete the specific files or directories inside the project you mean, by name.',
    },
  },
  programs: ['rm', 'rsync'],
  check(cmd, ctx) {
    const hits = [];
    for (const d of destroyedBy(cmd)) {
      if (d.kind === 'rm' && !d.recursive && !d.force) continue;
      const t = resolveTarget(d.word, cmd.cwd);
      if (!t) continue;
      const what = criticalReason(t.path, ctx.home);
      if (what === undefined) continue;
      hits.push({ messageId: 'critical' as const, data: { segment: cmd.text, what: t.glob || d.kind === 'rsync' ? `everything in ${what}` : what, path: display(d.word) }, paths: [t.path] });
    }
    return oneHit(hits);
  },
});
