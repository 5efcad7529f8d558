// infra/cloud-resource-delete: deleting instances, databases, clusters and other resources with
// the aws, gcloud and az CLIs.

import { test } from 'node:test';
import { assertNotRaised, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/cloud-resource-delete';

const valid: Valid[] = [
  { cmd: 'aws ec2 describe-instances' },
  { cmd: 'aws ec2 stop-instances --instance-ids i-123' },
  { cmd: 'aws ec2 terminate-instances --instance-ids i-123 --dry-run' },
  { cmd: 'aws rds create-db-snapshot --db-instance-identifier db1 --db-snapshot-identifier s1' },
  { cmd: 'aws sqs delete-message --queue-url https://sqs.example/q --receipt-handle h' },
  { cmd: 'aws dynamodb delete-item --table-name t --key file://k.json' },
  { cmd: 'aws ec2 delete-tags --resources i-1 --tags Key=x' },
  { cmd: 'aws configure list' },
  { cmd: 'gcloud compute instances list' },
  { cmd: 'gcloud compute instances stop vm1 --zone europe-west1-b' },
  { cmd: 'gcloud config configurations delete old', note: 'local configuration' },
  { cmd: 'gcloud auth revoke' },
  { cmd: 'az vm list -o table' },
  { cmd: 'az vm deallocate -g rg -n vm1' },
  { cmd: 'az config unset defaults.group' },
  { cmd: 'az extension remove -n ml' },
  { cmd: 'echo "aws ec2 terminate-instances --instance-ids i-1"' },
  { cmd: 'git commit -m "gcloud sql instances delete old-db"' },
  { cmd: 'grep -rn "az group delete" docs' },
  { cmd: 'cat <<EOF > teardown.sh\ngcloud projects delete demo\nEOF' },
  { cmd: 'aws ec2 describe-instances # aws ec2 terminate-instances' },
];

const invalid: Invalid[] = [
  { cmd: 'aws ec2 terminate-instances --instance-ids i-123', ruleId: R, messageId: 'delete' },
  { cmd: 'aws --region us-east-1 --profile prod ec2 terminate-instances --instance-ids i-1', ruleId: R, messageId: 'delete' },
  { cmd: 'aws rds delete-db-instance --db-instance-identifier db1 --skip-final-snapshot', ruleId: R, messageId: 'delete' },
  { cmd: 'aws rds delete-db-cluster --db-cluster-identifier c1', ruleId: R, messageId: 'delete' },
  { cmd: 'aws dynamodb delete-table --table-name orders', ruleId: R, messageId: 'delete' },
  { cmd: 'aws cloudformation delete-stack --stack-name prod', ruleId: R, messageId: 'delete' },
  { cmd: 'aws eks delete-cluster --name prod', ruleId: R, messageId: 'delete' },
  { cmd: 'aws lambda delete-function --function-name f', ruleId: R, messageId: 'delete' },
  { cmd: 'aws ec2 delete-volume --volume-id vol-1', ruleId: R, messageId: 'delete' },
  { cmd: 'aws kms schedule-key-deletion --key-id k --pending-window-in-days 7', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud compute instances delete vm1 --zone europe-west1-b', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud --project prod compute instances delete vm1 --quiet', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud sql instances delete prod-db', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud container clusters delete prod --region europe-west1', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud beta run services delete api', ruleId: R, messageId: 'delete' },
  { cmd: 'gcloud projects delete my-project', ruleId: R, messageId: 'container' },
  { cmd: 'az vm delete -g rg -n vm1 --yes', ruleId: R, messageId: 'delete' },
  { cmd: 'az sql db delete -g rg -s srv -n db', ruleId: R, messageId: 'delete' },
  { cmd: 'az aks delete -g rg -n prod', ruleId: R, messageId: 'delete' },
  { cmd: 'az group delete --name rg --yes --no-wait', ruleId: R, messageId: 'container' },
  { cmd: 'sudo aws ec2 terminate-instances --instance-ids i-1', ruleId: R },
  { cmd: 'AWS_PROFILE=prod aws rds delete-db-instance --db-instance-identifier db1', ruleId: R },
  { cmd: 'aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query x --output text)', ruleId: R },
  { cmd: "bash -c 'gcloud sql instances delete prod-db'", ruleId: R },
  { cmd: 'yes | az group delete -n rg', ruleId: R },
  { cmd: 'aws ec2 terminate-instances --instance-ids i-1', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');

// Storage deletions belong to infra/cloud-storage-delete, not here.
for (const cmd of ['aws s3 rb s3://assets', 'aws s3api delete-bucket --bucket b', 'gcloud storage buckets delete gs://b', 'az storage container delete -n c']) {
  void test(`${cmd}  [owned by infra/cloud-storage-delete]`, () => {
    assertNotRaised(cmd, R);
  });
}
