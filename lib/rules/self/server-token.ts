import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { accessesOf } from './access.js';
import { clip } from './describe.js';
import { READ_TOOLS, tokenReadByTool } from './tools.js';

// The token of `warden serve` authorizes approvals and trust changes through its API: an agent that
// read it could grant itself any held call. Naming it to ls/stat is fine; printing, copying,
// encoding, searching a tree that holds it, or opening it in code is not. Locked.
export default defineRule({
  id: 'self/server-token',
  meta: {
    description:
      "Reading the token of `warden serve` (<warden home>/server.token) by shell (cat, cp, grep -r over its folder, curl -H @file, …), interpreter code or the Read/Grep tools: it authorizes approvals and trust changes",
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      shell: '`{{segment}}` would read {{path}}, the token that authorizes approvals and trust changes through `warden serve`. The agent must never read it. Leave it alone; approvals belong to the human (`warden pending` lists what waits for them).',
      tool: 'This {{tool}} would read {{path}}, the token that authorizes approvals and trust changes through `warden serve`. The agent must never read it. Search or read elsewhere; approvals belong to the human.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const a = accessesOf(cmd, ctx).find((x) => x.op === 'read');
    return a === undefined ? [] : [{ messageId: 'shell', data: { segment: clip(cmd.text), path: display(a.reached.path) } }];
  },
  tools: READ_TOOLS,
  checkTool(call, ctx) {
    const t = tokenReadByTool(call, ctx);
    return t === undefined ? [] : [{ messageId: 'tool', data: { tool: call.tool, path: display(t) } }];
  },
});
