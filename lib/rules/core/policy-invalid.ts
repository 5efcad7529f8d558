import { defineRule } from '../define.js';

// Raised by the pipeline when a policy file is invalid. Protection stays on: the shipped defaults
// and every valid layer still apply, and guarded calls need a human (DESIGN.md, "Policy").
export default defineRule({
  id: 'core/policy-invalid',
  meta: {
    description: 'A warden policy file is invalid; guarded calls need a human until it is fixed',
    action: 'ask',
    packs: ['core'],
    locked: true,
    messages: {
      invalid: 'The warden policy is invalid, so warden is running on its built-in defaults and holds every guarded call for a human: {{errors}}. Ask the human to fix the file (`warden doctor` shows the problem).',
    },
  },
  programs: [],
});
