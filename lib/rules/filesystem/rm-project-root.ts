import path from 'node:path';
import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { destroyedBy, type Destroyed } from './destroy.js';
import { oneHit } from './hits.js';
import { criticalReason, isInside, isSameOrAncestor, resolveTarget } from './paths.js';

export default defineRule({
  id: 'fs/rm-project-root',
  meta: {
    description:
      'Recursive deletion of the project root, everything in it, one of its parent directories, or a `.git` directory in it (the history): `rm -r`, `find -delete`/`-exec rm` with no name test, `rsync --delete` into it',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      root: '`{{segment}}` would delete {{what}} ({{project}}), including its git history. Remove the specific build or temporary directories by name instead (for example `rm -rf ./build`).',
      git: '`{{segment}}` deletes the repository history ({{path}}): every unpushed commit, branch and stash is gone for good. Remove what you mean in the working tree by name; if the repository itself must go, ask the human.',
    },
  },
  programs: ['rm', 'find', 'rsync'],
  check(cmd, ctx) {
    const hits = [];
    for (const d of destroyedBy(cmd)) {
      if (!wholeTree(d)) continue;
      const t = resolveTarget(d.word, cmd.cwd);
      // Root, home and system directories are fs/rm-critical's; one finding per target is enough.
      if (!t || criticalReason(t.path, ctx.home) !== undefined) continue;
      if (isSameOrAncestor(t.path, ctx.projectDir)) {
        const what = t.path === ctx.projectDir ? (t.glob || d.kind !== 'rm' ? 'everything in the project' : 'the whole project') : 'a parent of the project';
        hits.push({ messageId: 'root' as const, data: { segment: cmd.text, what, project: display(ctx.projectDir) }, paths: [t.path] });
      } else if (isInside(t.path, ctx.projectDir) && path.posix.basename(t.path) === '.git') {
        hits.push({ messageId: 'git' as const, data: { segment: cmd.text, path: display(d.word) }, paths: [t.path] });
      }
    }
    return oneHit(hits);
  },
});

/** The command can take a whole directory tree: rm -r, a find not narrowed by name, rsync --delete. */
function wholeTree(d: Destroyed): boolean {
  if (d.kind === 'rm') return d.recursive;
  if (d.kind === 'find') return d.narrowed !== true;
  return d.kind === 'rsync';
}
