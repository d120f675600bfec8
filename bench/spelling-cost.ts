/**
 * What reading a question's typing slips (src/answer/spelling.ts) costs against ranking it, at one
 * scale: the bench's project engine over the scale corpus, 500 SQuAD dev questions to warm up, then
 * three rounds of 1,000 new ones, each timed through `correctSpelling` (mean and percentiles) and
 * `rankArticles` (mean).
 *
 *   node --max-semi-space-size=32 --import tsx bench/spelling-cost.ts [size] [--data DIR]
 */
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import type { EngineState } from '../src/answer/engine-state.ts';
import { correctSpelling } from '../src/answer/spelling.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR } },
});
const size = Number((positionals[0] ?? '100k').replace(/k$/i, '000').replace(/m$/i, '000000'));
const engine = buildIndex(corpusFromRecords(await scaleCorpus(values.data, size)));
const state = (engine as unknown as { state: EngineState }).state;
const questions = (await squadDev(values.data)).questions.map((q) => q.question);
for (const q of questions.slice(0, 500)) {
  correctSpelling(state, q);
  engine.rankArticles(q, 10);
}
for (let round = 0; round < 3; round++) {
  const part = questions.slice(500 + round * 1000, 1500 + round * 1000);
  let corrected = 0;
  const each: number[] = [];
  let t = performance.now();
  for (const q of part) {
    const start = performance.now();
    corrected += correctSpelling(state, q).corrections.length > 0 ? 1 : 0;
    each.push(performance.now() - start);
  }
  const spelling = (performance.now() - t) / part.length;
  each.sort((a, b) => a - b);
  const tail = [0.5, 0.95, 0.99]
    .map((p) => (each[Math.floor(p * (each.length - 1))] ?? 0).toFixed(3))
    .join(' / ');
  t = performance.now();
  for (const q of part) engine.rankArticles(q, 10);
  const ranking = (performance.now() - t) / part.length;
  console.log(
    `${size.toLocaleString('en')} passages, round ${round + 1}: correctSpelling ${(spelling * 1000).toFixed(1)} µs (p50 / p95 / p99 ${tail} ms), rankArticles ${(ranking * 1000).toFixed(1)} µs a question (means over ${part.length}; ${corrected} corrected)`,
  );
}
