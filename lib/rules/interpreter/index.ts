// The interpreter pack: what one-liners (python -c, node -e, ruby -e, perl -e, php -r, deno eval,
// bun -e, and heredocs fed to them) do to files, disks and secrets. The shell commands they start
// (`os.system`, `execSync`, backticks) are analysed as shell commands by lib/shell/analyze.ts.
import type { Rule } from '../define.js';
import rawDiskWrite from './raw-disk-write.js';
import secretExfil from './secret-exfil.js';
import treeDelete from './tree-delete.js';
import treeDeleteOutside from './tree-delete-outside.js';
import treeDeleteUnresolved from './tree-delete-unresolved.js';

export const INTERPRETER_RULES: readonly Rule[] = [treeDelete, treeDeleteUnresolved, treeDeleteOutside, rawDiskWrite, secretExfil];
