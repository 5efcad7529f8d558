// The gate's stage (./stage.ts: classifier, public-suffix data, stores), for lib/pipeline.ts. This
// file is what source and tests (tsx) run: a plain dynamic import. The esbuild bundles get
// stage-loader.dist.ts in its place (scripts/build.mjs), which requires dist/gate-stage.cjs from next
// to the hook: only calls the gate has something to do with load it.

export type Stage = typeof import('./stage.js');

export async function loadStage(): Promise<Stage> {
  return import('./stage.js');
}
