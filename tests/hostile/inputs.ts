// Hostile input for the PreToolUse hook, as the bytes Claude Code's pipe would carry: huge, deeply
// nested, long pipelines, NUL bytes, invalid UTF-8 (raw bytes, not JSON escapes), disguised
// program names, garbage. One static table, read by tests/hostile/hostile.test.ts (the verdicts)
// and by `npm run bench` (tests/bench/hostile.ts: wall time and peak memory of each, budget < 2 s).
import os from 'node:os';

/** What the hook must answer. `held`: ask or deny, never allow. `denied`: deny (exit 0 or 2). */
export type Expect = 'held' | 'denied' | 'allowed';

export interface Hostile {
  name: string;
  /** The exact bytes on the hook's stdin. */
  stdin: () => Buffer;
  expect: Expect;
  /** What the reason must name, when it is not just "held". */
  reason?: RegExp;
}

const MiB = 1 << 20;

/** A PreToolUse event for a Bash command, as JSON text (every string properly escaped). */
export function bashEvent(command: string, cwd: string = os.tmpdir()): string {
  return JSON.stringify({
    session_id: 'hostile',
    transcript_path: '/dev/null',
    cwd,
    hook_event_name: 'PreToolUse',
    permission_mode: 'bypassPermissions',
    tool_name: 'Bash',
    tool_input: { command },
    tool_use_id: 'toolu_hostile',
  });
}

/** A Bash event whose command has raw `bytes` (not a JSON escape) where `@@` stands. */
function rawBytes(command: string, bytes: number[]): Buffer {
  const [before, after] = bashEvent(command).split('@@');
  return Buffer.concat([Buffer.from(before ?? ''), Buffer.from(bytes), Buffer.from(after ?? '')]);
}

const text = (s: string): (() => Buffer) => () => Buffer.from(s);

