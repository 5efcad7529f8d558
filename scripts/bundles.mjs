// The esbuild options and the plugins that keep heavy code out of the hook bundles, shared by
// scripts/build.mjs (dist/) and the start-up probes of `npm run bench` (tests/bench/startup.ts), so a
// probe is bundled exactly as the hooks are.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Every bundle: one minified CommonJS file for Node 20 in `outdir` (CJS starts measurably faster than ESM in Node 20). */
export function commonOptions(outdir, buildId = randomBytes(8).toString('hex')) {
  return {
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Different for every build: caches made by one build (lib/policy/cache.ts) are not trusted by another.
    define: { __WARDEN_BUILD__: JSON.stringify(buildId) },
  };
}

// The SQL engine (lib/sql) and node-sql-parser stay out of the hook and CLI bundles. The engine
// is dist/sql-engine.cjs: the hooks get engine-loader.dist.ts in place of engine-loader.ts, which
// requires it from next to them when a command needs it. Each node-sql-parser dialect is
// dist/sql-<dialect>.cjs: the engine gets parser.dist.ts in place of parser.ts, which requires one
// the first time a statement of that dialect needs parsing.
export const SQL_DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite'];
export const sqlDir = path.join(root, 'lib', 'sql');
export const policyDir = path.join(root, 'lib', 'policy');
export const gateDir = path.join(root, 'lib', 'gate');
const serveDir = path.join(root, 'lib', 'serve');

export const swap = (name, dir, from, to) => ({
  name,
  setup(b) {
    b.onResolve({ filter: new RegExp(`/${from}\\.js$`) }, (args) => (path.resolve(args.resolveDir, args.path) === path.join(dir, `${from}.js`) ? { path: path.join(dir, `${to}.ts`) } : undefined));
  },
});
export const sqlParserFromDist = swap('sql-parser-from-dist', sqlDir, 'parser', 'parser.dist');
export const sqlEngineFromDist = swap('sql-engine-from-dist', sqlDir, 'engine-loader', 'engine-loader.dist');
// Likewise the policy parser (YAML and zod): dist/policy-parse.cjs, required by the hooks only when
// a policy file is not in the compiled-policy cache (lib/policy/cache.ts).
export const policyParserFromDist = swap('policy-parser-from-dist', policyDir, 'parse-loader', 'parse-loader.dist');
// And the gate's stage (classifier, public-suffix data, trust and approval stores):
// dist/gate-stage.cjs, required only for a call that is held or may leave the machine.
export const gateStageFromDist = swap('gate-stage-from-dist', gateDir, 'stage-loader', 'stage-loader.dist');

// jsonc-parser (its module tables cost each hook ~1.5 ms) is needed only when a file tool writes a
// Claude Code settings file (lib/rules/self/settings.ts): dist/jsonc-visit.cjs.
export const jsoncFromDist = swap('jsonc-from-dist', path.join(root, 'lib', 'rules', 'self'), 'jsonc-loader', 'jsonc-loader.dist');

// The rule registry (every pack) for the policy loader when a policy names rules or packs: the
// session hooks and the outcome runner load it only then (dist/rules-registry.cjs).
export const registryFromDist = swap('registry-from-dist', path.join(root, 'lib', 'rules'), 'registry-loader', 'registry-loader.dist');

// The rule packs: the PreToolUse bundle holds the resident rules (lib/rules/resident.ts); each lazy
// pack folder is dist/rules-<folder>.cjs, loaded when a command runs one of its programs. The hooks
// get groups-loader.dist.ts (load the folder's bundle) and, in place of lazy-index-data.ts, a module
// holding the lazy index computed from the built registry (dist/rules-registry.cjs, built first).
const rulesDir = path.join(root, 'lib', 'rules');
export const groupsFromDist = swap('groups-from-dist', rulesDir, 'groups-loader', 'groups-loader.dist');

