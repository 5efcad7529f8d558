import { display, isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { fromFind } from './destroy.js';
import { unresolvedScope } from './paths.js';
import { parseRm } from './rm.js';

export default defineRule({
  id: 'fs/rm-unresolved',
  meta: {
    description: 'Recursive deletion whose target depends on a variable or command output that could point anywhere',
    action: 'ask',
    presets: { paranoid: 'deny' },
    packs: ['filesystem'],
    messages: {
      unresolved: '`{{segment}}` deletes a path built from a value warden cannot know before it runs ({{target}}); if it were empty or wrong this could delete {{scope}}. Write the path out literally (for example `rm -rf ./build`), or check the variable first.',
    },
  },
  programs: ['rm'],
  check(cmd, ctx) {
    const rm = parseRm(cmd.argv);
    if (!rm.recursive) return [];
    const hits = [];
    for (const word of rm.operands) {
      // A known word is resolved, unless it is relative to a directory warden cannot know.
      if (!isDynamic(word) && (!isDynamic(cmd.cwd) || word.startsWith('/'))) continue;
      // `find … -exec rm -rf {} +`: the matches are below the find's root, which the find rules judge.
      if (fromFind(cmd, word)) continue;
      // A known prefix deep inside a safe directory bounds the damage; `$X`, `/$X`, `~/$X` do not.
      const scope = unresolvedScope(word, cmd.cwd, ctx.home, ctx.projectDir);
      if (scope === undefined) continue;
      hits.push({ messageId: 'unresolved' as const, data: { segment: cmd.text, target: display(word), scope } });
    }
    return oneHit(hits);
  },
});
