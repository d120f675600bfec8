/**
 * What a question costs the first time the engine meets it, against the same question asked
 * again, at one scale. After the bench's warm-up (the engine's `warmUp`, then 100 other
 * questions), each of 1,000 SQuAD dev questions new to the engine is asked once and then twice
 * more: p50/p99 of the first ask and of the faster repeat, for `ask` (k = 3) and, on another
 * 1,000, for `rankArticles` (k = 10); per phase, the same on a third 1,000; then a CPU profile
 * of first asks of 1,000 new questions and of the same asks repeated, self time by function.
 *
 *   node --expose-gc --max-semi-space-size=32 --import tsx bench/first-seen.ts [size]
 *        [--data DIR] [--warm N] [--top N]
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { relevantPassages } from '../src/answer/ask.ts';
import { groupExcerpts } from '../src/answer/copy-groups.ts';
import { buildIndex } from '../src/answer/engine.ts';
import { isNoAnswer } from '../src/answer/no-answer.ts';
import { matchOf } from '../src/answer/passage-match.ts';
import { prepareQuery } from '../src/answer/query.ts';
import { shown } from '../src/answer/ranked-excerpt.ts';
import { CANDIDATE_PASSAGES, rank } from '../src/answer/ranking.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import { wordNet } from '../src/search/wordnet.ts';
import { DEFAULT_DATA_DIR, scaleCorpus, squadDev } from './data.ts';
import { percentile } from './lib/percentiles.ts';
import { preemptions } from './lib/preemptions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    warm: { type: 'string', default: '100' },
    top: { type: 'string', default: '25' },
    slowest: { type: 'string', default: '12' },
    'no-answer-warm-up': { type: 'boolean', default: false },
  },
});
const size = Number(positionals[0] ?? 100000);
const { questions } = await squadDev(values.data);
const engine = buildIndex(corpusFromRecords(await scaleCorpus(values.data, size)));
/** Every 10th dev question from `from`: sets of questions that share none. */
const every10th = (from: number, n = 1000) =>
  questions
    .filter((_, i) => i % 10 === from)
    .slice(0, n)
    .map((q) => q.question);

// As the bench does: the live holder's and the bot's warm-ups, then untimed questions (every 10th from 1).
engine.warmUp();
const warmed = values['no-answer-warm-up'] ? { questions: 0, ms: 0 } : engine.warmUpAnswers();
for (const q of every10th(1, Number(values.warm))) {
  engine.rankArticles(q, 10);
  engine.ask(q, { count: 3 });
}

const fmt = (n: number) => n.toFixed(3);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p = (xs: number[], q: number) => percentile(sorted(xs), q);

/**
 * First call of `f` on each question (all, and those during which the main thread was not
 * preempted), and the faster of two more right after it.
 */
function firstAndRepeat(
  asked: string[],
  f: (q: string) => unknown,
): {
  first: number[];
  firstOnCore: number[];
  again: number[];
  later: number[];
  cpuMs: number;
  searches: number;
} {
  let cpuMs = 0;
  const searches = wordNet().searches;
  const first: number[] = [];
  const firstOnCore: number[] = [];
  const again: number[] = [];
  for (const q of asked) {
    const before = preemptions();
    const cpu = process.cpuUsage();
    let t = performance.now();
    f(q);
    const took = performance.now() - t;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    first.push(took);
    if (before !== null && preemptions() === before) firstOnCore.push(took);
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 2; r++) {
      t = performance.now();
      f(q);
      best = Math.min(best, performance.now() - t);
    }
    again.push(best);
  }
  // Each again after all the others: its words' memos kept, the CPU's caches not.
  const later = asked.map((q) => {
    const t = performance.now();
    f(q);
    return performance.now() - t;
  });
  return { first, firstOnCore, again, later, cpuMs, searches: wordNet().searches - searches };
}

console.log(
  `## First-time against repeated questions, ${size.toLocaleString('en-US')} passages (answer path warm-up: ${warmed.questions} questions, ${Math.round(warmed.ms)} ms)`,
);
console.log();
console.log(
  '| call | first time p50 / p99 | first time, not preempted p50 / p99 (count) | process CPU per first call, mean | WordNet searches per first call | asked again after 999 others p50 / p99 | repeated at once (best of 2) p50 / p99 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, from, f] of [
  ['`ask` (k = 3)', 0, (q: string) => engine.ask(q, { count: 3 })],
  ['`rankArticles` (k = 10)', 2, (q: string) => engine.rankArticles(q, 10)],
] as const) {
  const { first, firstOnCore, again, later, cpuMs, searches } = firstAndRepeat(every10th(from), f);
  const onCore =
    firstOnCore.length === 0
      ? '—'
      : `${fmt(p(firstOnCore, 0.5))} / ${fmt(p(firstOnCore, 0.99))} ms (${firstOnCore.length})`;
  console.log(
    `| ${name} | ${fmt(p(first, 0.5))} / ${fmt(p(first, 0.99))} ms | ${onCore} | ${fmt(cpuMs / first.length)} ms | ${(searches / first.length).toFixed(2)} | ${fmt(p(later, 0.5))} / ${fmt(p(later, 0.99))} ms | ${fmt(p(again, 0.5))} / ${fmt(p(again, 0.99))} ms |`,
  );
}

/** The phases of one answer, in its order (each reuses the earlier's output). */
const PHASES = ['prepare', 'rank', 'no-answer', 'group', 'shown'] as const;
type Phase = (typeof PHASES)[number];
const state = (engine as unknown as { state: Parameters<typeof prepareQuery>[0] }).state;

