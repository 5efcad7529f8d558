// The user's latest request per session, captured by the UserPromptSubmit hook so the safety
// gate's reviewer can judge an operation against what the user actually asked for.
//
// Trust model: the prompt is the user's words, but it may carry pasted text; the reviewer sees it
// fenced as context, never as instructions. Stored cut to MAX_PROMPT_CHARS (with a marker) and
// redacted (lib/journal/redact.ts), so a token the user pasted is not kept on disk.
//
// Files and modes: `<warden home>/gate/prompts/<sha256(session)[:32]>.json` 0600 in a 0700
// directory, written atomically; at most MAX_PROMPT_FILES (the oldest are removed). Fail mode: a
// prompt that cannot be saved or read is simply absent from the review (the reviewer is told so).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../install/files.js';
import { redactSummary } from '../journal/redact.js';
import { GATE_DIR_MODE, STATE_FILE_MODE, gateDir } from './state.js';

export const MAX_PROMPT_CHARS = 4000;
export const MAX_PROMPT_FILES = 200;

export function promptsDir(wardenHome: string): string {
  return path.join(gateDir(wardenHome), 'prompts');
}

function fileFor(wardenHome: string, session: string): string {
  return path.join(promptsDir(wardenHome), `${createHash('sha256').update(session).digest('hex').slice(0, 32)}.json`);
}

export function savePrompt(wardenHome: string, session: string, prompt: string, now: number = Date.now()): void {
  const dir = promptsDir(wardenHome);
  fs.mkdirSync(dir, { recursive: true, mode: GATE_DIR_MODE });
  writeAtomic(fileFor(wardenHome, session), JSON.stringify({ at: new Date(now).toISOString(), prompt: redactSummary(prompt, MAX_PROMPT_CHARS) }), STATE_FILE_MODE);
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= MAX_PROMPT_FILES) return;
  const byAge = names
    .map((n) => {
      try {
        return { n, t: fs.statSync(path.join(dir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    })
    .sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - MAX_PROMPT_FILES)) fs.rmSync(path.join(dir, n), { force: true });
}

/** The latest prompt of a session, if one was captured and can be read. */
export function latestPrompt(wardenHome: string, session: string): { prompt: string; at: string } | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(fileFor(wardenHome, session), 'utf8')) as { prompt?: unknown; at?: unknown };
    return typeof o.prompt === 'string' && typeof o.at === 'string' ? { prompt: o.prompt, at: o.at } : undefined;
  } catch {
    return undefined;
  }
}
