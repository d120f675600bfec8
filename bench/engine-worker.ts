/**
 * One measurement in a fresh process (so memory figures do not mix): build one engine over the
 * quality corpus (SQuAD dev paragraphs) or a scale corpus of N passages, time the questions,
 * and print one JSON line. Run by bench/run.ts with --expose-gc.
 *
 *   node --expose-gc --import tsx bench/engine-worker.ts <engine> <quality|size> <dataDir> <queries>
 */
import { type Doc, scaleCorpus, squadDev } from './data.ts';
import { ENGINES } from './engines.ts';

const [engineKey = 'project', mode = 'quality', dataDir = '', queryCount = '2000'] = process.argv.slice(2);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

const { docs: devDocs, questions: allQuestions } = await squadDev(dataDir);
const docs: Doc[] = mode === 'quality' ? devDocs : await scaleCorpus(dataDir, Number(mode));
const step = Math.max(1, Math.floor(allQuestions.length / Number(queryCount)));
const questions = allQuestions.filter((_, i) => i % step === 0).slice(0, Number(queryCount));
const make = ENGINES[engineKey];
if (make === undefined) throw new Error(`unknown engine ${engineKey}`);
const engine = make();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
await engine.build(docs);
const buildMs = performance.now() - started;
gc();
const memory = process.memoryUsage();
const times: number[] = [];
let r1 = 0;
let r5 = 0;
let mrr = 0;
// Warm up (JIT, lazy structures) on other questions, untimed, the same for every engine: at most
// 100 questions or 5 seconds.
const warmUntil = performance.now() + 5000;
for (const q of allQuestions.filter((_, i) => i % step === 1).slice(0, 100)) {
  if (performance.now() > warmUntil) break;
  await engine.search(q.question);
}

/** Queries stop once they have taken this long in all (slow engines at large sizes). */
const QUERY_BUDGET_MS = 30_000;
let spent = 0;
for (const q of questions) {
  if (spent > QUERY_BUDGET_MS) break;
  const t = performance.now();
  const ids = await engine.search(q.question);
  const took = performance.now() - t;
  times.push(took);
  spent += took;
  const rank = ids.indexOf(q.paragraph);
  if (rank === 0) r1++;
  if (rank >= 0 && rank < 5) r5++;
  if (rank >= 0) mrr += 1 / (rank + 1);
}
const totalMs = times.reduce((a, b) => a + b, 0);
times.sort((a, b) => a - b);
const n = times.length;
const textBytes = docs.reduce((sum, d) => sum + d.title.length + d.text.length, 0);
console.log(
  JSON.stringify({
    engine: engine.name,
    key: engineKey,
    mode,
    docs: docs.length,
    textMB: textBytes / 1e6,
    buildMs,
    docsPerSecond: docs.length / (buildMs / 1000),
    heapMB: (memory.heapUsed - heapBefore) / 1e6,
    rssMB: memory.rss / 1e6,
    queries: n,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    qps: n / (totalMs / 1000),
    recall1: mode === 'quality' ? r1 / n : null,
    recall5: mode === 'quality' ? r5 / n : null,
    mrr10: mode === 'quality' ? mrr / n : null,
  }),
);
