import { display, isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { criticalReason, isSameOrAncestor, knownPrefix } from './paths.js';
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
      if (!isDynamic(word) && !isDynamic(cmd.cwd)) continue;
      const prefix = isDynamic(cmd.cwd) ? '' : knownPrefix(word, cmd.cwd);
      // A known prefix deep inside a safe directory bounds the damage; `$X`, `/$X`, `~/$X` do not.
      const dir = prefix.endsWith('/') ? prefix.slice(0, -1) || '/' : prefix.slice(0, prefix.lastIndexOf('/')) || '/';
      const risky = prefix === '' || criticalReason(dir, ctx.home) !== undefined || isSameOrAncestor(dir, ctx.projectDir);
      if (!risky) continue;
      hits.push({ messageId: 'unresolved' as const, data: { segment: cmd.text, target: display(word), scope: prefix === '' ? 'anything' : `all of ${dir}` } });
    }
    return hits;
  },
});
