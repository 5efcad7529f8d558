import { defineRule } from '../define.js';

// Raised by the pipeline when the shell analysis hit a bound (depth, size, count, unterminated
// nesting): what was not analysed could hide anything, so it is never a silent allow.
export default defineRule({
  id: 'core/analysis-bound',
  meta: {
    description: 'A command too large, too deeply nested or too malformed to analyse completely',
    action: 'ask',
    presets: { paranoid: 'deny' },
    packs: ['core'],
    locked: true,
    messages: {
      bound: 'warden could not fully analyse this command ({{what}}), so it cannot tell what it would run. Split it into smaller, plainer commands, or write the script to a file and show it to the human.',
    },
  },
  programs: [],
});
