// Bundle-time replacement for outcome-loader.ts: the outcome runner is its own bundle,
// dist/gate-outcome.cjs, required by path (a require, not an import(): the hooks run inside the
// launcher's vm.Script, where import() has no loader once the code cache is used).

import { requireSibling } from '../sibling.js';
import type { OutcomeRunner } from './outcome-loader.js';

export type { OutcomeRunner };

export function loadOutcomeRunner(): Promise<OutcomeRunner> {
  return Promise.resolve(requireSibling<OutcomeRunner>('gate-outcome.cjs'));
}
