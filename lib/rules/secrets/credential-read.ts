import { display } from '../../shell/analyze.js';
import { defineRule, type Hit } from '../define.js';
import { SECRET_PROGRAMS, SECRET_TOOLS, accessesOf, toolAccesses, type Access } from './access.js';

type M = 'read' | 'search' | 'script';

function hits(accesses: Access[]): Hit<M>[] {
  const out: Hit<M>[] = [];
  for (const a of accesses) {
    const { kind, what } = a.target.secret;
    const data = { path: display(a.target.word), what };
    // A store's encoding is a copy (secrets/credential-copy); the env kind is secrets/env-file-read.
    if (kind === 'env') continue;
    if (a.op === 'read' || (a.op === 'encode' && kind === 'keyfile')) out.push({ messageId: 'read', data });
    else if (a.op === 'search') out.push({ messageId: 'search', data });
    else if (a.op === 'script') out.push({ messageId: 'script', data });
  }
  return out;
}

export default defineRule({
  id: 'secrets/credential-read',
  meta: {
    description:
      'Printing a private key or stored credential into the session (cat/less/head/grep/… of ~/.ssh keys, ~/.aws/credentials, gcloud/azure tokens, ~/.kube, .netrc, registry tokens, *.pem/*.key), searching a tree that holds them, naming them in interpreter code, and the Read and Grep tools on them. Ask: what is printed goes to the model provider and the transcript, and a prompt-injected agent reads before it sends.',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['secrets'],
    messages: {
      read: 'This would print {{what}} ({{path}}) into the session, where it reaches the model and the transcript. Use the credential through the tool that needs it without printing it (`ssh -i`, `AWS_PROFILE`, `KUBECONFIG`, `gh auth status`); check a key with `ssh-keygen -l -f <key>` or a file’s presence with `ls -l`. If the human wants it shown, they can approve.',
      search: 'This searches {{path}}, which holds {{what}}: matching lines from credential files would be printed into the session. Search the project or the specific directory you mean instead.',
      script: 'This interpreter code opens {{what}} ({{path}}). Use the SDK’s own credential loading (it reads them without printing), or ask the human to approve.',
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
