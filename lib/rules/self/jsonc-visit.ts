// Entry of dist/jsonc-visit.cjs (see ./jsonc-loader.dist.ts).
export { visit } from 'jsonc-parser/lib/esm/main.js';
