/**
 * Bytes allocated per question, GCs per 1,000 questions, and a hash of the answers, at one
 * scale: rankArticles(q, 10) and ask(q, k 3) on 1,000 SQuAD dev questions. Bytes are exact only
 * with a young generation large enough that no GC runs while measuring (the script says when one
 * did); GC counts are those of Node's default young generation when run without the flag:
 *
 *   node --expose-gc [--max-semi-space-size=1024] --import tsx bench/alloc.ts [size] [--data DIR]
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

const gcStarts: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcStarts.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });

/**
 * Over the asked questions (nothing kept): heap bytes `f` allocates per call, exact only when no
 * GC ran, and GCs per 1,000 calls (their entries arrive after the loop, so they are awaited).
 */
async function measure(f: (q: string) => unknown): Promise<string> {
  gc?.();
  const start = performance.now();
  const before = process.memoryUsage().heapUsed;
  for (const q of asked) f(q.question);
  const after = process.memoryUsage().heapUsed;
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const ran = gcStarts.filter((t) => t >= start && t <= end).length;
  const bytes =
    ran === 0 ? `${((after - before) / asked.length / 1024).toFixed(1)} KB` : 'bytes not measured';
  return `${bytes}, ${(ran * 1000) / asked.length} GCs per 1,000`;
}
for (let round = 0; round < 3; round++) {
  const rank = await measure((q) => index.rankArticles(q, 10));
  const ask = await measure((q) => index.ask(q, { count: 3 }));
  console.log(`rankArticles(q, 10): ${rank}; ask(q, k 3): ${ask}`);
}
const hash = createHash('sha256');
for (const q of questions.filter((_, i) => i % 5 === 0).slice(0, 2000)) {
  hash.update(JSON.stringify(index.ask(q.question, { count: 3 })));
  hash.update(JSON.stringify(index.rankArticles(q.question, 10)));
}
console.log(`answers sha256: ${hash.digest('hex')}`);
