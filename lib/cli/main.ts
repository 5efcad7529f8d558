// The `warden` command. Each subcommand renders what a lib module returns; no guard logic here.

import os from 'node:os';
import { parseArgs } from 'node:util';
import { decideCall, envFrom } from '../pipeline.js';
import { wardenHome } from '../paths.js';
import { RULES } from '../rules/index.js';
import { presetAction } from '../policy/load.js';
import type { Decision, TraceStep } from '../types.js';
import { doctor, install, uninstall } from '../install/index.js';
import { journal } from './journal.js';
import { decide, pending, trust } from './gate.js';

export const HELP = `warden — guard rails for Claude Code with --dangerously-skip-permissions

Usage:
  warden explain [--json] [--cwd DIR] -- <command…>   what warden decides for a Bash command, and why
  warden explain [--json] --tool NAME --input JSON    the same for any tool call
  warden rules                                        every rule with its id, packs and default action
  warden install [--project]                          register the hooks in ~/.claude/settings.json
                                                      (--project: write committable .claude/warden.yaml
                                                      and .claude/identity.md in the current directory)
  warden uninstall [--purge]                          remove exactly what install added (--purge: also
                                                      ~/.claude/warden with your policy)
  warden doctor                                       check the installation; non-zero exit if anything is wrong
  warden journal tail [-n N] [--json] [--session S] [--decision D] [--rule R]
                                                      the last entries of the decision journal
  warden journal search <text>                        journal entries containing <text>
  warden journal verify                               check the journal's hash chain; non-zero exit naming
                                                      the first edited, deleted, reordered or missing entry
  warden journal note --decision "…" --rationale "…"  record a significant decision (the one journal
                                                      command the agent itself may run)
  warden pending [--all] [--json]                     approvals waiting for you (every ask opens one)
  warden approve <id>                                 let exactly that held call through, once
  warden reject <id>                                  refuse it; the service's trust drops
  warden trust list|show <service> [--json]           per-service trust of the safety gate
  warden trust set <service> <score> | reset <service>|--all
                                                      set or forget a service's trust (0 to 1)
  warden serve [--port P] [--host H] [--allow-remote] the page and API for approvals, the journal and trust
                                                      on 127.0.0.1 (prints a one-time login link; a
                                                      non-loopback --host needs --allow-remote)
  warden --help | --version

Files:
  ~/.claude/warden/policy.yaml      your policy (or $WARDEN_HOME/policy.yaml); edit by hand
  <project>/.claude/warden.yaml     per-project policy, committed with the repo; may only tighten
  ~/.claude/warden/identity.md      who the agent is; shown at every session start, resume and compaction,
                                    with <project>/.claude/identity.md
  ~/.claude/warden/journal/         the hash-chained decision journal (secrets redacted)
  ~/.claude/warden/gate/            trust scores, pending approvals, the review cache, latest prompts
  ~/.claude/warden/server.token     the API token of warden serve (0600)
  ~/.claude/warden/bin/             the installed bundles; each hook runs as launch.cjs <hook>, with a
                                    V8 code cache (*.v8cache) next to each bundle it loads
  ~/.claude/warden/cache/           parsed policy files, reused until a file changes (safe to delete)
  ~/.claude/settings.json           where the hooks are registered (or enable the plugin: README)

Decisions: deny blocks in every mode; ask needs a human (in headless or
--dangerously-skip-permissions runs Claude Code turns it into a block); allow
leaves the call to Claude Code's own permission rules.`;

function out(s: string): void {
  process.stdout.write(`${s}\n`);
}

function renderTrace(step: TraceStep): string | undefined {
  switch (step.kind) {
    case 'input':
      return `input    ${step.tool}: ${step.summary}`;
    case 'policy':
      return `policy   preset ${step.preset}; ${step.sources.length > 0 ? step.sources.join(', ') : 'built-in defaults only'}${step.errors.map((e) => `\n  ERROR  ${e}`).join('')}${step.warnings.map((w) => `\n  warn   ${w}`).join('')}`;
    case 'unwrap':
      return `${'  '.repeat(step.depth)}unwrap   ${step.wrapper} → ${step.text}`;
    case 'command':
      return `${'  '.repeat(step.depth)}command  ${step.text}   [program ${step.program || '(none)'}; cwd ${step.cwd}${step.via.length > 0 ? `; via ${step.via.join(' › ')}` : ''}]`;
    case 'bound':
      return `bound    ${step.what} (limit ${step.limit})`;
    case 'sql':
      return renderSql(step);
    case 'rule':
      return `rule     ${step.ruleId} → ${step.action}   on: ${step.segment}`;
    case 'exception':
      return `except   ${step.ruleId} let through by ${step.by}`;
    case 'error':
      return `error    ${step.component}: ${step.message} (fails ${step.failMode})`;
    case 'gate-op':
      return `gate     ${step.op} on ${step.service} → ${step.route}${step.score !== undefined ? ` (trust ${step.score.toFixed(2)})` : ''}   ${step.target}\n           ${step.why}`;
    case 'gate-review':
      return `review   ${step.model}${step.cached ? ' (cached)' : ''} → ${step.decision}${step.risk !== undefined ? `, risk ${step.risk}` : ''}: ${step.rationale}`;
    case 'approval':
      return `approval ${step.id} ${step.state}`;
  }
}

