// Tools other than Bash: MCP tools `mcp__<server>__<verb>` and Claude Code's WebFetch/WebSearch.
//
// An MCP tool's kind comes from the words of its verb (`get_file_contents` reads,
// `slack_post_message` sends, `delete_branch` deletes): the first word that is a known verb
// decides; a write verb acting on a message or an email sends. A verb with no known word counts as a
// write: an MCP server can do anything, and the verb is the only hint warden has. Service:
// `mcp:<server>` (plugin and claude.ai connector prefixes kept, so they do not collide).

import { secretInText } from '../secrets.js';
import { opForUrl, unresolvedOp, type Operation } from './types.js';
import type { OpKind } from '../../types.js';

const WORDS: Readonly<Record<string, OpKind>> = Object.fromEntries([
  ...['get', 'list', 'read', 'search', 'find', 'fetch', 'query', 'describe', 'show', 'view', 'lookup', 'retrieve', 'download', 'count', 'status', 'info'].map((w) => [w, 'read']),
  ...['inspect', 'browse', 'explore', 'resolve', 'load', 'head', 'peek', 'preview', 'summarize', 'analyze', 'diff', 'compare', 'validate', 'lint', 'scan'].map((w) => [w, 'read']),
  ...['snapshot', 'screenshot', 'navigate', 'wait', 'ls', 'stat', 'tail', 'cat', 'print', 'watch', 'poll', 'whoami', 'me', 'history', 'logs', 'outline', 'explain'].map((w) => [w, 'read']),
  ...['delete', 'remove', 'destroy', 'drop', 'purge', 'erase', 'trash', 'unlink', 'rm', 'del', 'clear', 'wipe', 'revoke', 'uninstall', 'truncate'].map((w) => [w, 'delete']),
  ...['send', 'reply', 'notify', 'email', 'mail', 'dm', 'broadcast', 'forward', 'invite', 'sms', 'respond'].map((w) => [w, 'send']),
  ...['publish', 'release', 'tweet', 'share'].map((w) => [w, 'publish']),
  ...['run', 'exec', 'execute', 'invoke', 'trigger', 'eval', 'evaluate', 'call', 'start', 'launch', 'spawn', 'shell', 'command', 'bash', 'script', 'dispatch', 'deploy'].map((w) => [w, 'execute']),
  ...['create', 'update', 'edit', 'set', 'add', 'put', 'post', 'patch', 'write', 'upload', 'insert', 'modify', 'move', 'rename', 'assign', 'merge', 'comment'].map((w) => [w, 'write']),
  ...['react', 'star', 'push', 'commit', 'save', 'store', 'append', 'replace', 'close', 'lock', 'unlock', 'approve', 'submit', 'click', 'type', 'fill', 'press'].map((w) => [w, 'write']),
  ...['drag', 'select', 'enable', 'disable', 'install', 'sync', 'import', 'transfer', 'schedule', 'book', 'pay', 'order', 'upsert', 'apply', 'archive', 'cancel', 'open'].map((w) => [w, 'write']),
]) as Record<string, OpKind>;
/** Objects that make a write a send (`post_message`, `create_email`). */
const MESSAGES = new Set(['message', 'messages', 'email', 'emails', 'mail', 'dm', 'sms', 'chat', 'notification', 'reply']);

export function parseMcpTool(tool: string): { server: string; verb: string } | undefined {
  if (!tool.startsWith('mcp__')) return undefined;
  const rest = tool.slice('mcp__'.length);
  const sep = rest.indexOf('__');
  if (sep <= 0) return { server: rest, verb: '' };
  return { server: rest.slice(0, sep), verb: rest.slice(sep + 2) };
}

export function mcpVerbKind(verb: string): OpKind {
  const words = verb
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  for (const w of words) {
    const kind = WORDS[w] ?? WORDS[w.replace(/s$/, '')];
    if (kind === undefined) continue;
    if (kind === 'write' && words.some((x) => MESSAGES.has(x))) return 'send';
    return kind;
  }
  return 'write';
}

/** Operations of a tool call that is not Bash. */
export function toolOps(tool: string, input: Record<string, unknown>): Operation[] {
  const mcp = parseMcpTool(tool);
  if (mcp !== undefined) return [{ kind: mcpVerbKind(mcp.verb), service: `mcp:${mcp.server.toLowerCase()}`, local: false, target: tool }];
  if (tool === 'WebFetch') {
    const url = input.url;
    if (typeof url !== 'string') return [unresolvedOp('read', 'WebFetch without a url')];
    return [opForUrl('read', url, 'https') ?? unresolvedOp('read', url)];
  }
  if (tool === 'WebSearch') {
    const query = typeof input.query === 'string' ? input.query : '';
    const secret = secretInText(query);
    return [{ kind: 'read', service: 'websearch', local: false, target: `search: ${query.slice(0, 200)}`, ...(secret !== undefined ? { secret } : {}) }];
  }
  return [];
}
