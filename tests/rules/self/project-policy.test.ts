// self/project-policy: a project's .claude/warden.yaml may loosen the guard only where the user's
// policy trusts the project — the agent writing it there is denied; elsewhere the human decides.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';
import { type ToolRow, toolTableTests } from './helpers.js';

const R = 'self/project-policy';
const TRUSTED = { policy: 'trusted_projects: [~/proj]\n' };

const valid: Valid[] = [
  { cmd: 'cat .claude/warden.yaml' },
  { cmd: 'cp .claude/warden.yaml /tmp/w.yaml' },
  { cmd: 'echo x > warden.yaml', note: 'not in a .claude folder' },
  { cmd: 'echo x > .claude/warden.yml.example' },
  { cmd: 'git diff .claude/warden.yaml' },
  { cmd: 'git commit -m "tighten .claude/warden.yaml"' },
];

const invalid: Invalid[] = [
  { cmd: "echo 'packs: { git: false }' > .claude/warden.yaml", ruleId: R, messageId: 'untrusted', action: 'ask' },
  { cmd: "echo 'packs: { git: false }' > .claude/warden.yaml", ruleId: R, messageId: 'trusted', action: 'deny', opts: TRUSTED, note: 'a trusted project' },
  { cmd: "sed -i '/deny/d' .claude/warden.yaml", ruleId: R, action: 'ask' },
  { cmd: 'rm .claude/warden.yaml', ruleId: R, action: 'ask', note: 'deleting what the human tightened' },
  { cmd: 'mv .claude/warden.yaml /tmp/', ruleId: R, action: 'deny', opts: TRUSTED },
  { cmd: 'cp /tmp/loose.yaml ~/proj/.claude/warden.yaml', ruleId: R, action: 'deny', opts: TRUSTED },
  { cmd: 'echo x >> ../other/.claude/warden.yaml', ruleId: R, action: 'ask', note: 'another project' },
  { cmd: `python3 -c "open('.claude/warden.yaml', 'w').write('packs: {}')"`, ruleId: R, action: 'deny', opts: TRUSTED },
  { cmd: "echo x > .claude/warden.yaml", ruleId: R, action: 'ask', note: 'a project cannot lower it', opts: { projectPolicy: 'overrides: { self/project-policy: allow }\n' } },
  { cmd: "echo x > .claude/warden.yaml", ruleId: R, action: 'deny', note: 'nor can a trusted project', opts: { ...TRUSTED, projectPolicy: 'overrides: { self/project-policy: allow }\nallow:\n  commands: [{ pattern: "*" }]\n' } },
];

const validTools: ToolRow[] = [
  { tool: 'Read', input: { file_path: '/home/agent/proj/.claude/warden.yaml' } },
  { tool: 'Write', input: { file_path: '/home/agent/proj/docs/warden.yaml', content: 'x' } },
];

const invalidTools: (ToolRow & { messageId: string; action: 'ask' | 'deny' })[] = [
  { tool: 'Write', input: { file_path: '/home/agent/proj/.claude/warden.yaml', content: 'packs: {}\n' }, messageId: 'untrusted', action: 'ask' },
  { tool: 'Edit', input: { file_path: '/home/agent/proj/.claude/warden.yaml', old_string: 'deny', new_string: 'allow' }, messageId: 'trusted', action: 'deny', opts: TRUSTED },
  { tool: 'Write', input: { file_path: '/home/agent/other/.claude/warden.yaml', content: '' }, messageId: 'untrusted', action: 'ask', opts: TRUSTED, note: 'an untrusted project next to a trusted one' },
];

tableTests(valid, invalid);
toolTableTests(validTools, invalidTools, R, { action: 'deny' });
