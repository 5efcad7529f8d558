// Bundle-time replacement for groups-loader.ts: a lazy pack folder's rules are their own bundle,
// dist/rules-<folder>.cjs, loaded by path the first time a command runs one of their programs. A
// missing or broken bundle throws, and the hook fails closed.

import { requireSibling } from '../sibling.js';
import type { Rule } from './define.js';
import type { LazyFolder } from './resident.js';

export function loadFolder(folder: LazyFolder): readonly Rule[] {
  return requireSibling<{ RULES: readonly Rule[] }>(`rules-${folder}.cjs`).RULES;
}
