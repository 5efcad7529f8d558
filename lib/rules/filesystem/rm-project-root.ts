import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, isSameOrAncestor, resolveTarget } from './paths.js';
import { parseRm } from './rm.js';

export default defineRule({
  id: 'fs/rm-project-root',
  meta: {
    description: 'Recursive deletion of the project root, everything in it, or one of its parent directories',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      root: '`{{segment}}` would delete {{what}} ({{project}}), including its git history. Remove the specific build or temporary directories by name instead (for example `rm -rf ./build`).',
    },
  },
  programs: ['rm'],
  check(cmd, ctx) {
    const rm = parseRm(cmd.argv);
    if (!rm.recursive) return [];
    const hits = [];
    for (const word of rm.operands) {
      const t = resolveTarget(word, cmd.cwd);
      // Root, home and system directories are fs/rm-critical's; one finding per target is enough.
      if (!t || !isSameOrAncestor(t.path, ctx.projectDir) || criticalReason(t.path, ctx.home) !== undefined) continue;
      const what = t.path === ctx.projectDir ? (t.glob ? 'everything in the project' : 'the whole project') : 'a parent of the project';
      hits.push({ messageId: 'root' as const, data: { segment: cmd.text, what, project: display(ctx.projectDir) }, paths: [t.path] });
    }
    return hits;
  },
});
