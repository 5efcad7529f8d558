import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { accessesOf } from './access.js';
import { accessData, clip } from './describe.js';
import { FILE_TOOLS, fileToolTarget } from './tools.js';

// A project's `.claude/warden.yaml` may only tighten the guard — unless the user's policy lists the
// project under `trusted_projects`; there it can switch packs off and add exceptions, so the agent
// writing it is a real bypass (deny). Elsewhere a change can still undo what the human tightened
// for this project, so the human decides (ask). Locked: a project policy cannot lower it.
export default defineRule({
  id: 'self/project-policy',
  meta: {
    description: "Writing, moving or deleting a project's .claude/warden.yaml (deny in a project your policy trusts, where it may loosen the guard; ask elsewhere)",
    action: 'ask',
    packs: ['self'],
    locked: true,
    messages: {
      trusted: '{{change}} {{path}}, the warden policy of a project your own policy trusts: there it can switch rules off and add exceptions. The agent may not change it. Ask the human to edit it themselves.',
      untrusted: '{{change}} {{path}}, the project’s warden policy (it can only tighten the guard, but changing it can undo what the human set for this project). Ask the human to make or approve this change.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const a = accessesOf(cmd, ctx).find((x) => x.op !== 'read' && x.reached.place.kind === 'project-policy');
    if (a === undefined || a.reached.place.kind !== 'project-policy') return [];
    const d = accessData(cmd.text, a);
    const change = `\`${d.segment}\` would ${d.verb}`;
    return [a.reached.place.trusted ? { messageId: 'trusted', data: { change, path: d.path }, atLeast: 'deny' } : { messageId: 'untrusted', data: { change, path: d.path } }];
  },
  tools: FILE_TOOLS,
  checkTool(call, ctx) {
    const t = fileToolTarget(call, ctx);
    if (t === undefined || t.reached.place.kind !== 'project-policy') return [];
    const data = { change: `This ${call.tool} would write`, path: clip(display(t.file)) };
    return [t.reached.place.trusted ? { messageId: 'trusted', data, atLeast: 'deny' } : { messageId: 'untrusted', data }];
  },
});
