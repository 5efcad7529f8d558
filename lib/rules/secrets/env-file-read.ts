import path from 'node:path';
import { display } from '../../shell/analyze.js';
import { defineRule, type Hit } from '../define.js';
import { SECRET_PROGRAMS, SECRET_TOOLS, accessesOf, toolAccesses, type Access } from './access.js';
import { isEnvName } from './paths.js';

type M = 'read' | 'copy' | 'script';

/**
 * A copy keeps its protection if it is still named like an env file (`cp .env .env.bak`) or keeps
 * its name in another directory (`cp .env ../other/`); under another name it is a way around this rule.
 */
function renamed(a: Access): boolean {
  if (a.op === 'archive') return true;
  if (a.dest === undefined || a.dest.endsWith('/')) return false;
  return !isEnvName(path.posix.basename(a.dest));
}

function hits(accesses: Access[]): Hit<M>[] {
  const out: Hit<M>[] = [];
  for (const a of accesses) {
    if (a.target.secret.kind !== 'env') continue;
    const data = { path: display(a.target.word) };
    if (a.op === 'read' || a.op === 'encode') out.push({ messageId: 'read', data });
    else if (a.op === 'script') out.push({ messageId: 'script', data });
    else if ((a.op === 'copy' || a.op === 'archive') && renamed(a)) out.push({ messageId: 'copy', data });
  }
  return out;
}

export default defineRule({
  id: 'secrets/env-file-read',
  meta: {
    description:
      'Printing a project’s .env file (.env, .env.local, .env.production; not .env.example/.sample/.template) with cat/grep/… or the Read and Grep tools, reading it from interpreter code, or copying/archiving it under a name that is no longer an env file. Ask, not deny: developers do need to look at them, but the values are live keys and passwords that reach the model and the transcript; a human decides, and `cut -d= -f1` shows the names without the values.',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['secrets'],
    messages: {
      read: 'This would print the secrets in {{path}} (API keys, passwords) into the session. To see which variables it defines, run `cut -d= -f1 {{path}}` or read the .env.example; to load them into a command, use `set -a; . ./.env; set +a` (nothing is printed). Ask the human for a value you need, or for approval to read the file.',
      copy: 'This copies {{path}} to a name that no longer marks it as secrets (or into an archive), where it can be read or committed unnoticed. Keep copies named `.env.*` (`cp .env .env.bak`), or ask the human.',
      script: 'This interpreter code opens {{path}}. Load it the way the application does (e.g. `python-dotenv`, `node --env-file`) without printing values, list its names with `cut -d= -f1 {{path}}`, or ask the human to approve.',
    },
  },
  programs: SECRET_PROGRAMS,
  check(cmd, ctx) {
    return hits(accessesOf(cmd, ctx.home));
  },
  tools: SECRET_TOOLS,
  checkTool(call, ctx) {
    return hits(toolAccesses(call, ctx.home));
  },
});
