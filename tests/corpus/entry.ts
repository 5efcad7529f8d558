// The shape of a corpus entry and the one helper the data files use to list them.
//
// An entry is a Bash command with the outcome a demanding user expects from the guard: `block` (the
// verdict must be ask or deny) or `pass` (allow). `source` says where the fact came from: a peer's
// public test suite or pattern list (only the fact that the command is dangerous or benign is taken;
// every command is written here in our own form), or our own adversarial, false-positive and
// everyday cases. `note` records a decision, above all where we disagree with a peer.

export type Expect = 'block' | 'pass';

export const CATEGORIES = [
  'git',
  'filesystem',
  'disk-system',
  'infra-cloud',
  'secrets',
  'network',
  'remote-code',
  'interpreter',
  'wrappers',
  'sql',
  'everyday',
  'text-traps',
  'self-protection',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Entry {
  readonly cmd: string;
  readonly expect: Expect;
  readonly category: Category;
  readonly source: string;
  /** Why the expectation is what it is, where that is a decision (e.g. against a peer). */
  readonly note?: string;
}

/** A command, or a command with the note that explains its expectation. */
export type Item = string | readonly [cmd: string, note: string];

/** Where facts came from. Peer suites are named by repository and file; their code is not copied. */
export const SOURCE = {
  ccsn: (file: string): string => `kenryu42/cc-safety-net ${file} (fact)`,
  shellfirm: (file: string): string => `kaplanelad/shellfirm ${file} (fact)`,
  parry: (file: string): string => `vaporif/parry-guard ${file} (fact)`,
  instar: (file: string): string => `JKHeadley/instar ${file} (fact)`,
  adversarial: 'warden adversarial',
  falsePositive: 'warden false-positive',
  everyday: 'warden everyday',
  self: 'warden self-protection',
} as const;

/** The entries of one static list: same category, source and expectation. */
export function rows(category: Category, source: string, expect: Expect, items: readonly Item[]): Entry[] {
  return items.map((item) =>
    typeof item === 'string' ? { cmd: item, expect, category, source } : { cmd: item[0], expect, category, source, note: item[1] },
  );
}
