import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, resolveTarget } from './paths.js';
import { parseRm } from './rm.js';

export default defineRule({
  id: 'fs/rm-critical',
  meta: {
    description: 'Recursive or forced deletion of `/`, a top-level or system directory, or the home directory (or its contents)',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      critical: '`{{segment}}` would delete {{what}} ({{path}}). Nothing in a task needs that. Delete the specific files or directories inside the project you mean, by name.',
    },
  },
  programs: ['rm'],
  check(cmd, ctx) {
    const rm = parseRm(cmd.argv);
    if (!rm.recursive && !rm.force) return [];
    const hits = [];
    for (const word of rm.operands) {
      const t = resolveTarget(word, cmd.cwd);
      if (!t) continue;
      const what = criticalReason(t.path, ctx.home);
      if (what === undefined) continue;
      hits.push({ messageId: 'critical' as const, data: { segment: cmd.text, what: t.glob ? `everything in ${what}` : what, path: display(word) }, paths: [t.path] });
    }
    return hits;
  },
});
