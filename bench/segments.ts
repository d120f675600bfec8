/**
 * `node --expose-gc --import tsx bench/segments.ts [--sizes 100k,1m]`: the segmented index against the single-build
 * index on the scale corpus (bench/data.ts) — build time, query time with one segment and with
 * 20 small segments at the end, and the time to add one article (a new segment) and answer from it.
 */
import { parseArgs } from 'node:util';
import { type Bm25Index, buildPassageIndex, passageFieldsOf } from '../src/search/bm25-index.ts';
import { DEFAULT_RANKING_CONFIG } from '../src/search/ranking-config.ts';
import { SegmentedIndex } from '../src/search/segmented-index.ts';
import { terms } from '../src/search/tokenize.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';
import { percentile } from './lib/percentiles.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100k' } } });
const sizes = (values.sizes ?? '100k')
  .split(',')
  .map((s) => Number(s.replace(/k$/, '000').replace(/m$/, '000000')));
const config = DEFAULT_RANKING_CONFIG;
const ms = (x: number) => x.toFixed(3);

/** p50 / p99 in ms of running every query once on a fresh index (cold), then again (warm). */
function timeQueries(search: (q: string[]) => unknown, queries: string[][]): string {
  const pass = () => {
    const times = queries.map((q) => {
      const t = performance.now();
      search(q);
      return performance.now() - t;
    });
    times.sort((a, b) => a - b);
    return `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.99))}`;
  };
  const cold = pass();
  return `cold ${cold}, warm ${pass()} ms`;
}

const { questions } = await squadDev(DEFAULT_DATA_DIR);
const queries = questions.slice(0, 1000).map((q) => terms(q.question));
console.log(
  '| passages | build: one index / segmented | query p50 / p99: one index | one segment | + 20 small segments | add one article: segment + first query |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const size of sizes) {
  const docs = await scaleCorpus(DEFAULT_DATA_DIR, size);
  const texts = docs.map((d) => ({ title: terms(d.title), body: terms(d.text) }));
  const fields = passageFieldsOf(texts);
  // One index at a time, so that each is timed without the others' garbage (run with --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  let t = performance.now();
  let single: Bm25Index | null = buildPassageIndex(texts, config);
  const singleMs = performance.now() - t;
  const one = timeQueries((q) => single?.search(q, 60), queries);
  single = null;
  gc();
  t = performance.now();
  let segmented: SegmentedIndex | null = SegmentedIndex.build(fields, config).index;
  const segmentedMs = performance.now() - t;
  const seg = timeQueries((q) => segmented?.search(q, 60), queries);
  // One more article: its segment, then the first question answered from the new index.
  const adds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const article = texts.slice(i * 3, i * 3 + 3);
    t = performance.now();
    const next = segmented.withPassages(passageFieldsOf(article)).index;
    next.search(queries[i] ?? [], 60);
    adds.push(performance.now() - t);
  }
  segmented = null;
  gc();
  // The same passages with the last 20 articles' worth (3 passages each) as 20 small segments:
  // questions right after the 20th is added (each term's weights computed on first use), then
  // after the 20th added again and the idle-time warm-up (readyWeights) has computed them all.
  const tail = texts.length - 60;
  const small = (i: number) => passageFieldsOf(texts.slice(tail + 3 * i, tail + 3 * i + 3));
  let nineteen = SegmentedIndex.build(passageFieldsOf(texts.slice(0, tail)), config).index;
  for (let i = 0; i < 19; i++) nineteen = nineteen.withPassages(small(i)).index;
  const rightAfter = nineteen.withPassages(small(19)).index;
  const [after] = timeQueries((q) => rightAfter.search(q, 60), queries).split(',');
  const twenty = nineteen.withPassages(small(19)).index;
  t = performance.now();
  twenty.readyWeights();
  const readyMs = performance.now() - t;
  const many = `right after: ${after}; after the warm-up (${ms(readyMs / 1000)} s): ${timeQueries(
    (q) => twenty.search(q, 60),
    queries,
  )}`;
  console.log(
    `| ${size.toLocaleString('en')} | ${ms(singleMs / 1000)} s / ${ms(segmentedMs / 1000)} s | ${one} | ${seg} | ${many} | p50 ${ms(
      percentile(
        adds.sort((a, b) => a - b),
        0.5,
      ),
    )} ms, max ${ms(Math.max(...adds))} ms |`,
  );
}
