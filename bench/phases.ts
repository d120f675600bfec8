/**
 * Where `ask`'s tail comes from, at one scale: each of 1,000 SQuAD dev questions asked `repeat`
 * times; per question, the minimum of each phase over the repeats (its intrinsic cost, without
 * GC or the machine's noise) and of the whole answer. Prints the p50/p99 of those minima, the
 * phases of the slowest 2% of questions, and how many single-shot asks a GC ran inside.
 *
 *   node --expose-gc --import tsx bench/phases.ts [size] [--repeat 5] [--data DIR]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ask, relevantPassages } from '../src/answer/ask.ts';
import { groupExcerpts } from '../src/answer/copy-groups.ts';
import { engineState } from '../src/answer/engine-state.ts';
import { buildParts } from '../src/answer/index-build.ts';
import { isNoAnswer } from '../src/answer/no-answer.ts';
import { matchOf } from '../src/answer/passage-match.ts';
import { prepareQuery } from '../src/answer/query.ts';
import { shown } from '../src/answer/ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, rank } from '../src/answer/ranking.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { analyseQuestion } from '../src/question/analyse.ts';
import { readQuestion } from '../src/question/reader.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';
import { percentile } from './lib/percentiles.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: DEFAULT_DATA_DIR }, repeat: { type: 'string', default: '5' } },
});
const size = Number(positionals[0] ?? 100000);
const repeat = Number(values.repeat);
const { questions } = await squadDev(values.data);
const { parts, index } = buildParts(corpusFromRecords(await scaleCorpus(values.data, size)));
const state = engineState(parts, index);
const asked = questions.filter((_, i) => i % 10 === 0).slice(0, 1000);
for (const q of questions.filter((_, i) => i % 10 === 1).slice(0, 200)) ask(state, q.question, { count: 3 });

/** The phases of one answer, each timed on its own (a later one reuses the earlier's output). */
const PHASES = ['read', 'analyse', 'prepare', 'search', 're-rank', 'no-answer', 'group', 'shown'] as const;
type Phase = (typeof PHASES)[number];

/**
 * One pass over a question, in ms: "analyse" includes "read", "prepare" includes "analyse", and
 * "re-rank" includes "search" (each is a call of its own); the others are exclusive.
 */
function phasesOf(question: string): Record<Phase, number> {
  const t0 = performance.now();
  readQuestion(question);
  const t1 = performance.now();
  analyseQuestion(question, state.summaries.questionContext);
  const t2 = performance.now();
  const query = prepareQuery(state, question, {});
  const t3 = performance.now();
  const out: Record<Phase, number> = {
    read: t1 - t0,
    analyse: t2 - t1,
    prepare: t3 - t2,
    search: 0,
    're-rank': 0,
    'no-answer': 0,
    group: 0,
    shown: 0,
  };
  if (query === null || query.overview) return out;
  const t4 = performance.now();
  state.index.search(
    query.searchTerms,
    CANDIDATE_PASSAGES,
    state.masks.mask(query.filters),
    query.searchWeights,
  );
  const t5 = performance.now();
  const ranked = rank(state, query, CANDIDATE_PASSAGES, query.filters);
  const t6 = performance.now();
  const refused = ranked.length === 0 || isNoAnswer(matchOf(state, ranked, query));
  const t7 = performance.now();
  out.search = t5 - t4;
  out['re-rank'] = t6 - t5;
  out['no-answer'] = t7 - t6;
  if (refused) return out;
  const relevant = relevantPassages(ranked);
  const t8 = performance.now();
  const groups = groupExcerpts(state, relevant, query, 4);
  const t9 = performance.now();
  for (const g of groups.slice(0, 3)) shown(state, g, query);
  const t10 = performance.now();
  out.group = t9 - t8;
  out.shown = t10 - t9;
  return out;
}

const gcSpans: Array<[number, number]> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcSpans.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ['gc'] });

