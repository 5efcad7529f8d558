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
  { cmd: 'rm -rf "$TMPDIR/warden-test"', note: 'TMPDIR not set here: the temp directory' },
  { cmd: 'rm -rf "${TMPDIR:-/tmp}/build"' },
  { cmd: 'rm -rf $TMPDIR/x.log' },
  { cmd: 'X=$(mktemp -d); rm -rf $X', note: 'a fresh entry of the temp directory' },
  { cmd: 'tmp=$(mktemp -d) && rm -rf "$tmp"' },
  { cmd: 'tmp="$(mktemp -d -t warden.XXXXXX)"; trap \'rm -rf "$tmp"\' EXIT' },
  { cmd: 'd=$(mktemp -d -t build) && rm -rf "$d"', note: 'BSD -t prefix' },
  { cmd: 'f=$(mktemp --tmpdir=/var/tmp x.XXXXXX) && rm -rf "$f"' },
  { cmd: 'rm -rf /tmp/$X/out', note: 'a name after the unknown part' },
  { cmd: 'rm -rf /tmp/build-$X', note: 'part of a name in /tmp' },
  { cmd: 'rm -rf /var/tmp/$RUN_ID.d', note: 'a name around the unknown part' },
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
  { cmd: 'TMPDIR=$X; rm -rf "$TMPDIR/x"', note: 'reassigned', ruleId: R },
  { cmd: 'unset TMPDIR; export TMPDIR=$(cat dir.txt); rm -rf $TMPDIR/x', ruleId: R },
  { cmd: 'rm -rf "$TMPDIR"', note: 'the temp directory itself, or nothing', ruleId: R },
  { cmd: 'rm -rf "$TMPDIR/"*', ruleId: R },
  { cmd: 'rm -rf $TMPDIR/..', ruleId: R },
  { cmd: 'rm -rf "$TMPDIR/usr"', note: 'unset TMPDIR: /usr', ruleId: R },
  { cmd: 'rm -rf "$TMPDIR/Users/me"', note: 'unset TMPDIR: /Users on macOS', ruleId: R },
  { cmd: 'rm -rf /tmp/$X/*', ruleId: R },
  { cmd: 'X=$(mktemp -d ./build.XXXXXX); rm -rf $X', note: 'in the project, not the temp directory', ruleId: R },
  { cmd: 'X=$(mktemp -u "$T"); rm -rf $X', ruleId: R },
  { cmd: 'X=/tmp/a; false && X=$Y; rm -rf $X', note: 'may have been reassigned', ruleId: R },
  { cmd: 'X=/tmp/a; if [ -n "$Y" ]; then X=$Y; fi; rm -rf $X', ruleId: R },
  { cmd: 'X=/tmp/a; echo | X=$Y; rm -rf "$X"', note: 'a pipeline stage runs in a subshell', ruleId: R },
  { cmd: 'X=/tmp/a; read X < dirs.txt; rm -rf "$X"', ruleId: R },
  { cmd: 'f() { rm -rf "$1"; }; f "$X"', ruleId: R },
  { cmd: 'f() { rm -rf "$1"; }; $CMD', note: 'could call f with anything', ruleId: R },
  { cmd: 'cleanup() { rm -rf "$1"; }; export -f cleanup; xargs -n1 bash -c \'cleanup "$0"\' < dirs.txt', ruleId: R },
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
