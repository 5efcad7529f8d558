// fs/rm-unresolved: recursive deletion of a path built from a value warden cannot know (a variable
// never assigned here, `$(…)`, xargs input, an unknown cwd) unless a known prefix keeps it inside a
// directory that is neither critical nor the project or one of its parents.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'fs/rm-unresolved';

const valid: Valid[] = [
  { cmd: 'rm -rf ./build/$X' },
  { cmd: 'rm -rf /tmp/foo/$X' },
  { cmd: 'rm -rf "$HOME/proj/dist/$VERSION"' },
  { cmd: 'rm -rf node_modules/$PKG' },
  { cmd: 'rm -f $X', note: 'not recursive' },
  { cmd: 'rm $X' },
  { cmd: 'X=build; rm -rf $X' },
  { cmd: 'X=build; rm -rf "./$X"' },
  { cmd: 'echo $X' },
  { cmd: "find . -name '*.o' | xargs rm -f" },
  { cmd: "find . -name '*.pyc' -exec rm -f {} +" },
  { cmd: 'find ./build -name "*.o" -exec rm -rf {} \\;' },
  { cmd: 'echo "rm -rf $X"' },
  { cmd: "echo 'rm -rf $(pwd)'" },
  { cmd: 'cd build && rm -rf ./$X', note: 'inside a known subdirectory' },
];

const invalid: Invalid[] = [
  { cmd: 'rm -rf $X', ruleId: R, messageId: 'unresolved' },
  { cmd: 'rm -rf "$DIR"', ruleId: R },
  { cmd: 'rm -rf $DIR/', ruleId: R },
  { cmd: 'rm -rf "$DIR"/*', ruleId: R },
  { cmd: 'rm -r -- "$1"', ruleId: R },
  { cmd: 'rm -rf /$X', ruleId: R },
  { cmd: 'rm -rf ~/$X', ruleId: R },
  { cmd: 'rm -rf $HOME/$X', ruleId: R },
  { cmd: 'rm -rf /tmp/$X', ruleId: R },
  { cmd: 'rm -rf ./$X', ruleId: R },
  { cmd: 'cd build && rm -rf $X', note: 'an absolute value ignores the cwd', ruleId: R },
  { cmd: 'rm -rf ${X:-/}', ruleId: R },
  { cmd: 'rm -rf "${BUILD_DIR}"', ruleId: R },
  { cmd: 'rm -rf $(pwd)', ruleId: R },
  { cmd: 'rm -rf `cat dirs.txt`', ruleId: R },
  { cmd: 'rm -rf "$(git rev-parse --show-toplevel)"', ruleId: R },
  { cmd: 'rm -rf ~root', ruleId: R },
  { cmd: 'rm -rf ~-/build', ruleId: R },
  { cmd: 'rm -rf /{1..5000}', note: 'too large to enumerate', ruleId: R },
  { cmd: 'cd $X && rm -rf build', ruleId: R },
  { cmd: 'cd - && rm -rf build', ruleId: R },
  { cmd: 'echo / | xargs rm -rf', ruleId: R },
  { cmd: 'find . -type d -name cache | xargs -I{} rm -rf {}', ruleId: R },
  { cmd: 'for d in a b; do rm -rf $d; done', ruleId: R },
  { cmd: "bash -c 'rm -rf \"$1\"' _ /tmp/x", ruleId: R },
  { cmd: 'read -r D; rm -rf "$D"', ruleId: R },
  { cmd: 'sudo rm -rf $X', ruleId: R },
  { cmd: 'X=$(mktemp -d); rm -rf $X', ruleId: R },
  { cmd: 'echo $(rm -rf $X)', ruleId: R },
  {
    cmd: 'rm -rf $X',
    note: 'paranoid preset',
    ruleId: R,
    action: 'deny',
    opts: { policy: 'preset: paranoid\n' },
  },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'ask', messageId: c.messageId });
  });
}
