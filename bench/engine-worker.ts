/**
 * One measurement in a fresh process (so memory figures do not mix): build one engine over the
 * quality corpus (SQuAD dev paragraphs) or a scale corpus of N passages, time the questions,
 * and print one JSON line ({@link WorkerResult}). Run by bench/run.ts with --expose-gc.
 *
 *   node --expose-gc --import tsx bench/engine-worker.ts <engine> <quality|size> <dataDir> <queries>
 */
import { type Doc, paragraphOf, scaleCorpus, squadDev } from './data.ts';
import { ENGINES } from './engines.ts';
import { RankMetrics } from './lib/metrics.ts';
import { summariseLatencies } from './lib/percentiles.ts';
import { preemptions } from './lib/preemptions.ts';

/** What one worker measured: the line it prints. */
export interface WorkerResult {
  engine: string;
  key: string;
  mode: string;
  docs: number;
  textMB: number;
  loadDataMs: number;
  buildMs: number;
  docsPerSecond: number;
  /** Heap the built index adds, after a full GC, in MB (1e6 bytes). */
  heapMB: number;
  /** Resident set size of the whole process after the build and a full GC, in MB. */
  rssMB: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  qps: number;
  /**
   * The whole answer (k = 3) to questions the engine has not met (as a member's mostly are), one
   * after each ranked question; null for peers and where no question is left over (quality).
   */
  answer: { p50: number; p95: number; p99: number } | null;
  /** The whole answer to each ranked question right after its ranking (its words met); null for peers. */
  answerAfterRanking: { p50: number; p95: number; p99: number } | null;
  /**
   * On Linux, the p99 of the calls during which the main thread was not preempted, and how many
   * such calls there were: what the code costs on a machine busy with other work. Null elsewhere.
   */
  unpreempted: {
    query: { p99: number; count: number };
    answer: { p99: number; count: number } | null;
  } | null;
  recall1: number;
  recall5: number;
  mrr10: number;
  /** Questions quality was measured on (those whose paragraph is in the corpus). */
  judged: number;
}

const [engineKey = 'project', mode = 'quality', dataDir = '', queryCount = '2000'] = process.argv.slice(2);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const loadStarted = performance.now();
const { docs: devDocs, questions: allQuestions } = await squadDev(dataDir);
const docs: Doc[] = mode === 'quality' ? devDocs : await scaleCorpus(dataDir, Number(mode));
const loadDataMs = performance.now() - loadStarted;
// Questions spread evenly over the dev set; warm-up questions are different ones.
const step = Math.max(1, Math.floor(allQuestions.length / Number(queryCount)));
const questions = allQuestions.filter((_, i) => i % step === 0).slice(0, Number(queryCount));
const warmUp = allQuestions.filter((_, i) => i % step === (step > 1 ? 1 : 0)).slice(0, 100);
// Questions only answered, never ranked nor used to warm up: asked for the first time.
const fresh = step > 2 ? allQuestions.filter((_, i) => i % step === 2).slice(0, Number(queryCount)) : [];
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

engine.ready?.();
// Warm up (JIT, lazy structures), untimed, the same for every engine: at most 100 questions or 5 s.
const warmUntil = performance.now() + 5000;
for (const q of warmUp) {
  if (performance.now() > warmUntil) break;
  await engine.search(q.question);
  engine.answer?.(q.question);
}

/** Queries stop once they have taken this long in all (slow engines at large sizes). */
const QUERY_BUDGET_MS = 30_000;
const times: number[] = [];
const answerTimes: number[] = [];
const afterRankingTimes: number[] = [];
const keptCore: { query: number[]; answer: number[] } = { query: [], answer: [] };
let linux = preemptions() !== null;
/** Keeps `took` in `kept` too when the main thread was not preempted since `before`. */
function keepUnpreempted(before: number | null, took: number, kept: number[]): void {
  if (before === null) return;
  const after = preemptions();
  if (after === null) linux = false;
  else if (after === before) kept.push(took);
}
/** Times a synchronous `call`, kept in `kept` too when the main thread was not preempted in it. */
function timed(call: () => unknown, kept: number[]): number {
  const before = linux ? preemptions() : null;
  const t = performance.now();
  call();
  const took = performance.now() - t;
  keepUnpreempted(before, took, kept);
  return took;
}
const metrics = new RankMetrics();
// Quality counts only questions whose paragraph is in the corpus (small scale corpora hold few).
const present = new Set(docs.map((d) => paragraphOf(d.id)));
let spent = 0;
for (const [n, q] of questions.entries()) {
  if (spent > QUERY_BUDGET_MS) break;
  const before = linux ? preemptions() : null;
  const t = performance.now();
  const ids = await engine.search(q.question);
  const took = performance.now() - t;
  keepUnpreempted(before, took, keptCore.query);
  times.push(took);
  spent += took;
  if (engine.answer !== undefined) {
    const answer = engine.answer;
    const answered = timed(() => answer(q.question), []);
    afterRankingTimes.push(answered);
    spent += answered;
    const other = fresh[n];
    if (other !== undefined) {
      const first = timed(() => answer(other.question), keptCore.answer);
      answerTimes.push(first);
      spent += first;
    }
  }
  // In a scale corpus, a passage counts as its paragraph (the first passage of a paragraph ranks).
  const ranked = mode === 'quality' ? ids : [...new Set(ids.map(paragraphOf))];
  if (present.has(q.paragraph)) metrics.add(ranked, q.paragraph);
}
const latency = summariseLatencies(times);
const percentiles = (times: number[]) => {
  if (times.length === 0) return null;
  const { p50, p95, p99 } = summariseLatencies(times);
  return { p50, p95, p99 };
};
const quality = metrics.result();
const textBytes = docs.reduce((sum, d) => sum + d.title.length + d.text.length, 0);
const result: WorkerResult = {
  engine: engine.name,
  key: engineKey,
  mode,
  docs: docs.length,
  textMB: textBytes / 1e6,
  loadDataMs,
  buildMs,
  docsPerSecond: docs.length / (buildMs / 1000),
  heapMB: (memory.heapUsed - heapBefore) / 1e6,
  rssMB: memory.rss / 1e6,
  queries: latency.count,
  p50: latency.p50,
  p95: latency.p95,
  p99: latency.p99,
  qps: latency.perSecond,
  answer: percentiles(answerTimes),
  answerAfterRanking: percentiles(afterRankingTimes),
  unpreempted: linux
    ? {
        query: { p99: summariseLatencies(keptCore.query).p99, count: keptCore.query.length },
        answer:
          keptCore.answer.length === 0
            ? null
            : { p99: summariseLatencies(keptCore.answer).p99, count: keptCore.answer.length },
      }
    : null,
  recall1: quality.recall1,
  recall5: quality.recall5,
  mrr10: quality.mrr10,
  judged: quality.questions,
};
console.log(JSON.stringify(result));
