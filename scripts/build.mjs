// Bundles each hook and the CLI into one CommonJS file under dist/, and next to them the pieces only
// some calls need (SQL engine and dialects, policy parser, gate stage, reviewer, outcome runner).
// Options and plugins: scripts/bundles.mjs. Hooks never run through tsx.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { HOOK_PLUGINS, SQL_DIALECTS, builtinDefaults, builtRegistry, commonOptions, rulesFolderEntry, gateDir, gateReviewFromDist, jsoncFromDist, policyDir, root, sqlDir, sqlEngineFromDist, policyParserFromDist, sqlParserFromDist } from './bundles.mjs';

const out = path.join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const COMMON = commonOptions(out);

const hooks = readdirSync(path.join(root, 'hooks')).filter((f) => f.endsWith('.ts'));
const entries = [...hooks.map((f) => ({ in: path.join(root, 'hooks', f), out: f.replace(/\.ts$/, '') })), { in: path.join(root, 'lib/cli/bin.ts'), out: 'warden' }];

await build({
  plugins: [builtinDefaults, sqlParserFromDist],
  entryPoints: [...SQL_DIALECTS.map((d) => ({ in: path.join(root, 'node_modules', 'node-sql-parser', 'build', `${d}.js`), out: `sql-${d}` })), { in: path.join(sqlDir, 'engine.ts'), out: 'sql-engine' }],
  ...COMMON,
});

await build({
  plugins: [builtinDefaults],
  entryPoints: [{ in: path.join(gateDir, 'review-sdk.ts'), out: 'gate-review' }],
  ...COMMON,
});

await build({
  plugins: [builtinDefaults],
  entryPoints: [{ in: path.join(root, 'lib', 'rules', 'self', 'jsonc-visit.ts'), out: 'jsonc-visit' }],
  ...COMMON,
});

const NOT_IN_REGISTRY = new Set(['registry-from-dist', 'lazy-index-inline', 'groups-from-dist']);
await build({
  plugins: HOOK_PLUGINS.filter((p) => !NOT_IN_REGISTRY.has(p.name)),
  entryPoints: [{ in: path.join(root, 'lib', 'rules', 'index.ts'), out: 'rules-registry' }],
  ...COMMON,
});

// The lazy pack folders (lib/rules/resident.ts), one bundle each; the hooks below inline the lazy
// index from the registry just built.
await build({
  plugins: [rulesFolderEntry, ...HOOK_PLUGINS.filter((p) => !NOT_IN_REGISTRY.has(p.name))],
  entryPoints: builtRegistry().LAZY_FOLDERS.map((f) => ({ in: `rules-folder:${f}`, out: `rules-${f}` })),
  ...COMMON,
});

await build({
  plugins: [builtinDefaults, sqlEngineFromDist, gateReviewFromDist, jsoncFromDist],
  entryPoints: [{ in: path.join(policyDir, 'parse.ts'), out: 'policy-parse' }],
  ...COMMON,
});

await build({
  plugins: [builtinDefaults, sqlEngineFromDist, policyParserFromDist, gateReviewFromDist, jsoncFromDist],
  entryPoints: [{ in: path.join(gateDir, 'stage.ts'), out: 'gate-stage' }],
  ...COMMON,
});

await build({
  plugins: HOOK_PLUGINS,
  entryPoints: [...entries, { in: path.join(gateDir, 'outcome-run.ts'), out: 'gate-outcome' }],
  ...COMMON,
});
copyFileSync(path.join(root, 'config', 'policy.yaml'), path.join(out, 'policy.yaml'));
// The launcher every registered hook command runs (hooks/launch.cjs): plain CommonJS, copied as is.
copyFileSync(path.join(root, 'hooks', 'launch.cjs'), path.join(out, 'launch.cjs'));
