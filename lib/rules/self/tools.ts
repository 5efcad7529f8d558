// The file tools (Write, Edit, MultiEdit, NotebookEdit) and the reading tools (Read, Grep,
// NotebookRead) as self-protection sees them: which protected place a call's file is, following
// symlinks (`ln -s ~/.claude/settings.json notes.json` then a Write to notes.json is a write to the
// settings file), and whether a reading call reads the server token.

import path from 'node:path';
import type { ToolCall } from '../../types.js';
import { TOKEN_FILE } from '../../serve/routes.js';
import { wildcard } from '../args.js';
import type { RuleContext } from '../define.js';
import { broad, reachedBy, strictest, tokenFiles, type Reached } from './locations.js';

export const FILE_TOOLS: readonly string[] = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'];
export const READ_TOOLS: readonly string[] = ['Read', 'Grep', 'NotebookRead'];

/** A tool's file argument as an absolute POSIX path (Windows backslashes turned, `~` expanded). */
function toolPath(call: ToolCall, key: string, ctx: RuleContext): string | undefined {
  const v = call.input[key];
  if (typeof v !== 'string' || v === '') return undefined;
  const p = v.replace(/\\/g, '/');
  const home = p === '~' || p.startsWith('~/') ? ctx.home + p.slice(1) : p;
  return path.posix.resolve(call.cwd, home);
}

export interface FileTarget {
  /** As given, absolute. */
  file: string;
  reached: Reached;
  /** Where the file really is (through symlinks), when that differs. */
  real: string;
}

/** The protected place a file tool call writes, if any. */
export function fileToolTarget(call: ToolCall, ctx: RuleContext): FileTarget | undefined {
  if (!FILE_TOOLS.includes(call.tool)) return undefined;
  const file = toolPath(call, call.tool === 'NotebookEdit' ? 'notebook_path' : 'file_path', ctx) ?? toolPath(call, 'file_path', ctx);
  if (file === undefined) return undefined;
  const reached = strictest(reachedBy(file, ctx, { follow: true, container: false }));
  return reached === undefined ? undefined : { file, reached, real: reached.path };
}

/**
 * The token a reading tool reads: Read of it (or of a link to it), or a Grep over its folder or a
 * folder above it (Grep searches recursively) that its `glob` does not rule out.
 */
export function tokenReadByTool(call: ToolCall, ctx: RuleContext): string | undefined {
  if (!READ_TOOLS.includes(call.tool)) return undefined;
  const tokens = tokenFiles(ctx);
  if (call.tool === 'Grep') {
    const where = toolPath(call, 'path', ctx) ?? call.cwd;
    const glob = typeof call.input.glob === 'string' && call.input.glob !== '' ? call.input.glob : undefined;
    // A search of the whole home (or wider) skips hidden folders and is the secrets rules' to judge.
    return tokens.find((t) => (where === t || (t.startsWith(where.endsWith('/') ? where : `${where}/`) && !broad(where, ctx.home))) && (glob === undefined || globMayMatch(glob, TOKEN_FILE)));
  }
  const file = toolPath(call, call.tool === 'NotebookRead' ? 'notebook_path' : 'file_path', ctx);
  if (file === undefined) return undefined;
  const direct = tokens.find((t) => t === file);
  if (direct !== undefined) return direct;
  const r = reachedBy(file, ctx, { follow: true, container: false })[0];
  return r?.place.kind === 'state' && r.place.token ? r.path : undefined;
}

/** A ripgrep-style glob (`*.token`, `**\/server.*`, `*.{json,token}`) may match a file name. */
function globMayMatch(glob: string, name: string): boolean {
  const alts = /^(.*)\{([^{}]*)\}(.*)$/s.exec(glob);
  const globs = alts ? (alts[2] as string).split(',').map((a) => `${alts[1] as string}${a}${alts[3] as string}`) : [glob];
  return globs.some((g) => {
    // `!pattern` excludes what matches it: everything else is searched.
    const negated = g.startsWith('!');
    const last = (negated ? g.slice(1) : g).split('/').pop() ?? g;
    return wildcard(last.replace(/\[[^\]]*\]/g, '?'), name) !== negated;
  });
}
