/**
 * Where `ask`'s bytes go, at one scale: for 1,000 SQuAD dev questions, the heap bytes each phase
 * of the answer allocates (each phase called on its own, in the answer's order, on the previous
 * phase's output), then the answer rendered for the CLI and for Discord. Exact only when no GC
 * runs while measuring, so run it with a large young generation:
 *
 *   node --expose-gc --max-semi-space-size=1024 --import tsx bench/alloc-phases.ts [size] [--data DIR]
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ask, relevantPassages } from '../src/answer/ask.ts';
import { groupExcerpts } from '../src/answer/copy-groups.ts';
import { engineState } from '../src/answer/engine-state.ts';
import type { TrimMemo } from '../src/answer/excerpt.ts';
import { buildParts } from '../src/answer/index-build.ts';
import { isNoAnswer } from '../src/answer/no-answer.ts';
import { matchOf } from '../src/answer/passage-match.ts';
import { prepareQuery, type Query } from '../src/answer/query.ts';
import { excerptOf, shown } from '../src/answer/ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, rank } from '../src/answer/ranking.ts';
import { renderAnswer as renderCli } from '../src/cli/render.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { renderAnswer as renderDiscord } from '../src/discord/render-answer.ts';
import { analyseQuestion } from '../src/question/analyse.ts';
import { findDateSpans } from '../src/question/dates.ts';
import { readQuestion } from '../src/question/reader.ts';
import type { ScoredPassage } from '../src/search/bm25-index.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR } },
});
const size = Number(positionals[0] ?? 100000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/alloc-phases: run node with --expose-gc');
const { questions } = await squadDev(values.data);
const { parts, index } = buildParts(corpusFromRecords(await scaleCorpus(values.data, size)));
const state = engineState(parts, index);
const events = [...state.summaries.catalog.events];
// Each question is new to the engine where it is measured (its words too, as in the bench), so
// the phases and the whole answer are measured on two samples of the same kind.
const asked = questions.filter((_, i) => i % 10 === 0).slice(0, 1000);
const askedWhole = questions.filter((_, i) => i % 10 === 2).slice(0, 1000);

const PHASES = [
  'read (wink)',
  'dates (chrono)',
  'rest of the analysis',
  'rest of prepareQuery',
  'search',
  're-rank',
  'no-answer',
  'excerpts chosen',
  'grouping (rest)',
  'shown (k 3)',
  'render CLI',
  'render Discord',
  'whole ask',
] as const;
type Phase = (typeof PHASES)[number];
const bytes = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
let mark = 0;
const heap = () => process.memoryUsage().heapUsed;
/** What reading the heap itself allocates, subtracted from each measure. */
let overhead = 0;
const start = () => {
  mark = heap();
};
/** Bytes since `start`, less the measuring's own. */
const since = () => heap() - mark - overhead;

/** How many of `ranked` an iteration reads: groupExcerpts stops early. */
function countingCopy(ranked: ScoredPassage[], seen: { n: number }): ScoredPassage[] {
  const copy = ranked.slice();
  copy[Symbol.iterator] = function* (): ArrayIterator<ScoredPassage> {
    for (const r of ranked) {
      seen.n++;
      yield r;
    }
  };
  return copy;
}

/** One question through every phase; adds each phase's bytes when `record`. */
function phases(question: string, record: boolean): void {
  const add = (p: Phase, n: number) => {
    if (record) bytes.set(p, (bytes.get(p) ?? 0) + n);
  };
  start();
  readQuestion(question);
  const read = since();
  start();
  findDateSpans(question);
  const dates = since();
  start();
  analyseQuestion(question, state.summaries.questionContext);
  const analyse = since();
  start();
  const query = prepareQuery(state, question, {});
  const prepare = since();
  add('read (wink)', read);
  add('dates (chrono)', dates);
  add('rest of the analysis', analyse - read - dates);
  add('rest of prepareQuery', prepare - analyse);
  if (query !== null && !query.overview) answerPhases(query, add);
}

