// infra/cloud-storage-delete: removing buckets, or everything under a prefix, in S3, GCS and Azure
// storage (and through s3cmd and rclone).

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/cloud-storage-delete';

const valid: Valid[] = [
  { cmd: 'aws s3 ls s3://assets' },
  { cmd: 'aws s3 cp dist/app.js s3://assets/app.js' },
  { cmd: 'aws s3 rm s3://assets/old/app.js' },
  { cmd: 'aws s3 rm s3://assets/old/ --recursive --dryrun' },
  { cmd: 'aws s3 mv s3://a/x s3://b/x' },
  { cmd: 'aws s3 mb s3://new-bucket' },
  { cmd: 'aws s3 sync dist/ s3://site/' },
  { cmd: 'aws s3 sync ./empty s3://site --delete --dryrun' },
  { cmd: 'gsutil -m rsync -r dist gs://site' },
  { cmd: 'aws s3api list-objects-v2 --bucket assets' },
  { cmd: 'aws s3api delete-object --bucket assets --key a.txt' },
  { cmd: 'gsutil ls gs://assets' },
  { cmd: 'gsutil rm gs://assets/old/app.js' },
  { cmd: 'gcloud storage ls gs://assets' },
  { cmd: 'gcloud storage rm gs://assets/app.js' },
  { cmd: 'az storage blob delete --container-name c --name a.txt' },
  { cmd: 'az storage blob list --container-name c' },
  { cmd: 'rclone ls remote:assets' },
  { cmd: 'rclone purge remote:tmp --dry-run' },
  { cmd: 's3cmd del s3://assets/a.txt' },
  { cmd: 'echo "aws s3 rb s3://assets --force"' },
  { cmd: 'git commit -m "aws s3 rm --recursive is scary"' },
  { cmd: 'grep -n "gsutil rm -r" scripts/*.sh' },
  { cmd: 'cat > cleanup.sh <<EOF\naws s3 rb s3://assets --force\nEOF' },
  { cmd: 'aws s3 ls # aws s3 rb s3://assets' },
];

const invalid: Invalid[] = [
  { cmd: 'aws s3 rb s3://assets', ruleId: R, messageId: 'bucket' },
  { cmd: 'aws s3 rb s3://assets --force', ruleId: R, messageId: 'bucket' },
  { cmd: 'aws --profile prod --region eu-west-1 s3 rb s3://assets --force', ruleId: R, messageId: 'bucket' },
  { cmd: 'aws s3 rm s3://assets --recursive', ruleId: R, messageId: 'recursive' },
  { cmd: 'aws s3 rm --recursive s3://assets/uploads/', ruleId: R, messageId: 'recursive' },
  { cmd: 'aws s3 rm s3://assets/ --recursive --exclude "*.keep"', ruleId: R, messageId: 'recursive' },
  { cmd: 'aws s3 sync ./empty s3://acme-assets --delete', ruleId: R, messageId: 'sync' },
  { cmd: 'aws s3 sync dist/ s3://site/ --delete', ruleId: R, messageId: 'sync' },
  { cmd: 'gsutil -m rsync -d -r dist gs://site', ruleId: R, messageId: 'sync' },
  { cmd: 'gcloud storage rsync dist gs://site --recursive --delete-unmatched-destination-objects', ruleId: R, messageId: 'sync' },
  { cmd: 'aws s3api delete-bucket --bucket assets', ruleId: R, messageId: 'bucket' },
  { cmd: 'aws s3api delete-objects --bucket assets --delete file://keys.json', ruleId: R, messageId: 'recursive' },
  { cmd: 'gsutil rb gs://assets', ruleId: R, messageId: 'bucket' },
  { cmd: 'gsutil rm -r gs://assets', ruleId: R, messageId: 'recursive' },
  { cmd: 'gsutil -m rm -r gs://assets/uploads', ruleId: R, messageId: 'recursive' },
  { cmd: 'gsutil rm gs://assets/**', ruleId: R, messageId: 'recursive' },
  { cmd: 'gsutil rm -a gs://assets/x', ruleId: R, messageId: 'recursive' },
  { cmd: 'gcloud storage rm --recursive gs://assets', ruleId: R, messageId: 'recursive' },
  { cmd: 'gcloud storage rm -r gs://assets/uploads', ruleId: R, messageId: 'recursive' },
  { cmd: 'gcloud storage rm "gs://assets/**"', ruleId: R, messageId: 'recursive' },
  { cmd: 'gcloud storage buckets delete gs://assets', ruleId: R, messageId: 'bucket' },
  { cmd: 'gcloud --project prod storage buckets delete gs://assets', ruleId: R, messageId: 'bucket' },
  { cmd: 'az storage container delete --name uploads', ruleId: R, messageId: 'bucket' },
  { cmd: 'az storage account delete -n acct -g rg', ruleId: R, messageId: 'bucket' },
  { cmd: 'az storage blob delete-batch --source uploads', ruleId: R, messageId: 'recursive' },
  { cmd: 's3cmd rb s3://assets', ruleId: R, messageId: 'bucket' },
  { cmd: 's3cmd del --recursive s3://assets', ruleId: R, messageId: 'recursive' },
  { cmd: 'rclone purge remote:assets', ruleId: R, messageId: 'recursive' },
  { cmd: 'rclone delete remote:assets/uploads', ruleId: R, messageId: 'recursive' },
  { cmd: 'aws s3 rm s3://$BUCKET --recursive', ruleId: R },
  { cmd: 'sudo aws s3 rb s3://assets --force', ruleId: R },
  { cmd: 'AWS_PROFILE=prod aws s3 rb s3://assets', ruleId: R },
  { cmd: "sh -c 'gsutil rm -r gs://assets'", ruleId: R },
  { cmd: 'for b in a b; do aws s3 rb s3://$b --force; done', ruleId: R },
  { cmd: 'aws s3 rb s3://assets', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
