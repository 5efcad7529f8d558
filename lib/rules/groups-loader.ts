// A lazy pack folder's rules (./resident.ts, ./shipped.ts). This file is what source and tests (tsx)
// run: the folder's list from the registry. The esbuild bundles get groups-loader.dist.ts in its
// place (scripts/bundles.mjs), which loads dist/rules-<folder>.cjs on first use.

import type { Rule } from './define.js';
import type { LazyFolder } from './resident.js';
import { RULE_FOLDERS } from './index.js';

export function loadFolder(folder: LazyFolder): readonly Rule[] {
  return RULE_FOLDERS[folder];
}
