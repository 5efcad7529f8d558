import { defineRule } from '../define.js';

/** cryptsetup actions that make the encrypted data unreadable for good (action names are case-sensitive). */
const DESTROY = new Set(['luksFormat', 'erase', 'luksErase', 'luksKillSlot', 'luksRemoveKey']);

export default defineRule({
  id: 'disk/cryptsetup-destroy',
  meta: {
    description:
      '`cryptsetup luksFormat`, `erase`/`luksErase`, `luksKillSlot` and `luksRemoveKey`: a new header or a lost key slot leaves the encrypted data unreadable forever, so deny.',
    action: 'deny',
    packs: ['disk'],
    messages: {
      destroy:
        '`{{segment}}` ({{action}}) can leave the data on an encrypted device unreadable forever. Inspect with `cryptsetup luksDump <device>`; formatting or removing keys is for the human to do, after a header backup (`cryptsetup luksHeaderBackup`).',
    },
  },
  programs: ['cryptsetup'],
  check(cmd) {
    // The action is the first word that names one; option values (`--type luks2`) never do.
    const action = cmd.argv.slice(1).find((a) => DESTROY.has(a));
    return action === undefined ? [] : [{ messageId: 'destroy' as const, data: { segment: cmd.text, action } }];
  },
});
