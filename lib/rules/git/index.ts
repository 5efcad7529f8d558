// The git pack.
import type { Rule } from '../define.js';
import branchForceDelete from './branch-force-delete.js';
import checkoutDiscard from './checkout-discard.js';
import cleanForce from './clean-force.js';
import filterHistory from './filter-history.js';
import gcPrune from './gc-prune.js';
import pushDelete from './push-delete.js';
import pushDeleteProtected from './push-delete-protected.js';
import pushForce from './push-force.js';
import reflogExpire from './reflog-expire.js';
import resetHard from './reset-hard.js';
import restoreWorktree from './restore-worktree.js';
import rmForce from './rm-force.js';
import shellAlias from './shell-alias.js';
import stashDestroy from './stash-destroy.js';
import updateRefDelete from './update-ref-delete.js';
import worktreeRemoveForce from './worktree-remove-force.js';

export const GIT_RULES: readonly Rule[] = [
  pushForce,
  resetHard,
  cleanForce,
  checkoutDiscard,
  restoreWorktree,
  branchForceDelete,
  stashDestroy,
  pushDeleteProtected,
  pushDelete,
  filterHistory,
  reflogExpire,
  gcPrune,
  updateRefDelete,
  rmForce,
  worktreeRemoveForce,
  shellAlias,
];
