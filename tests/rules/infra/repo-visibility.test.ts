// infra/repo-visibility: making a private repository public, which no one can take back.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/repo-visibility';

const valid: Valid[] = [
  { cmd: 'gh repo edit --description "A tool"' },
  { cmd: 'gh repo edit o/r --visibility private' },
  { cmd: 'gh repo edit --visibility=internal' },
  { cmd: 'gh repo view o/r --json visibility' },
  { cmd: 'gh api repos/o/r' },
  { cmd: 'gh api -X PATCH repos/o/r -f description=x' },
  { cmd: 'gh api -X PATCH repos/o/r -F private=true' },
  { cmd: 'echo "gh repo edit --visibility public"' },
  { cmd: 'git commit -m "gh repo edit --visibility public after the audit"' },
  { cmd: 'cat > release.md <<EOF\ngh repo edit --visibility public\nEOF' },
  { cmd: 'gh repo view # gh repo edit --visibility public' },
];

const invalid: Invalid[] = [
  { cmd: 'gh repo edit --visibility public', ruleId: R, messageId: 'public' },
  { cmd: 'gh repo edit o/r --visibility public --accept-visibility-change-consequences', ruleId: R, messageId: 'public' },
  { cmd: 'gh repo edit --visibility=PUBLIC', ruleId: R, messageId: 'public' },
  { cmd: 'gh repo edit -R o/r --visibility public', ruleId: R, messageId: 'public' },
  { cmd: 'gh api -X PATCH repos/o/r -F private=false', ruleId: R, messageId: 'public' },
  { cmd: 'gh api --method PATCH /repos/o/r -f visibility=public', ruleId: R, messageId: 'public' },
  { cmd: 'glab repo edit --visibility public', ruleId: R, messageId: 'public' },
  { cmd: "bash -c 'gh repo edit --visibility public'", ruleId: R },
  { cmd: 'GH_TOKEN=x gh repo edit --visibility public', ruleId: R },
  { cmd: 'gh repo edit --visibility public', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
