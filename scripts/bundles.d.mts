// Types of scripts/bundles.mjs, for the TypeScript that imports it (tests/bench/startup.ts).
import type { BuildOptions, Plugin } from 'esbuild';

export const root: string;
export function commonOptions(outdir: string, buildId?: string): BuildOptions;
export const HOOK_PLUGINS: Plugin[];
