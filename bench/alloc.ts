/**
 * Bytes allocated per question, and a hash of the answers, at one scale: rankArticles(q, 10)
 * and ask(q, k 3) on 1,000 SQuAD dev questions. Run with a young generation large enough that
 * no GC happens while measuring (the script checks):
 *
 *   node --expose-gc --max-semi-space-size=1024 --import tsx bench/alloc.ts [size] [--data DIR]
 */
import { createHash } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR } },
});
const size = Number(positionals[0] ?? 100000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/alloc: run node with --expose-gc');
const { questions } = await squadDev(values.data);
const index = buildIndex(corpusFromRecords(await scaleCorpus(values.data, size)));
const asked = questions.filter((_, i) => i % 10 === 0).slice(0, 1000);
for (const q of questions.filter((_, i) => i % 10 === 1).slice(0, 200)) index.ask(q.question, { count: 3 });

let gcs = 0;
new PerformanceObserver((list) => {
  gcs += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

/** Heap bytes allocated per call of `f` over the asked questions (nothing kept). */
function perQuestion(f: (q: string) => unknown): number {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const gcsBefore = gcs;
  for (const q of asked) f(q.question);
  const after = process.memoryUsage().heapUsed;
  if (gcs !== gcsBefore) console.warn('bench/alloc: a GC ran while measuring; raise --max-semi-space-size');
  return (after - before) / asked.length;
}
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
for (let round = 0; round < 3; round++) {
  console.log(
    `rankArticles(q, 10): ${kb(perQuestion((q) => index.rankArticles(q, 10)))}; ask(q, k 3): ${kb(perQuestion((q) => index.ask(q, { count: 3 })))}`,
  );
}
const hash = createHash('sha256');
for (const q of questions.filter((_, i) => i % 5 === 0).slice(0, 2000)) {
  hash.update(JSON.stringify(index.ask(q.question, { count: 3 })));
  hash.update(JSON.stringify(index.rankArticles(q.question, 10)));
}
console.log(`answers sha256: ${hash.digest('hex')}`);