/** One pass over a question, each phase timed on its own, in ms. */
function phasesOf(question: string): Record<Phase, number> {
  const out: Record<Phase, number> = { prepare: 0, rank: 0, 'no-answer': 0, group: 0, shown: 0 };
  let t = performance.now();
  const lap = (phase: Phase) => {
    const now = performance.now();
    out[phase] = now - t;
    t = now;
  };
  const query = prepareQuery(state, question, {});
  lap('prepare');
  if (query === null || query.overview) return out;
  const ranked = rank(state, query, CANDIDATE_PASSAGES, query.filters);
  lap('rank');
  const refused = ranked.length === 0 || isNoAnswer(matchOf(state, ranked, query));
  lap('no-answer');
  if (refused) return out;
  const groups = groupExcerpts(state, relevantPassages(ranked), query, 4);
  lap('group');
  for (const g of groups.slice(0, 3)) shown(state, g, query);
  lap('shown');
  return out;
}
const gcSpans: Array<[number, number]> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcSpans.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ['gc'] });
const firstPhases: Array<Record<Phase, number>> = [];
const againPhases: Array<Record<Phase, number>> = [];
const spans: Array<[number, number]> = [];
const phaseQuestions = every10th(3);
for (const q of phaseQuestions) {
  const start = performance.now();
  firstPhases.push(phasesOf(q));
  spans.push([start, performance.now()]);
  const a = phasesOf(q);
  const b = phasesOf(q);
  againPhases.push(Object.fromEntries(PHASES.map((ph) => [ph, Math.min(a[ph], b[ph])])) as never);
}
console.log();
console.log('| phase | first time p50 / p99 / mean | repeated p50 / p99 / mean |');
console.log('| --- | --- | --- |');
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
for (const ph of PHASES) {
  const f = firstPhases.map((x) => x[ph]);
  const a = againPhases.map((x) => x[ph]);
  console.log(
    `| ${ph} | ${fmt(p(f, 0.5))} / ${fmt(p(f, 0.99))} / ${fmt(mean(f))} ms | ${fmt(p(a, 0.5))} / ${fmt(p(a, 0.99))} / ${fmt(mean(a))} ms |`,
  );
}

await new Promise((resolve) => setTimeout(resolve, 100));
const totalOf = (r: Record<Phase, number>) => PHASES.reduce((sum, ph) => sum + r[ph], 0);
const slowest = firstPhases
  .map((_, i) => i)
  .sort((a, b) => totalOf(firstPhases[b] as never) - totalOf(firstPhases[a] as never));
console.log();
console.log('Slowest first-time answers (phases in ms; GC: a collection ran inside):');
for (const i of slowest.slice(0, Number(values.slowest))) {
  const [s0, s1] = spans[i] as [number, number];
  const gc = gcSpans.some(([a, b]) => a < s1 && s0 < b) ? 'GC' : '  ';
  const r = firstPhases[i] as Record<Phase, number>;
  console.log(
    `  ${fmt(totalOf(r))} ${gc} ${PHASES.map((ph) => `${ph} ${fmt(r[ph])}`).join(', ')}: ${phaseQuestions[i]}`,
  );
}

// CPU profiles: first asks of 1,000 new questions, then the same asks again.
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 25 });
async function profiled(run: () => void): Promise<Map<string, number>> {
  await session.post('Profiler.start');
  run();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    if (node === undefined) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(node_modules\/[^/]+|src)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return self;
}
const profiledQuestions = every10th(4);
const first = await profiled(() => {
  for (const q of profiledQuestions) engine.ask(q, { count: 3 });
});
const again = await profiled(() => {
  for (const q of profiledQuestions) engine.ask(q, { count: 3 });
});
const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
console.log();
console.log(
  `CPU profile of ${profiledQuestions.length} asks: first time ${fmt(total(first))} ms, repeated ${fmt(total(again))} ms (self time, sampled every 25 µs)`,
);
console.log();
console.log('| function | first time, ms | repeated, ms | difference |');
console.log('| --- | --- | --- | --- |');
const keys = [...new Set([...first.keys(), ...again.keys()])];
const diff = (k: string) => (first.get(k) ?? 0) - (again.get(k) ?? 0);
for (const k of keys.sort((a, b) => diff(b) - diff(a)).slice(0, Number(values.top)))
  console.log(`| ${k} | ${fmt(first.get(k) ?? 0)} | ${fmt(again.get(k) ?? 0)} | ${fmt(diff(k))} |`);
// By file (node_modules package or src file), where the difference lies.
const byFile = (m: Map<string, number>) => {
  const out = new Map<string, number>();
  for (const [k, v] of m) {
    const file = k
      .slice(k.lastIndexOf(' ') + 1)
      .replace(/:\d+$/, '')
      .replace(/^(node_modules\/[^/]+).*$/, '$1');
    out.set(file, (out.get(file) ?? 0) + v);
  }
  return out;
};
const ff = byFile(first);
const fa = byFile(again);
const files = [...new Set([...ff.keys(), ...fa.keys()])];
const fdiff = (k: string) => (ff.get(k) ?? 0) - (fa.get(k) ?? 0);
console.log();
console.log('| file | first time, ms | repeated, ms | difference |');
console.log('| --- | --- | --- | --- |');
for (const k of files.sort((a, b) => fdiff(b) - fdiff(a)).slice(0, Number(values.top)))
  console.log(`| ${k} | ${fmt(ff.get(k) ?? 0)} | ${fmt(fa.get(k) ?? 0)} | ${fmt(fdiff(k))} |`);
