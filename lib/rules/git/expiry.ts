// git's expiry values (`--expire=now`, `--prune=2.weeks.ago`, gc.pruneExpire): which of them
// drop the recent past, i.e. what a mistake of the last days could still be recovered from.

import { isDynamic } from '../../shell/analyze.js';

/** Younger than this is "recent": git's own default for pruning unreachable objects (gc.pruneExpire). */
const RECENT_DAYS = 14;
const DAYS: Readonly<Record<string, number>> = { second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

/**
 * `now`, `all`, a time less than two weeks ago (`3.days.ago`, `1.hour.ago`, a date of last week),
 * a value warden cannot know or cannot read. Two weeks and longer, `never`/`false` keep the
 * recent past.
 */
export function isImmediate(value: string, now: number = Date.now()): boolean {
  const v = value.trim().toLowerCase();
  if (isDynamic(v)) return true;
  if (v === 'never' || v === 'false') return false;
  const rel = /^(\d+)[. _]?(second|minute|hour|day|week|month|year)s?(?:[. _]ago)?$/.exec(v);
  if (rel) return Number(rel[1]) * (DAYS[rel[2] as string] ?? 0) < RECENT_DAYS;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return now - date < RECENT_DAYS * 86_400_000;
  return true; // now, all, yesterday, anything unreadable
}
