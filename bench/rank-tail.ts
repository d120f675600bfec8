/**
 * What the slowest rankings have in common, at one scale. The bench's sequence (the project
 * engine built, readied and warmed up as bench/engines.ts does; then each of 1,000 SQuAD dev
 * questions ranked, answered, and a new one answered), with each ranking (`rankArticles`, k = 10)
 * timed phase by phase inside the one call: preparing the question, the index search, the rest
 * (re-rank, articles). Prints p50 / p99 over all calls and over those with no GC and no
 * preemption, then the slowest 20 of those with their search terms and postings.
 * PROFILE=file writes a CPU profile of the timed loop; BOUND=1 also counts how many touched
 * passages an exact bound (a list's remaining maximum below the limit-th best so far) could skip.
 *
 *   node --expose-gc --max-semi-space-size=32 --import tsx bench/rank-tail.ts [size] [--data DIR]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import type { EngineState } from '../src/answer/engine-state.ts';
import { prepareQuery } from '../src/answer/query.ts';
import { CANDIDATE_PASSAGES, leads, rank } from '../src/answer/ranking.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import type { PostingData } from '../src/search/passage-index.ts';
import { collectGarbage } from '../src/util/collect-garbage.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';
import { percentile } from './lib/percentiles.ts';
import { preemptions } from './lib/preemptions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR } },
});
const size = Number(positionals[0] ?? 100000);
const K = 10;
const { questions: all } = await squadDev(values.data);
const step = Math.floor(all.length / 1000);
const questions = all.filter((_, i) => i % step === 0).slice(0, 1000);
const warmUp = all.filter((_, i) => i % step === 1).slice(0, 100);
const fresh = all.filter((_, i) => i % step === 2).slice(0, 1000);
const engine = buildIndex(corpusFromRecords(await scaleCorpus(values.data, size)));
engine.warmUp();
engine.warmUpAnswers();
collectGarbage();
for (const q of warmUp) {
  engine.rankArticles(q.question, K);
  engine.ask(q.question, { count: 3 });
}

// The index search inside `rank`, timed by a wrapper of the state's index.
const state = (engine as unknown as { state: EngineState }).state;
const index = state.index;
const data = index.postingData();
const search = index.search.bind(index);
const current = { searchMs: 0, terms: 0, postings: 0 };
const bound = { touched: 0, skippable: 0 };
index.search = (queryTerms, limit, allowed, weights) => {
  const t = performance.now();
  const out = search(queryTerms, limit, allowed, weights);
  current.searchMs += performance.now() - t;
  current.terms = queryTerms.length;
  current.postings = 0;
  for (const term of queryTerms) {
    const id = data.termIds.get(term);
    if (id !== undefined) current.postings += (data.offsets[id + 1] ?? 0) - (data.offsets[id] ?? 0);
  }
  if (process.env.BOUND) countSkippable(data, queryTerms, weights ?? null, limit, allowed ?? null);
  return out;
};

/**
 * Adds to `bound` the passages a search touches and those first met in a list whose remaining
 * maximum (its own and the later lists', times their weights) is below the `limit`-th best
 * partial score so far: what an exact max-score bound could leave unscored.
 */
function countSkippable(
  posting: PostingData,
  queryTerms: string[],
  factors: ArrayLike<number> | null,
  limit: number,
  allowed: Uint8Array | null,
): void {
  const ids = queryTerms.map((t) => posting.termIds.get(t));
  const factor = (q: number) => (factors === null ? 1 : (factors[q] ?? 1));
  const maxOf = ids.map((id, q) => {
    let m = 0;
    if (id !== undefined)
      for (let i = posting.offsets[id] ?? 0; i < (posting.offsets[id + 1] ?? 0); i++)
        m = Math.max(m, posting.weights[i] as number);
    return factor(q) * m;
  });
  const partial = new Map<number, number>();
  for (let q = 0; q < ids.length; q++) {
    const id = ids[q];
    if (id === undefined) continue;
    let rest = 0;
    for (let j = q; j < ids.length; j++) rest += maxOf[j] as number;
    const sorted = [...partial.values()].sort((x, y) => y - x);
    const skip = sorted.length >= limit && rest < (sorted[limit - 1] as number);
    for (let i = posting.offsets[id] ?? 0; i < (posting.offsets[id + 1] ?? 0); i++) {
      const p = posting.passages[i] as number;
      if (allowed !== null && allowed[p] !== 1) continue;
      const s = partial.get(p);
      if (s === undefined) bound.touched++;
      if (s === undefined && skip) bound.skippable++;
      else partial.set(p, (s ?? 0) + factor(q) * (posting.weights[i] as number));
    }
  }
}

