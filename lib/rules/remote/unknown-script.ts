import { display } from '../../shell/analyze.js';
import { defineRule } from '../define.js';
import { isGenerator, remoteOrigin } from './sources.js';

/**
 * Build tools already run code warden does not read (a Makefile's recipes, build scripts), so a
 * program they build and the same line then runs (`make && ./app`, `cargo build && ./target/x`)
 * is no less visible than the build itself; a shell script appearing after them still counts.
 */
const BUILDERS = new Set(['make', 'gmake', 'cmake', 'ninja', 'cargo', 'go', 'gcc', 'cc', 'clang', 'g++', 'c++', 'clang++', 'rustc', 'javac', 'zig', 'swift', 'swiftc', 'dotnet', 'mvn', 'gradle', 'tsc', 'npm', 'pnpm', 'yarn', 'bun', 'ghc', 'nim', 'dune', 'stack', 'cabal', 'mkdir']);

/** A missing script could exist by the time it runs: something before it may have created it. */
function mayAppear(after: readonly string[], file: string): boolean {
  if (after.length === 0) return false;
  return /\.(sh|bash|zsh|ksh|command|bats)$/.test(file) || after.some((p) => !BUILDERS.has(p));
}

// Ask, not deny: much of this is ordinary (`eval "$X"` in a setup line, a script that the same
// command line creates), but warden cannot see the code, so a human looks. Downloads and decoded
// code are remote/pipe-to-shell's; known setup generators (`eval "$(ssh-agent -s)"`,
// `source <(kubectl completion bash)`) print their own code and pass.
export default defineRule({
  id: 'remote/unknown-script',
  meta: {
    description:
      'A shell runs code warden cannot read: a script that does not exist (yet) or cannot be read, one written earlier in the same command, eval "$VAR", sh -c "$(cmd)", source <(cmd), code piped in from a command whose output is unknown. Ask: often harmless, but unseen',
    action: 'ask',
    presets: { paranoid: 'deny' },
    packs: ['remote'],
    messages: {
      script:
        '`{{segment}}` runs {{source}}, which warden cannot read before it runs. Create or download the script in one command and run it in the next, so warden can read and check it; or show it to the human.',
      argument:
        '`{{segment}}` runs code assembled at run time from {{source}}, which warden cannot see. Run the commands themselves instead of evaluating their text, or ask the human.',
      stdin: '`{{segment}}` runs as code whatever {{source}} prints, which warden cannot see. Look at that output first, then run the commands you mean directly.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const r = cmd.runs;
    if (r === undefined || r.kind !== 'unknown-code' || r.how === 'program') return [];
    if (remoteOrigin(r, ctx.home) !== undefined) return [];
    if (r.producers.length > 0 && r.producers.every(isGenerator)) return [];
    if (r.missing !== undefined && !mayAppear(r.missing.after, r.file ?? '')) return [];
    const source = r.how === 'argument' && r.producers.length === 0 ? `a variable or argument (${display(r.source)})` : display(r.source);
    return [{ messageId: r.how, data: { segment: cmd.text, source } }];
  },
});
