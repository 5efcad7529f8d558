// Reading a program's command line as getopt does, for the classifiers: which options were given
// (with their values) and which words are operands. Only the options that take a value need
// listing; an unknown option is read as a flag without one, which at worst takes a value for an
// operand (the classifiers then see one more URL or host, never one fewer).

export interface Opt {
  /** `-X`, `--request` (a long option given as `--request=POST` is split). */
  flag: string;
  value?: string;
}

export interface ReadArgs {
  opts: Opt[];
  operands: string[];
}

export interface OptSpec {
  /** Options taking a value: short (`-X`, value attached or next) and long (`--data`, next or `=`). */
  value: ReadonlySet<string>;
  /** Long options accept `--name=value` (GNU getopt); curl does not. Default true. */
  longEquals?: boolean;
  /** Options are read only before the first operand (ssh, gh's remote command), not everywhere. */
  stopAtOperand?: boolean;
}

export function readArgs(args: readonly string[], spec: OptSpec): ReadArgs {
  const opts: Opt[] = [];
  const operands: string[] = [];
  const longEquals = spec.longEquals ?? true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = longEquals ? a.indexOf('=') : -1;
      if (eq !== -1) opts.push({ flag: a.slice(0, eq), value: a.slice(eq + 1) });
      else if (spec.value.has(a)) {
        const v = args[i + 1];
        opts.push(v === undefined ? { flag: a } : { flag: a, value: v });
        i++;
      } else opts.push({ flag: a });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const flag = `-${a[j] as string}`;
        if (spec.value.has(flag)) {
          if (j < a.length - 1) opts.push({ flag, value: a.slice(j + 1) });
          else {
            const v = args[i + 1];
            opts.push(v === undefined ? { flag } : { flag, value: v });
            i++;
          }
          break;
        }
        opts.push({ flag });
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** Was any of these options given? */
export function has(r: ReadArgs, ...flags: string[]): boolean {
  return r.opts.some((o) => flags.includes(o.flag));
}

/** Values of these options, in order. */
export function values(r: ReadArgs, ...flags: string[]): string[] {
  return r.opts.flatMap((o) => (flags.includes(o.flag) && o.value !== undefined ? [o.value] : []));
}

/** The last value of these options. */
export function last(r: ReadArgs, ...flags: string[]): string | undefined {
  return values(r, ...flags).at(-1);
}

export const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
