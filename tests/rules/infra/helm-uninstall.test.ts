// infra/helm-uninstall: `helm uninstall` and its aliases remove a release and what it created.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/helm-uninstall';

const valid: Valid[] = [
  { cmd: 'helm list -A' },
  { cmd: 'helm status web' },
  { cmd: 'helm upgrade --install web ./chart' },
  { cmd: 'helm rollback web 3' },
  { cmd: 'helm uninstall web --dry-run' },
  { cmd: 'helm -n delete list', note: 'a namespace called delete' },
  { cmd: 'echo "helm uninstall web"' },
  { cmd: 'git commit -m "helm uninstall web before the upgrade"' },
  { cmd: 'cat > notes.md <<EOF\nhelm delete web\nEOF' },
  { cmd: 'helm list # helm uninstall web' },
];

const invalid: Invalid[] = [
  { cmd: 'helm uninstall web', ruleId: R, messageId: 'uninstall' },
  { cmd: 'helm delete web', ruleId: R },
  { cmd: 'helm del web', ruleId: R },
  { cmd: 'helm un web', ruleId: R },
  { cmd: 'helm uninstall web api --keep-history', ruleId: R },
  { cmd: 'helm --kube-context prod -n web uninstall web', ruleId: R },
  { cmd: 'helm uninstall web --wait --timeout 5m', ruleId: R },
  { cmd: 'sudo helm uninstall web', ruleId: R },
  { cmd: "sh -c 'helm uninstall web'", ruleId: R },
  { cmd: 'helm list && helm uninstall web', ruleId: R },
  { cmd: "'helm' \"uninstall\" web", ruleId: R },
  { cmd: 'helm uninstall web', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
