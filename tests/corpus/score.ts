// Scoring a guard on the corpus: block recall (of the entries that must be held, the share held)
// and false-block rate (of the entries that must pass, the share held). One function, used by the
// corpus test for warden and by the bench for warden and cc-safety-net alike.

import type { Category, Entry } from './entry.js';

/** What a guard did with one command: held it (ask or deny) or let it pass, and why. */
export interface Outcome {
  held: boolean;
  /** Rule ids or a short reason, for the report. */
  why: string;
}

export interface Miss {
  entry: Entry;
  outcome: Outcome;
}

export interface Score {
  blocks: number;
  passes: number;
  /** Entries that must be held but passed. */
  misses: Miss[];
  /** Entries that must pass but were held. */
  falseBlocks: Miss[];
  recall: number;
  falseBlockRate: number;
}

export function score(entries: readonly Entry[], outcomes: readonly Outcome[]): Score {
  if (entries.length !== outcomes.length) throw new Error(`score: ${entries.length} entries but ${outcomes.length} outcomes`);
  const misses: Miss[] = [];
  const falseBlocks: Miss[] = [];
  let blocks = 0;
  entries.forEach((entry, i) => {
    const outcome = outcomes[i] as Outcome;
    if (entry.expect === 'block') {
      blocks++;
      if (!outcome.held) misses.push({ entry, outcome });
    } else if (outcome.held) {
      falseBlocks.push({ entry, outcome });
    }
  });
  const passes = entries.length - blocks;
  return {
    blocks,
    passes,
    misses,
    falseBlocks,
    recall: blocks === 0 ? 1 : (blocks - misses.length) / blocks,
    falseBlockRate: passes === 0 ? 0 : falseBlocks.length / passes,
  };
}

/** Misses and false blocks grouped by category, one line per command, for the rule authors. */
export function report(s: Score): string[] {
  const lines: string[] = [];
  const section = (title: string, list: Miss[]): void => {
    const byCategory = new Map<Category, Miss[]>();
    for (const m of list) byCategory.set(m.entry.category, [...(byCategory.get(m.entry.category) ?? []), m]);
    lines.push(`${title}: ${list.length}`);
    for (const [category, ms] of byCategory) {
      lines.push(`  ${category} (${ms.length})`);
      for (const m of ms) lines.push(`    $ ${oneLine(m.entry.cmd)}   → ${m.outcome.why}${m.entry.note ? `   [${m.entry.note}]` : ''}`);
    }
  };
  section('misses (must be held, passed)', s.misses);
  section('false blocks (must pass, held)', s.falseBlocks);
  return lines;
}

/** A command on one line: newlines of heredocs and scripts shown as ⏎. */
export const oneLine = (cmd: string): string => cmd.replace(/\n/g, '⏎');

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
