// Bundles each hook and the CLI into one CommonJS file under dist/ (CJS starts measurably faster
// than ESM in Node 20). Hooks never run through tsx.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** Every bundle: one minified CommonJS file for Node 20 in dist/. */
const COMMON = {
  outdir: out,
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
  define: { __WARDEN_BUILD__: JSON.stringify(randomBytes(8).toString('hex')) },
};

const hooks = readdirSync(path.join(root, 'hooks')).filter((f) => f.endsWith('.ts'));
const entries = [...hooks.map((f) => ({ in: path.join(root, 'hooks', f), out: f.replace(/\.ts$/, '') })), { in: path.join(root, 'lib/cli/bin.ts'), out: 'warden' }];

// The SQL engine (lib/sql) and node-sql-parser stay out of the hook and CLI bundles. The engine
// is dist/sql-engine.cjs: the hooks get engine-loader.dist.ts in place of engine-loader.ts, which
// requires it from next to them when a command needs it. Each node-sql-parser dialect is
// dist/sql-<dialect>.cjs: the engine gets parser.dist.ts in place of parser.ts, which requires one
// the first time a statement of that dialect needs parsing.
const SQL_DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite'];
const sqlDir = path.join(root, 'lib', 'sql');
const swap = (name, dir, from, to) => ({
  name,
  setup(b) {
    b.onResolve({ filter: new RegExp(`/${from}\\.js$`) }, (args) => (path.resolve(args.resolveDir, args.path) === path.join(dir, `${from}.js`) ? { path: path.join(dir, `${to}.ts`) } : undefined));
  },
});
const sqlEngineFromDist = swap('sql-engine-from-dist', sqlDir, 'engine-loader', 'engine-loader.dist');
// Likewise the policy parser (YAML and zod): dist/policy-parse.cjs, required by the hooks only when
// a policy file is not in the compiled-policy cache (lib/policy/cache.ts).
const policyDir = path.join(root, 'lib', 'policy');
const policyParserFromDist = swap('policy-parser-from-dist', policyDir, 'parse-loader', 'parse-loader.dist');
// And the gate's stage (classifier, public-suffix data, trust and approval stores):
// dist/gate-stage.cjs, required only for a call that is held or may leave the machine.
const gateStageFromDist = swap('gate-stage-from-dist', path.join(root, 'lib', 'gate'), 'stage-loader', 'stage-loader.dist');

await build({
  plugins: [swap('sql-parser-from-dist', sqlDir, 'parser', 'parser.dist')],
  entryPoints: [...SQL_DIALECTS.map((d) => ({ in: path.join(root, 'node_modules', 'node-sql-parser', 'build', `${d}.js`), out: `sql-${d}` })), { in: path.join(sqlDir, 'engine.ts'), out: 'sql-engine' }],
  ...COMMON,
});

// @anthropic-ai/sdk stays out of them too: lib/gate/review.ts imports ./review-sdk.js only when a
// review is needed; in the bundles that import is dist/gate-review.cjs (built below), required from
// next to the hook.
const gateDir = path.join(root, 'lib', 'gate');
// Likewise the outcome hooks (PostToolUse/PostToolUseFailure run after every tool call): only the
// cheap first look is in their bundles; lib/gate/outcome-run.ts is dist/gate-outcome.cjs.
const gateReviewFromDist = {
  name: 'gate-review-from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\/review-sdk\.js$/ }, (args) => (args.resolveDir === gateDir ? { path: './gate-review.cjs', external: true } : undefined));
    b.onResolve({ filter: /^\.\/outcome-run\.js$/ }, (args) => (args.resolveDir === gateDir ? { path: './gate-outcome.cjs', external: true } : undefined));
  },
};

await build({
  entryPoints: [{ in: path.join(gateDir, 'review-sdk.ts'), out: 'gate-review' }],
  ...COMMON,
});

await build({
  plugins: [sqlEngineFromDist, gateReviewFromDist],
  entryPoints: [{ in: path.join(policyDir, 'parse.ts'), out: 'policy-parse' }],
  ...COMMON,
});

// The page of `warden serve` (lib/serve/page/) goes into the CLI bundle as text: lib/serve/page-files.ts
// reads the files from disk under tsx; in the bundle it is a module that holds them.
const serveDir = path.join(root, 'lib', 'serve');
const servePageInline = {
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

await build({
  plugins: [sqlEngineFromDist, policyParserFromDist, gateReviewFromDist],
  entryPoints: [{ in: path.join(gateDir, 'stage.ts'), out: 'gate-stage' }],
  ...COMMON,
});

await build({
  plugins: [sqlEngineFromDist, policyParserFromDist, gateStageFromDist, gateReviewFromDist, servePageInline],
  entryPoints: [...entries, { in: path.join(gateDir, 'outcome-run.ts'), out: 'gate-outcome' }],
  ...COMMON,
});
copyFileSync(path.join(root, 'config', 'policy.yaml'), path.join(out, 'policy.yaml'));
// The launcher every registered hook command runs (hooks/launch.cjs): plain CommonJS, copied as is.
copyFileSync(path.join(root, 'hooks', 'launch.cjs'), path.join(out, 'launch.cjs'));
