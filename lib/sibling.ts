// The bundles' one way to load a lazily needed part: a sibling bundle in the same directory
// (dist/ or <wardenHome>/bin/), loaded by path. Used only by the *.dist.ts loaders that
// scripts/bundles.mjs swaps in. Under the hook launcher (hooks/launch.cjs) it goes through the
// launcher, which compiles it from its V8 code cache like the hook's own bundle; elsewhere (the CLI,
// run by Node directly) it is a plain require. Either way a second call is free. Never an
// import(): the hooks run inside the launcher's vm.Script, where import() has no loader once V8's
// code cache is used. A missing or broken bundle throws, and the hook fails closed.

import { createRequire } from 'node:module';
import path from 'node:path';

const LAUNCHER_LOAD = Symbol.for('warden.requireBundle');

export function requireSibling<T>(file: string): T {
  const full = path.join(__dirname, file);
  const viaLauncher = (globalThis as Record<symbol, unknown>)[LAUNCHER_LOAD];
  return (typeof viaLauncher === 'function' ? (viaLauncher as (f: string) => unknown)(full) : createRequire(__filename)(full)) as T;
}
