import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, isOutsideProject, isSameOrAncestor, protectedPathReached, resolveTarget } from '../filesystem/paths.js';
import { codeOf, treeDeletions } from './detect.js';

// The interpreter-side twin of fs/delete-outside-project: the same line between the project (and
// the scratch directories) and everything else, for trees a one-liner deletes.
export default defineRule({
  id: 'interp/tree-delete-outside',
  meta: {
    description:
      'An interpreter one-liner deletes a whole tree outside the project and the scratch directories (/tmp, /var/tmp, macOS $TMPDIR, ~/.cache). Ask, not deny: a human may want it, but nothing outside the project is in git',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['interpreter'],
    messages: {
      outside: '`{{api}}` in this {{lang}} one-liner deletes {{path}}, which is outside the project ({{project}}) and the temp directories: it is in no commit, and nothing brings it back. Confirm with the human first, or work on a copy inside the project.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const c = codeOf(cmd, ctx.home);
    if (c === undefined) return [];
    const hits = [];
    for (const d of treeDeletions(c)) {
      const t = resolveTarget(d.word, cmd.cwd);
      if (t === undefined || !isOutsideProject(t.path, ctx.projectDir, ctx.home)) continue;
      // Critical directories, parents of the project and protected paths are interp/tree-delete's.
      if (criticalReason(t.path, ctx.home) !== undefined || isSameOrAncestor(t.path, ctx.projectDir)) continue;
      if (protectedPathReached(t.path, ctx.protectedPaths) !== undefined) continue;
      hits.push({ messageId: 'outside' as const, data: { api: d.api, lang: c.p.lang, path: display(d.word), project: display(ctx.projectDir) }, paths: [t.path] });
    }
    return hits;
  },
});
