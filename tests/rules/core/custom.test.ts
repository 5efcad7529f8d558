// Custom rules from the policy (`custom_rules:`), in both forms: program + argument wildcards, and
// a regex over the simple command text. They go through the same analysis as the shipped rules,
// so wrappers, nested shells and substitutions do not hide a match, and plain data does not raise it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAllowed, assertBlocked, decisionFor, nameOf, type Invalid, type Opts, type Valid } from '../../helpers.js';

const PROD = 'custom/no-prod';
const DESTROY = 'custom/no-destroy';
const policy = `
custom_rules:
  - id: no-prod
    program: kubectl
    args: ["--context=prod*"]
    action: deny
    message: "Never touch the production cluster; use --context=staging."
  - id: no-destroy
    regex: "^terraform (destroy|apply .*-auto-approve)"
    action: ask
    message: "Show the human the plan first."
`;
const opts: Opts = { policy };

const valid: Valid[] = [
  { cmd: 'kubectl --context=staging delete pod x', opts },
  { cmd: 'kubectl get pods', opts },
  { cmd: 'echo kubectl --context=prod-eu delete pod x', opts },
  { cmd: 'grep -rn "kubectl --context=prod" .', opts },
  { cmd: 'git commit -m "kubectl --context=prod-eu is off limits"', opts },
  { cmd: 'terraform plan', opts },
  { cmd: 'terraform apply', note: 'interactive apply asks on its own', opts },
  { cmd: 'echo "terraform destroy"', opts },
  { cmd: 'ls # terraform destroy', opts },
  { cmd: 'kubectl --context=prod-eu get pods', note: 'no policy, no custom rule' },
];

const invalid: Invalid[] = [
  { cmd: 'kubectl --context=prod-eu delete pod x', ruleId: PROD, action: 'deny', opts },
  { cmd: 'kubectl delete pod x --context=production', ruleId: PROD, action: 'deny', opts },
  { cmd: '/usr/local/bin/kubectl --context=prod apply -f x.yaml', ruleId: PROD, action: 'deny', opts },
  { cmd: 'sudo -E kubectl --context=prod-us scale deploy/x --replicas=0', ruleId: PROD, action: 'deny', opts },
  { cmd: "bash -c 'kubectl --context=prod-eu delete ns x'", ruleId: PROD, action: 'deny', opts },
  { cmd: 'echo $(kubectl --context=prod-eu get secret x)', ruleId: PROD, action: 'deny', opts },
  { cmd: 'CTX=--context=prod-eu; kubectl $CTX delete pod x', ruleId: PROD, action: 'deny', opts },
  { cmd: 'terraform destroy', ruleId: DESTROY, action: 'ask', opts },
  { cmd: 'terraform apply -input=false -auto-approve', ruleId: DESTROY, action: 'ask', opts },
  { cmd: 'timeout 600 terraform destroy -target=x', ruleId: DESTROY, action: 'ask', opts },
  { cmd: 'cd infra && terraform destroy', ruleId: DESTROY, action: 'ask', opts },
  { cmd: 'sh -c "terraform destroy"', ruleId: DESTROY, action: 'ask', opts },
  {
    cmd: 'terraform destroy',
    note: 'raised to deny by an override',
    ruleId: DESTROY,
    action: 'deny',
    opts: { policy: `${policy}overrides:\n  custom/no-destroy: deny\n` },
  },
  {
    cmd: 'npm publish',
    note: 'from the project policy',
    ruleId: 'custom/no-publish',
    action: 'deny',
    opts: { projectPolicy: 'custom_rules:\n  - id: no-publish\n    program: npm\n    args: [publish]\n    action: deny\n    message: "Releases go through CI."\n' },
  },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action, messageId: 'custom' });
  });
}

void test('the reason is the policy message, with the rule id and the file it came from', () => {
  const d = decisionFor('kubectl --context=prod-eu delete pod x', opts);
  const f = d.findings.find((x) => x.ruleId === PROD);
  assert.ok(f);
  assert.match(f.message, /^Never touch the production cluster; use --context=staging\. \(custom rule no-prod in .*policy\.yaml\)$/);
});

void test('braces in a custom message are text, not placeholders', () => {
  const d = decisionFor('make clean', { policy: 'custom_rules:\n  - id: braces\n    program: make\n    action: ask\n    message: "use {{target}} carefully"\n' });
  assert.equal(d.verdict, 'ask');
  assert.match(d.findings[0]?.message ?? '', /^use \{ ?\{target\}\} carefully/);
});
