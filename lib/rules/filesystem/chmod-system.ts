import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { oneHit } from './hits.js';
import { criticalReason, resolveTarget } from './paths.js';
import { PERMS_PROGRAMS, parsePerms } from './perms.js';

export default defineRule({
  id: 'fs/chmod-system',
  meta: {
    description:
      'chmod/chown/chgrp of `/`, a top-level or system directory or a file directly in one (`/etc/passwd`), recursive or not (`-R` of everything in one too): it strips setuid bits, opens secrets or locks out sudo and ssh, and nothing records the old modes, so deny.',
    action: 'deny',
    packs: ['filesystem'],
    messages: {
      system:
        '`{{segment}}` changes the permissions or ownership of everything under {{what}} ({{path}}); the system cannot be put back the way it was. Change only the files inside the project that need it (for example `chmod +x ./scripts/build.sh`), or ask the human.',
      file: '`{{segment}}` changes the permissions or ownership of {{path}}, a system path that sudo, ssh and other programs check. Leave system files to the human; change only files inside the project.',
    },
  },
  programs: PERMS_PROGRAMS,
  check(cmd, ctx) {
    const call = parsePerms(cmd.program, cmd.argv);
    const hits = [];
    for (const word of call.paths) {
      const t = resolveTarget(word, cmd.cwd);
      // The home directory itself is fs/chmod-home's (and only recursively).
      if (!t || t.path === ctx.home) continue;
      const what = criticalReason(t.path, ctx.home);
      if (what === undefined) continue;
      const data = { segment: cmd.text, what, path: display(word) };
      hits.push(call.recursive || t.glob ? { messageId: 'system' as const, data, paths: [t.path] } : { messageId: 'file' as const, data, paths: [t.path] });
    }
    return oneHit(hits);
  },
});
