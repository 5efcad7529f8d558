import { display } from '../../shell/analyze.js';
import { defineRule, type Hit } from '../define.js';
import { SECRET_PROGRAMS, accessesOf } from './access.js';

type M = 'copy' | 'archive' | 'encode';

export default defineRule({
  id: 'secrets/credential-copy',
  meta: {
    description:
      'Copying, moving, linking, archiving or encoding a credential store out of its place (cp/mv/ln/install/rsync/scp of ~/.ssh keys, ~/.aws/credentials, ~/.kube …; tar/zip/gzip of them or of the home directory; base64/xxd of them; a reader’s output redirected to a file). Deny: the copy can then be read, committed or uploaded under a harmless name, and no task needs one; copies next to the original (backups in ~/.ssh) pass.',
    action: 'deny',
    packs: ['secrets'],
    messages: {
      copy: 'This copies {{what}} ({{path}}) out of its store; the copy could be read, committed or uploaded under another name. Point the tool at the original instead (`ssh -i`, `AWS_SHARED_CREDENTIALS_FILE`, `KUBECONFIG`, a read-only volume mount), or ask the human to copy it.',
      archive: 'This packs {{what}} ({{path}}) into an archive, a common first step in carrying keys off a machine. Leave credential stores out (`--exclude`, or archive only the directories you mean), or ask the human to do it.',
      encode: 'This encodes {{what}} ({{path}}), a common step before sending a key somewhere. Use the credential where it is; if a service needs it, ask the human to configure that.',
    },
  },
  programs: SECRET_PROGRAMS,
  check(cmd, ctx) {
    const out: Hit<M>[] = [];
    for (const a of accessesOf(cmd, ctx.home)) {
      if (a.target.secret.kind !== 'store' || a.stays === true) continue;
      if (a.op === 'copy' || a.op === 'archive' || a.op === 'encode') {
        out.push({ messageId: a.op, data: { path: display(a.target.word), what: a.target.secret.what } });
      }
    }
    return out;
  },
});
