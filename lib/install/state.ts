// `<wardenHome>/install-state.json` (0600): what install created in settings.json (the file itself,
// containers, the inside of containers it filled), so uninstall can give back the original bytes.
//
// Fail mode: a missing, unreadable or malformed record, or one written for another settings file,
// counts as "install created nothing"; uninstall then still removes every warden handler and its
// group, and only leaves empty containers behind (valid JSON either way).

import { INSTALL_STATE_FILE } from '../paths.js';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { readIfExists, writeAtomic, PRIVATE_MODE } from './files.js';
import { EMPTY_RECORD, type EditRecord } from './settings.js';

export const STATE_FILE = INSTALL_STATE_FILE;

const PathSchema = z.array(z.union([z.string(), z.number()]));
const StateSchema = z.object({
  version: z.literal(1),
  settings: z.string(),
  record: z.object({
    createdFile: z.boolean(),
    created: z.array(PathSchema),
    interiors: z.array(z.object({ path: PathSchema, text: z.string() })),
  }),
});

export function statePath(wardenHome: string): string {
  return path.join(wardenHome, STATE_FILE);
}

export function readRecord(wardenHome: string, settingsFile: string): EditRecord {
  let text: string | undefined;
  try {
    text = readIfExists(statePath(wardenHome));
  } catch {
    return EMPTY_RECORD;
  }
  if (text === undefined) return EMPTY_RECORD;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY_RECORD;
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success || parsed.data.settings !== settingsFile) return EMPTY_RECORD;
  return parsed.data.record;
}

export function writeRecord(wardenHome: string, settingsFile: string, record: EditRecord): void {
  const state = { version: 1, settings: settingsFile, record };
  writeAtomic(statePath(wardenHome), `${JSON.stringify(state, null, 2)}\n`, PRIVATE_MODE);
}

export function removeRecord(wardenHome: string): void {
  fs.rmSync(statePath(wardenHome), { force: true });
}