/** `rankArticles` (measures.ts) step by step; returns how long preparing the question took. */
function rankArticlesTimed(question: string): number {
  const t = performance.now();
  const query = prepareQuery(state, question, {});
  const prepare = performance.now() - t;
  if (query === null) return prepare;
  const ranked = query.overview
    ? leads(state, query.filters)
    : rank(state, query, Math.max(K * 8, CANDIDATE_PASSAGES), query.filters);
  const seen = new Set<number>();
  const out: string[] = [];
  for (const r of ranked) {
    const a = state.articleOf[r.passage] ?? 0;
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(state.corpus.articles[a]?.id ?? '');
    if (out.length === K) break;
  }
  return prepare;
}

interface Row {
  question: string;
  start: number;
  total: number;
  prepare: number;
  search: number;
  terms: number;
  postings: number;
  preempted: boolean;
  gc: boolean;
}
const gcs: Array<{ start: number; end: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });
const session = process.env.PROFILE ? new Session() : null;
if (session !== null) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 25 });
  await session.post('Profiler.start');
}
const rows: Row[] = [];
for (const [n, q] of questions.entries()) {
  current.searchMs = 0;
  current.terms = 0;
  current.postings = 0;
  const before = preemptions();
  const start = performance.now();
  const prepare = rankArticlesTimed(q.question);
  const total = performance.now() - start;
  const { searchMs: search, terms, postings } = current;
  const preempted = preemptions() !== before;
  rows.push({ question: q.question, start, total, prepare, search, terms, postings, preempted, gc: false });
  engine.ask(q.question, { count: 3 });
  const other = fresh[n];
  if (other !== undefined) engine.ask(other.question, { count: 3 });
}
if (session !== null) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.PROFILE as string, JSON.stringify(profile));
}
// GC entries arrive asynchronously.
await new Promise((r) => setTimeout(r, 50));
for (const r of rows) r.gc = gcs.some((g) => g.start < r.start + r.total && g.end > r.start);

const ms = (x: number) => x.toFixed(3);
const at = (xs: number[], p: number) =>
  ms(
    percentile(
      [...xs].sort((a, b) => a - b),
      p,
    ),
  );
const phases: Array<[string, (r: Row) => number]> = [
  ['ranking', (r) => r.total],
  ['prepare', (r) => r.prepare],
  ['search', (r) => r.search],
  ['rest', (r) => r.total - r.prepare - r.search],
];
const summary = (name: string, rs: Row[]) =>
  `${name} (${rs.length}): ${phases.map(([p, f]) => `${p} ${at(rs.map(f), 0.5)} / ${at(rs.map(f), 0.99)}`).join(', ')} ms (p50 / p99)`;
const clean = rows.filter((r) => !r.preempted && !r.gc);
console.log(summary('all calls', rows));
console.log(summary('no GC, not preempted', clean));
console.log(
  `GC inside ${rows.filter((r) => r.gc).length}, preempted ${rows.filter((r) => r.preempted).length}`,
);
if (process.env.BOUND)
  console.log(`passages touched ${bound.touched}, an exact bound could skip ${bound.skippable}`);
console.log(
  'slowest 20 with no GC, not preempted: ranking, prepare, search, rest (ms), search terms, postings',
);
for (const r of [...clean].sort((a, b) => b.total - a.total).slice(0, 20))
  console.log(
    `${ms(r.total)} ${ms(r.prepare)} ${ms(r.search)} ${ms(r.total - r.prepare - r.search)} ${r.terms} ${r.postings}  ${r.question}`,
  );