/** One question asked whole, then its answer rendered; adds their bytes when `record`. */
function whole(question: string, record: boolean): void {
  const add = (p: Phase, n: number) => {
    if (record) bytes.set(p, (bytes.get(p) ?? 0) + n);
  };
  start();
  const answer = ask(state, question, { count: 3 });
  add('whole ask', since());
  start();
  renderCli(answer, undefined, events);
  add('render CLI', since());
  start();
  renderDiscord(answer, events, '1234567890');
  add('render Discord', since());
}

/** The phases after prepareQuery, for a question that is not an overview. */
function answerPhases(query: Query, add: (p: Phase, n: number) => void): void {
  start();
  state.index.search(
    query.searchTerms,
    CANDIDATE_PASSAGES,
    state.masks.mask(query.filters),
    query.searchWeights,
  );
  const search = since();
  start();
  const ranked = rank(state, query, CANDIDATE_PASSAGES, query.filters);
  add('search', search);
  add('re-rank', since() - search);
  start();
  const refused = ranked.length === 0 || isNoAnswer(matchOf(state, ranked, query));
  add('no-answer', since());
  if (refused) return;
  const relevant = relevantPassages(ranked);
  const seen = { n: 0 };
  groupExcerpts(state, countingCopy(relevant, seen), query, 4);
  start();
  const trims: TrimMemo = new Map();
  for (let i = 0; i < seen.n && i < relevant.length; i++) {
    const r = relevant[i] as ScoredPassage;
    excerptOf(state, r.passage, r.score, query, trims);
  }
  const excerpts = since();
  start();
  const groups = groupExcerpts(state, relevant, query, 4);
  add('excerpts chosen', excerpts);
  add('grouping (rest)', since() - excerpts);
  start();
  for (const g of groups.slice(0, 3)) shown(state, g, query);
  add('shown (k 3)', since());
}

// Warm up (JIT, lazy structures) on other questions, then calibrate the measuring's own bytes.
for (const q of questions.filter((_, i) => i % 10 === 1).slice(0, 300)) {
  phases(q.question, false);
  whole(q.question, false);
}
const calibration: number[] = [];
for (let i = 0; i < 100; i++) {
  start();
  calibration.push(heap() - mark);
}
overhead = Math.min(...calibration);

const gcs: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const flags = (entry as unknown as { detail?: { flags?: number } }).detail?.flags ?? 0;
    if ((flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) === 0) gcs.push(entry.startTime);
  }
}).observe({ entryTypes: ['gc'] });
gc();
await new Promise((resolve) => setTimeout(resolve, 100));
const measuredFrom = performance.now();
for (const [i, q] of asked.entries()) {
  // A full GC outside the measured spans now and then, so that none runs inside them.
  if (i % 50 === 0) gc();
  phases(q.question, true);
}
for (const [i, q] of askedWhole.entries()) {
  if (i % 50 === 0) gc();
  whole(q.question, true);
}
const measuredTo = performance.now();
await new Promise((resolve) => setTimeout(resolve, 100));
const ran = gcs.filter((t) => t >= measuredFrom && t <= measuredTo).length;
if (ran > 0)
  console.log(`${ran} GCs ran while measuring: the bytes below are too low (use a larger young generation)`);
const per = (p: Phase) => (bytes.get(p) ?? 0) / asked.length / 1024;
console.log(`Bytes per question, ${size} passages, ${asked.length} SQuAD dev questions (KB):`);
console.log('| phase | KB per question |');
console.log('| --- | --- |');
for (const p of PHASES) console.log(`| ${p} | ${per(p).toFixed(1)} |`);
const sum = PHASES.slice(1, 10).reduce((s, p) => s + per(p), per('read (wink)'));
console.log(`| sum of the answer's phases | ${sum.toFixed(1)} |`);
