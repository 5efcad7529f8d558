// infra/kubectl-delete: deleting namespaces (and what else takes much with it) or every resource of
// a type, with kubectl, oc, kubecolor, microk8s kubectl, k3s kubectl.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/kubectl-delete';

const valid: Valid[] = [
  { cmd: 'kubectl delete pod web-7d9f' },
  { cmd: 'kubectl delete deployment/web -n staging' },
  { cmd: 'kubectl delete -f k8s/job.yaml' },
  { cmd: 'kubectl delete pods -l app=web' },
  { cmd: 'kubectl get ns' },
  { cmd: 'kubectl describe namespace staging' },
  { cmd: 'kubectl create namespace staging' },
  { cmd: 'kubectl delete namespace staging --dry-run=client -o name' },
  { cmd: 'kubectl delete pods --all --dry-run=server' },
  { cmd: 'kubectl -n delete get pods', note: 'a namespace called delete' },
  { cmd: 'microk8s status' },
  { cmd: 'echo kubectl delete ns prod' },
  { cmd: 'printf "%s\\n" "kubectl delete namespace prod"' },
  { cmd: 'grep -rn "kubectl delete ns" docs/' },
  { cmd: 'git commit -m "kubectl delete --all pods was a bad idea"' },
  { cmd: 'cat <<EOF > cleanup.md\nkubectl delete namespace prod\nEOF' },
  { cmd: 'kubectl get pods # kubectl delete ns prod' },
];

const invalid: Invalid[] = [
  { cmd: 'kubectl delete namespace staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete ns staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete namespaces a b', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete ns/staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete deploy,ns staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl --context prod -n default delete ns staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete ns staging --wait=false --grace-period 0', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete pvc data-postgres-0', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete persistentvolume pv-1', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete crd certificates.cert-manager.io', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete node worker-2', ruleId: R, messageId: 'heavy' },
  { cmd: 'oc delete project staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'microk8s kubectl delete ns staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'k3s kubectl delete ns staging', ruleId: R, messageId: 'heavy' },
  { cmd: 'kubectl delete pods --all', ruleId: R, messageId: 'all' },
  { cmd: 'kubectl delete all --all -n staging', ruleId: R, messageId: 'all' },
  { cmd: 'kubectl delete deployments -A', ruleId: R, messageId: 'all' },
  { cmd: 'kubectl delete pods --all-namespaces --field-selector status.phase=Failed', ruleId: R, messageId: 'all' },
  { cmd: 'kubectl delete ns staging --dry-run=none', ruleId: R },
  { cmd: '/usr/local/bin/kubectl delete ns staging', ruleId: R },
  { cmd: 'sudo -E kubectl delete ns staging', ruleId: R },
  { cmd: 'env KUBECONFIG=/tmp/kc kubectl delete ns staging', ruleId: R },
  { cmd: 'timeout 60 kubectl delete ns staging', ruleId: R },
  { cmd: '"kubectl" delete \'namespace\' staging', ruleId: R },
  { cmd: "bash -c 'kubectl delete ns staging'", ruleId: R },
  { cmd: 'echo $(kubectl delete ns staging)', ruleId: R },
  { cmd: 'kubectl get ns\nkubectl delete ns staging', ruleId: R },
  { cmd: 'kubectl config use-context prod && kubectl delete ns staging', ruleId: R },
  { cmd: 'kubectl delete ns staging', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
