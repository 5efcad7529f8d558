// infra/repo-delete: deleting a hosted repository (gh, glab, hub, or the GitHub API).

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/repo-delete';

const valid: Valid[] = [
  { cmd: 'gh repo view o/r' },
  { cmd: 'gh repo archive o/r --yes' },
  { cmd: 'gh repo create o/new --private' },
  { cmd: 'gh api repos/o/r' },
  { cmd: 'gh api -X DELETE repos/o/r/branches/old/protection', note: 'a sub-resource, not the repository' },
  { cmd: 'gh api -X DELETE repos/o/r/issues/comments/1' },
  { cmd: 'glab repo view' },
  { cmd: 'echo "gh repo delete o/r --yes"' },
  { cmd: 'git commit -m "gh repo delete the old fork"' },
  { cmd: 'grep -rn "gh repo delete" docs' },
  { cmd: 'cat > cleanup.sh <<EOF\ngh repo delete o/r --yes\nEOF' },
  { cmd: 'gh repo list # gh repo delete o/r' },
];

const invalid: Invalid[] = [
  { cmd: 'gh repo delete o/r', ruleId: R, messageId: 'delete' },
  { cmd: 'gh repo delete o/r --yes', ruleId: R, messageId: 'delete' },
  { cmd: 'gh repo delete --yes', note: 'the current repository', ruleId: R, messageId: 'delete' },
  { cmd: 'gh api -X DELETE repos/o/r', ruleId: R, messageId: 'delete' },
  { cmd: 'gh api --method DELETE /repos/o/r', ruleId: R, messageId: 'delete' },
  { cmd: 'gh api --method=delete repos/o/r/', ruleId: R, messageId: 'delete' },
  { cmd: 'gh api -XDELETE repos/o/r', ruleId: R, messageId: 'delete' },
  { cmd: 'glab repo delete group/r', ruleId: R, messageId: 'delete' },
  { cmd: 'hub delete o/r', ruleId: R, messageId: 'delete' },
  { cmd: 'GH_TOKEN=x gh repo delete o/r --yes', ruleId: R },
  { cmd: "bash -c 'gh repo delete o/r --yes'", ruleId: R },
  { cmd: 'gh repo list --json name -q ".[].name" | xargs -I{} gh repo delete o/{} --yes', ruleId: R },
  { cmd: 'gh repo delete o/r', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
