import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { parseFind } from './destroy.js';
import { criticalReason, resolveTarget } from './paths.js';

export default defineRule({
  id: 'fs/find-delete-critical',
  meta: {
    description:
      '`find … -delete` (or `-exec rm`/`unlink`/`shred` …) starting at `/`, a top-level or system directory, or the home directory, with no name test to narrow it: ' +
      'the same damage as `rm -rf` of that directory, so deny. With `-name`/`-path`/… it is fs/delete-outside-project (ask).',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      critical:
        '`{{segment}}` deletes everything it finds under {{what}} ({{path}}). Start the find at the directory inside the project you mean (for example `find ./build -name "*.o" -delete`), narrow it with `-name`, and list the matches without `-delete` first.',
    },
  },
  programs: ['find'],
  check(cmd, ctx) {
    const f = parseFind(cmd.argv);
    if ((!f.deleteAction && !f.execDeleter) || f.narrowed) return [];
    const hits = [];
    for (const word of f.roots) {
      const t = resolveTarget(word, cmd.cwd);
      const what = t && criticalReason(t.path, ctx.home);
      if (!t || what === undefined) continue;
      hits.push({ messageId: 'critical' as const, data: { segment: cmd.text, what, path: display(word) }, paths: [t.path] });
    }
    return oneHit(hits);
  },
});
