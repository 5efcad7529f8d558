// Words for the self rules' messages: what an access does, and what the place it reaches is.

import { display } from '../../shell/analyze.js';
import type { Access, Op } from './access.js';
import type { Place } from './locations.js';

const VERBS: Readonly<Record<Op, string>> = {
  write: 'write to',
  move: 'move away',
  delete: 'delete',
  link: 'link to or over',
  read: 'read',
};

function verbOf(op: Op): string {
  return VERBS[op];
}

export function whatOf(place: Place): string {
  switch (place.kind) {
    case 'state':
      return place.part;
    case 'link':
      return 'the link that runs the `warden` command';
    case 'settings':
      return place.managed ? 'Claude Code’s managed settings' : 'a Claude Code settings file, where hooks are registered or switched off';
    case 'project-policy':
      return place.trusted ? 'the warden policy of a project your policy trusts (it may loosen the guard)' : 'the project’s warden policy';
    case 'identity':
      return 'the agent identity file shown to every new session';
  }
}

/** Message data for a shell or code access. */
export function accessData(segment: string, a: Access): { segment: string; verb: string; path: string; what: string } {
  const path = a.reached.path === a.word || a.code === true ? display(a.word) : `${display(a.word)} (${display(a.reached.path)})`;
  return { segment: clip(segment), verb: verbOf(a.op), path, what: whatOf(a.reached.place) };
}

export function clip(s: string): string {
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
