import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'disk/crontab-remove',
  meta: {
    description:
      '`crontab -r` (and installing /dev/null as the crontab): every cron job of the user goes, with no copy kept. Ask: a human may mean it, but a scheduled backup or renewal silently stops.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['disk'],
    messages: {
      remove:
        '`{{segment}}` deletes every cron job of {{user}}, with no copy kept. Save them first (`crontab -l > ./crontab.bak`); to drop one job, filter it out (`crontab -l | grep -v <job> | crontab -`). Ask the human before removing them all.',
    },
  },
  programs: ['crontab'],
  check(cmd) {
    // `-r` means something else to almost every other program (`$PYTHON -m pip install -r …`).
    if (cmd.program !== 'crontab') return [];
    const { options, operands } = splitArgs(cmd.argv.slice(1), new Set(['-u', '-c']));
    const removes = hasFlag(options, 'r') || operands[0] === '/dev/null';
    if (!removes) return [];
    const u = cmd.argv.indexOf('-u');
    const user = u === -1 ? 'the user' : (cmd.argv[u + 1] ?? 'the user');
    return [{ messageId: 'remove' as const, data: { segment: cmd.text, user } }];
  },
});
