import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { parseGit } from './parse.js';

export default defineRule({
  id: 'git/shell-alias',
  meta: {
    description:
      'Running a git alias defined on the command line as a shell command (`git -c alias.x="!rm -rf ~" x`) or with a value warden cannot know: what it runs is not analysed, so ask.',
    action: 'ask',
    presets: { strict: 'deny', paranoid: 'deny' },
    packs: ['git'],
    messages: {
      alias: '`{{segment}}` runs the alias {{name}} = `{{value}}`, a command warden does not look inside. Run that command directly instead, so it can be checked.',
    },
  },
  programs: ['git'],
  check(cmd) {
    const a = parseGit(cmd.argv, cmd.assignments)?.shellAlias;
    return a === undefined ? [] : [{ messageId: 'alias' as const, data: { segment: cmd.text, name: a.name, value: display(a.value) } }];
  },
});
