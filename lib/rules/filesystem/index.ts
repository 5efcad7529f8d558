// The filesystem pack.
import type { Rule } from '../define.js';
import rmCritical from './rm-critical.js';
import rmProjectRoot from './rm-project-root.js';
import rmProtectedPath from './rm-protected-path.js';
import rmUnresolved from './rm-unresolved.js';

export const FILESYSTEM_RULES: readonly Rule[] = [rmCritical, rmProjectRoot, rmUnresolved, rmProtectedPath];
