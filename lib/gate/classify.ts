// The safety gate's classifier: which operations a tool call performs on services outside the
// machine, each with a service key and a kind (read, write, delete, send, publish, execute).
// DESIGN.md, "Safety gate". Bash commands are read through lib/shell/analyze.ts (so wrappers,
// `sh -c`, `$(…)` and variables are seen through); each simple command goes to the classifier of
// its program (./ops/*.ts). MCP tools, WebFetch and WebSearch are classified by name and input.
//
// Trust model: the call is hostile. Every classifier errs towards the stronger kind (an unknown
// method, verb or subcommand writes) and towards "external" (a target warden cannot resolve is
// UNRESOLVED, which never earns trust). Local operations are returned too, marked `local`, so
// `warden explain` and the tests can show why they are not gated.
//
// Fail mode: throws only on a malformed Bash input (no command string), which the hook turns into a
// deny. Limits: those of the shell analysis (lib/shell/analyze.ts LIMITS); a command cut short by
// them is held by the guard (core/analysis-bound) before the gate sees it.

import { analyze, isDynamic, type SimpleCommand } from '../shell/analyze.js';
import type { ToolCall } from '../types.js';
import { aws, az, gcloud, gsutil } from './ops/cloud.js';
import { gh } from './ops/gh.js';
import { git } from './ops/git.js';
import { curl, httpie, wget } from './ops/http.js';
import { interpreter } from './ops/interpreter.js';
import { mailx, mutt, sendmail, swaks } from './ops/mail.js';
import { cargo, gem, imagePush, jsRegistry, pypi } from './ops/registry.js';
import { rsync, scp, sftp, ssh } from './ops/remote.js';
import { toolOps } from './ops/tools.js';
import { opForUrl, type Classifier, type CommandContext, type Operation } from './ops/types.js';

export type { Operation };

/** An operation and the simple command or tool call it came from. */
export interface ClassifiedOp extends Operation {
  segment: string;
}

const both =
  (a: Classifier, b: Classifier): Classifier =>
  (argv, ctx) => [...a(argv, ctx), ...b(argv, ctx)];

/** Program (basename) → its classifier. Interpreters are matched by pattern (PYTHON) as well. */
export const CLASSIFIERS: Readonly<Record<string, Classifier>> = {
  curl,
  wget,
  wget2: wget,
  http: httpie,
  https: httpie,
  xh: httpie,
  xhs: httpie,
  gh,
  git,
  npm: jsRegistry,
  pnpm: jsRegistry,
  yarn: jsRegistry,
  bun: both(jsRegistry, interpreter),
  cargo,
  twine: pypi,
  poetry: pypi,
  uv: pypi,
  flit: pypi,
  hatch: pypi,
  gem,
  docker: imagePush,
  podman: imagePush,
  ssh,
  scp,
  rsync,
  sftp,
  aws,
  gcloud,
  gsutil,
  az,
  sendmail,
  msmtp: sendmail,
  ssmtp: sendmail,
  mail: mailx,
  mailx,
  's-nail': mailx,
  'bsd-mailx': mailx,
  mutt,
  neomutt: mutt,
  swaks,
  node: interpreter,
  nodejs: interpreter,
  deno: interpreter,
  ruby: interpreter,
  perl: interpreter,
  php: interpreter,
};

const PYTHON = /^(?:python|pypy)(?:\d+(?:\.\d+)?)?$/;

function stdinText(cmd: SimpleCommand): string | undefined {
  const s = cmd.stdin;
  if (s === undefined) return undefined;
  if (s.kind === 'heredoc' || s.kind === 'herestring') return s.text;
  if (s.kind === 'pipe') return s.text;
  return undefined;
}

/** The operations of one simple command. */
export function classifyCommand(cmd: SimpleCommand, home: string): Operation[] {
  const p = cmd.program;
  if (p === '') return [];
  if (isDynamic(p)) {
    // `$CLIENT -d @secrets https://…`: the program could be any client; its URLs are written to.
    return cmd.argv.slice(1).flatMap((a) => (a.includes('://') ? (opForUrl('write', a) ?? []) : []));
  }
  const classifier = CLASSIFIERS[p] ?? (PYTHON.test(p) ? interpreter : undefined);
  if (classifier === undefined) return [];
  const text = stdinText(cmd);
  const ctx: CommandContext = { cwd: cmd.cwd, home, ...(text !== undefined ? { stdinText: text } : {}) };
  return classifier(cmd.argv, ctx);
}

/** The operations of a tool call (Bash through the shell analysis). `commands`: an analysis already made. */
export function classifyCall(call: ToolCall, home: string, commands?: readonly SimpleCommand[]): ClassifiedOp[] {
  if (call.tool !== 'Bash') {
    return toolOps(call.tool, call.input).map((op) => ({ ...op, segment: call.tool }));
  }
  if (typeof call.input.command !== 'string') throw new Error('Bash tool_input has no command string');
  const cmds = commands ?? analyze(call.input.command, { cwd: call.cwd, home }).commands;
  return cmds.flatMap((cmd) => classifyCommand(cmd, home).map((op) => ({ ...op, segment: cmd.text })));
}
