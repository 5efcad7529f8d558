// interp/tree-delete-outside: a one-liner deletes a tree at a literal path outside the project and
// the scratch directories — the line fs/delete-outside-project draws for `rm`. Inside the project
// and in /tmp it passes; critical paths, the project's parents and protected paths are
// interp/tree-delete's.

import { test } from 'node:test';
import { assertNotRaised, tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'interp/tree-delete-outside';

const valid: Valid[] = [
  { cmd: `python3 -c "import shutil; shutil.rmtree('build')"` },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/tmp/scratch')"` },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.path.expanduser('~/.cache/pip'))"`, note: 'a cache' },
  { cmd: `node -e "require('fs').rmSync('/var/tmp/x', {recursive: true})"` },
  { cmd: `echo "shutil.rmtree('/srv/data')"` },
];

const invalid: Invalid[] = [
  { cmd: `python3 -c "import shutil; shutil.rmtree('/srv/data')"`, ruleId: R, messageId: 'outside' },
  { cmd: `python3 -c "import os; os.removedirs('/usr/local/lib/app')"`, ruleId: R },
  { cmd: `python3 -c "import shutil; shutil.rmtree('../other-project')"`, ruleId: R },
  { cmd: `node -e "require('fs').rmSync('/home/agent/Documents', {recursive: true})"`, ruleId: R },
  { cmd: `ruby -e 'FileUtils.rm_rf("/opt/app/releases")'`, ruleId: R },
  { cmd: `python3 -c "import shutil; shutil.rmtree('/srv/data')"`, note: 'strict', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');

void test(`interp/tree-delete owns the critical cases: no ${R} for shutil.rmtree('/etc')`, () => {
  assertNotRaised(`python3 -c "import shutil; shutil.rmtree('/etc')"`, R);
});
