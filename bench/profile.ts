/**
 * Where the project's time goes at one scale: corpus records → articles, index build, then
 * rankArticles and ask on 1,000 dev questions. Run under the CPU profiler to see the hot spots:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts [size] [--data DIR]
 */
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';
import { summariseLatencies } from './lib/percentiles.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR } },
});
const size = Number(positionals[0] ?? 100000);
const { questions } = await squadDev(values.data);
const docs = await scaleCorpus(values.data, size);
let t = performance.now();
const corpus = corpusFromRecords(docs);
console.log(`corpusFromRecords: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const index = buildIndex(corpus);
console.log(`buildIndex: ${(performance.now() - t).toFixed(0)} ms, ${index.passageCount} passages`);
const asked = questions.filter((_, i) => i % 10 === 0).slice(0, 1000);
for (const q of questions.filter((_, i) => i % 10 === 1).slice(0, 100)) index.rankArticles(q.question, 10);
const time = (f: (q: string) => unknown) =>
  summariseLatencies(
    asked.map((q) => {
      const s = performance.now();
      f(q.question);
      return performance.now() - s;
    }),
  );
const fmt = (s: ReturnType<typeof summariseLatencies>) =>
  `p50 ${s.p50.toFixed(3)} / p95 ${s.p95.toFixed(3)} / p99 ${s.p99.toFixed(3)} / max ${s.max.toFixed(3)} ms`;
console.log(`rankArticles(q, 10): ${fmt(time((q) => index.rankArticles(q, 10)))}`);
console.log(`ask(q, k 3): ${fmt(time((q) => index.ask(q, { count: 3 })))}`);

// The tail: the slowest questions, timed again (best of 5) to tell inherent cost from pauses.
const slowest = asked
  .map((q) => {
    const s = performance.now();
    index.rankArticles(q.question, 10);
    return { q: q.question, ms: performance.now() - s };
  })
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10);
console.log('slowest rankArticles questions (first time → best of 5 again):');
for (const { q, ms } of slowest) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    index.rankArticles(q, 10);
    best = Math.min(best, performance.now() - s);
  }
  console.log(`  ${ms.toFixed(2)} → ${best.toFixed(2)} ms  ${q}`);
}
