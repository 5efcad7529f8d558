import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { SECRET_PROGRAMS, accessesOf } from './access.js';

export default defineRule({
  id: 'secrets/send',
  meta: {
    description:
      'Sending a secret file off the machine: curl `-d @file`/`-F f=@file`/`-T file`, wget `--post-file`, httpie `@file`, scp/rsync to a host, cloud and gist uploads, `nc`/`ssh`/mail with the file on stdin, redirects to /dev/tcp — for private keys, credential stores and .env files. Deny: there is no safe version of this for an agent to run.',
    action: 'deny',
    packs: ['secrets'],
    messages: {
      send: 'This sends {{what}} ({{path}}) to {{dest}}. Secrets must not leave this machine through the agent: a service that needs a credential gets it from the human, configured by them. If you are deploying configuration to a server you administer, ask the human to copy the file.',
    },
  },
  programs: SECRET_PROGRAMS,
  check(cmd, ctx) {
    return accessesOf(cmd, ctx.home)
      .filter((a) => a.op === 'send')
      .map((a) => ({ messageId: 'send' as const, data: { path: display(a.target.word), what: a.target.secret.what, dest: a.dest ?? 'a remote host' } }));
  },
});
