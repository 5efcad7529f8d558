// Bundle-time replacement for jsonc-loader.ts: jsonc-parser's visitor is its own bundle,
// dist/jsonc-visit.cjs, required by path the first time a settings file's new content is checked. A
// missing bundle throws, and the hook fails closed (deny).

import { requireSibling } from '../../sibling.js';
import type { Visit } from './jsonc-loader.js';

export type { Visit };

export function loadVisit(): Visit {
  return requireSibling<{ visit: Visit }>('jsonc-visit.cjs').visit;
}
