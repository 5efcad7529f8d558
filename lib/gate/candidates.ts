// The cheap first look of the safety gate, on the hook's hot path: could this call act on a service
// outside the machine at all? Only then is the classifier (and the public-suffix data it needs)
// loaded. It must never say no to a call the classifier would find an operation in: a test runs
// every classifier table row through both.
//
// No files, no state; a few set lookups per simple command.

import { analyze, isDynamic, type SimpleCommand } from '../shell/analyze.js';
import type { ToolCall } from '../types.js';

/** Programs that are external operations whatever their arguments (or whose arguments are many). */
const ALWAYS: ReadonlySet<string> = new Set([
  ...['curl', 'wget', 'wget2', 'http', 'https', 'xh', 'xhs', 'gh', 'ssh', 'scp', 'rsync', 'sftp', 'aws', 'gcloud', 'gsutil', 'az'],
  ...['sendmail', 'msmtp', 'ssmtp', 'mail', 'mailx', 's-nail', 'bsd-mailx', 'mutt', 'neomutt', 'swaks'],
]);

/** Programs that are external operations only with one of these words among their arguments. */
const WHEN_WORD: Readonly<Record<string, ReadonlySet<string>>> = (() => {
  const npm = ['publish', 'unpublish', 'deprecate', 'undeprecate', 'dist-tag', 'dist-tags', 'owner', 'author', 'access', 'star', 'unstar', 'team', 'org', 'hook', 'trust', 'tag'];
  const s = (...xs: string[]): ReadonlySet<string> => new Set(xs);
  return {
    git: s('push', 'fetch', 'pull', 'clone', 'ls-remote', 'send-email'),
    npm: s(...npm),
    pnpm: s(...npm),
    yarn: s(...npm),
    bun: s(...npm),
    cargo: s('publish', 'yank', 'owner'),
    gem: s('push', 'yank', 'owner'),
    twine: s('upload'),
    poetry: s('publish'),
    uv: s('publish'),
    flit: s('publish'),
    hatch: s('publish'),
    docker: s('push'),
    podman: s('push'),
  };
})();

const INTERPRETER = /^(?:(?:python|pypy)(?:\d+(?:\.\d+)?)?|node|nodejs|deno|bun|ruby|perl|php)$/;
/** Words in inline or stdin code that may make a request (the classifier decides). */
const NETWORK_HINT = /:\/\/|post|put|patch|delete|smtp|mail|fetch|request|http|urlopen|lwp|curl/i;

export function isCandidateTool(tool: string): boolean {
  return tool === 'WebFetch' || tool === 'WebSearch' || tool.startsWith('mcp__');
}

/** Could this simple command be an external operation? */
export function isCandidateCommand(cmd: SimpleCommand): boolean {
  const p = cmd.program;
  if (p === '') return false;
  if (isDynamic(p)) return cmd.argv.some((a) => a.includes('://'));
  if (ALWAYS.has(p)) return true;
  const words = WHEN_WORD[p];
  if (words !== undefined && cmd.argv.some((a) => words.has(a))) return true;
  if (INTERPRETER.test(p)) {
    const stdin = cmd.stdin !== undefined && 'text' in cmd.stdin ? (cmd.stdin.text ?? '') : '';
    return cmd.argv.slice(1).some((a) => NETWORK_HINT.test(a)) || NETWORK_HINT.test(stdin);
  }
  return false;
}

/** The simple commands of a Bash call (undefined for another tool or a Bash input without a command string). */
export function bashCommands(call: ToolCall, home: string): readonly SimpleCommand[] | undefined {
  if (call.tool !== 'Bash' || typeof call.input.command !== 'string') return undefined;
  return analyze(call.input.command, { cwd: call.cwd, home }).commands;
}

/**
 * Could this call reach outside the machine? Bash commands are analysed (cheap; no files read), or
 * `commands` is an analysis already made of this very call (the guard's, or bashCommands').
 */
export function mayBeExternal(call: ToolCall, home: string, commands?: readonly SimpleCommand[]): boolean {
  if (call.tool !== 'Bash') return isCandidateTool(call.tool);
  return (commands ?? bashCommands(call, home) ?? []).some(isCandidateCommand);
}
