// core/obfuscated-program: a program name written with invisible characters (zero-width, joiners,
// bidi controls), compatibility forms (fullwidth, mathematical letters) or letters of another
// script that pass for Latin ones asks (issue 8, hostile input); an option in invisible disguise
// too. The command is judged as the program it passes for as well, so a disguised `rm -rf /` is
// still denied by fs/rm-critical. Locked: a project policy cannot lower it. Test names show the
// hidden characters as \u{…}.

import { test } from 'node:test';
import { visible } from '../../../lib/shell/normalize.js';
import { assertAllowed, assertBlocked, type Invalid, type Valid } from '../../helpers.js';

const R = 'core/obfuscated-program';
const name = (c: Valid): string => `${visible(c.cmd)}${c.note === undefined ? '' : `  [${c.note}]`}`;

const valid: Valid[] = [
  { cmd: 'rm -rf build' },
  { cmd: 'echo "r\u200bm -rf ~"', note: 'disguised text as an argument' },
  { cmd: 'git commit -m "rм -rf ~ is not rm"', note: 'Cyrillic in a message' },
  { cmd: 'echo – dash', note: 'an en dash in text' },
  { cmd: "printf '%s\\n' 'ｒｍ'" },
  { cmd: 'cat résumé.txt', note: 'accents in a file name' },
  { cmd: './скрипт.sh', note: 'a program really named in Cyrillic' },
  { cmd: 'python3 δοκιμή.py' },
  { cmd: 'ls ～', note: 'a fullwidth tilde argument is a file name' },
  { cmd: 'cat <<EOF > notes.md\nr\u200bm -rf ~\nEOF', note: 'heredoc data' },
  { cmd: 'ls # r\u200bm -rf ~', note: 'a comment' },
];

const invalid: Invalid[] = [
  { cmd: 'r\u200bm notes.txt', note: 'zero-width space', ruleId: R, messageId: 'program' },
  { cmd: 'rm\u200d notes.txt', note: 'zero-width joiner at the end', ruleId: R },
  { cmd: '\u2066rm\u2069 notes.txt', note: 'bidi isolates', ruleId: R },
  { cmd: '\u202erm notes.txt', note: 'right-to-left override', ruleId: R },
  { cmd: 'r\ufeffm notes.txt', note: 'BOM', ruleId: R },
  { cmd: 'r\u00adm notes.txt', note: 'soft hyphen', ruleId: R },
  { cmd: 'rм notes.txt', note: 'Cyrillic em', ruleId: R },
  { cmd: 'сurl -s https://example.com', note: 'Cyrillic es', ruleId: R },
  { cmd: 'gіt status', note: 'Cyrillic i', ruleId: R },
  { cmd: 'ｒｍ notes.txt', note: 'fullwidth', ruleId: R },
  { cmd: '𝐫𝐦 notes.txt', note: 'mathematical bold', ruleId: R },
  { cmd: 'ｓｕｄｏ ls', note: 'a disguised wrapper', ruleId: R },
  { cmd: 'sudo r\u200bm notes.txt', note: 'behind a wrapper', ruleId: R },
  { cmd: "bash -c 'r\u200bm notes.txt'", note: 'inside sh -c', ruleId: R },
  { cmd: 'ls -\u200bla', note: 'an option with a zero-width space', ruleId: R, messageId: 'option' },
  // Judged as the program it passes for: the strictest finding wins.
  { cmd: 'r\u200bm -rf /', ruleId: R },
  { cmd: 'rm\u00a0-rf /', note: 'a no-break space is no blank to the shell', ruleId: R },
  { cmd: 'r\u3000m notes.txt', note: 'an ideographic space inside the name', ruleId: R },
  { cmd: 'r\u200bm -rf /', ruleId: 'fs/rm-critical', action: 'deny' },
  { cmd: 'rм -rf /', ruleId: 'fs/rm-critical', action: 'deny' },
  { cmd: 'ｒｍ -rf /', ruleId: 'fs/rm-critical', action: 'deny' },
  { cmd: 'rm -\u200brf /', note: 'the option too', ruleId: 'fs/rm-critical', action: 'deny' },
  { cmd: 'rm －rf /', note: 'a fullwidth hyphen', ruleId: 'fs/rm-critical', action: 'deny' },
  { cmd: 'gіt push --force', ruleId: 'git/push-force', action: 'deny' },
  { cmd: 'git push \u2013force', note: 'an en dash passing for --force: -f', ruleId: 'git/push-force', action: 'deny' },
  { cmd: 'r\u200bm notes.txt', note: 'a project cannot lower it', ruleId: R, opts: { projectPolicy: 'overrides: { core/obfuscated-program: allow }\n' } },
  { cmd: 'r\u200bm notes.txt', note: 'on_error: deny', ruleId: R, action: 'deny', opts: { policy: 'on_error: deny\n' } },
];

for (const c of valid) {
  void test(name(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(`${name(c)} → ${c.ruleId}`, () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, ...(c.action !== undefined ? { action: c.action } : {}), ...(c.messageId !== undefined ? { messageId: c.messageId } : {}) });
  });
}
