// One session boundary (SessionStart or SubagentStart), end to end: read the policy, the identity
// files and (after resume/compact) the recap fresh, compose the context, journal the boundary and
// the identity injection. The hooks only render what this returns.
//
// Fail mode: this injects context, it decides nothing. A recap that cannot be read is said so in
// the context; a journal failure is returned for the hook's `systemMessage`; the identity and the
// briefing are delivered either way.

import { envFrom, loadPolicyFor } from '../env.js';
import type { Draft } from '../journal/entry.js';
import { tryAppend } from '../journal/record.js';
import { PACK_NAMES } from '../rules/packs.js';
import { readIdentity } from './identity.js';
import { RECAP_SOURCES, sessionContext, sessionRecap, type Recap } from './context.js';

export interface Boundary {
  event: 'SessionStart' | 'SubagentStart';
  session: string;
  cwd: string;
  /** SessionStart: startup | resume | clear | compact | fork. */
  source?: string | undefined;
  agent?: string | undefined;
}

export interface BoundaryResult {
  context: string;
  /** Set when the journal could not record the boundary. */
  journalError: string | undefined;
}

export function sessionBoundary(b: Boundary, vars: NodeJS.ProcessEnv, home: string, wardenHome: string): BoundaryResult {
  const env = envFrom(vars, b.cwd, home, wardenHome);
  const policy = loadPolicyFor(env);
  const identity = readIdentity(policy.identity.files, policy.identity.maxBytes);
  const packs = PACK_NAMES.filter((p) => !policy.disabledPacks.has(p));
  let recap: Recap | undefined;
  let recapError: string | undefined;
  if (b.event === 'SessionStart' && b.source !== undefined && RECAP_SOURCES.has(b.source)) {
    try {
      recap = sessionRecap(policy.journal.dir, b.session);
    } catch (e) {
      recapError = `(warden could not read this session's recap from its journal: ${e instanceof Error ? e.message : String(e)})`;
    }
  }
  let context = sessionContext({ event: b.event, source: b.source, identity, packs, recap });
  if (recapError !== undefined) context += `\n\n${recapError}`;

  const at = { session: b.session, ...(b.agent !== undefined ? { agent: b.agent } : {}) };
  const drafts: Draft[] = [];
  if (b.event === 'SessionStart') drafts.push({ event: 'session-start', ...at, cwd: b.cwd, ...(b.source !== undefined ? { source: b.source } : {}) });
  drafts.push({
    event: 'identity',
    ...at,
    source: b.source ?? b.event,
    identity: {
      files: identity.parts.map((p) => p.file),
      bytes: identity.bytes,
      sha256: identity.sha256,
      truncated: identity.truncated,
      ...(identity.skipped.length > 0 ? { skipped: identity.skipped } : {}),
    },
  });
  return { context, journalError: tryAppend(policy.journal, drafts) };
}
