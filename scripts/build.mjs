// Bundles each hook and the CLI into one CommonJS file under dist/ (CJS starts measurably faster
// than ESM in Node 20). Hooks never run through tsx.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const hooks = readdirSync(path.join(root, 'hooks')).filter((f) => f.endsWith('.ts'));
const entries = [...hooks.map((f) => ({ in: path.join(root, 'hooks', f), out: f.replace(/\.ts$/, '') })), { in: path.join(root, 'lib/cli/bin.ts'), out: 'warden' }];

// node-sql-parser stays out of the hook and CLI bundles: lib/sql/parser.ts is swapped for
// parser.dist.ts, which requires one dialect's own bundle (dist/sql-<dialect>.cjs, built below)
// the first time a statement of that dialect needs parsing.
const SQL_DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite'];
const sqlDir = path.join(root, 'lib', 'sql');
const sqlParserFromDist = {
  name: 'sql-parser-from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\/parser\.js$/ }, (args) => (args.resolveDir === sqlDir ? { path: path.join(sqlDir, 'parser.dist.ts') } : undefined));
  },
};

await build({
  entryPoints: SQL_DIALECTS.map((d) => ({ in: path.join(root, 'node_modules', 'node-sql-parser', 'build', `${d}.js`), out: `sql-${d}` })),
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
});

await build({
  plugins: [sqlParserFromDist],
  entryPoints: entries,
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
});
copyFileSync(path.join(root, 'config', 'policy.yaml'), path.join(out, 'policy.yaml'));
