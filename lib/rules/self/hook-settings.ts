import { display } from '../../shell/analyze.js';
import { defineRule, type Hit } from '../define.js';
import { accessesOf } from './access.js';
import { accessData, clip } from './describe.js';
import { settingsChangeOf, GUARDED_KEYS } from './settings.js';
import { FILE_TOOLS, fileToolTarget } from './tools.js';

type M = 'shell' | 'code' | 'keys' | 'unparseable' | 'unknown' | 'managed';

// Claude Code runs warden from its settings files: whoever edits their `hooks`, or sets
// `disableAllHooks`, switches the guard off for every later call. The file tools can be judged
// precisely — the content after the call is computed and only a change to the guarded keys (see
// ./settings.ts) counts, so `permissions` stay editable — while a shell write's result cannot be
// known, so any shell write, move or delete of a settings file counts. Managed settings are the
// administrator's: nothing there. Locked.
export default defineRule({
  id: 'self/hook-settings',
  meta: {
    description: `Changing Claude Code's hooks: a Write/Edit of a settings file (~/.claude, $CLAUDE_CONFIG_DIR, <project>/.claude: settings.json, settings.local.json) that changes ${GUARDED_KEYS.slice(0, 3).join(', ')} and other keys that run commands, or leaves it unparseable; any shell or interpreter write, move or delete of one; anything in the managed-settings folders`,
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      shell: '`{{segment}}` would {{verb}} {{path}}, {{what}}. warden cannot tell what a shell write leaves there, and a change to the hooks would switch the guard off. To change something else in it (for example a permission rule), use the Edit tool, which warden can check; to change hooks, ask the human to do it.',
      code: 'This {{lang}} code writes files and names {{path}}, {{what}}. warden cannot tell what it leaves there, and a change to the hooks would switch the guard off. To change something else in it, use the Edit tool, which warden can check; to change hooks, ask the human to do it.',
      keys: 'This {{tool}} would change {{keys}} in {{path}}. Those settings decide which hooks and commands Claude Code runs by itself, warden among them; the agent may not change them. Leave them as they are and ask the human to make the change themselves.',
      unparseable: 'This {{tool}} would leave {{path}} unreadable for Claude Code ({{why}}), and Claude Code ignores such a file together with every hook in it. Keep the file valid JSON with each key once; if it must change this way, ask the human.',
      unknown: 'warden cannot tell what this {{tool}} leaves in {{path}} ({{why}}), a settings file that holds Claude Code’s hooks. Read the file and give the exact text to replace, or ask the human to make the change.',
      managed: 'This would change {{path}}, Claude Code’s managed settings, which belong to the administrator. Leave them alone; ask the human.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const a = accessesOf(cmd, ctx).find((x) => x.op !== 'read' && x.reached.place.kind === 'settings');
    if (a === undefined) return [];
    const data = accessData(cmd.text, a);
    if (a.reached.place.kind === 'settings' && a.reached.place.managed) return [{ messageId: 'managed', data: { path: data.path } }];
    const hit: Hit<M> = a.code === true ? { messageId: 'code', data: { ...data, lang: cmd.runs?.inline?.lang ?? cmd.program } } : { messageId: 'shell', data };
    return [hit];
  },
  tools: FILE_TOOLS,
  checkTool(call, ctx) {
    const t = fileToolTarget(call, ctx);
    if (t === undefined || t.reached.place.kind !== 'settings') return [];
    const where = clip(display(t.file === t.real ? t.file : `${t.file} (${t.real})`));
    if (t.reached.place.managed) return [{ messageId: 'managed', data: { path: where } }];
    const c = settingsChangeOf(call, t.real);
    switch (c.kind) {
      case 'none':
        return [];
      case 'keys':
        return [{ messageId: 'keys', data: { tool: call.tool, keys: c.keys.map((k) => `\`${k}\``).join(', '), path: where } }];
      case 'unparseable':
        return [{ messageId: 'unparseable', data: { tool: call.tool, path: where, why: clip(c.why) } }];
      case 'unknown':
        return [{ messageId: 'unknown', data: { tool: call.tool, path: where, why: c.why } }];
    }
  },
});
