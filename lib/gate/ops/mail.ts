// Mail senders: sendmail (and msmtp, ssmtp), mail/mailx/s-nail, mutt/neomutt, swaks. Each recipient
// is a send to `email:<registrable domain of the address>`; a recipient without a domain is local
// delivery. `sendmail -t` takes the recipients from the message headers: read from a literal stdin
// (heredoc, here-string, `printf … |`) when there is one, else UNRESOLVED. Reading mail
// (`mail` with no recipient, `mutt -f box`) is not an operation.

import { emailOp } from './http.js';
import { has, readArgs, set, values } from './options.js';
import { unresolvedOp, type Classifier, type CommandContext, type Operation } from './types.js';

const split = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Recipients in `To:`, `Cc:`, `Bcc:` header lines of a message. */
function headerRecipients(text: string): string[] {
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  return [...head.matchAll(/^(?:to|cc|bcc):(.*)$/gim)].flatMap((m) => split(m[1] ?? ''));
}

function recipientsToOps(rcpts: readonly string[], what: string): Operation[] {
  return rcpts.length > 0 ? rcpts.map(emailOp) : [unresolvedOp('send', what)];
}

const SENDMAIL_VALUE = set('-b', '-f', '-F', '-r', '-o', '-O', '-N', '-R', '-V', '-X', '-B', '-C', '-L', '-h', '-p', '-a', '--from', '--host', '--port', '--account', '--auth', '--user', '--passwordeval', '--logfile', '--file', '-S');

export const sendmail: Classifier = (argv, ctx: CommandContext) => {
  const r = readArgs(argv.slice(1), { value: SENDMAIL_VALUE });
  // -bv verifies addresses, -bp lists the queue, -bt tests rules: nothing is sent (-bm, -bs send).
  if (has(r, '--version', '--help') || r.opts.some((o) => o.flag === '-b' && o.value !== undefined && o.value !== 'm' && o.value !== 's')) return [];
  const rcpts = [...r.operands];
  if (has(r, '-t', '--read-recipients')) {
    if (ctx.stdinText === undefined) return [unresolvedOp('send', `${argv[0] ?? 'sendmail'} -t (recipients in the message)`)];
    rcpts.push(...headerRecipients(ctx.stdinText));
  }
  return recipientsToOps(rcpts, argv[0] ?? 'sendmail');
};

const MAILX_VALUE = set('-s', '-c', '-b', '-r', '-a', '-A', '-S', '-q', '-u', '-f', '-T', '-M', '-O', '-X', '-Y', '-L', '-C');

export const mailx: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: MAILX_VALUE });
  if (has(r, '-f', '-e', '-H', '-L') && r.operands.length === 0) return []; // reading a mailbox
  const rcpts = [...r.operands, ...values(r, '-c', '-b').flatMap(split)];
  if (rcpts.length === 0) return [];
  return recipientsToOps(rcpts, argv[0] ?? 'mail');
};

const MUTT_VALUE = set('-s', '-c', '-b', '-a', '-F', '-i', '-H', '-e', '-f', '-m', '-Q', '-D', '-d');

export const mutt: Classifier = (argv) => {
  // `-a file… --` takes several attachments: cut them out before reading the rest.
  const args = argv.slice(1);
  const a = args.indexOf('-a');
  const dd = args.indexOf('--');
  const cleaned = a !== -1 && dd > a ? [...args.slice(0, a), ...args.slice(dd + 1)] : args;
  const r = readArgs(cleaned, { value: MUTT_VALUE });
  const rcpts = [...r.operands, ...values(r, '-c', '-b').flatMap(split)];
  if (rcpts.length === 0 && !has(r, '-H')) return []; // interactive, or reading a mailbox
  return recipientsToOps(rcpts, argv[0] ?? 'mutt');
};

const SWAKS_VALUE = set('-t', '--to', '-f', '--from', '-s', '--server', '-p', '--port', '--h-From', '--h-To', '--header', '--body', '--data', '-d', '--attach', '--ehlo', '--helo', '--auth-user', '--auth-password', '-au', '-ap', '--protocol', '--timeout');

export const swaks: Classifier = (argv) => {
  const r = readArgs(argv.slice(1), { value: SWAKS_VALUE });
  if (has(r, '--help', '--version')) return [];
  return recipientsToOps(values(r, '-t', '--to').flatMap(split), 'swaks');
};
