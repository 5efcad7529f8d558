import { display } from '../../shell/analyze.js';
import { defineRule, type Hit } from '../define.js';
import { accessesOf } from './access.js';
import { accessData, clip, whatOf } from './describe.js';
import { FILE_TOOLS, fileToolTarget } from './tools.js';

type M = 'shell' | 'code' | 'tool';

// warden's own files — the installed hook bundles, the policy, the journal, trust scores and
// approvals, the install record, the server token, the identity file — and the `warden` link in
// ~/.local/bin: an agent that could change them could switch the guard off or grant itself what
// only a human may. Reading the policy and the journal stays allowed (the token is
// self/server-token's). Locked: no policy lowers it, no exception applies.
export default defineRule({
  id: 'self/warden-state',
  meta: {
    description:
      "Writing, moving, deleting or linking warden's own files (the warden home: hook bundles, policy, journal, trust and approvals, install record, server token, identity; and ~/.local/bin/warden) by Write/Edit tools, redirections, tee, sed -i, cp/mv/rm/ln/install/truncate/chmod, rsync, dd, tar or interpreter code",
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      shell: "`{{segment}}` would {{verb}} {{path}}: {{what}}, part of warden's own state. The agent may not change warden's files, whatever the reason. If this change is needed, stop and ask the human to make it themselves.",
      code: "This {{lang}} code writes files and names {{path}}: {{what}}, part of warden's own state. The agent may not change warden's files. If this change is needed, stop and ask the human to make it themselves.",
      tool: "This {{tool}} would write {{path}}: {{what}}, part of warden's own state. The agent may not change warden's files. If this change is needed, stop and ask the human to make it themselves.",
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const a = accessesOf(cmd, ctx).find((x) => x.op !== 'read' && (x.reached.place.kind === 'state' || x.reached.place.kind === 'link'));
    if (a === undefined) return [];
    const data = accessData(cmd.text, a);
    const hit: Hit<M> = a.code === true ? { messageId: 'code', data: { ...data, lang: cmd.runs?.inline?.lang ?? cmd.program } } : { messageId: 'shell', data };
    return [hit];
  },
  tools: FILE_TOOLS,
  checkTool(call, ctx) {
    const t = fileToolTarget(call, ctx);
    if (t === undefined || (t.reached.place.kind !== 'state' && t.reached.place.kind !== 'link')) return [];
    return [{ messageId: 'tool', data: { tool: call.tool, path: clip(display(t.file === t.real ? t.file : `${t.file} (${t.real})`)), what: whatOf(t.reached.place) } }];
  },
});
