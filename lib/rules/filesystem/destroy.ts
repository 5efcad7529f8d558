// What a simple command deletes or wipes, read the way each program reads its arguments: rm, unlink
// and rmdir delete their operands, shred overwrites them, truncate cuts them to a size, `find …
// -delete` (or `-exec rm`) deletes under its starting points, and `rsync --delete` deletes what its
// local destination has and the source lacks. Shared by the rules that judge *where* the damage
// lands (critical roots, the project, protected paths, outside the project).
//
// An `rm` run by `find -exec` gets the match as an unknown word below the find's root; that
// deletion is judged on the find command itself (its root and its name tests), see fromFind.

import { UNKNOWN, isDynamic, type SimpleCommand } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { protectedPathReached } from './paths.js';
import { parseRm } from './rm.js';

export type DestroyKind = 'rm' | 'shred' | 'truncate' | 'find' | 'rsync';

export interface Destroyed {
  /** The operand as written (resolved words; may hold UNKNOWN). */
  word: string;
  kind: DestroyKind;
  /** Whole trees can go: `rm -r`, `find -delete`, `rsync --delete`. */
  recursive: boolean;
  force: boolean;
  /** find: a name-like test limits what is deleted under the root. */
  narrowed?: boolean;
}

/** Programs `destroyedBy` understands: a rule using it lists these. */
export const DESTROYERS = ['rm', 'unlink', 'rmdir', 'shred', 'truncate', 'find', 'rsync'] as const;

/** Programs that delete or wipe what `find -exec` hands them. */
const FIND_DELETERS = new Set(['rm', 'unlink', 'shred', 'truncate', 'rmdir']);
/** find's options before the starting points, and those taking a value. */
const FIND_LEADING = /^-(H|L|P|O\d*)$/;
/** Tests that restrict a find to some names; a pattern of wildcards only restricts nothing. */
const FIND_NARROWING = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-lname', '-ilname', '-inum', '-samefile', '-links']);

export interface FindCall {
  roots: string[];
  /** The `-delete` action. */
  deleteAction: boolean;
  /** `-exec`/`-execdir`/`-ok`/`-okdir` of a deleting program (`rm`, `unlink`, `shred`, …). */
  execDeleter: boolean;
  /** Some name-like test limits the matches, and no `!`/`-not`/`-o` can turn it around. */
  narrowed: boolean;
}

export function parseFind(argv: readonly string[]): FindCall {
  const args = argv.slice(1);
  let i = 0;
  while (i < args.length && (FIND_LEADING.test(args[i] as string) || args[i] === '-D')) i += args[i] === '-D' ? 2 : 1;
  const roots: string[] = [];
  while (i < args.length && !/^[-(!,]/.test(args[i] as string)) roots.push(args[i++] as string);
  if (roots.length === 0) roots.push('.');
  let deleteAction = false;
  let execDeleter = false;
  let narrowing = false;
  let inverted = false;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-delete') deleteAction = true;
    else if (a === '!' || a === '-not' || a === '-o' || a === '-or' || a === ',') inverted = true;
    else if (a === '-empty') narrowing = true; // only empty files and directories
    else if (FIND_NARROWING.has(a)) {
      const v = args[++i] ?? '';
      if (/[^*?]/.test(v)) narrowing = true;
    } else if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
      const prog = (args[i + 1] ?? '').split('/').pop() ?? '';
      if (FIND_DELETERS.has(prog)) execDeleter = true;
      while (i < args.length && args[i] !== ';' && args[i] !== '+') i++;
    }
  }
  return { roots, deleteAction, execDeleter, narrowed: narrowing && !inverted };
}

/** truncate's sizes that only grow a file (`+N`, `>N` at least, `%N` round up) destroy nothing. */
function truncateShrinks(args: readonly string[]): boolean {
  const sizes: string[] = [];
  let reference = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const long = /^--(\w[\w-]*)(?:=(.*))?$/s.exec(a);
    if (long) {
      const name = long[1] as string;
      if ('size'.startsWith(name)) sizes.push(long[2] ?? args[++i] ?? '');
      else if ('reference'.startsWith(name)) reference = true;
    } else if (/^-[A-Za-z]/.test(a)) {
      const s = a.indexOf('s');
      const r = a.indexOf('r');
      const first = [s, r].filter((k) => k > 0).sort((x, y) => x - y)[0];
      if (first === undefined) continue;
      const value = a.length > first + 1 ? a.slice(first + 1) : (args[++i] ?? '');
      if (first === s) sizes.push(value);
      else reference = true;
    }
  }
  return reference || sizes.length === 0 || sizes.some((v) => !/^[+>%]/.test(v));
}