// Single-shot asks, as the bench times them, with the GCs that ran inside each.
const single: Array<{ ms: number; start: number; end: number }> = [];
for (const q of asked) {
  const start = performance.now();
  ask(state, q.question, { count: 3 });
  const end = performance.now();
  single.push({ ms: end - start, start, end });
}
// Per question, the minimum over the repeats of the whole answer and of each phase.
const minAsk: number[] = [];
const minPhases: Array<Record<Phase, number>> = [];
for (const q of asked) {
  let best = Number.POSITIVE_INFINITY;
  const phases = phasesOf(q.question);
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    ask(state, q.question, { count: 3 });
    best = Math.min(best, performance.now() - t);
    const again = phasesOf(q.question);
    for (const p of PHASES) phases[p] = Math.min(phases[p], again[p]);
  }
  minAsk.push(best);
  // Exclusive times, from the minima of the inclusive ones.
  phases.prepare -= phases.analyse;
  phases.analyse -= phases.read;
  phases['re-rank'] -= phases.search;
  minPhases.push(phases);
}
await new Promise((resolve) => setTimeout(resolve, 100));

const fmt = (n: number) => n.toFixed(3);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const singleSorted = sorted(single.map((s) => s.ms));
console.log(
  `single-shot ask (k 3), ${size} passages: p50 ${fmt(percentile(singleSorted, 0.5))} / p99 ${fmt(percentile(singleSorted, 0.99))} ms`,
);
const minSorted = sorted(minAsk);
console.log(
  `min of ${repeat} asks per question: p50 ${fmt(percentile(minSorted, 0.5))} / p99 ${fmt(percentile(minSorted, 0.99))} / max ${fmt(minSorted.at(-1) ?? 0)} ms`,
);
const overlaps = (s: { start: number; end: number }) => gcSpans.some(([a, b]) => a < s.end && s.start < b);
const slowSingle = [...single].sort((a, b) => b.ms - a.ms).slice(0, Math.ceil(single.length / 100));
const inSingle = gcSpans.filter(([a]) => a >= (single[0]?.start ?? 0) && a <= (single.at(-1)?.end ?? 0));
const gcMs = sorted(inSingle.map(([a, b]) => b - a));
console.log(
  `GCs during the single-shot loop: ${inSingle.length}, duration p50 ${fmt(percentile(gcMs, 0.5))} / max ${fmt(gcMs.at(-1) ?? 0)} ms`,
);
console.log(
  `GC inside single-shot asks: ${single.filter(overlaps).length} of ${single.length}; inside the slowest 1%: ${slowSingle.filter(overlaps).length} of ${slowSingle.length}`,
);
// The phases of the slowest 2% of questions by their minimum, beside those of the median ones.
const order = minAsk.map((_, i) => i).sort((a, b) => (minAsk[b] as number) - (minAsk[a] as number));
const mean = (ids: number[], p: Phase) =>
  ids.reduce((s, i) => s + (minPhases[i] as Record<Phase, number>)[p], 0) / ids.length;
const slow = order.slice(0, Math.ceil(order.length / 50));
const middle = order.slice(Math.floor(order.length * 0.45), Math.floor(order.length * 0.55));
console.log(`| phase | slowest 2% (mean of minima) | middle 10% | p99 of minima |`);
console.log(`| --- | --- | --- | --- |`);
for (const p of PHASES)
  console.log(
    `| ${p} | ${fmt(mean(slow, p))} | ${fmt(mean(middle, p))} | ${fmt(percentile(sorted(minPhases.map((m) => m[p])), 0.99))} |`,
  );
console.log(
  `| whole ask | ${fmt(slow.reduce((s, i) => s + (minAsk[i] as number), 0) / slow.length)} | ${fmt(middle.reduce((s, i) => s + (minAsk[i] as number), 0) / middle.length)} | ${fmt(percentile(minSorted, 0.99))} |`,
);
console.log('slowest questions:');
for (const i of order.slice(0, 8)) console.log(`  ${fmt(minAsk[i] as number)} ms  ${asked[i]?.question}`);
