import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { codeOf, rawDiskWrites } from './detect.js';

export default defineRule({
  id: 'interp/raw-disk-write',
  meta: {
    description: 'An interpreter one-liner opens a whole disk or partition (/dev/sd*, /dev/nvme*, /dev/disk*, …) for writing: that overwrites the file system under it',
    action: 'deny',
    packs: ['interpreter'],
    messages: {
      device: '`{{api}}` in this {{lang}} one-liner writes to the raw device {{device}}, which destroys the file system on it. Never write to disks from a task; write to a regular file, and ask the human to do any disk work.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const c = codeOf(cmd, ctx.home);
    if (c === undefined) return [];
    return rawDiskWrites(c).map((w) => ({ messageId: 'device' as const, data: { api: w.api, lang: c.p.lang, device: display(w.device) } }));
  },
});
