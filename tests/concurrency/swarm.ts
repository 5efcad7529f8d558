// Many hook processes at once, as Claude Code starts them for parallel tool calls and several
// sessions: every process spawned before any is awaited, each with its own stdin. Used by the tests
// that run hooks at once (or await one), and by `npm run bench` (tests/bench/concurrency.ts).
import { spawn } from 'node:child_process';

export interface SwarmResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Swarm {
  results: SwarmResult[];
  /** From the first spawn to the last exit. */
  wallMs: number;
}

/** Runs `node <bundle>` once per stdin, all at once; resolves when every one has exited. */
export async function swarm(bundle: string, stdins: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Swarm> {
  const t0 = performance.now();
  const runs = stdins.map(
    (input) =>
      new Promise<SwarmResult>((resolve, reject) => {
        const child = spawn(process.execPath, [bundle], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
        child.stdin.end(input);
      }),
  );
  const results = await Promise.all(runs);
  return { results, wallMs: performance.now() - t0 };
}
