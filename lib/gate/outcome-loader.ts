// The outcome runner (./outcome-run.ts: trust, journal), for the PostToolUse hooks. This file is what
// source and tests (tsx) run: a plain dynamic import. The esbuild bundles get outcome-loader.dist.ts in
// its place (scripts/bundles.mjs), which requires dist/gate-outcome.cjs from next to the hook.

export type OutcomeRunner = typeof import('./outcome-run.js');

export async function loadOutcomeRunner(): Promise<OutcomeRunner> {
  return import('./outcome-run.js');
}
