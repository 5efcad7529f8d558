import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, isSameOrAncestor, protectedPathReached, resolveTarget } from '../filesystem/paths.js';
import { codeOf, treeDeletions } from './detect.js';

// The interpreter-side twin of fs/rm-critical, fs/rm-project-root and fs/rm-protected-path: the same
// path classification (lib/rules/filesystem/paths.ts), applied to the trees a one-liner deletes.
export default defineRule({
  id: 'interp/tree-delete',
  meta: {
    description:
      'An interpreter one-liner (python -c, node -e, ruby -e, perl -e, deno eval, bun -e, heredocs fed to them) deletes a whole tree at `/`, a top-level or system directory, the home directory, the project root or a parent of it, or a protected path (shutil.rmtree, fs.rmSync recursive, FileUtils.rm_rf, File::Path rmtree, …)',
    action: 'deny',
    packs: ['interpreter'],
    messages: {
      critical: '`{{api}}` in this {{lang}} one-liner would delete {{what}} ({{path}}). Nothing in a task needs that. Delete the specific files or directories inside the project you mean, by name (for example `rm -rf ./build`).',
      root: '`{{api}}` in this {{lang}} one-liner would delete {{what}} ({{project}}), including its git history. Remove the specific build or temporary directories by name instead (for example `rm -rf ./build`).',
      protected: '`{{api}}` in this {{lang}} one-liner would delete {{path}}, which the warden policy protects ({{rule}}). Leave it alone; if it really must go, ask the human to do it.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const c = codeOf(cmd, ctx.home);
    if (c === undefined) return [];
    const hits = [];
    for (const d of treeDeletions(c)) {
      const t = resolveTarget(d.word, cmd.cwd);
      if (t === undefined) continue;
      const base = { api: d.api, lang: c.p.lang, path: display(d.word) };
      const what = criticalReason(t.path, ctx.home);
      if (what !== undefined) {
        hits.push({ messageId: 'critical' as const, data: { ...base, what }, paths: [t.path] });
      } else if (isSameOrAncestor(t.path, ctx.projectDir)) {
        hits.push({ messageId: 'root' as const, data: { ...base, what: t.path === ctx.projectDir ? 'the whole project' : 'a parent of the project', project: display(ctx.projectDir) }, paths: [t.path] });
      } else {
        const p = protectedPathReached(t.path, ctx.protectedPaths);
        if (p !== undefined) hits.push({ messageId: 'protected' as const, data: { ...base, rule: `protected path ${p}` }, paths: [t.path] });
      }
    }
    return hits;
  },
});
