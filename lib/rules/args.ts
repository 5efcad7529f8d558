// Small helpers for reading argv the way the programs themselves do: combined short flags
// (`-rf`), `--long=value`, and `--` ending the options.

/**
 * Options part of args (before `--`), and the operands (non-options, plus everything after `--`).
 * The value of a flag in `valueFlags` is neither: `git clean -e -n -f` excludes '-n', it does not
 * dry-run. Short groups come out one flag each (`-rf` → `-r`, `-f`).
 */
export function splitArgs(args: readonly string[], valueFlags: ReadonlySet<string> = new Set()): { options: string[]; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z0-9]{2,}$/.test(a)) {
      // A short group, read as getopt does: a flag taking a value takes the rest of the group
      // (`-sSTABLE` is a source, not -S) or the next word.
      for (let j = 1; j < a.length; j++) {
        const flag = `-${a[j] as string}`;
        options.push(flag);
        if (valueFlags.has(flag)) {
          if (j === a.length - 1) i++;
          break;
        }
      }
    } else if (a.startsWith('-') && a.length > 1) {
      options.push(a);
      if (valueFlags.has(a)) i++;
    } else {
      operands.push(a);
    }
  }
  return { options, operands };
}

/**
 * True if `-x` appears alone or inside a combined short group (`-rxf`), or any long form is given.
 * Long options may be abbreviated, as git's parse-options and GNU getopt_long accept
 * (`git reset --har`, `rm --rec`): any prefix of a listed long name counts. Ambiguity between the
 * program's own options is not modelled; an ambiguous prefix makes the program fail, so counting
 * it errs only towards holding a harmless command.
 */
export function hasFlag(options: readonly string[], short: string | undefined, ...long: string[]): boolean {
  return findFlag(options, short, ...long) !== undefined;
}

/** The option word that `hasFlag` matched, for messages. */
export function findFlag(options: readonly string[], short: string | undefined, ...long: string[]): string | undefined {
  for (const o of options) {
    if (o.startsWith('--')) {
      const name = o.includes('=') ? o.slice(0, o.indexOf('=')) : o;
      if (name.length > 2 && long.some((l) => l.startsWith(name))) return o;
    } else if (short !== undefined && /^-[A-Za-z0-9]+$/.test(o) && o.includes(short)) {
      return o;
    }
  }
  return undefined;
}

/** Shell-style wildcard match (`*`, `?`), whole string. */
export function wildcard(pattern: string, text: string): boolean {
  let re = '^';
  for (const ch of pattern) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`, 's').test(text);
}
