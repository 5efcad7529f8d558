// Merging warden's hooks into Claude Code's settings.json text, and taking them out again.
//
// Trust model: settings.json belongs to the user and to Claude Code. warden edits only its own
// handlers (recognized by their first argument under `<wardenHome>/bin/`), the matcher groups it
// appended, and the containers (`hooks`, `hooks.<Event>`) it created itself, as recorded in an
// `EditRecord`; every other byte stays. Installing twice changes nothing the second time; install
// then uninstall gives back the original bytes.
//
// Fail mode: refuse, never guess. A text that JSON.parse rejects (Claude Code then ignores the whole
// file, so no hook runs at all), a top level that is not an object, a `hooks` that is not an object,
// an event entry that is not an array, or a duplicate key on the path warden edits → SettingsError
// naming file:line:column; the caller writes nothing. Every result is checked before it is returned:
// valid JSON, and equal to the input once warden's handlers are taken out of both.
//
// Pure: text in, text out. Files are read and written by ./files.ts.

import { parse as parseLoose, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { detectStyle, duplicateKeys, insertMember, nodeAt, propertyIndex, removeMember, replaceValue, type JsonPath, type Style } from './json-edit.js';
import { isWardenHandler, matchesAll, type Group, type Handler, type HookSpec } from './hooks.js';

/** What install created in settings.json, so that uninstall removes exactly that. */
export interface EditRecord {
  /** install created the file (it did not exist). */
  createdFile: boolean;
  /** Containers install created, e.g. `["hooks"]`, `["hooks","PreToolUse"]`. */
  created: JsonPath[];
  /** The inside of containers that were empty when install inserted into them. */
  interiors: { path: JsonPath; text: string }[];
}

export const EMPTY_RECORD: EditRecord = { createdFile: false, created: [], interiors: [] };

/** The text install starts from when there is no settings file (or only whitespace). */
export const NEW_FILE_TEXT = '{}\n';

/** Guard against an edit loop that does not converge (a bug, never a real file). */
const MAX_EDITS = 1000;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface Wanted {
  spec: HookSpec;
  group: Group;
  handler: Handler;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Plain words for jsonc-parser's error codes that hand-edited settings files produce most. */
const PARSE_ERROR_WORDS: Record<string, string> = {
  InvalidCommentToken: 'a comment',
  PropertyNameExpected: 'a property name expected (a trailing comma?)',
  ValueExpected: 'a value expected (a trailing comma?)',
  CommaExpected: 'a comma expected',
  ColonExpected: 'a colon expected',
  CloseBraceExpected: '} expected',
  CloseBracketExpected: '] expected',
  EndOfFileExpected: 'more text after the end of the JSON value',
  InvalidSymbol: 'an unexpected character',
};

function describeParseError(code: ParseError['error']): string {
  const name = printParseErrorCode(code);
  return PARSE_ERROR_WORDS[name] ?? name;
}

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Parses settings.json text as Claude Code does (JSON.parse) and checks the parts warden edits.
 * Throws SettingsError with file:line:column.
 */
export function parseSettings(text: string, file: string, events: readonly string[]): Obj {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const errors: ParseError[] = [];
    parseLoose(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const bom = text.startsWith('\uFEFF') ? ' (the file starts with a byte order mark)' : '';
    const where = first !== undefined ? `${file}:${lineCol(text, first.offset)}: ${describeParseError(first.error)}` : `${file}: ${(e as Error).message}`;
    throw new SettingsError(`${where}${bom} — not valid JSON (comments and trailing commas are not allowed either)`, { cause: e });
  }
  if (!isObj(value)) throw new SettingsError(`${file}: the top level is ${kind(value)}, not an object`);
  const dupRoot = duplicateKeys(text, []);
  if (dupRoot.length > 0) throw new SettingsError(`${file}: key ${JSON.stringify(dupRoot[0])} occurs more than once at the top level`);
  if (value.hooks === undefined) return value;
  if (!isObj(value.hooks)) throw new SettingsError(`${file}:${lineCol(text, nodeAt(text, ['hooks'])?.offset ?? 0)}: "hooks" is ${kind(value.hooks)}, not an object`);
  const dupHooks = duplicateKeys(text, ['hooks']);
  if (dupHooks.length > 0) throw new SettingsError(`${file}: hooks.${dupHooks[0]} occurs more than once`);
  for (const [event, groups] of Object.entries(value.hooks)) {
    if (!Array.isArray(groups)) {
      if (events.includes(event)) throw new SettingsError(`${file}:${lineCol(text, nodeAt(text, ['hooks', event])?.offset ?? 0)}: hooks.${event} is ${kind(groups)}, not an array`);
      continue;
    }
    groups.forEach((_g, i) => {
      const dup = duplicateKeys(text, ['hooks', event, i]);
      if (dup.length > 0) throw new SettingsError(`${file}: hooks.${event}[${i}].${dup[0]} occurs more than once`);
    });
  }
  return value;
}

export interface Found {
  event: string;
  group: number;
  handler: number;
  value: unknown;
  matcher: unknown;
  groupSize: number;
}

/** Every warden handler in the settings, in file order. */
export function findWarden(settings: unknown, wardenHome: string): Found[] {
  const out: Found[] = [];
  if (!isObj(settings) || !isObj(settings.hooks)) return out;
  for (const [event, groups] of Object.entries(settings.hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((g: unknown, gi) => {
      if (!isObj(g) || !Array.isArray(g.hooks)) return;
      const size = g.hooks.length;
      g.hooks.forEach((h: unknown, hi) => {
        if (isWardenHandler(h, wardenHome)) out.push({ event, group: gi, handler: hi, value: h, matcher: g.matcher, groupSize: size });
      });
    });
  }
  return out;
}

/** The settings without warden's handlers, their emptied groups, and empty event lists / hooks. */
export function withoutWarden(settings: unknown, wardenHome: string): unknown {
  if (!isObj(settings) || !isObj(settings.hooks)) return settings;
  const hooks: Obj = {};
  for (const [event, groups] of Object.entries(settings.hooks)) {
    if (!Array.isArray(groups)) {
      hooks[event] = groups;
      continue;
    }
    const kept = groups.flatMap((g: unknown) => {
      if (!isObj(g) || !Array.isArray(g.hooks)) return [g];
      const rest = g.hooks.filter((h: unknown) => !isWardenHandler(h, wardenHome));
      if (rest.length === g.hooks.length) return [g];
      return rest.length === 0 ? [] : [{ ...g, hooks: rest }];
    });
    if (kept.length > 0) hooks[event] = kept;
  }
  const out: Obj = { ...settings, hooks };
  if (Object.keys(hooks).length === 0) delete out.hooks;
  return out;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const samePath = (a: JsonPath, b: JsonPath): boolean => sameJson(a, b);

function interiorOf(rec: EditRecord, p: JsonPath): string | undefined {
  return rec.interiors.find((i) => samePath(i.path, p))?.text;
}

function noteCreated(rec: EditRecord, p: JsonPath): void {
  if (!rec.created.some((c) => samePath(c, p))) rec.created.push(p);
}

function noteInterior(rec: EditRecord, p: JsonPath, text: string | undefined): void {
  if (text === undefined) return;
  rec.interiors = [...rec.interiors.filter((i) => !samePath(i.path, p)), { path: p, text }];
}

function removeHandler(text: string, f: Found, rec: EditRecord): string {
  if (f.groupSize === 1) return removeMember(text, ['hooks', f.event], f.group, interiorOf(rec, ['hooks', f.event]));
  return removeMember(text, ['hooks', f.event, f.group, 'hooks'], f.handler);
}

function addGroup(text: string, w: Wanted, rec: EditRecord, style: Style): string {
  const event = w.spec.event;
  const root = nodeAt(text, []);
  if (root === undefined || propertyIndex(root, 'hooks') < 0) {
    const r = insertMember(text, [], 'hooks', { [event]: [w.group] }, style);
    noteCreated(rec, ['hooks']);
    noteCreated(rec, ['hooks', event]);
    noteInterior(rec, [], r.emptyInterior);
    return r.text;
  }
  const hooks = nodeAt(text, ['hooks']);
  if (hooks === undefined || propertyIndex(hooks, event) < 0) {
    const r = insertMember(text, ['hooks'], event, [w.group], style);
    noteCreated(rec, ['hooks', event]);
    noteInterior(rec, ['hooks'], r.emptyInterior);
    return r.text;
  }
  const r = insertMember(text, ['hooks', event], undefined, w.group, style);
  noteInterior(rec, ['hooks', event], r.emptyInterior);
  return r.text;
}

/** Removes containers install created that are now empty, deepest first. */
function pruneCreated(text: string, rec: EditRecord): string {
  let out = text;
  for (const p of [...rec.created].sort((a, b) => b.length - a.length)) {
    const n = nodeAt(out, p);
    if (n === undefined || (n.children ?? []).length > 0 || (n.type !== 'object' && n.type !== 'array')) continue;
    const parentPath = p.slice(0, -1);
    const parent = nodeAt(out, parentPath);
    if (parent === undefined) continue;
    out = removeMember(out, parentPath, propertyIndex(parent, String(p.at(-1))), interiorOf(rec, parentPath));
    rec.created = rec.created.filter((c) => !samePath(c, p));
  }
  return out;
}

/** Drops records of containers that no longer exist. */
function tidyRecord(text: string, rec: EditRecord): EditRecord {
  const exists = (p: JsonPath): boolean => nodeAt(text, p) !== undefined;
  return { createdFile: rec.createdFile, created: rec.created.filter(exists), interiors: rec.interiors.filter((i) => exists(i.path)) };
}

/** Removes the warden handler `pick` chooses, one at a time (re-reading offsets after each), until it picks none. */
function removeWhile(text: string, wardenHome: string, rec: EditRecord, pick: (found: Found[]) => Found | undefined): string {
  let out = text;
  for (let i = 0; i < MAX_EDITS; i++) {
    const victim = pick(findWarden(JSON.parse(out), wardenHome));
    if (victim === undefined) return out;
    out = removeHandler(out, victim, rec);
  }
  throw new Error(`removing warden's hooks did not converge after ${MAX_EDITS} edits`);
}

export interface EditResult {
  text: string;
  record: EditRecord;
}

/**
 * Registers each wanted hook exactly once, in a group that matches everything: an existing warden
 * handler there is updated in place; any other warden handler (duplicates, narrowed groups, hooks
 * no longer shipped) is removed; a missing one is appended as a new group.
 */
export function addHooks(text: string, file: string, wanted: readonly Wanted[], wardenHome: string, record: EditRecord): EditResult {
  const events: readonly string[] = wanted.map((w) => w.spec.event);
  const before = parseSettings(text, file, events);
  const style = detectStyle(text);
  const rec: EditRecord = structuredClone(record);
  const keeperOf = (found: Found[], event: string): Found | undefined => found.find((f) => f.event === event && matchesAll(f.matcher));

  let out = removeWhile(text, wardenHome, rec, (found) => found.filter((f) => !events.includes(f.event) || keeperOf(found, f.event) !== f).at(-1));
  for (const w of wanted) {
    const keeper = keeperOf(findWarden(JSON.parse(out), wardenHome), w.spec.event);
    if (keeper === undefined) out = addGroup(out, w, rec, style);
    else if (!sameJson(keeper.value, w.handler)) out = replaceValue(out, ['hooks', keeper.event, keeper.group, 'hooks', keeper.handler], w.handler, style);
  }
  out = pruneCreated(out, rec);
  verify(before, out, wanted, wardenHome);
  return { text: out, record: tidyRecord(out, rec) };
}

/** Takes out every warden handler, its emptied group and the containers install created. */
export function removeHooks(text: string, file: string, wardenHome: string, record: EditRecord): EditResult {
  const before = parseSettings(text, file, []);
  const rec: EditRecord = structuredClone(record);
  let out = removeWhile(text, wardenHome, rec, (found) => found.at(-1));
  out = pruneCreated(out, rec);
  verify(before, out, [], wardenHome);
  return { text: out, record: tidyRecord(out, rec) };
}

/** The last line of defence before anything is written: valid JSON, nothing else changed, hooks as wanted. */
function verify(before: unknown, text: string, wanted: readonly Wanted[], wardenHome: string): void {
  let after: unknown;
  try {
    after = JSON.parse(text);
  } catch (e) {
    throw new Error(`internal error: the edited settings would not be valid JSON (${(e as Error).message}); nothing written`, { cause: e });
  }
  if (!sameJson(withoutWarden(before, wardenHome), withoutWarden(after, wardenHome))) {
    throw new Error("internal error: the edit would change settings other than warden's hooks; nothing written");
  }
  const found = findWarden(after, wardenHome);
  const ok =
    found.length === wanted.length &&
    wanted.every((w) => found.some((f) => f.event === w.spec.event && matchesAll(f.matcher) && sameJson(f.value, w.handler)));
  if (!ok) throw new Error("internal error: the edited settings do not hold exactly warden's hooks; nothing written");
}
