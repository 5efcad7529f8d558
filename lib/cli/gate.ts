// `warden pending | approve | reject | trust …`: the human's side of the safety gate. Renders what
// lib/gate returns; approvals and trust changes are journaled.
//
// These commands are for the human's own terminal. Run from inside a Claude Code tool call
// (CLAUDECODE=1 in the environment) the ones that grant or raise anything refuse: a speed bump for
// an agent that read `warden approve <id>` in a reason, not a barrier (SECURITY.md).

import os from 'node:os';
import { parseArgs } from 'node:util';
import { envFrom, loadPolicyFor } from '../pipeline.js';
import { wardenHome } from '../paths.js';
import type { EffectivePolicy } from '../policy/load.js';
import { tryAppend } from '../journal/record.js';
import { APPROVAL_ID, ApprovalError, decideApproval, listApprovals } from '../gate/approvals.js';
import { decisionDraft, trustDraft } from '../gate/journal.js';
import { StateError } from '../gate/state.js';
import { listTrust, recordTrust, resetAllTrust, resetTrust, setTrust, trustFile, trustOf, type TrustView } from '../gate/trust.js';

export const GATE_HELP = `Usage:
  warden pending [--all] [--json]        approvals waiting for you (--all: also decided ones)
  warden approve <id>                    let exactly that call through, once
  warden reject <id>                     refuse it (the agent is told; the service's trust drops)
  warden trust list [--json]             every service warden has seen, with its trust
  warden trust show <service> [--json]   one service: score, successes, failures, rejections, last use
  warden trust set <service> <score>     set a score (0 to 1)
  warden trust reset <service> | --all   forget a service (or every service, e.g. after a corrupt store)`;

function out(s: string): void {
  process.stdout.write(`${s}\n`);
}

function fail(msg: string, code = 1): number {
  process.stderr.write(`warden: ${msg}\n`);
  return code;
}

function usage(msg: string): number {
  process.stderr.write(`warden: ${msg}\n\n${GATE_HELP}\n`);
  return 64;
}

function context(): { home: string; policy: EffectivePolicy } {
  const home = wardenHome();
  return { home, policy: loadPolicyFor(envFrom(process.env, process.cwd(), os.homedir(), home)) };
}

/** Granting and raising are for a human's terminal, not for a tool call of the agent. */
function fromAgent(what: string): number | undefined {
  if (process.env.CLAUDECODE === undefined || process.env.CLAUDECODE === '') return undefined;
  return fail(`${what} must be run by a human in their own terminal, not from inside a Claude Code session (CLAUDECODE is set).`, 77);
}

function until(iso: string, now: number): string {
  const min = Math.round((Date.parse(iso) - now) / 60_000);
  return min >= 1 ? `in ${min} min` : Date.parse(iso) > now ? 'in under a minute' : `${Math.round((now - Date.parse(iso)) / 60_000)} min ago`;
}

export function pending(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { all: { type: 'boolean' }, json: { type: 'boolean' } }, allowPositionals: false });
  const { home } = context();
  const now = Date.now();
  let list;
  try {
    list = listApprovals(home, values.all === true, now);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (values.json === true) {
    out(JSON.stringify(list.map(({ hash: _h, now: state, ...a }) => ({ ...a, state })), null, 2));
    return 0;
  }
  if (list.length === 0) {
    out(values.all === true ? 'No approvals.' : 'Nothing is waiting for approval.');
    return 0;
  }
  for (const a of list) {
    const what = a.service !== undefined ? `  ${a.kind ?? ''} → ${a.service}` : '';
    out(`${a.id}  ${a.now.padEnd(8)} expires ${until(a.expires, now)}  ${a.tool}${what}`);
    out(`    ${a.summary.replace(/\s*\n\s*/g, ' ⏎ ')}`);
    out(`    in ${a.cwd}`);
    for (const line of a.reason.split('\n')) out(`    ${line}`);
  }
  if (list.some((a) => a.now === 'pending')) out('\nwarden approve <id> lets that exact call through once; warden reject <id> refuses it.');
  return 0;
}

