// The context warden injects at a session boundary (SessionStart: startup, resume, clear, compact,
// fork; SubagentStart): the identity, the guard briefing and, after a resume or a compaction, a
// recap of this session's guard decisions from the journal. Everything is read fresh each time.
//
// Limits: the recap reads at most RECAP_SCAN_BYTES from the end of the journal (never the whole
// journal) and shows at most RECAP_DECISIONS held or blocked calls and RECAP_NOTES notes. The whole
// context stays within CONTEXT_MAX_CHARS (Claude Code's cap for one hook output): the briefing
// always fits, the recap's oldest lines give way first, then the identity is cut, visibly.

import type { JournalEntry } from '../journal/entry.js';
import { recentEntries } from '../journal/read.js';
import { briefing } from './briefing.js';
import type { Identity } from './identity.js';

export const RECAP_SCAN_BYTES = 1024 * 1024;
/** Claude Code caps one hook output string at 10,000 characters (longer ones spill to a file). */
export const CONTEXT_MAX_CHARS = 9800;
/** Room kept for the recap's title and a count of the lines it leaves out. */
const RECAP_MIN_CHARS = 120;
export const RECAP_DECISIONS = 10;
export const RECAP_NOTES = 5;
const RECAP_INPUT_CHARS = 160;
/** Sources after which the agent's memory of the session is partial or summarised. */
export const RECAP_SOURCES: ReadonlySet<string> = new Set(['resume', 'compact']);

export interface Recap {
  decisions: JournalEntry[];
  notes: JournalEntry[];
  allows: number;
}

/** This session's recent held/blocked calls and notes, from the end of the journal. */
export function sessionRecap(journalDir: string, session: string): Recap {
  const mine = recentEntries(journalDir, RECAP_SCAN_BYTES).filter((e) => e.session === session);
  const guard = mine.filter((e) => e.event === 'guard');
  return {
    decisions: guard.filter((e) => e.decision === 'deny' || e.decision === 'ask').slice(-RECAP_DECISIONS),
    notes: mine.filter((e) => e.event === 'note').slice(-RECAP_NOTES),
    allows: guard.filter((e) => e.decision === 'allow').length,
  };
}

function oneLine(s: string | undefined, n: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/** The recap in at most `budget` characters: the oldest lines give way first, and say so. */
function renderRecap(r: Recap, budget = Number.MAX_SAFE_INTEGER): string {
  const title = "## This session so far (from warden's journal)";
  if (r.decisions.length === 0 && r.notes.length === 0) {
    return `${title}\nNo call was blocked or held in this session${r.allows > 0 ? ` (${r.allows} allowed)` : ''}.`;
  }
  const decisions = r.decisions.map(
    (e) => `- ${e.time.slice(11, 19)} ${e.decision ?? '?'} ${e.tool ?? ''}: \`${oneLine(e.input, RECAP_INPUT_CHARS)}\`${e.rules && e.rules.length > 0 ? ` [${e.rules.join(', ')}]` : ''}`,
  );
  const notes = r.notes.map((e) => `- ${e.time.slice(11, 19)} ${oneLine(e.note, 200)}${e.rationale ? ` (why: ${oneLine(e.rationale, 200)})` : ''}`);
  const render = (skip: number): string => {
    const lines = [title];
    const shownDecisions = decisions.slice(Math.min(skip, decisions.length));
    const shownNotes = notes.slice(Math.max(0, skip - decisions.length));
    if (skip > 0) lines.push(`(${skip} older entries not shown)`);
    if (shownDecisions.length > 0) {
      lines.push(`Calls warden blocked or held (newest last${r.allows > 0 ? `; ${r.allows} other calls were allowed` : ''}). Do not retry them in another form:`, ...shownDecisions);
    }
    if (shownNotes.length > 0) lines.push('Your own notes of decisions in this session:', ...shownNotes);
    return lines.join('\n');
  };
  for (let skip = 0; skip < decisions.length + notes.length; skip++) {
    const text = render(skip);
    if (text.length <= budget) return text;
  }
  return render(decisions.length + notes.length);
}

export interface ContextInput {
  event: 'SessionStart' | 'SubagentStart';
  source: string | undefined;
  identity: Identity;
  packs: readonly string[];
  recap: Recap | undefined;
}

export function sessionContext(c: ContextInput): string {
  const head = `# warden: re-grounding at ${c.event}${c.source !== undefined ? ` (${c.source})` : ''}`;
  const brief = `## warden guard briefing\n\n${briefing(c.packs)}`;
  const idParts = c.identity.parts.map((p) => `(from ${p.file})\n${p.text}`);
  if (c.identity.skipped.length > 0) idParts.push(`(identity files not read: ${c.identity.skipped.join('; ')})`);
  let identity = idParts.length > 0 ? `## Your identity\n\n${idParts.join('\n\n')}` : '';
  const sep = '\n\n';
  // The briefing always fits; the identity is cut (visibly) only if it alone would overflow.
  const room = CONTEXT_MAX_CHARS - head.length - brief.length - 3 * sep.length;
  // A recap keeps at least its title and a count of what it leaves out.
  const identityRoom = room - (c.recap !== undefined ? RECAP_MIN_CHARS : 0);
  if (identity.length > identityRoom) {
    const marker = '\n[… identity cut to keep warden\'s context within Claude Code\'s limit]';
    identity = `${identity.slice(0, Math.max(0, identityRoom - marker.length))}${marker}`;
  }
  const recap = c.recap !== undefined ? renderRecap(c.recap, room - identity.length) : '';
  return [head, identity, brief, recap].filter((s) => s !== '').join(sep);
}
