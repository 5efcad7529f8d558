import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { accessesOf } from './access.js';
import { accessData, clip } from './describe.js';
import { FILE_TOOLS, fileToolTarget } from './tools.js';

// A project's `.claude/identity.md` is shown to every new, resumed and compacted session as who the
// agent is and what it must never do. It does not switch any rule off, so changing it is no bypass
// of the guard (ask, not deny); but an injected instruction written there would come back at every
// session boundary, so the human decides. warden's own identity file is self/warden-state's. Locked.
export default defineRule({
  id: 'self/identity-file',
  meta: {
    description: "Writing, moving or deleting a project's .claude/identity.md, the identity shown to every new session (ask)",
    action: 'ask',
    packs: ['self'],
    locked: true,
    messages: {
      identity: '{{change}} {{path}}, the identity file warden shows to every new, resumed and compacted session. What is written there steers every later session, so the human decides: ask them to make or approve this change.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const a = accessesOf(cmd, ctx).find((x) => x.op !== 'read' && x.reached.place.kind === 'identity');
    if (a === undefined) return [];
    const d = accessData(cmd.text, a);
    return [{ messageId: 'identity', data: { change: `\`${d.segment}\` would ${d.verb}`, path: d.path } }];
  },
  tools: FILE_TOOLS,
  checkTool(call, ctx) {
    const t = fileToolTarget(call, ctx);
    if (t === undefined || t.reached.place.kind !== 'identity') return [];
    return [{ messageId: 'identity', data: { change: `This ${call.tool} would write`, path: clip(display(t.file)) } }];
  },
});
