import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { resolveTarget } from './paths.js';
import { PERMS_PROGRAMS, parsePerms } from './perms.js';

export default defineRule({
  id: 'fs/chmod-home',
  meta: {
    description:
      'Recursive chmod/chown/chgrp of the home directory (or everything in it): it can open ~/.ssh and other secrets to every user, or lock you out of them. Ask: a human may mean it (`chown -R me ~` after a sudo mishap).',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['filesystem'],
    messages: {
      home: '`{{segment}}` changes the permissions or ownership of everything in your home directory ({{path}}), ~/.ssh and other secrets included (ssh refuses keys others can read). Change only the files inside the project that need it, or ask the human.',
    },
  },
  programs: PERMS_PROGRAMS,
  check(cmd, ctx) {
    const call = parsePerms(cmd.program, cmd.argv);
    if (!call.recursive) return [];
    const hits = [];
    for (const word of call.paths) {
      const t = resolveTarget(word, cmd.cwd);
      if (t?.path !== ctx.home) continue;
      hits.push({ messageId: 'home' as const, data: { segment: cmd.text, path: display(word) }, paths: [t.path] });
    }
    return oneHit(hits);
  },
});