export function decide(argv: string[], answer: 'granted' | 'rejected'): number {
  const verb = answer === 'granted' ? 'approve' : 'reject';
  const [id, ...extra] = argv;
  if (id === undefined || extra.length > 0) return usage(`usage: warden ${verb} <id>`);
  if (!APPROVAL_ID.test(id)) return usage(`not an approval id: ${JSON.stringify(id)} (six letters and digits, as \`warden pending\` shows)`);
  if (answer === 'granted') {
    const refused = fromAgent('warden approve');
    if (refused !== undefined) return refused;
  }
  const { home, policy } = context();
  const ttl = policy.gate.approvalTtlMinutes * 60_000;
  const now = Date.now();
  let a;
  try {
    a = decideApproval(home, id, answer, ttl, now);
  } catch (e) {
    return fail((e as Error).message, e instanceof ApprovalError ? 1 : 2);
  }
  const drafts = [decisionDraft(a.id, answer, a.summary)];
  if (answer === 'granted') {
    out(`Approved ${a.id}: ${a.tool} ${a.summary}`);
    out(`The agent's identical retry runs once, until ${new Date(Date.parse(a.expires)).toLocaleTimeString()} (${until(a.expires, now)}). Tell it to try again.`);
  } else {
    out(`Rejected ${a.id}: ${a.tool} ${a.summary}`);
    out('The agent is told a human rejected it if it retries.');
    if (a.service !== undefined) {
      try {
        const change = recordTrust(home, a.service, 'rejection', policy.gate.trust, now);
        if (change !== undefined) {
          out(`Trust in ${change.service}: ${change.before.toFixed(2)} → ${change.after.toFixed(2)}.`);
          drafts.push(trustDraft(change, `a human rejected approval ${a.id}`));
        }
      } catch (e) {
        process.stderr.write(`warden: the rejection stands, but trust in ${a.service} could not be lowered (${(e as Error).message})\n`);
      }
    }
  }
  const note = tryAppend(policy.journal, drafts);
  if (note !== undefined) process.stderr.write(`${note}\n`);
  return 0;
}

function viewJson(v: TrustView): Record<string, unknown> {
  return { service: v.service, score: v.score, successes: v.successes, failures: v.failures, rejections: v.rejections, last_used: v.last_used };
}

function route(v: TrustView, p: EffectivePolicy): string {
  const fixed = p.gate.services.get(v.service);
  if (fixed !== undefined) return `${fixed} (gate.services)`;
  const t = p.gate.trust;
  return v.score < t.approveBelow ? 'a human approves writes' : v.score < t.autoAbove ? 'writes are reviewed' : 'writes pass';
}

export function trust(argv: string[]): number {
  const [sub, ...rest] = argv;
  const { home, policy } = context();
  const t = policy.gate.trust;
  const now = Date.now();
  try {
    switch (sub) {
      case 'list': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, allowPositionals: false });
        const list = listTrust(home, t, now);
        if (values.json === true) out(JSON.stringify(list.map(viewJson), null, 2));
        else if (list.length === 0) out(`No service has a trust record yet (new services start at ${t.initial}).`);
        else for (const v of list) out(`${v.service.padEnd(32)} ${v.score.toFixed(2)}  ${String(v.successes).padStart(4)} ok ${String(v.failures).padStart(3)} failed ${String(v.rejections).padStart(3)} rejected  last used ${v.last_used ?? 'never'}  (${route(v, policy)})`);
        return 0;
      }
      case 'show': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, allowPositionals: true });
        const [service, ...extra] = positionals;
        if (service === undefined || extra.length > 0) return usage('usage: warden trust show <service> [--json]');
        const r = trustOf(home, service, t, now);
        if (r.error !== undefined) return fail(`${r.error}; every service scores 0 until it is fixed (warden trust reset --all)`);
        if (values.json === true) out(JSON.stringify(viewJson(r.view), null, 2));
        else {
          const v = r.view;
          out(`${v.service}: trust ${v.score.toFixed(2)}${v.known ? '' : ' (never used; the initial score)'}`);
          out(`  ${v.successes} succeeded, ${v.failures} failed, ${v.rejections} rejected; last used ${v.last_used ?? 'never'}`);
          out(`  thresholds: approve below ${t.approveBelow}, auto above ${t.autoAbove}; now: ${route(v, policy)}`);
        }
        return 0;
      }
      case 'set': {
        const [service, score, ...extra] = rest;
        if (service === undefined || score === undefined || extra.length > 0) return usage('usage: warden trust set <service> <score>');
        const refused = fromAgent('warden trust set');
        if (refused !== undefined) return refused;
        if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(score)) return usage(`a score is a number from 0 to 1, not ${JSON.stringify(score)}`);
        const change = setTrust(home, service, Number(score), t, now);
        out(`Trust in ${service}: ${change.before.toFixed(2)} → ${change.after.toFixed(2)}.`);
        const note = tryAppend(policy.journal, [trustDraft(change, 'set by a human (warden trust set)')]);
        if (note !== undefined) process.stderr.write(`${note}\n`);
        return 0;
      }
      case 'reset': {
        const [service, ...extra] = rest;
        if (service === undefined || extra.length > 0) return usage('usage: warden trust reset <service> | --all');
        // A reset can raise a score that rejections pushed below the initial one.
        const refused = fromAgent('warden trust reset');
        if (refused !== undefined) return refused;
        if (service === '--all') {
          resetAllTrust(home);
          out(`Every service starts again from ${t.initial} (${trustFile(home).file} emptied).`);
          return 0;
        }
        const had = resetTrust(home, service);
        out(had ? `Forgot ${service}; it starts again from ${t.initial}.` : `${service} had no trust record.`);
        return 0;
      }
      case undefined:
        return usage('warden trust needs a subcommand');
      default:
        return usage(`unknown trust subcommand ${sub}`);
    }
  } catch (e) {
    if (e instanceof StateError) return fail(`${e.message}; fix or move the file, or start afresh with warden trust reset --all`);
    return fail((e as Error).message);
  }
}
