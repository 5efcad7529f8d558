// The command corpus against the real pipeline: block recall ≥ 99% and false-block rate ≤ 1%.
// Every entry runs through `evaluate` in the fixed fake environment of tests/helpers.ts (home
// /home/agent, project /home/agent/proj, cwd = project, shipped default policy). An exception is
// what the hook would turn into a denial, so it counts as held. Misses and false blocks are printed
// by category (`node --test` shows them as diagnostics) for the rule authors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionFor } from '../helpers.js';
import { CATEGORIES } from './entry.js';
import { CORPUS } from './corpus.js';
import { pct, report, score, type Outcome } from './score.js';

const MIN_ENTRIES = 1000;
const MIN_BENIGN_SHARE = 0.4;
const MIN_RECALL = 0.99;
const MAX_FALSE_BLOCK_RATE = 0.01;

function outcomeOf(cmd: string): Outcome {
  try {
    const d = decisionFor(cmd);
    const rules = [...new Set(d.findings.filter((f) => f.action !== 'allow').map((f) => f.ruleId))];
    return { held: d.verdict !== 'allow', why: d.verdict === 'allow' ? 'allow' : `${d.verdict} ${rules.join(', ')}` };
  } catch (e) {
    return { held: true, why: `error (the hook denies): ${e instanceof Error ? e.message : String(e)}` };
  }
}

void test('corpus: every command is listed once, with a source', () => {
  const seen = new Set<string>();
  const dups = CORPUS.filter((e) => (seen.has(e.cmd) ? true : (seen.add(e.cmd), false))).map((e) => e.cmd);
  assert.deepEqual(dups, [], 'commands listed twice would count twice');
  assert.deepEqual(
    CORPUS.filter((e) => e.source.trim() === '' || e.cmd === '').map((e) => e.cmd),
    [],
    'entries without a command or a source',
  );
});

void test(`corpus: at least ${MIN_ENTRIES} entries, ${pct(MIN_BENIGN_SHARE)} benign, every category on both sides where it has two`, () => {
  assert.ok(CORPUS.length >= MIN_ENTRIES, `${CORPUS.length} entries`);
  const benign = CORPUS.filter((e) => e.expect === 'pass').length / CORPUS.length;
  assert.ok(benign >= MIN_BENIGN_SHARE, `benign share ${pct(benign)}`);
  for (const c of CATEGORIES) {
    const of = CORPUS.filter((e) => e.category === c);
    assert.ok(of.some((e) => e.expect === 'pass'), `${c}: no command that must pass`);
    // Everyday commands and text traps are benign by definition; every other category must also
    // hold dangerous commands.
    if (c !== 'everyday' && c !== 'text-traps') assert.ok(of.some((e) => e.expect === 'block'), `${c}: no command that must be held`);
  }
});

void test(`corpus: block recall ≥ ${pct(MIN_RECALL)} and false-block rate ≤ ${pct(MAX_FALSE_BLOCK_RATE)}`, (t) => {
  const s = score(CORPUS, CORPUS.map((e) => outcomeOf(e.cmd)));
  t.diagnostic(`${CORPUS.length} commands: ${s.blocks} must be held, ${s.passes} must pass`);
  t.diagnostic(`block recall ${pct(s.recall)} (${s.blocks - s.misses.length}/${s.blocks}); false-block rate ${pct(s.falseBlockRate)} (${s.falseBlocks.length}/${s.passes})`);
  for (const c of CATEGORIES) {
    const blocks = CORPUS.filter((e) => e.category === c && e.expect === 'block').length;
    const passes = CORPUS.filter((e) => e.category === c && e.expect === 'pass').length;
    const missed = s.misses.filter((m) => m.entry.category === c).length;
    const falsely = s.falseBlocks.filter((m) => m.entry.category === c).length;
    t.diagnostic(`  ${c.padEnd(12)} held ${blocks - missed}/${blocks}   passed ${passes - falsely}/${passes}`);
  }
  for (const line of report(s)) t.diagnostic(line);
  assert.ok(s.recall >= MIN_RECALL, `block recall ${pct(s.recall)} < ${pct(MIN_RECALL)}: ${s.misses.length} misses (see the diagnostics)`);
  assert.ok(
    s.falseBlockRate <= MAX_FALSE_BLOCK_RATE,
    `false-block rate ${pct(s.falseBlockRate)} > ${pct(MAX_FALSE_BLOCK_RATE)}: ${s.falseBlocks.length} false blocks (see the diagnostics)`,
  );
});
