import { isDynamic } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { claudeCall, claudeOptions } from './claude.js';
import { clip } from './describe.js';

/** `claude plugin <verb>` that turns a plugin off or removes it. */
const OFF = new Set(['disable', 'uninstall', 'remove', 'rm']);
/** `claude plugin marketplace <verb>` that removes a marketplace (and with it its plugins). */
const MARKET_OFF = new Set(['remove', 'rm']);

/** Does this plugin or marketplace argument name warden, or could it (unknown, or none: all/the current one)? */
function mayBeWarden(name: string | undefined): boolean {
  if (name === undefined || isDynamic(name)) return true;
  const n = name.toLowerCase();
  return n === 'warden' || n.startsWith('warden@') || n.endsWith('@warden');
}

// Installed as a Claude Code plugin, warden is switched off by `claude plugin disable|uninstall
// warden@…` or by removing its marketplace: from the next session on, no call is checked. Like
// `warden uninstall` (self/warden-command), that is the human's to do. Other plugins are the
// agent's business (adding one is self/nested-claude-extension). Locked.
export default defineRule({
  id: 'self/warden-plugin',
  meta: {
    description: 'Switching off warden installed as a plugin: `claude plugin disable|uninstall warden@…` (or with no name, or --all), `claude plugin marketplace remove warden` (deny)',
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      plugin: '`{{segment}}` would switch off warden, installed as a Claude Code plugin: from the next session on no tool call would be checked. Ask the human to do it themselves if they want warden off.',
    },
  },
  programs: ['*'],
  check(cmd) {
    const call = claudeCall(cmd);
    if (call === undefined || call.guessed) return [];
    const { words } = claudeOptions(call.args);
    const [sub, verb, ...rest] = words;
    if (sub !== 'plugin' && sub !== 'plugins') return [];
    const hit = [{ messageId: 'plugin' as const, data: { segment: clip(cmd.text) } }];
    if (verb !== undefined && OFF.has(verb) && (rest.length === 0 || rest.some(mayBeWarden) || call.args.includes('--all'))) return hit;
    if (verb === 'marketplace' && rest[0] !== undefined && MARKET_OFF.has(rest[0]) && (rest.length === 1 || rest.slice(1).some(mayBeWarden))) return hit;
    return [];
  },
});