/** The built registry, read afresh (scripts/build.mjs builds it before anything that needs this). */
export function builtRegistry() {
  const file = path.join(root, 'dist', 'rules-registry.cjs');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the rule registry first`);
  const req = createRequire(import.meta.url);
  delete req.cache[file];
  return req(file);
}

export const lazyIndexInline = {
  name: 'lazy-index-inline',
  setup(b) {
    b.onResolve({ filter: /^\.\/lazy-index-data\.js$/ }, (args) => (args.resolveDir === rulesDir ? { path: 'lazy-index-data', namespace: 'lazy-index' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-index' }, () => ({ contents: `export const LAZY_INDEX = ${JSON.stringify(builtRegistry().LAZY_INDEX)};\n`, loader: 'js' }));
  },
};

/** Entry points of the lazy pack folders' bundles: `rules-folder:<name>` → dist/rules-<name>.cjs exporting RULES. */
export const rulesFolderEntry = {
  name: 'rules-folder-entry',
  setup(b) {
    b.onResolve({ filter: /^rules-folder:[a-z]+$/ }, (args) => ({ path: args.path.slice('rules-folder:'.length), namespace: 'rules-folder' }));
    b.onLoad({ filter: /.*/, namespace: 'rules-folder' }, (args) => ({ contents: `export { ${args.path.toUpperCase()}_RULES as RULES } from './${args.path}/index.ts';\n`, resolveDir: rulesDir, loader: 'ts' }));
  },
};

// @anthropic-ai/sdk stays out of them too: lib/gate/review.ts loads it through review-loader.ts only
// when a review is needed; in the bundles that is dist/gate-review.cjs, required from next to the
// bundle. Likewise the outcome hooks (PostToolUse/PostToolUseFailure run after every tool call): only
// the cheap first look is in their bundles; lib/gate/outcome-run.ts is dist/gate-outcome.cjs. Required,
// never import()ed: the hooks run inside the launcher's vm.Script, where import() has no loader once
// V8's code cache is used.
export const gateReviewFromDist = swap('gate-review-from-dist', gateDir, 'review-loader', 'review-loader.dist');
export const gateOutcomeFromDist = swap('gate-outcome-from-dist', gateDir, 'outcome-loader', 'outcome-loader.dist');

// The page of `warden serve` (lib/serve/page/) goes into the CLI bundle as text: lib/serve/page-files.ts
// reads the files from disk under tsx; in the bundle it is a module that holds them.
export const servePageInline = {
  name: 'serve-page-inline',
  setup(b) {
    b.onResolve({ filter: /^\.\/page-files\.js$/ }, (args) => (args.resolveDir === serveDir ? { path: 'page-files', namespace: 'serve-page' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'serve-page' }, () => {
      const dir = path.join(serveDir, 'page');
      const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      return { contents: `const files = ${JSON.stringify(files)};\nexport function pageFiles() { return files; }\n`, loader: 'js' };
    });
  },
};

// `import fs from 'node:fs'` in our TypeScript: esbuild's CommonJS output wraps every such default
// import of a Node built-in in __toESM, which copies each of the module's exports onto a new object
// with a getter (40 of them in the PreToolUse bundle: ~1 ms of every hook start, npm run bench).
// Routed through one tiny ES module per built-in (`export default require('node:fs')`), each is one
// plain require and direct property access. Named imports (`import { isUtf8 } …`) already are.
const BUILTIN_DEFAULT = /^import (\w+) from '(node:[\w/]+)';$/gm;
export const builtinDefaults = {
  name: 'builtin-defaults',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return { contents: readFileSync(args.path, 'utf8').replace(BUILTIN_DEFAULT, "import $1 from 'builtin-default:$2';"), loader: 'ts' };
    });
    b.onResolve({ filter: /^builtin-default:node:/ }, (args) => ({ path: args.path.slice('builtin-default:'.length), namespace: 'builtin-default' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-default' }, (args) => ({ contents: `export default require(${JSON.stringify(args.path)});\n`, loader: 'js' }));
  },
};

/** The plugins of the hook and CLI bundles: everything heavy is a separate bundle required by path. */
export const HOOK_PLUGINS = [builtinDefaults, groupsFromDist, lazyIndexInline, sqlEngineFromDist, policyParserFromDist, gateStageFromDist, gateReviewFromDist, gateOutcomeFromDist, jsoncFromDist, registryFromDist, servePageInline];
