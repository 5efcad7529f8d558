// Custom rules from the policy (`custom_rules:`), built into ordinary rules so they go through the
// same pipeline, trace and rendering as the shipped ones.

import type { Action } from '../../types.js';
import { display } from '../../shell/analyze.js';
import { wildcard } from '../args.js';
import { defineRule, type Rule } from '../define.js';

export interface CustomRuleSpec {
  id: string;
  program?: string | undefined;
  args?: string[] | undefined;
  regex?: string | undefined;
  action: Exclude<Action, 'allow'>;
  message: string;
}

export function buildCustomRule(spec: CustomRuleSpec, source: string): Rule {
  const re = spec.regex !== undefined ? new RegExp(spec.regex) : undefined;
  return defineRule({
    id: `custom/${spec.id}`,
    meta: {
      description: `Custom rule from ${source}`,
      action: spec.action,
      packs: ['custom'],
      messages: { custom: `${spec.message.replace(/\{\{/g, '{ {')} (custom rule {{id}} in {{source}})` },
    },
    programs: spec.program !== undefined ? [spec.program] : ['*'],
    check(cmd) {
      if (spec.program !== undefined && cmd.program !== spec.program) return [];
      const args = cmd.argv.slice(1).map(display);
      const argsOk = (spec.args ?? []).every((pat) => args.some((a) => wildcard(pat, a)));
      const reOk = re === undefined || re.test(display(cmd.text));
      return argsOk && reOk ? [{ messageId: 'custom', data: { id: spec.id, source } }] : [];
    },
  });
}