function renderSql(step: Extract<TraceStep, { kind: 'sql' }>): string {
  const pad = '  '.repeat(step.depth);
  const lines = [`${pad}sql      ${step.client} (${step.dialect}) → ${step.target}; node-sql-parser ${step.parser}`];
  for (const s of step.statements) {
    const how = s.by === 'parser' ? 'parsed' : s.by === 'client' ? 'client command' : 'from tokens';
    lines.push(`${pad}  stmt   ${s.text}   [${s.kinds.join('; ')}; ${how}${s.note !== undefined ? `: ${s.note}` : ''}${s.origin !== undefined ? `; from ${s.origin}` : ''}]`);
  }
  if (step.more > 0) lines.push(`${pad}  …      ${step.more} more statements`);
  for (const u of step.unseen) lines.push(`${pad}  unseen ${u}`);
  return lines.join('\n');
}

export function renderDecision(d: Decision): string {
  const lines = d.trace.map(renderTrace).filter((l): l is string => l !== undefined);
  lines.push(`decision ${d.verdict.toUpperCase()}`);
  for (const f of d.findings) lines.push(`  [${f.ruleId}] (${f.action}) ${f.message}`);
  if (d.gate !== undefined || d.approval !== undefined) {
    for (const line of d.reason.split('\n').filter((l) => l.startsWith('[gate]') || l.startsWith('[approval]'))) lines.push(`  ${line}`);
  }
  if (d.approval?.state === 'granted') lines.push(`  approval ${d.approval.id} is granted: the agent's identical call would run once`);
  return lines.join('\n');
}

async function explain(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const { values } = parseArgs({
    args: dash === -1 ? argv : argv.slice(0, dash),
    options: { json: { type: 'boolean' }, tool: { type: 'string' }, input: { type: 'string' }, cwd: { type: 'string' } },
    allowPositionals: false,
  });
  const cwd = values.cwd ?? process.cwd();
  let tool = 'Bash';
  let input: Record<string, unknown>;
  if (values.tool !== undefined) {
    tool = values.tool;
    const parsed: unknown = JSON.parse(values.input ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('--input must be a JSON object');
    input = parsed as Record<string, unknown>;
  } else {
    if (dash === -1 || dash === argv.length - 1) {
      process.stderr.write('usage: warden explain [--json] -- <command…>\n');
      return 64;
    }
    input = { command: argv.slice(dash + 1).join(' ') };
  }
  const env = envFrom(process.env, cwd, os.homedir(), wardenHome());
  // A dry run: the same pipeline the hook runs, but no reviewer is asked and no approval is opened or used.
  const decision = await decideCall({ tool, input, cwd }, env, { dryRun: true });
  out(values.json ? JSON.stringify(decision, null, 2) : renderDecision(decision));
  return 0;
}

function rules(): number {
  for (const r of RULES) {
    out(`${r.id.padEnd(28)} ${presetAction(r, 'standard').padEnd(5)} ${r.meta.packs.join(',').padEnd(11)} ${r.meta.description}${r.meta.locked ? ' (locked)' : ''}`);
  }
  return 0;
}

export function main(argv: string[]): number | Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      out(HELP);
      return 0;
    case '--version':
      out('warden 0.1.0');
      return 0;
    case 'explain':
      return explain(rest);
    case 'rules':
      return rules();
    case 'install':
      return install(rest);
    case 'uninstall':
      return uninstall(rest);
    case 'doctor':
      return doctor(rest);
    case 'journal':
      return journal(rest);
    case 'pending':
      return pending(rest);
    case 'approve':
      return decide(rest, 'granted');
    case 'reject':
      return decide(rest, 'rejected');
    case 'trust':
      return trust(rest);
    case 'serve':
      // Loaded only for this command: the server, its page and the policy parser.
      return import('../serve/index.js').then((m) => m.serve(rest));
    default:
      process.stderr.write(`warden: unknown command ${cmd}\n\n${HELP}\n`);
      return 64;
  }
}
