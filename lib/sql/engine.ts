// The SQL engine's surface: everything that lexes, parses and judges what a database or data-store
// command runs. Built as its own bundle (dist/sql-engine.cjs) and loaded through engine-loader.ts
// only for a command that needs it, so none of it is parsed when the hook starts.

export { sqlFacts, sqlTrace } from './index.js';
export { mongoFacts, redisFacts } from './stores.js';
