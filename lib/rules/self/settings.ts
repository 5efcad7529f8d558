// What a Write, Edit, MultiEdit or NotebookEdit call would leave in a Claude Code settings file,
// compared with what is there now, on the keys that decide which commands Claude Code runs by
// itself: the hooks, the switches that turn them off, and the other settings that run a command
// (status line, credential helpers), enabled plugins (they bring hooks), and the variables that
// change how a hook process starts or where Claude Code reads its settings. Everything else (for
// example `permissions`) may change.
//
// Trust model: the new content is the agent's. Claude Code ignores a settings file JSON.parse
// rejects — and with it every hook the file holds (CLAUDE-CODE-HOOKS.md) — so a result that does
// not parse, or that repeats a key (parsers disagree on which copy counts), is a change. An edit
// whose effect cannot be computed (its text is not found exactly once, a notebook edit, a file that
// cannot be read) is a change too: fail closed. Limits: MAX_SETTINGS_BYTES of current content.

import fs from 'node:fs';
import { loadVisit } from './jsonc-loader.js';
import type { ToolCall } from '../../types.js';

/** Settings keys whose value the agent may not change. */
export const GUARDED_KEYS: readonly string[] = [
  'hooks',
  'disableAllHooks',
  'allowManagedHooksOnly',
  'statusLine',
  'apiKeyHelper',
  'awsAuthRefresh',
  'awsCredentialExport',
  'otelHeadersHelper',
  'enabledPlugins',
];
/** Variables under `env` the agent may not change: they redirect or switch off the hooks. */
export const GUARDED_ENV = /^(?:WARDEN_\w*|NODE_OPTIONS|NODE_PATH|LD_PRELOAD|LD_LIBRARY_PATH|DYLD_\w+|CLAUDE_CONFIG_DIR|CLAUDE_CODE_SIMPLE|CLAUDE_CODE_SAFE_MODE)$/;
/** Largest settings file read to compute an edit; a bigger one cannot be checked. */
export const MAX_SETTINGS_BYTES = 1 << 20;

export type SettingsChange =
  | { kind: 'none' }
  | { kind: 'keys'; keys: string[] }
  | { kind: 'unparseable'; why: string }
  | { kind: 'unknown'; why: string };

type Json = Record<string, unknown>;

/** The guarded part of a settings text Claude Code would accept; a reason if it would not. */
function guarded(text: string): { values: Map<string, string> } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: 'not a JSON object' };
  const dup = duplicateKey(text);
  if (dup !== undefined) return { error: `the key "${dup}" appears twice in one object` };
  const values = new Map<string, string>();
  const obj = doc as Json;
  for (const k of GUARDED_KEYS) if (k in obj) values.set(k, canonical(obj[k]));
  const env = obj.env;
  if (env !== null && typeof env === 'object' && !Array.isArray(env)) {
    for (const [k, v] of Object.entries(env as Json)) if (GUARDED_ENV.test(k)) values.set(`env.${k}`, canonical(v));
  } else if (env !== undefined) {
    values.set('env', canonical(env));
  }
  return { values };
}

/** A key repeated in one object, anywhere in the document. */
function duplicateKey(text: string): string | undefined {
  const stack: Set<string>[] = [];
  let dup: string | undefined;
  loadVisit()(text, {
    onObjectBegin: () => {
      stack.push(new Set());
    },
    onObjectEnd: () => {
      stack.pop();
    },
    onObjectProperty: (name) => {
      const keys = stack[stack.length - 1];
      if (keys === undefined) return;
      if (keys.has(name)) dup ??= name;
      keys.add(name);
    },
  });
  return dup;
}

/** JSON with sorted keys: equal values, equal text. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** The guarded keys that differ between what the file holds now and `after`. */
function compareSettings(before: string | undefined, after: string): SettingsChange {
  const a = guarded(after);
  if ('error' in a) return { kind: 'unparseable', why: a.error };
  // A file Claude Code ignores now (missing or invalid) has no hooks in effect.
  const b = before === undefined || before.trim() === '' ? { values: new Map<string, string>() } : guarded(before);
  const was = 'error' in b ? new Map<string, string>() : b.values;
  const keys = [...new Set([...was.keys(), ...a.values.keys()])].filter((k) => was.get(k) !== a.values.get(k));
  return keys.length === 0 ? { kind: 'none' } : { kind: 'keys', keys: keys.sort() };
}

/** The file's current text (following symlinks); undefined if it does not exist. */
function currentText(file: string): { text: string | undefined } | { error: string } {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_SETTINGS_BYTES) return { error: `larger than ${MAX_SETTINGS_BYTES} bytes` };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined };
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

interface EditSpec {
  old: string;
  new: string;
  all: boolean;
}

/**
 * The texts one edit may leave: Claude Code's Edit replaces a text found exactly once (or every
 * copy with replace_all). Found more than once, both readings are kept; not found (Claude Code may
 * still match after normalizing quotes) there is nothing certain to compare.
 */
function applyEdit(texts: string[], e: EditSpec): string[] | undefined {
  const out: string[] = [];
  for (const t of texts) {
    if (e.old === '') {
      if (t !== '') return undefined;
      out.push(e.new);
      continue;
    }
    const first = t.indexOf(e.old);
    if (first === -1) return undefined;
    const all = t.split(e.old).join(e.new);
    const once = t.slice(0, first) + e.new + t.slice(first + e.old.length);
    out.push(...new Set(e.all ? [all] : [once, all]));
  }
  return out;
}

function editsOf(call: ToolCall): EditSpec[] | undefined {
  const spec = (x: unknown): EditSpec | undefined => {
    if (x === null || typeof x !== 'object') return undefined;
    const o = x as Json;
    return typeof o.old_string === 'string' && typeof o.new_string === 'string' ? { old: o.old_string, new: o.new_string, all: o.replace_all === true } : undefined;
  };
  if (call.tool === 'Edit') {
    const e = spec(call.input);
    return e === undefined ? undefined : [e];
  }
  if (call.tool === 'MultiEdit' && Array.isArray(call.input.edits)) {
    const es = call.input.edits.map(spec);
    return es.every((e): e is EditSpec => e !== undefined) ? es : undefined;
  }
  return undefined;
}

/** What the file tool call would change in settings file `file` (its resolved path). */
export function settingsChangeOf(call: ToolCall, file: string): SettingsChange {
  const now = currentText(file);
  if ('error' in now) return { kind: 'unknown', why: `the file ${now.error}` };
  let results: string[] | undefined;
  if (call.tool === 'Write') {
    results = typeof call.input.content === 'string' ? [call.input.content] : undefined;
    if (results === undefined) return { kind: 'unknown', why: 'the Write has no text content' };
  } else {
    const edits = editsOf(call);
    if (edits === undefined) return { kind: 'unknown', why: `a ${call.tool} of a settings file cannot be checked` };
    if (now.text === undefined && !(edits[0]?.old === '')) return { kind: 'none' };
    results = [now.text ?? ''];
    for (const e of edits) {
      results = applyEdit(results, e);
      if (results === undefined) return { kind: 'unknown', why: 'the text to replace is not in the file exactly as given' };
    }
  }
  const keys = new Set<string>();
  for (const after of results) {
    const c = compareSettings(now.text, after);
    if (c.kind === 'unparseable') return c;
    if (c.kind === 'keys') for (const k of c.keys) keys.add(k);
  }
  return keys.size === 0 ? { kind: 'none' } : { kind: 'keys', keys: [...keys].sort() };
}
