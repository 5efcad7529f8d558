import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { claudeCall, claudeOptions } from './claude.js';
import { clip } from './describe.js';

/** Options that load code Claude Code itself runs (a plugin's hooks, an MCP server's command). */
const FLAGS: Readonly<Record<string, string>> = {
  '--plugin-dir': 'loads a plugin, whose hooks and servers Claude Code runs itself',
  '--plugin-url': 'downloads and loads a plugin, whose hooks and servers Claude Code runs itself',
  '--mcp-config': 'starts the MCP servers it names, each a command Claude Code runs itself',
};

// Plugins and MCP servers bring commands Claude Code runs by itself — a plugin's hooks, a server's
// start command — which never pass through warden's PreToolUse check. That is not skipping
// warden's hooks, and the flags have honest uses, so the human decides (ask): loading them for a
// nested session, or adding them for good (`claude plugin install`, `claude mcp add`). Locked.
export default defineRule({
  id: 'self/nested-claude-extension',
  meta: {
    description:
      'Loading code Claude Code runs outside the guard: a nested claude with --plugin-dir, --plugin-url or --mcp-config, `claude plugin install|enable`, `claude plugin marketplace add`, `claude mcp add` (ask)',
    action: 'ask',
    packs: ['self'],
    locked: true,
    messages: {
      flag: '`{{segment}}` starts Claude Code with `{{flag}}`, which {{effect}}: commands warden never checks. Ask the human to approve it, or run the nested session without it.',
      add: '`{{segment}}` adds {{what}} to Claude Code for good: commands Claude Code runs itself, which warden never checks. Ask the human to add it themselves.',
    },
  },
  programs: ['*'],
  check(cmd) {
    const call = claudeCall(cmd);
    if (call === undefined || call.guessed) return [];
    const { flags, words } = claudeOptions(call.args);
    const f = flags.find((x) => FLAGS[x.name] !== undefined);
    if (f !== undefined) return [{ messageId: 'flag', data: { segment: clip(cmd.text), flag: display(f.flag), effect: FLAGS[f.name] ?? '' } }];
    const [sub, verb, more] = words;
    if ((sub === 'plugin' || sub === 'plugins') && (verb === 'install' || verb === 'i' || verb === 'enable' || (verb === 'marketplace' && more === 'add'))) {
      return [{ messageId: 'add', data: { segment: clip(cmd.text), what: verb === 'marketplace' ? 'a plugin marketplace' : 'a plugin (its hooks run on every session)' } }];
    }
    if (sub === 'mcp' && (verb === 'add' || verb === 'add-json' || verb === 'add-from-claude-desktop')) {
      return [{ messageId: 'add', data: { segment: clip(cmd.text), what: 'an MCP server' } }];
    }
    return [];
  },
});
