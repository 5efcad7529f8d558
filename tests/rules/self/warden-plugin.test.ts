// self/warden-plugin: warden installed as a Claude Code plugin is not the agent's to switch off.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'self/warden-plugin';

const valid: Valid[] = [
  { cmd: 'claude plugin list' },
  { cmd: 'claude plugin disable formatter@tools', note: 'another plugin' },
  { cmd: 'claude plugin uninstall lint-helper@acme' },
  { cmd: 'claude plugin marketplace remove acme' },
  { cmd: 'claude plugin details warden@warden', note: 'reading only' },
  { cmd: 'echo "claude plugin disable warden@warden"', note: 'text' },
  { cmd: 'git commit -m "claude plugin uninstall warden"', note: 'text' },
];

const invalid: Invalid[] = [
  { cmd: 'claude plugin disable warden@warden', ruleId: R, messageId: 'plugin', action: 'deny' },
  { cmd: 'claude plugins uninstall warden@warden', ruleId: R, messageId: 'plugin' },
  { cmd: 'claude plugin remove warden', ruleId: R },
  { cmd: 'claude plugin disable', ruleId: R, note: 'no name: whichever Claude Code picks' },
  { cmd: 'claude plugin disable --all', ruleId: R },
  { cmd: 'claude plugin disable "$P"', ruleId: R, note: 'unknown name' },
  { cmd: 'claude plugin marketplace remove warden', ruleId: R },
  { cmd: 'npx @anthropic-ai/claude-code plugin disable warden@warden', ruleId: R },
  { cmd: "bash -c 'claude plugin uninstall warden@warden --scope user'", ruleId: R },
  { cmd: 'claude plugin disable warden@warden', ruleId: R, action: 'deny', note: 'locked', opts: { projectPolicy: 'overrides: { self/warden-plugin: allow }\n' } },
];

tableTests(valid, invalid);
