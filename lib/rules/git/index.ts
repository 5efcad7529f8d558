// The git pack.
import type { Rule } from '../define.js';
import branchForceDelete from './branch-force-delete.js';
import checkoutDiscard from './checkout-discard.js';
import cleanForce from './clean-force.js';
import pushForce from './push-force.js';
import resetHard from './reset-hard.js';
import restoreWorktree from './restore-worktree.js';
import stashDestroy from './stash-destroy.js';

export const GIT_RULES: readonly Rule[] = [pushForce, resetHard, cleanForce, checkoutDiscard, restoreWorktree, branchForceDelete, stashDestroy];
