// Reading `rm` the way GNU/BSD rm does: combined short flags, `--` ending options.

import { hasFlag, splitArgs } from '../args.js';

export interface RmCall {
  recursive: boolean;
  force: boolean;
  operands: string[];
}

export function parseRm(argv: readonly string[]): RmCall {
  const { options, operands } = splitArgs(argv.slice(1));
  return {
    recursive: hasFlag(options, 'r', '--recursive') || hasFlag(options, 'R'),
    force: hasFlag(options, 'f', '--force'),
    operands,
  };
}
