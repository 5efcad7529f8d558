import { display, type SimpleCommand } from '../../shell/analyze.js';
import { visible } from '../../shell/normalize.js';
import { defineRule } from '../define.js';

/** What hid the word, for the message. */
function how(d: NonNullable<SimpleCommand['disguised']>[number]): string {
  return d.invisible ? 'invisible characters (zero-width or text-direction controls)' : 'look-alike or compatibility characters';
}

// Hostile input (issue 8): a program name spelled so that a person reads one program and a naive
// check another — `r\u200bm`, fullwidth `ｒｍ`, Cyrillic `rм`. The analysis already judges the
// command as the program it passes for (lib/shell/normalize.ts), so `r\u200bm -rf ~` is denied by
// fs/rm-critical; this rule holds the rest, since no honest command needs such a name. An option in
// disguise counts when the disguise is invisible (`rm -\u200brf`); a visible look-alike dash in an
// argument is too common in pasted text to hold on its own, and is only read as the option it is.
// Locked: a project cannot lower it.
export default defineRule({
  id: 'core/obfuscated-program',
  meta: {
    description:
      'A program name (or an option) written with invisible, look-alike or compatibility characters: `r\\u200bm`, `ｒｍ`, Cyrillic `rм`, bidi controls. The command is also judged as the program it passes for',
    action: 'ask',
    packs: ['core'],
    locked: true,
    messages: {
      program:
        '`{{segment}}` names the program `{{word}}`, written with {{how}} so that it reads as `{{as}}`. warden judged it as `{{as}}`; no honest command needs such a name. Retype the command in plain ASCII, or ask the human.',
      option: '`{{segment}}` passes the option `{{word}}`, written with {{how}} so that it reads as `{{as}}`. Retype the command in plain ASCII, or ask the human.',
    },
  },
  programs: ['*'],
  check(cmd) {
    const d = cmd.disguised?.find((x) => x.program) ?? cmd.disguised?.find((x) => x.invisible);
    if (d === undefined) return [];
    return [{ messageId: d.program ? 'program' : 'option', data: { segment: visible(display(cmd.text)), word: visible(display(d.word)), as: display(d.as), how: how(d) } }];
  },
});
