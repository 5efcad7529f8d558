// infra/package-unpublish: taking published versions back from a registry or a release page.
// `npm deprecate` passes: deprecating again with an empty message undoes it.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/package-unpublish';

const valid: Valid[] = [
  { cmd: 'npm publish' },
  { cmd: 'npm view pkg versions' },
  { cmd: 'npm unpublish pkg@1.0.0 --dry-run' },
  { cmd: 'npm deprecate pkg@1.0.0 ""', note: 'an empty message takes a deprecation back' },
  { cmd: 'npm deprecate my-pkg@1.x "use v2"', note: 'reversible' },
  { cmd: 'gh release view v1.0.0' },
  { cmd: 'gh release create v1.0.1 dist/*.tgz' },
  { cmd: 'gh release edit v1.0.0 --prerelease' },
  { cmd: 'npm install' },
  { cmd: 'pnpm install' },
  { cmd: 'yarn npm publish' },
  { cmd: 'cargo yank --version 1.0.0 --undo' },
  { cmd: 'cargo build' },
  { cmd: 'gem build x.gemspec' },
  { cmd: 'echo "npm unpublish pkg --force"' },
  { cmd: 'git commit -m "never npm unpublish again"' },
  { cmd: 'grep -rn unpublish docs' },
  { cmd: 'cat > RELEASING.md <<EOF\nnpm unpublish pkg@1.0.0\nEOF' },
  { cmd: 'npm whoami # npm unpublish' },
];

const invalid: Invalid[] = [
  { cmd: 'npm unpublish pkg@1.0.0', ruleId: R, messageId: 'unpublish' },
  { cmd: 'npm unpublish pkg --force', ruleId: R, messageId: 'unpublish' },
  { cmd: 'npm unpublish', note: 'the package in this directory', ruleId: R, messageId: 'unpublish' },
  { cmd: 'npm --registry https://npm.example unpublish pkg@1.0.0', ruleId: R, messageId: 'unpublish' },
  { cmd: 'npm unpublish @scope/pkg@1.0.0 --otp 123456', ruleId: R, messageId: 'unpublish' },
  { cmd: 'pnpm unpublish pkg@1.0.0', ruleId: R, messageId: 'unpublish' },
  { cmd: 'yarn npm unpublish --all', ruleId: R, messageId: 'unpublish' },
  { cmd: 'gh release delete v1.0.0 --yes --cleanup-tag', ruleId: R, messageId: 'release' },
  { cmd: 'gh release delete v1.0.0 -R o/r', ruleId: R, messageId: 'release' },
  { cmd: 'glab release delete v1.0.0', ruleId: R, messageId: 'release' },
  { cmd: 'gem yank mygem -v 1.0.0', ruleId: R, messageId: 'unpublish' },
  { cmd: 'cargo yank --version 1.0.0', ruleId: R, messageId: 'unpublish' },
  { cmd: 'NPM_TOKEN=x npm unpublish pkg@1.0.0', ruleId: R },
  { cmd: "sh -c 'npm unpublish pkg@1.0.0'", ruleId: R },
  { cmd: 'npm test && npm unpublish pkg@1.0.0', ruleId: R },
  { cmd: 'npm unpublish pkg@1.0.0', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
