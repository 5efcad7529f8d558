// The bundles' one way to load a lazily needed part: a sibling bundle in the same directory
// (dist/ or <wardenHome>/bin/), required by path. Used only by the *.dist.ts loaders that
// scripts/bundles.mjs swaps in; Node's require cache makes a second call free. A require, not an
// import(): the hooks run inside the launcher's vm.Script, where import() has no loader once V8's
// code cache is used. A missing or broken bundle throws, and the hook fails closed.

import { createRequire } from 'node:module';
import path from 'node:path';

export function requireSibling<T>(file: string): T {
  return createRequire(__filename)(path.join(__dirname, file)) as T;
}
