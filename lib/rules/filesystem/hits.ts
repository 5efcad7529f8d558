// One finding per rule per simple command. A command may name thousands of targets (`rm -rf / / /
// …`, a megabyte of `> /dev/sda`); a finding each would copy the whole command text into every
// one of them. The merged finding keeps the first target's message data and every target's path,
// and keeps no paths at all if any target had none (an `allow.paths` exception must cover every
// target, never only the resolvable ones).

import type { Hit } from '../define.js';

export function oneHit<M extends string>(hits: Hit<M>[]): Hit<M>[] {
  const first = hits[0];
  if (first === undefined || hits.length === 1) return hits;
  const out: Hit<M>[] = [];
  for (const id of new Set(hits.map((h) => h.messageId))) {
    const same = hits.filter((h) => h.messageId === id);
    const head = same[0] as Hit<M>;
    const allPaths = same.every((h) => h.paths !== undefined);
    const merged: Hit<M> = { ...head };
    if (allPaths) merged.paths = [...new Set(same.flatMap((h) => h.paths ?? []))];
    else delete merged.paths;
    out.push(merged);
  }
  return out;
}
