// Package and task runners that start a project's database tool: `npx prisma …`, `pnpm exec
// prisma …`, `bundle exec rails …`, `python manage.py …`, `php artisan …`. The shell analysis
// unwraps sudo/env-style wrappers; these are specific to the tools the database rules know, so
// they are unwrapped here.

/** Programs that run another tool named by their arguments. */
export const RUNNERS: readonly string[] = ['npx', 'pnpx', 'bunx', 'pnpm', 'yarn', 'bun', 'npm', 'bundle', 'poetry', 'uv', 'pipenv', 'pdm', 'python', 'python3', 'php'];

/** Runner options that take a value (the value is not the tool). */
const VALUE = new Set(['-p', '--package', '-c', '--call', '--cwd', '-C', '--dir', '--filter', '-F', '--workspace', '-w', '--with', '--python', '--project', '--directory', '-m']);

const SUB: Readonly<Record<string, readonly string[]>> = {
  pnpm: ['exec', 'dlx', 'run'],
  yarn: ['exec', 'dlx', 'run'],
  bun: ['x', 'run', 'exec'],
  npm: ['exec', 'x'],
  bundle: ['exec'],
  poetry: ['run'],
  uv: ['run', 'tool'],
  pipenv: ['run'],
  pdm: ['run'],
};

const base = (w: string): string => w.slice(w.lastIndexOf('/') + 1);

/**
 * The tool's argv behind a runner (program as a basename), or the argv itself. `python -m django
 * …` is `django-admin …`; `python manage.py …` is `manage.py …`; `php artisan …` is `artisan …`.
 */
export function unwrapRunner(argv: readonly string[]): string[] {
  let cur = [base(argv[0] ?? ''), ...argv.slice(1)];
  for (let guard = 0; guard < 4; guard++) {
    const prog = cur[0] as string;
    if (!RUNNERS.includes(prog)) break;
    let i = 1;
    const subs = SUB[prog];
    if (subs !== undefined && subs.includes(cur[1] ?? '')) i = 2;
    if (prog === 'uv' && cur[1] === 'tool' && cur[2] === 'run') i = 3;
    for (; i < cur.length; i++) {
      const a = cur[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if ((prog === 'python' || prog === 'python3') && a === '-m') {
        if (cur[i + 1] === 'django') return ['django-admin', ...cur.slice(i + 2)];
        return cur.slice(i + 1);
      }
      if (!a.startsWith('-')) break;
      if (VALUE.has(a)) i++;
    }
    const rest = cur.slice(i);
    if (rest.length === 0) return cur;
    cur = [base(rest[0] as string), ...rest.slice(1)];
  }
  return cur;
}
