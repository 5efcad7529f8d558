// Reading chmod/chown/chgrp: is it recursive, and which paths does it change? chmod's modes may
// start with a dash (`chmod -R -x dir`), so for chmod only groups of its real option letters are
// options; everything else is the mode or a path.

export interface PermsCall {
  recursive: boolean;
  paths: string[];
}

/** chmod's short options (GNU and BSD); other dash words are modes. */
const CHMOD_OPTIONS = /^-[RcfvHLPhEC]+$/;

export function parsePerms(program: string, argv: readonly string[]): PermsCall {
  let recursive = false;
  let reference = false;
  const words: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      // Long options may be abbreviated (`--rec`); `--reference=FILE` replaces the mode/owner.
      const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
      if ('--recursive'.startsWith(name)) recursive = true;
      if (name.length > 4 && '--reference'.startsWith(name)) reference = true;
      continue;
    }
    const isOption = program === 'chmod' ? CHMOD_OPTIONS.test(a) : /^-[A-Za-z]+$/.test(a);
    if (isOption) {
      if (a.includes('R')) recursive = true;
      continue;
    }
    words.push(a);
  }
  return { recursive, paths: reference ? words : words.slice(1) };
}

export const PERMS_PROGRAMS = ['chmod', 'chown', 'chgrp'] as const;
