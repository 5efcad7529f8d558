// Minimal, byte-preserving edits of a JSON text: insert a member at the end of an object or array,
// remove one, replace one value. Only the bytes of the member itself (and the comma and whitespace
// that separate it from its neighbour) change; every other byte of the file stays as it was, so a
// user's formatting survives and removing what was inserted gives back the original text.
//
// Why not jsonc-parser's `modify` with formatting options: it re-formats the surrounding lines, so a
// neighbour written on one line gets re-indented (seen with jsonc-parser 3.3.1). Offsets come from
// jsonc-parser's `parseTree`; the edit texts are rendered here in the file's own indentation.
//
// jsonc-parser is imported from its ESM build: its default entry is UMD, whose `require`s sit inside
// a factory function that esbuild cannot follow, so the bundled hook would fail at run time.
//
// Pure: string in, string out. Throws on a path that does not lead to an object/array.

import { applyEdits, findNodeAtLocation, parseTree, type Node } from 'jsonc-parser/lib/esm/main.js';

export type JsonPath = (string | number)[];

export interface Style {
  eol: string;
  /** One level of indentation: a tab or some spaces. */
  unit: string;
}

/** Default indentation for a file that shows none (e.g. `{}`): two spaces, like Claude Code writes. */
const DEFAULT_UNIT = '  ';
/** Wider indentation than this is taken as alignment, not a level; fall back to the default. */
const MAX_INDENT_UNIT = 8;

export function detectStyle(text: string): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  const ws = m?.[1];
  let unit = DEFAULT_UNIT;
  if (ws !== undefined) {
    if (ws.startsWith('\t')) unit = '\t';
    else if (ws.length <= MAX_INDENT_UNIT) unit = ws;
  }
  return { eol, unit };
}

export function parse(text: string): Node {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (root === undefined) throw new Error('empty JSON text');
  return root;
}

export function nodeAt(text: string, path: JsonPath): Node | undefined {
  const root = parse(text);
  return path.length === 0 ? root : findNodeAtLocation(root, path);
}

function containerAt(text: string, path: JsonPath): Node {
  const c = nodeAt(text, path);
  if (c === undefined || (c.type !== 'object' && c.type !== 'array')) {
    throw new Error(`no object or array at ${JSON.stringify(path)}`);
  }
  return c;
}

/** Leading whitespace of the line that contains `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

const JSON_WS = new Set([' ', '\t', '\r', '\n']);

/** The run of JSON whitespace that ends at `offset`. */
function whitespaceBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && JSON_WS.has(text.charAt(i - 1))) i--;
  return text.slice(i, offset);
}

function render(value: unknown, indent: string, style: Style, inline: boolean): string {
  if (inline) return JSON.stringify(value);
  return JSON.stringify(value, null, style.unit).split('\n').join(style.eol + indent);
}

function memberText(key: string | undefined, value: unknown, indent: string, style: Style, inline: boolean): string {
  const v = render(value, indent, style, inline);
  return key === undefined ? v : `${JSON.stringify(key)}: ${v}`;
}

export interface Inserted {
  text: string;
  /** The container's inside before the insertion, when it was empty (needed to undo exactly). */
  emptyInterior?: string;
}

/**
 * Appends `value` (as property `key` for an object, as an element for an array) to the container at
 * `path`. The caller makes sure the key is not already there.
 */
export function insertMember(text: string, path: JsonPath, key: string | undefined, value: unknown, style: Style): Inserted {
  const c = containerAt(text, path);
  if ((c.type === 'object') !== (key !== undefined)) throw new Error(`key/container mismatch at ${JSON.stringify(path)}`);
  const children = c.children ?? [];
  const last = children.at(-1);
  if (last !== undefined) {
    const ws = whitespaceBefore(text, last.offset);
    const multiline = ws.includes('\n');
    const indent = multiline ? lineIndent(text, last.offset) : '';
    const sep = multiline ? style.eol + indent : ws;
    const insert = `,${sep}${memberText(key, value, indent, style, !multiline)}`;
    return { text: applyEdits(text, [{ offset: last.offset + last.length, length: 0, content: insert }]) };
  }
  const outer = lineIndent(text, c.offset);
  const inner = outer + style.unit;
  const interior = text.slice(c.offset + 1, c.offset + c.length - 1);
  const content = `${style.eol}${inner}${memberText(key, value, inner, style, false)}${style.eol}${outer}`;
  return { text: applyEdits(text, [{ offset: c.offset + 1, length: interior.length, content }]), emptyInterior: interior };
}

/**
 * Removes the member at `index` of the container at `path`, with the comma and whitespace that
 * joined it to its previous (else next) neighbour. Removing the last member puts back
 * `emptyInterior` (what `insertMember` reported), or leaves the container empty (`{}` / `[]`).
 */
export function removeMember(text: string, path: JsonPath, index: number, emptyInterior = ''): string {
  const c = containerAt(text, path);
  const children = c.children ?? [];
  const m = children[index];
  if (m === undefined) throw new Error(`no member ${index} at ${JSON.stringify(path)}`);
  const prev = children[index - 1];
  const next = children[index + 1];
  let edit: { offset: number; length: number; content: string };
  if (prev !== undefined) {
    const from = prev.offset + prev.length;
    edit = { offset: from, length: m.offset + m.length - from, content: '' };
  } else if (next !== undefined) {
    edit = { offset: m.offset, length: next.offset - m.offset, content: '' };
  } else {
    edit = { offset: c.offset + 1, length: c.length - 2, content: emptyInterior };
  }
  return applyEdits(text, [edit]);
}

/** Index of property `key` among an object's members, or -1. */
export function propertyIndex(obj: Node, key: string): number {
  return (obj.children ?? []).findIndex((p) => p.children?.[0]?.value === key);
}

/** Replaces the value at `path` (which must exist), rendered in the indentation of its line. */
export function replaceValue(text: string, path: JsonPath, value: unknown, style: Style): string {
  const n = nodeAt(text, path);
  if (n === undefined) throw new Error(`nothing at ${JSON.stringify(path)}`);
  const old = text.slice(n.offset, n.offset + n.length);
  const content = render(value, lineIndent(text, n.offset), style, !old.includes('\n'));
  return applyEdits(text, [{ offset: n.offset, length: n.length, content }]);
}

/** Keys that occur more than once in the object at `path` (JSON.parse keeps the last, edits would hit the first). */
export function duplicateKeys(text: string, path: JsonPath): string[] {
  const n = nodeAt(text, path);
  if (n?.type !== 'object') return [];
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const p of n.children ?? []) {
    const k = p.children?.[0]?.value as string;
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup];
}
