// Bundle-time replacement for outcome-loader.ts: the outcome runner is its own bundle,
// dist/gate-outcome.cjs, required by path (a require, not an import(): the hooks run inside the
// launcher's vm.Script, where import() has no loader once the code cache is used).

import { createRequire } from 'node:module';
import path from 'node:path';
import type { OutcomeRunner } from './outcome-loader.js';

export type { OutcomeRunner };

export function loadOutcomeRunner(): Promise<OutcomeRunner> {
  return Promise.resolve(createRequire(__filename)(path.join(__dirname, 'gate-outcome.cjs')) as OutcomeRunner);
}
