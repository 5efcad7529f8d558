// interp/tree-delete: a one-liner (python -c, node -e, ruby -e, perl -e, deno eval, bun -e, a
// heredoc fed to an interpreter) deletes a whole tree at a critical directory, the project root or a
// parent, or a protected path — classified as the filesystem rules classify `rm -rf`. A literal path
// inside the project, text that only mentions the call, and comments pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'interp/tree-delete';

const valid: Valid[] = [
  { cmd: `python -c "import shutil; shutil.rmtree('build')"` },
  { cmd: `python3 -c "import shutil; shutil.rmtree('./dist', ignore_errors=True)"` },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/home/agent/proj/node_modules')"` },
  { cmd: `python3 -c "import shutil; shutil.rmtree('~')"`, note: 'rmtree does not expand ~: a directory named ~ here' },
  { cmd: `node -e "require('fs').rmSync('dist', {recursive: true, force: true})"` },
  { cmd: `node -e "require('fs').rmSync('/', {force: true})"`, note: 'not recursive: fails on a directory' },
  { cmd: `ruby -e "require 'fileutils'; FileUtils.rm_rf('tmp/cache')"` },
  { cmd: `perl -MFile::Path=remove_tree -e 'remove_tree("coverage")'` },
  { cmd: `deno eval "await Deno.remove('out', {recursive: true})"` },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/tmp/x')"`, note: 'scratch directory' },
  { cmd: `python3 -c "print('shutil.rmtree(\\"/\\")')"`, note: 'a string that mentions the call' },
  { cmd: `python3 -c "import shutil  # shutil.rmtree('/')"`, note: 'a comment' },
  { cmd: `node -e "// require('fs').rmSync('/', {recursive: true})"` },
  { cmd: `echo "python -c \\"import shutil; shutil.rmtree('/')\\""` },
  { cmd: `grep -rn "shutil.rmtree('/')" src/` },
  { cmd: `git commit -m "never call shutil.rmtree('/')"` },
  { cmd: `cat > clean.py <<'EOF'\nimport shutil\nshutil.rmtree('/')\nEOF`, note: 'heredoc data written to a file' },
  { cmd: `python3 -c "import shutil; shutil.copytree('/etc/x', 'x')"` },
];

const invalid: Invalid[] = [
  { cmd: `python -c "import shutil; shutil.rmtree('/')"`, ruleId: R, messageId: 'critical' },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.path.expanduser('~'))"`, ruleId: R, messageId: 'critical' },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/home/agent')"`, ruleId: R, messageId: 'critical' },
  { cmd: `python3 -c "import shutil; shutil.rmtree('..')"`, note: 'a parent of the project is home', ruleId: R, messageId: 'critical' },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/tmp/../etc')"`, ruleId: R, messageId: 'critical' },
  { cmd: `python3 -c "from shutil import rmtree; rmtree('/usr/lib')"`, ruleId: R },
  { cmd: `python3 -c "import shutil, pathlib; shutil.rmtree(pathlib.Path.home())"`, ruleId: R },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.environ['HOME'])"`, ruleId: R },
  { cmd: `python3 -c "import shutil, os; p = '/'; shutil.rmtree(p)"`, note: 'through a variable', ruleId: R },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.path.join(os.path.expanduser('~'), '.ssh'))"`, ruleId: R, messageId: 'protected' },
  { cmd: `python3 -c "import shutil; shutil.rmtree('.')"`, ruleId: R, messageId: 'root' },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.getcwd())"`, ruleId: R, messageId: 'root' },
  { cmd: `pypy3 -c "import shutil; shutil.rmtree('/')"`, ruleId: R },
  { cmd: `python3.12 -c "import shutil; shutil.rmtree('/')"`, ruleId: R },
  { cmd: `sudo python3 -c "import shutil; shutil.rmtree('/var/lib')"`, note: 'through sudo', ruleId: R },
  { cmd: `bash -c "python3 -c \\"import shutil; shutil.rmtree('/etc')\\""`, note: 'inside bash -c', ruleId: R },
  { cmd: `python3 - <<'EOF'\nimport shutil\nshutil.rmtree("/")\nEOF`, note: 'heredoc to python', ruleId: R },
  { cmd: `echo "import shutil; shutil.rmtree('/')" | python3`, note: 'literal text piped in', ruleId: R },
  { cmd: `node -e "require('fs').rmSync('/', {recursive: true, force: true})"`, ruleId: R },
  { cmd: `node -e "require('fs').rmSync(process.env.HOME, {recursive: true})"`, ruleId: R },
  { cmd: `node -e "require('fs').rmdirSync('/home/agent', {recursive: true})"`, ruleId: R },
  { cmd: `node -e "const fs = require('fs'); fs.promises.rm(require('os').homedir(), {recursive: true})"`, ruleId: R },
  { cmd: `node --eval "require('fs').rmSync('..', {recursive: true})"`, ruleId: R },
  { cmd: `node <<'EOF'\nrequire("fs").rmSync("/home/agent", { recursive: true, force: true });\nEOF`, ruleId: R },
  { cmd: `node -e "require('rimraf').sync('/etc')"`, ruleId: R },
  { cmd: `bun -e "require('fs').rmSync('/home/agent', {recursive: true, force: true})"`, ruleId: R },
  { cmd: `deno eval "await Deno.remove('/', {recursive: true})"`, ruleId: R },
  { cmd: `ruby -e "require 'fileutils'; FileUtils.rm_rf('/')"`, ruleId: R },
  { cmd: `ruby -rfileutils -e 'FileUtils.rm_rf Dir.home'`, note: 'no parentheses', ruleId: R },
  { cmd: `ruby -e 'FileUtils.rm_rf(Dir.home)' -rfileutils`, ruleId: R },
  { cmd: `ruby <<'RB'\nrequire "fileutils"\nFileUtils.rm_rf("/etc")\nRB`, ruleId: R },
  { cmd: `perl -e 'use File::Path qw(remove_tree); remove_tree("/home/agent")'`, ruleId: R },
  { cmd: `perl -MFile::Path -e 'rmtree("/etc")'`, ruleId: R },
  { cmd: `perl -MFile::Path -e 'rmtree "/etc"'`, note: 'no parentheses', ruleId: R },
  { cmd: `python3 -c "import shutil; shutil.rmtree('build')"`, note: 'the project is ./build', ruleId: R, messageId: 'root', opts: { projectDir: '/home/agent/proj/build', cwd: '/home/agent/proj' } },
];

tableTests(valid, invalid, 'deny');
