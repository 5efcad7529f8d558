// git/push-force: force pushes are denied everywhere; `--force-with-lease` only to protected (or
// unknown) branches. The current branch is read from `.git/HEAD` of the command's cwd, so the
// lease rows without a refspec run inside throwaway git dirs.

import { gitFixture, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'git/push-force';
const onMain = gitFixture('main');
const onFeature = gitFixture('feature/x');
const onRelease = gitFixture('release/2.0');
const worktreeOnMain = gitFixture('main', { worktree: true });
const worktreeOnFeature = gitFixture('feature/y', { worktree: true });
const detached = gitFixture('main', { detached: true });

const valid: Valid[] = [
  { cmd: 'git push' },
  { cmd: 'git push origin feature/x' },
  { cmd: 'git push -u origin feature/x' },
  { cmd: 'git push origin main' },
  { cmd: 'git push --tags' },
  { cmd: 'git push --follow-tags origin main' },
  { cmd: 'git push --force-with-lease origin feature/x' },
  { cmd: 'git push --force-with-lease=feature/x:abc123 origin feature/x' },
  { cmd: 'git push --force-with-lease origin HEAD:feature/x' },
  { cmd: 'git push --force-with-lease', note: 'on a feature branch', opts: { cwd: onFeature } },
  { cmd: 'git push --force-with-lease origin HEAD', note: 'on a feature branch', opts: { cwd: onFeature } },
  { cmd: 'git push --force-with-lease', note: 'from a subdirectory of a feature checkout', opts: { cwd: `${onFeature}/src/deep` } },
  { cmd: 'git push --force-with-lease', note: 'linked worktree on a feature branch', opts: { cwd: worktreeOnFeature } },
  { cmd: `git -C ${onFeature} push --force-with-lease`, note: '-C into a feature checkout', opts: { cwd: onMain } },
  { cmd: 'git push -o ci.skip origin feature/x' },
  { cmd: 'git pull -f' },
  { cmd: 'git -c remote.origin.push=refs/heads/feature/x push' },
  { cmd: 'git fetch --force origin' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "git push --force"' },
  { cmd: "printf '%s\\n' 'git push -f origin main'" },
  { cmd: 'grep -rn "git push -f" docs/' },
  { cmd: 'git commit -m "never git push --force to main"' },
  { cmd: 'ls # git push -f' },
  { cmd: "echo '$(git push -f)'" },
  { cmd: 'cat <<EOF > notes.md\ngit push --force origin main\nEOF' },
  { cmd: "cat <<'EOF' > notes.md\n$(git push -f)\nEOF" },
];

const invalid: Invalid[] = [
  // Plain spellings and flag combinations.
  { cmd: 'git push -f', ruleId: R, messageId: 'force' },
  { cmd: 'git push --force', ruleId: R, messageId: 'force' },
  { cmd: 'git push -f origin main', ruleId: R },
  { cmd: 'git push origin main -f', ruleId: R },
  { cmd: 'git push --force origin feature/x', ruleId: R },
  { cmd: 'git push -fu origin feature/x', ruleId: R },
  { cmd: 'git push -uf origin feature/x', ruleId: R },
  { cmd: 'git push -vf', ruleId: R },
  { cmd: 'git push origin +main', ruleId: R, messageId: 'force' },
  { cmd: 'git push origin +HEAD:refs/heads/main', ruleId: R },
  { cmd: 'git push origin feature/x +main:main', ruleId: R },
  { cmd: 'git push --force-with-lease --force origin feature/x', ruleId: R, messageId: 'force' },
  { cmd: 'git push --mirror', ruleId: R, messageId: 'force' },
  { cmd: 'git push --mirror backup', ruleId: R },
  { cmd: 'git push --repo=origin -f', ruleId: R },
  { cmd: 'git -C ../other push -f', ruleId: R },
  { cmd: 'git -c push.default=current push --force', ruleId: R },
  { cmd: 'git --git-dir=.git --work-tree=. push -f', ruleId: R },
  { cmd: 'X=-f; git push $X origin main', ruleId: R },
  // --force-with-lease to protected or unknown branches.
  { cmd: 'git push --force-with-lease origin main', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease origin master', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease origin release/1.2', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease origin feature/x:main', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease origin HEAD:refs/heads/main', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease origin feature/x develop', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease --all', note: 'on a feature branch', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onFeature } },
  { cmd: "git push --force-with-lease origin 'refs/heads/*:refs/heads/*'", ruleId: R, messageId: 'leaseProtected' },
  { cmd: "git -c 'remote.origin.push=+refs/heads/*:refs/heads/*' push", ruleId: R, messageId: 'force' },
  { cmd: 'git -c remote.backup.mirror=true push backup', ruleId: R, messageId: 'force' },
  { cmd: 'git push --force-if-includes --force-with-lease origin main', ruleId: R },
  { cmd: 'git push --force-with-lease origin "$BRANCH"', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease', note: 'on main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onMain } },
  { cmd: 'git push --force-with-lease', note: 'on release/2.0', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onRelease } },
  { cmd: 'git push --force-with-lease', note: 'not in a repository', ruleId: R, messageId: 'leaseProtected' },
  { cmd: 'git push --force-with-lease', note: 'linked worktree on main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: worktreeOnMain } },
  { cmd: 'git push --force-with-lease', note: 'detached HEAD', ruleId: R, messageId: 'leaseProtected', opts: { cwd: detached } },
  { cmd: 'git push --force-with-lease', note: 'from a subdirectory of main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: `${onMain}/src` } },
  { cmd: 'git push --force-with-lease origin HEAD', note: 'on main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onMain } },
  { cmd: 'git push --force-with-lease origin @', note: 'on main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onMain } },
  { cmd: `git -C ${onMain} push --force-with-lease`, note: '-C into main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onFeature } },
  { cmd: `cd ${onMain} && git push --force-with-lease`, note: 'cd into main', ruleId: R, messageId: 'leaseProtected', opts: { cwd: onFeature } },
  {
    cmd: 'git push --force-with-lease origin staging',
    note: 'branch protected by the policy',
    ruleId: R,
    messageId: 'leaseProtected',
    opts: { policy: 'protected:\n  branches: [staging]\n' },
  },
  // Wrappers, quoting, paths to the binary.
  { cmd: '/usr/bin/git push -f', ruleId: R },
  { cmd: 'sudo git push --force', ruleId: R },
  { cmd: 'sudo -u deploy -- git push -f', ruleId: R },
  { cmd: 'env GIT_TRACE=1 git push -f', ruleId: R },
  { cmd: 'GIT_TRACE=1 git push -f', ruleId: R },
  { cmd: 'timeout 30 git push -f', ruleId: R },
  { cmd: 'nice -n 5 git push --force', ruleId: R },
  { cmd: 'command git push -f', ruleId: R },
  { cmd: 'nohup git push -f &', ruleId: R },
  { cmd: '"git" push -f', ruleId: R },
  { cmd: "g''it push '-f'", ruleId: R },
  { cmd: '\\git push --force', ruleId: R },
  { cmd: 'git push "--force"', ruleId: R },
  // Nested shells, substitutions, eval, heredocs.
  { cmd: "bash -c 'git push -f'", ruleId: R },
  { cmd: 'sh -c "git push --force origin main"', ruleId: R },
  { cmd: "bash -lc 'cd /tmp && git push -f'", ruleId: R },
  { cmd: 'echo $(git push -f)', ruleId: R },
  { cmd: 'echo "result: $(git push --force)"', ruleId: R },
  { cmd: 'echo `git push -f`', ruleId: R },
  { cmd: 'eval "git push -f"', ruleId: R },
  { cmd: 'eval git push --force', ruleId: R },
  { cmd: "su deploy -c 'git push -f'", ruleId: R },
  { cmd: 'find . -maxdepth 0 -exec git push -f \\;', ruleId: R },
  { cmd: 'bash <<EOF\ngit push -f\nEOF', ruleId: R },
  { cmd: "sh <<< 'git push --force'", ruleId: R },
  { cmd: 'echo "git push -f" | bash', ruleId: R },
  { cmd: 'cat > notes.md <<EOF\n$(git push -f)\nEOF', ruleId: R },
  // Chains, newlines, groups.
  { cmd: 'git status\ngit push -f', ruleId: R },
  { cmd: 'git fetch; git push -f', ruleId: R },
  { cmd: 'git commit -m wip && git push -f', ruleId: R },
  { cmd: 'false || git push -f', ruleId: R },
  { cmd: 'echo done#; git push -f', ruleId: R },
  { cmd: 'git push -f 2>&1 | tee push.log', ruleId: R },
  { cmd: '( git push -f )', ruleId: R },
  { cmd: '{ git push -f; }', ruleId: R },
  { cmd: 'if true; then git push --force; fi', ruleId: R },
  { cmd: 'git add . && \\\n  git push --force', ruleId: R },
];

tableTests(valid, invalid, 'deny');
