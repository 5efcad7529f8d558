import path from 'node:path';
import { UNKNOWN, display, isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { DESTROYERS, destroyedBy, fromFind, protectedReached, type Destroyed } from './destroy.js';
import { criticalReason, isOutsideProject, isSameOrAncestor, knownPrefix, resolveTarget, unresolvedScope } from './paths.js';

const SCRATCH_HINT = 'the temp directories (/tmp, /var/tmp, $TMPDIR) or the tool caches (~/.cache, ~/.npm/_cacache, …)';

export default defineRule({
  id: 'fs/delete-outside-project',
  meta: {
    description:
      'Deleting or wiping files outside the project and the scratch directories (/tmp, /var/tmp, macOS $TMPDIR, ~/.cache and other tool caches): rm, unlink, rmdir, find -delete or -exec rm, rsync --delete, shred, truncate to a smaller size. ' +
      'Ask, not deny: a human may well want it, but nothing the agent does outside its project is in git, and a task rarely needs it.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['filesystem'],
    messages: {
      rm: `\`{{segment}}\` deletes {{path}}, which is outside the project ({{project}}) and ${SCRATCH_HINT}: it is in no commit, and nothing brings it back. Confirm with the human first, or work on a copy inside the project.`,
      find: `\`{{segment}}\` deletes what it matches under {{path}}, outside the project ({{project}}) and ${SCRATCH_HINT}. Run the same find without the deleting action to list what it would remove, and ask the human to confirm.`,
      rsync: `\`{{segment}}\` deletes everything in {{path}} that the source lacks (rsync --delete), outside the project ({{project}}) and ${SCRATCH_HINT}. List it first with \`rsync -an --delete …\`, and ask the human to confirm.`,
      shred: '`{{segment}}` overwrites {{path}}, outside the project ({{project}}), beyond any recovery. Ask the human; shredding files is theirs to decide.',
      truncate: '`{{segment}}` cuts {{path}}, outside the project ({{project}}), down to a smaller size; what is cut is gone. Ask the human, or truncate a copy inside the project.',
    },
  },
  programs: DESTROYERS,
  check(cmd, ctx) {
    const hits = [];
    const hit = (d: Destroyed, paths?: string[]) => ({
      messageId: d.kind,
      data: { segment: cmd.text, path: display(d.word), project: display(ctx.projectDir) },
      ...(paths ? { paths } : {}),
    });
    for (const d of destroyedBy(cmd)) {
      if (fromFind(cmd, d.word)) continue; // judged on the find command itself
      // A program warden cannot name is read as rm; without rm's -r/-f it is far more often an
      // editor or interpreter (`$EDITOR ~/x`) than a hidden rm.
      if (isDynamic(cmd.program) && !d.recursive && !d.force) continue;
      const t = resolveTarget(d.word, cmd.cwd);
      if (t) {
        const p = t.path;
        if (!isOutsideProject(p, ctx.projectDir, ctx.home)) continue;
        const critical = criticalReason(p, ctx.home) !== undefined;
        // Findings other rules own (one finding per target): a parent of the project (fs/rm-project-root,
        // and plain rm cannot delete a directory), a critical directory wiped whole (fs/rm-critical,
        // fs/find-delete-critical), protected paths (fs/rm-protected-path), devices (disk/wipe).
        if ((d.kind === 'rm' || d.kind === 'rsync') && isSameOrAncestor(p, ctx.projectDir)) continue;
        if (((d.kind === 'rm' && (d.recursive || d.force)) || d.kind === 'rsync') && critical) continue;
        if (d.kind === 'find' && d.narrowed !== true && (critical || isSameOrAncestor(p, ctx.projectDir))) continue;
        if (!critical && protectedReached(d, p, ctx.protectedPaths) !== undefined) continue;
        if ((d.kind === 'shred' || d.kind === 'truncate') && p.startsWith('/dev/')) continue;
        hits.push(hit(d, [p]));
        continue;
      }
      // An unknown part (`/srv/$X`, `$(pwd)/x`): judged by the directory its known prefix already
      // names. Recursive rm of an unbounded one is fs/rm-unresolved's.
      if (d.kind === 'rm' && d.recursive && unresolvedScope(d.word, cmd.cwd, ctx.home, ctx.projectDir) !== undefined) continue;
      const prefix = knownPrefix(d.word, cmd.cwd);
      if (prefix === '') {
        // Could be anywhere: a whole tree is worth a question, one file of unknown name is not.
        if (d.kind === 'find' || d.kind === 'rsync') hits.push(hit(d));
        continue;
      }
      const dir = path.posix.resolve(prefix.endsWith('/') ? prefix : path.posix.dirname(prefix));
      const inside = path.posix.join(dir, UNKNOWN);
      if (!isOutsideProject(inside, ctx.projectDir, ctx.home)) continue;
      if (protectedReached(d, inside, ctx.protectedPaths) !== undefined) continue;
      hits.push(hit(d));
    }
    return oneHit(hits);
  },
});
