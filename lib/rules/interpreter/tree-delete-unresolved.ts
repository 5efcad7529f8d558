import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { resolveTarget, unresolvedScope } from '../filesystem/paths.js';
import { codeOf, treeDeletions } from './detect.js';

// The interpreter-side twin of fs/rm-unresolved: a tree deletion whose path the one-liner computes
// from something warden cannot know (an argument, an environment variable, a function's result).
export default defineRule({
  id: 'interp/tree-delete-unresolved',
  meta: {
    description:
      'An interpreter one-liner deletes a whole tree at a path built from a value warden cannot know (sys.argv, an environment variable, a computed string) that could point at the home directory, the project or anywhere',
    action: 'ask',
    presets: { paranoid: 'deny' },
    packs: ['interpreter'],
    messages: {
      unresolved: '`{{api}}` in this {{lang}} one-liner deletes a tree at a path built from a value warden cannot know before it runs ({{path}}); if it were empty or wrong this could delete {{scope}}. Write the path out literally, or run `rm -rf ./<dir>` in the shell instead.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const c = codeOf(cmd, ctx.home);
    if (c === undefined) return [];
    const hits = [];
    for (const d of treeDeletions(c)) {
      if (resolveTarget(d.word, cmd.cwd) !== undefined) continue;
      const scope = unresolvedScope(d.word, cmd.cwd, ctx.home, ctx.projectDir);
      if (scope === undefined) continue;
      hits.push({ messageId: 'unresolved' as const, data: { api: d.api, lang: c.p.lang, path: display(d.word), scope } });
    }
    return hits;
  },
});
