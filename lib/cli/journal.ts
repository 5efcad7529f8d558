// `warden journal …`: read, search and verify the decision journal, and `note`, the one journal
// command the agent itself may run (the briefing tells it so). Renders what lib/journal returns.

import os from 'node:os';
import { parseArgs } from 'node:util';
import { envFrom, loadPolicyFor } from '../env.js';
import { wardenHome } from '../paths.js';
import type { JournalEntry } from '../journal/entry.js';
import { allEntries, entryHasRule, entryMentions } from '../journal/read.js';
import { appendEntries } from '../journal/store.js';
import type { JournalSettings } from '../journal/record.js';
import { describeBad, verifyJournal } from '../journal/verify.js';

export const JOURNAL_HELP = `Usage:
  warden journal tail [-n N] [--json] [--session S] [--decision D] [--rule R] [--event E]
                                      the last N entries (default 20), oldest first
  warden journal search [-n N] [--json] <text>
                                      entries containing <text> (case-insensitive)
  warden journal verify               check the hash chain; exit 1 naming the first bad entry
  warden journal note --decision "…" --rationale "…"
                                      record a significant decision of the agent's own`;

const DEFAULT_TAIL = 20;

function out(s: string): void {
  process.stdout.write(`${s}\n`);
}

function usage(msg: string): number {
  process.stderr.write(`warden journal: ${msg}\n\n${JOURNAL_HELP}\n`);
  return 64;
}

function settings(): JournalSettings {
  return loadPolicyFor(envFrom(process.env, process.cwd(), os.homedir(), wardenHome())).journal;
}

const journalDir = (): string => settings().dir;

/** One entry as one or more lines of text. */
export function renderEntry(e: JournalEntry): string {
  const head = [`#${e.seq}`, `${e.time.slice(0, 19).replace('T', ' ')}Z`, (e.session ?? '-').slice(0, 8), e.event];
  if (e.decision !== undefined) head.push(e.decision);
  if (e.tool !== undefined) head.push(e.tool);
  if (e.rules !== undefined && e.rules.length > 0) head.push(`[${e.rules.join(', ')}]`);
  if (e.source !== undefined) head.push(`(${e.source})`);
  if (e.agent !== undefined) head.push(`agent ${e.agent}`);
  if (e.approval !== undefined) head.push(`approval ${e.approval.id} ${e.approval.state}`);
  if (e.trust !== undefined) head.push(`trust ${e.trust.service} ${e.trust.before} → ${e.trust.after}`);
  if (e.gate !== undefined) head.push(`gate ${e.gate.verdict}${e.gate.service !== undefined ? ` ${e.gate.service}` : ''}`);
  if (e.identity !== undefined) head.push(`identity ${e.identity.bytes} bytes from ${e.identity.files.length} file(s)${e.identity.truncated ? ', truncated' : ''}`);
  if (e.input !== undefined) head.push(` ${e.input.replace(/\s*\n\s*/g, ' ⏎ ')}`);
  if (e.note !== undefined) head.push(` ${e.note}`);
  const lines = [head.join(' ')];
  for (const r of [e.rationale, e.gate?.rationale]) {
    if (r !== undefined) lines.push(...r.split('\n').map((l) => `    ${l}`));
  }
  return lines.join('\n');
}

function readOrReport(dir: string): JournalEntry[] {
  const { entries, unreadable } = allEntries(dir);
  if (unreadable > 0) process.stderr.write(`warden journal: ${unreadable} line(s) could not be read; run \`warden journal verify\`\n`);
  return entries;
}

function print(entries: JournalEntry[], json: boolean | undefined): void {
  for (const e of entries) out(json ? JSON.stringify(e) : renderEntry(e));
}

function count(v: string | undefined, fallback: number): number | undefined {
  if (v === undefined) return fallback;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

function tail(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', short: 'n' },
      json: { type: 'boolean' },
      session: { type: 'string' },
      decision: { type: 'string' },
      rule: { type: 'string' },
      event: { type: 'string' },
    },
    allowPositionals: false,
  });
  const n = count(values.n, DEFAULT_TAIL);
  if (n === undefined) return usage('-n takes a number');
  if (values.decision !== undefined && !['allow', 'ask', 'deny'].includes(values.decision)) return usage('--decision is allow, ask or deny');
  const matches = readOrReport(journalDir()).filter(
    (e) =>
      (values.session === undefined || (e.session ?? '').startsWith(values.session)) &&
      (values.decision === undefined || e.decision === values.decision) &&
      (values.event === undefined || e.event === values.event) &&
      (values.rule === undefined || entryHasRule(e, values.rule)),
  );
  print(n === 0 ? [] : matches.slice(-n), values.json);
  return 0;
}

function search(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, options: { n: { type: 'string', short: 'n' }, json: { type: 'boolean' } }, allowPositionals: true });
  const text = positionals.join(' ').toLowerCase();
  if (text === '') return usage('search needs a text');
  const n = count(values.n, Number.MAX_SAFE_INTEGER);
  if (n === undefined) return usage('-n takes a number');
  const matches = readOrReport(journalDir()).filter((e) => entryMentions(e, text));
  print(matches.slice(-n), values.json);
  return 0;
}

function verify(argv: string[]): number {
  if (argv.length > 0) return usage(`verify takes no arguments (got ${argv.join(' ')})`);
  const dir = journalDir();
  const r = verifyJournal(dir);
  for (const n of r.notes) out(`note: ${n}`);
  if (!r.ok && r.bad !== undefined) {
    out(`journal verify FAILED in ${dir}: first bad ${describeBad(r.bad)}`);
    return 1;
  }
  if (r.entries === 0) {
    out(`journal ok: no entries yet in ${dir}`);
    return 0;
  }
  const anchored = r.anchor !== undefined && r.firstSeq !== 1 ? `; older entries pruned by retention, the kept chain starts at seq ${r.firstSeq} as anchor.json records` : '';
  out(`journal ok: ${r.entries} entries in ${r.segments} segment(s), seq ${r.firstSeq}–${r.lastSeq}, chain and head intact${anchored} (${dir})`);
  return 0;
}

function note(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { decision: { type: 'string' }, rationale: { type: 'string' } }, allowPositionals: false });
  const decision = values.decision?.trim() ?? '';
  const rationale = values.rationale?.trim() ?? '';
  if (decision === '' || rationale === '') return usage('note needs --decision "…" and --rationale "…"');
  const session = process.env.CLAUDE_CODE_SESSION_ID;
  const j = settings();
  const [e] = appendEntries(j.dir, [{ event: 'note', ...(session !== undefined && session !== '' ? { session } : {}), cwd: process.cwd(), note: decision, rationale }], {
    retentionDays: j.retentionDays,
  }).slice(-1);
  out(`noted in warden's journal (seq ${e?.seq ?? '?'})`);
  return 0;
}

export function journal(argv: string[]): number {
  try {
    return dispatch(argv);
  } catch (e) {
    // parseArgs: an unknown option or a missing value is a usage error, not a failure.
    if (String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_')) return usage((e as Error).message);
    throw e;
  }
}

function dispatch(argv: string[]): number {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'tail':
      return tail(rest);
    case 'search':
      return search(rest);
    case 'verify':
      return verify(rest);
    case 'note':
      return note(rest);
    case undefined:
    case '-h':
    case '--help':
      out(JOURNAL_HELP);
      return sub === undefined ? 64 : 0;
    default:
      return usage(`unknown subcommand ${sub}`);
  }
}
