// interp/tree-delete-unresolved: a one-liner deletes a tree at a path it computes from something
// warden cannot know (sys.argv, an environment variable other than HOME, a function's result) and
// that could reach the home directory, the project or anywhere. A known prefix deep in a safe place
// bounds the damage and passes, as with fs/rm-unresolved.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'interp/tree-delete-unresolved';

const valid: Valid[] = [
  { cmd: `python3 -c "import shutil, sys; shutil.rmtree('/tmp/work/' + sys.argv[1])" x`, note: 'bounded by a scratch prefix' },
  { cmd: `python3 -c "import shutil, sys; shutil.rmtree('build/' + sys.argv[1])" x` },
  { cmd: `node -e "require('fs').rmSync('dist/' + process.argv[1], {recursive: true})" x` },
  { cmd: `python3 -c "import shutil; d = 'build'; shutil.rmtree(d)"`, note: 'a variable with a literal value' },
  { cmd: `python3 -c "import sys; print(sys.argv[1])" x` },
  { cmd: `node -e "require('fs').rmSync(process.argv[1])" x`, note: 'not recursive' },
  { cmd: `echo "shutil.rmtree(sys.argv[1])"` },
];

const invalid: Invalid[] = [
  { cmd: `python3 -c "import shutil, sys; shutil.rmtree(sys.argv[1])" x`, ruleId: R, messageId: 'unresolved' },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.environ['TARGET'])"`, ruleId: R },
  { cmd: `python3 -c "import shutil, os; shutil.rmtree(os.path.join(os.environ['HOME'], os.environ['X']))"`, ruleId: R },
  { cmd: `python3 -c "import shutil; shutil.rmtree(f'/{name}')"`, note: 'an f-string', ruleId: R },
  { cmd: `python3 -c "import shutil; shutil.rmtree('$DIR')"`, note: 'a shell variable inside the code', ruleId: R },
  { cmd: `node -e "require('fs').rmSync(process.env.TARGET, {recursive: true})"`, ruleId: R },
  { cmd: `node -e "require('fs').rmSync(\\\`\\\${process.env.HOME}/\\\${x}\\\`, {recursive: true})"`, note: 'a template literal', ruleId: R },
  { cmd: `ruby -e 'FileUtils.rm_rf(ARGV[0])' x`, ruleId: R },
  { cmd: `perl -MFile::Path -e 'rmtree($ARGV[0])' x`, ruleId: R },
  { cmd: `python3 -c "import shutil, sys; shutil.rmtree(sys.argv[1])" x`, note: 'paranoid', ruleId: R, action: 'deny', opts: { policy: 'preset: paranoid\n' } },
];

tableTests(valid, invalid, 'ask');
