// infra/iac-destroy: tearing down what an infrastructure-as-code tool manages, and applying changes
// nobody has seen (terraform/tofu/terragrunt, pulumi, cdk/cdktf, sst, serverless).

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/iac-destroy';

const valid: Valid[] = [
  { cmd: 'terraform plan' },
  { cmd: 'terraform plan -destroy -out destroy.tfplan' },
  { cmd: 'terraform apply' },
  { cmd: 'terraform apply -auto-approve=false' },
  { cmd: 'terraform apply tfplan', note: 'a saved, reviewed plan' },
  { cmd: 'terraform -chdir=infra init' },
  { cmd: 'terraform state list' },
  { cmd: 'tofu plan' },
  { cmd: 'terragrunt run-all plan' },
  { cmd: 'pulumi preview' },
  { cmd: 'pulumi up' },
  { cmd: 'pulumi destroy --preview-only' },
  { cmd: 'pulumi stack ls' },
  { cmd: 'cdk diff' },
  { cmd: 'npx cdk deploy' },
  { cmd: 'npx aws-cdk synth' },
  { cmd: 'sls deploy' },
  { cmd: 'echo "run terraform destroy to clean up"' },
  { cmd: 'git commit -m "terraform apply -auto-approve in CI"' },
  { cmd: 'grep -rn "destroy" infra/' },
  { cmd: 'cat <<\'EOF\' > Makefile\ndestroy:\n\tterraform destroy -auto-approve\nEOF' },
  { cmd: 'terraform fmt # terraform destroy later' },
];

const invalid: Invalid[] = [
  { cmd: 'terraform destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'terraform destroy -auto-approve', ruleId: R, messageId: 'destroy' },
  { cmd: 'terraform destroy -target=aws_instance.web', ruleId: R, messageId: 'destroy' },
  { cmd: 'terraform apply -destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'terraform -chdir=infra apply --destroy -auto-approve', ruleId: R, messageId: 'destroy' },
  { cmd: 'terraform apply -auto-approve', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'terraform apply -var env=prod -auto-approve', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'terraform apply --auto-approve=true', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'tofu destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'tofu apply -auto-approve', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'terragrunt destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'terragrunt run-all destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'terragrunt run --all -- destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'pulumi destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'pulumi down -y -s prod', ruleId: R, messageId: 'destroy' },
  { cmd: 'pulumi stack rm prod --force', ruleId: R, messageId: 'destroy' },
  { cmd: 'pulumi up --yes', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'pulumi up -y', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'pulumi up --skip-preview', ruleId: R, messageId: 'autoApprove' },
  { cmd: 'cdk destroy --force', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx cdk destroy MyStack', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx aws-cdk@2 destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx -y -p aws-cdk cdk destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'pnpm dlx cdktf-cli destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'cdktf destroy', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx sst remove --stage prod', ruleId: R, messageId: 'destroy' },
  { cmd: 'serverless remove --stage prod', ruleId: R, messageId: 'destroy' },
  { cmd: 'sls remove', ruleId: R, messageId: 'destroy' },
  { cmd: '/usr/local/bin/terraform destroy', ruleId: R },
  { cmd: 'sudo terraform destroy', ruleId: R },
  { cmd: 'env TF_LOG=debug terraform destroy', ruleId: R },
  { cmd: 'cd infra && terraform destroy', ruleId: R },
  { cmd: 'echo yes | terraform destroy', ruleId: R },
  { cmd: "bash -lc 'terraform apply -auto-approve'", ruleId: R },
  { cmd: 'eval "terraform destroy"', ruleId: R },
  { cmd: 'terraform "destroy"', ruleId: R },
  { cmd: 'terraform destroy', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
