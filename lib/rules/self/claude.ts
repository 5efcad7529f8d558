// A nested Claude Code, however it is started — `claude`, `claude.exe`, `npx @anthropic-ai/claude-code`,
// `pnpm dlx …`, `node …/@anthropic-ai/claude-code/cli.js`, or a program warden cannot name given
// flags only Claude Code has — and what its command line does to the hooks (checked against
// `claude --help` of Claude Code 2.1.331). The shell analysis has already unwrapped `sudo`, `env`,
// `timeout`, `bash -c`, `xargs` and the rest.

import { isDynamic, programName, type SimpleCommand } from '../../shell/analyze.js';

export interface ClaudeCall {
  /** The CLI's own arguments. */
  args: readonly string[];
  /** The program could be anything (`$C …`): only flags no other program has count. */
  guessed: boolean;
}

const PACKAGE = /^@anthropic-ai\/claude-code(?:@[^/]*)?$/;

function isClaudeScript(w: string): boolean {
  return programName(w) === 'claude' || w.includes('@anthropic-ai/claude-code/');
}

/** Runner options that take a value (npx -p PKG, --package PKG, -c CMD). */
const RUNNER_VALUE = new Set(['-p', '--package', '-c', '--call', '--cache', '--registry', '--userconfig', '-w', '--workspace']);
/** Node-style runtimes: their options that take a value. */
const RUNTIME_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--title', '--inspect-port']);

/** After a package runner's options: the package's own command and arguments, if it is Claude Code. */
function fromRunner(words: readonly string[]): ClaudeCall | undefined {
  let viaPackage = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '--') continue;
    if (w.startsWith('--package=')) {
      viaPackage ||= PACKAGE.test(w.slice('--package='.length));
      continue;
    }
    if (RUNNER_VALUE.has(w)) {
      if ((w === '-p' || w === '--package') && PACKAGE.test(words[i + 1] ?? '')) viaPackage = true;
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    if (PACKAGE.test(w) || programName(w) === 'claude' || (viaPackage && isDynamic(w))) return { args: words.slice(i + 1), guessed: false };
    return isDynamic(w) ? { args: words.slice(i + 1), guessed: true } : undefined;
  }
  return undefined;
}

/** The nested Claude Code `cmd` starts, if it starts one. */
export function claudeCall(cmd: SimpleCommand): ClaudeCall | undefined {
  const argv = cmd.argv;
  const rest = argv.slice(1);
  const prog = cmd.program;
  if (prog === 'claude') return { args: rest, guessed: false };
  if (isDynamic(prog)) return { args: rest, guessed: true };
  switch (prog) {
    case 'node':
    case 'nodejs':
    case 'bun':
    case 'deno':
    case 'tsx': {
      if (prog === 'bun' && rest[0] === 'x') return fromRunner(rest.slice(1));
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i] as string;
        if (RUNTIME_VALUE.has(w)) {
          i++;
          continue;
        }
        if (w.startsWith('-')) continue;
        if (prog === 'deno' && w === 'run') continue;
        if (isClaudeScript(w)) return { args: rest.slice(i + 1), guessed: false };
        return isDynamic(w) ? { args: rest.slice(i + 1), guessed: true } : undefined;
      }
      return undefined;
    }
    case 'npx':
    case 'pnpx':
    case 'bunx':
      return fromRunner(rest);
    case 'npm':
      return rest[0] === 'exec' || rest[0] === 'x' ? fromRunner(rest.slice(1)) : undefined;
    case 'pnpm':
    case 'yarn':
      return rest[0] === 'dlx' || rest[0] === 'exec' ? fromRunner(rest.slice(1)) : undefined;
    default:
      return undefined;
  }
}

/** Claude Code's options that take a value (so the value is not read as a flag or a subcommand). */
const VALUE = new Set([
  '--add-dir', '--agent', '--agents', '--allowedTools', '--allowed-tools', '--append-system-prompt', '--autocompact', '--betas', '--cloud', '--debug-file',
  '--disallowedTools', '--disallowed-tools', '--effort', '--environment', '--fallback-model', '--file', '--input-format', '--json-schema', '--max-budget-usd',
  '--mcp-config', '--model', '-n', '--name', '--output-format', '--permission-mode', '--permission-prompts', '--plugin-dir', '--plugin-url', '-r', '--resume',
  '--session-id', '--setting-sources', '--settings', '--system-prompt', '--system-prompt-snapshot', '--tools', '--remote-control-session-name-prefix',
]);

export interface ClaudeFlag {
  /** The option as written (`--settings`, `--permission-mode bypassPermissions`). */
  flag: string;
  /** The option's name, for the rules' tables. */
  name: string;
}

/** The options on a Claude Code command line (name and the option as written), and its subcommand words. */
export function claudeOptions(args: readonly string[]): { flags: ClaudeFlag[]; words: string[] } {
  const flags: ClaudeFlag[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq);
      let value = eq === -1 ? undefined : a.slice(eq + 1);
      if (value === undefined && VALUE.has(name)) value = args[++i];
      flags.push({ name: value !== undefined && name === '--permission-mode' ? `${name} ${value}` : name, flag: value === undefined ? name : `${name} ${value}` });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (VALUE.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  return { flags, words };
}