/** Deterministic pseudo-random bytes (a fixed LCG: the same garbage on every run). */
function garbage(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const stages = (n: number, at: number, danger: string): string => Array.from({ length: n }, (_, i) => (i === at ? danger : `grep -v x${i}`)).join(' | ');

export const HOSTILE: readonly Hostile[] = [
  // Size
  { name: '1 MiB command hiding rm -rf ~ at its end', stdin: text(bashEvent(`echo ${'x'.repeat(MiB)}; rm -rf ~`)), expect: 'held', reason: /core\/analysis-bound/ },
  { name: '1 MiB of benign command', stdin: text(bashEvent(`echo ${'y'.repeat(MiB - 10)}`)), expect: 'allowed' },
  { name: '100,000 commands joined by ;', stdin: text(bashEvent(`${'true; '.repeat(100_000)}rm -rf ~`)), expect: 'held' },
  // Depth
  { name: '10,000 nested $( around rm -rf ~', stdin: text(bashEvent(`${'$('.repeat(10_000)}rm -rf ~${')'.repeat(10_000)}`)), expect: 'held', reason: /core\/analysis-bound/ },
  { name: '10,000 unterminated $(', stdin: text(bashEvent(`echo ${'$('.repeat(10_000)}`)), expect: 'held', reason: /core\/analysis-bound/ },
  { name: '10,000 nested "$( … )" around rm -rf ~', stdin: text(bashEvent(`echo ${'"$('.repeat(10_000)}rm -rf ~${')"'.repeat(10_000)}`)), expect: 'held', reason: /core\/analysis-bound/ },
  { name: '5,000 nested eval', stdin: text(bashEvent(`${'eval '.repeat(5_000)}rm -rf ~`)), expect: 'held' },
  { name: '4,000 wrappers (sudo env nice timeout 5, repeated)', stdin: text(bashEvent(`${'sudo env nice timeout 5 '.repeat(1_000)}rm -rf ~`)), expect: 'held' },
  { name: '20,000 nested os.system( in python -c', stdin: text(bashEvent(`python3 -c "${'os.system('.repeat(20_000)}'rm -rf ~'${')'.repeat(20_000)}"`)), expect: 'held' },
  // Length of a pipeline
  { name: '1,000-stage pipeline into sh', stdin: text(bashEvent(`${stages(999, -1, '')} | sh`)), expect: 'held' },
  { name: '1,000-stage pipeline with rm -rf ~ in the middle', stdin: text(bashEvent(stages(1000, 500, 'rm -rf ~'))), expect: 'denied', reason: /fs\/rm-critical/ },
  { name: '1,000-stage benign pipeline', stdin: text(bashEvent(stages(1000, -1, ''))), expect: 'allowed' },
  // NUL bytes (a shell reading the command from a pipe drops them: `r\0m` runs rm)
  { name: 'NUL inside the program name (r\\0m -rf ~)', stdin: text(bashEvent('r\u0000m -rf ~')), expect: 'denied', reason: /fs\/rm-critical/ },
  { name: 'NUL after the target (rm -rf ~\\0)', stdin: text(bashEvent('rm -rf ~\u0000')), expect: 'denied', reason: /fs\/rm-critical/ },
  { name: 'NUL in a benign command (ls\\0 -la)', stdin: text(bashEvent('ls\u0000 -la')), expect: 'held', reason: /core\/analysis-bound.*NUL byte/ },
  { name: 'NUL between commands (ls\\0; rm -rf ~)', stdin: text(bashEvent('ls\u0000; rm -rf ~')), expect: 'denied', reason: /fs\/rm-critical/ },
  // Invalid UTF-8 as raw bytes on stdin (Claude Code never sends it: the channel is corrupt)
  { name: 'invalid UTF-8 byte inside the program name', stdin: () => rawBytes('r@@m -rf ~', [0xff]), expect: 'denied', reason: /not valid UTF-8/ },
  { name: 'overlong UTF-8 encoding of / as the target', stdin: () => rawBytes('rm -rf @@', [0xc0, 0xaf]), expect: 'denied', reason: /not valid UTF-8/ },
  { name: 'invalid UTF-8 after rm -rf ~', stdin: () => rawBytes('rm -rf ~ @@', [0xfe, 0xfe, 0x80]), expect: 'denied', reason: /not valid UTF-8/ },
  { name: 'UTF-16 surrogate encoded in UTF-8 (CESU)', stdin: () => rawBytes('echo @@; rm -rf ~', [0xed, 0xa0, 0x80]), expect: 'denied', reason: /not valid UTF-8/ },
  // Disguised program names (lib/shell/normalize.ts)
  { name: 'zero-width space in rm (r\\u200bm -rf ~)', stdin: text(bashEvent('r\u200bm -rf ~')), expect: 'held' },
  { name: 'Cyrillic м in rm (rм -rf ~)', stdin: text(bashEvent('r\u043c -rf ~')), expect: 'held' },
  { name: 'Cyrillic ԁ in dd (ԁd of=/dev/sda)', stdin: text(bashEvent('\u0501d if=/dev/zero of=/dev/sda')), expect: 'denied', reason: /disk\/dd-device/ },
  { name: 'fullwidth ｒｍ -rf ~', stdin: text(bashEvent('\uff52\uff4d -rf ~')), expect: 'held' },
  { name: 'right-to-left override in git push -f', stdin: text(bashEvent('git push \u202e-f origin main')), expect: 'held' },
  // Garbage on stdin
  { name: '64 KiB of random bytes', stdin: () => garbage(64 * 1024, 8), expect: 'denied', reason: /not valid JSON|not valid UTF-8/ },
  { name: 'more than 8 MiB on stdin', stdin: () => Buffer.alloc(8 * MiB + 1, 0x20), expect: 'denied', reason: /larger than/ },
  { name: 'JSON nested 100,000 deep', stdin: text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), expect: 'denied' },
  { name: 'valid event followed by garbage', stdin: () => Buffer.concat([Buffer.from(bashEvent('ls')), garbage(100, 3)]), expect: 'denied' },
  { name: 'two events concatenated', stdin: text(`${bashEvent('ls')}${bashEvent('rm -rf ~')}`), expect: 'denied' },
];