/**
 * The targets a simple command deletes or wipes (none for other programs). A program warden cannot
 * name (`$RM -rf ~`) is read as rm, the most general of them.
 */
export function destroyedBy(cmd: SimpleCommand): Destroyed[] {
  const args = cmd.argv.slice(1);
  switch (isDynamic(cmd.program) ? 'rm' : cmd.program) {
    case 'rm': {
      const rm = parseRm(cmd.argv);
      return rm.operands.map((word) => ({ word, kind: 'rm' as const, recursive: rm.recursive, force: rm.force }));
    }
    case 'unlink':
    case 'rmdir':
      return splitArgs(args).operands.map((word) => ({ word, kind: 'rm' as const, recursive: false, force: false }));
    case 'shred': {
      const { operands } = splitArgs(args, new Set(['-n', '--iterations', '-s', '--size', '--random-source']));
      return operands.filter((w) => w !== '-').map((word) => ({ word, kind: 'shred' as const, recursive: false, force: false }));
    }
    case 'truncate': {
      if (!truncateShrinks(args)) return [];
      const { operands } = splitArgs(args, new Set(['-s', '--size', '-r', '--reference']));
      return operands.map((word) => ({ word, kind: 'truncate' as const, recursive: false, force: false }));
    }
    case 'find': {
      const f = parseFind(cmd.argv);
      return f.deleteAction || f.execDeleter ? f.roots.map((word) => ({ word, kind: 'find' as const, recursive: true, force: true, narrowed: f.narrowed })) : [];
    }
    case 'rsync': {
      const dest = rsyncDeleteDestination(args);
      return dest === undefined ? [] : [{ word: dest, kind: 'rsync' as const, recursive: true, force: true }];
    }
    default:
      return [];
  }
}

/** rsync options that take the next word as their value (the rest are flags or `--opt=value`). */
const RSYNC_VALUE = new Set([
  '-e', '--rsh', '-f', '--filter', '-T', '--temp-dir', '-B', '--block-size', '-M', '--remote-option', '--exclude', '--include', '--exclude-from', '--include-from',
  '--files-from', '--partial-dir', '--backup-dir', '--suffix', '--log-file', '--log-file-format', '--password-file', '--chmod', '--chown', '--timeout', '--contimeout', '--port',
  '--compare-dest', '--copy-dest', '--link-dest', '--max-size', '--min-size', '--max-delete', '--bwlimit', '--modify-window', '--out-format', '--iconv', '--info', '--debug',
  '--usermap', '--groupmap', '--rsync-path', '--sockopts', '--outbuf', '--stop-after', '--stop-at', '--checksum-choice', '--compress-choice', '--compress-level', '--skip-compress',
]);

/**
 * The local destination of an `rsync --delete…` (`--del`, `--delete-after`, `--delete-excluded`, …;
 * not with `-n`/`--dry-run`), or undefined. A remote destination (`host:path`, `rsync://…`) is
 * another machine's business.
 */
function rsyncDeleteDestination(args: readonly string[]): string | undefined {
  const { options, operands } = splitArgs(args, RSYNC_VALUE);
  const deletes = options.some((o) => /^--del(ete)?(-[a-z-]+)?(=|$)/.test(o));
  if (!deletes || hasFlag(options, 'n', '--dry-run') || operands.length < 2) return undefined;
  const dest = operands[operands.length - 1] as string;
  return /^[^/]*:/.test(dest) ? undefined : dest;
}

/**
 * A word of an rm (or shred…) run by `find -exec`/`-execdir`/`-ok`/`-okdir` that stands for the
 * matches (`root/$…`): the find command itself is judged for them (its root, its name tests).
 */
export function fromFind(cmd: SimpleCommand, word: string): boolean {
  const last = cmd.via[cmd.via.length - 1];
  return last !== undefined && /^find -(exec|execdir|ok|okdir)$/.test(last) && (word === UNKNOWN || word.endsWith(`/${UNKNOWN}`)) && word.indexOf(UNKNOWN) === word.length - 1;
}

/**
 * The protected path a destroyed target reaches: the target is inside one, or contains one (a
 * `find` narrowed to some names under a directory containing one is judged elsewhere: it may well
 * not touch it).
 */
export function protectedReached(d: Destroyed, p: string, protectedPaths: readonly string[]): string | undefined {
  return protectedPathReached(p, protectedPaths, d.narrowed === true);
}
