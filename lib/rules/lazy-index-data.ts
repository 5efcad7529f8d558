// The lazy index (./lazy-index.ts) as source and tests (tsx) see it: computed from the registry at
// import. The bundles get a module holding the same data, computed at build time from
// dist/rules-registry.cjs (scripts/bundles.mjs), so the hooks never load the registry for it.

import { LAZY_INDEX } from './index.js';

export { LAZY_INDEX };
