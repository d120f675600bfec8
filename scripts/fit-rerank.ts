/**
 * Fits the re-ranker (src/answer/rerank.ts) on SQuAD v1.1 train and writes its weights to
 * src/answer/rerank-model.json. Builds an index over a sample of whole train articles (every
 * `--every`-th from `--train`), takes each question's BM25F candidates with their features, and
 * fits a listwise softmax model (the probability of the gold paragraph's passages among the
 * candidates; BM25F times coordination as configured is the base) by gradient descent (Adam), then
 * refines it by coordinate ascent on the sample's MRR@10. Weights stay at or above 0 but for log
 * length (`--signed` lifts that). Prints paragraph MRR@10 on a held-out train sample (`--check`)
 * and on SQuAD dev (measured only, never fitted) for the base, the configured coordination and
 * proximity, and the fitted model.
 *
 *   npx tsx scripts/fit-rerank.ts [--data ../shared/eval] [--every 9] [--train 0] [--check 4]
 *     [--candidates 60] [--steps 1000] [--rounds 6] [--signed]
 *     [--without <feature names, comma-separated, left out of the model>] [--dry-run]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { RERANK_FEATURE_COUNT, RERANK_FEATURES, type RerankModel } from '../src/answer/rerank.ts';
import { parseJsonl } from '../src/corpus/jsonl.ts';
import { DEFAULT_RANKING_CONFIG } from '../src/search/ranking-config.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(ROOT, '..', 'shared', 'eval') },
    every: { type: 'string', default: '9' },
    train: { type: 'string', default: '0' },
    check: { type: 'string', default: '4' },
    candidates: { type: 'string', default: '60' },
    steps: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '6' },
    without: { type: 'string', default: '' },
    signed: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

interface Paragraph {
  id: string;
}
interface Question {
  question: string;
  paragraph: string;
}

const squad = path.join(values.data, 'squad');
const lines = (file: string) => readFileSync(path.join(squad, file), 'utf8').split('\n').filter(Boolean);
const articleOf = (paragraphId: string) => paragraphId.slice(0, paragraphId.lastIndexOf('#'));
const limit = Number(values.candidates);
const alpha = DEFAULT_RANKING_CONFIG.coordination;
/** Inputs a candidate: log BM25F, then the features. */
const D = RERANK_FEATURE_COUNT + 1;
/** Features left out of the model (weight 0), by name, comma-separated. */
const without = new Set(values.without.split(',').filter(Boolean));
for (const name of without)
  if (!(RERANK_FEATURES as readonly string[]).includes(name))
    throw new Error(`fit-rerank: no feature "${name}"`);
/** Per input, whether the model may weigh it. */
/**
 * Per input, the least weight it may take: a feature that measures how much of the question a
 * passage holds never counts against it (-Infinity: any weight, for log length and with
 * --signed), so a fit on SQuAD cannot undo coordination, which news ranking needs.
 */
const least = Float64Array.from({ length: D }, (_, j) =>
  j === 0 || values.signed || RERANK_FEATURES[j - 1] === 'log length' ? -Infinity : 0,
);
const free = Uint8Array.from({ length: D }, (_, j) =>
  j === 0 || !without.has(RERANK_FEATURES[j - 1] as string) ? 1 : 0,
);

/** The candidates of a set of questions, flat: per question its candidates' inputs and gold flags. */
interface CandidateSet {
  name: string;
  /** Per question, [first, end) of its candidates. */
  starts: number[];
  x: Float64Array;
  gold: Uint8Array;
  /** Per candidate, a number for its article within its question (best passage ranks the article). */
  article: Int32Array;
  /** Questions asked, including those whose gold paragraph is not among the candidates. */
  asked: number;
}

/** Asks every question of `paragraphs` built as an index, and gathers its candidates. */
function gather(name: string, paragraphLines: string[], questions: Question[]): CandidateSet {
  const parsed = parseJsonl('paragraphs.jsonl', paragraphLines.join('\n'));
  const engine = buildIndex({ label: name, articles: parsed.articles, events: [], problems: [] });
  const rows: number[] = [];
  const gold: number[] = [];
  const article: number[] = [];
  const starts: number[] = [0];
  for (const q of questions) {
    const c = engine.rerankCandidates(q.question, limit);
    if (c === null || !c.articles.includes(q.paragraph)) continue;
    const numbers = new Map<string, number>();
    for (const [i, id] of c.articles.entries()) {
      // Coordination is weighed as configured (see ranking.ts): part of the base, not fitted.
      rows.push(
        Math.log(c.scores[i] as number) + Math.log(1 - alpha + alpha * (c.coordination[i] as number)),
      );
      for (let j = 0; j < RERANK_FEATURE_COUNT; j++)
        rows.push(c.features[i * RERANK_FEATURE_COUNT + j] as number);
      gold.push(id === q.paragraph ? 1 : 0);
      if (!numbers.has(id)) numbers.set(id, numbers.size);
      article.push(numbers.get(id) as number);
    }
    starts.push(gold.length);
  }
  return {
    name,
    starts,
    x: Float64Array.from(rows),
    gold: Uint8Array.from(gold),
    article: Int32Array.from(article),
    asked: questions.length,
  };
}

/** Paragraph MRR@10 over all questions asked (those without their gold among the candidates score 0). */
function mrr(set: CandidateSet, score: (x: Float64Array, at: number) => number): number {
  let sum = 0;
  const scores: number[] = [];
  for (let q = 0; q + 1 < set.starts.length; q++) {
    const first = set.starts[q] as number;
    const end = set.starts[q + 1] as number;
    scores.length = 0;
    for (let i = first; i < end; i++) scores.push(score(set.x, i * D));
    let goldBest = -Infinity;
    for (let i = first; i < end; i++)
      if (set.gold[i]) goldBest = Math.max(goldBest, scores[i - first] as number);
    // Articles ranked by their best passage: count the other articles with a passage above gold's.
    const above = new Set<number>();
    for (let i = first; i < end; i++)
      if (!set.gold[i] && (scores[i - first] as number) > goldBest) above.add(set.article[i] as number);
    if (above.size < 10) sum += 1 / (above.size + 1);
  }
  return sum / set.asked;
}

const linear = (w: ArrayLike<number>) => (x: Float64Array, at: number) => {
  let s = 0;
  for (let j = 0; j < D; j++) s += (w[j] as number) * (x[at + j] as number);
  return s;
};
const beta = DEFAULT_RANKING_CONFIG.proximity;
const pairsAt = 1 + RERANK_FEATURES.indexOf('pairs');
/** BM25F with coordination and proximity as configured, what ranking does without the model. */
const configured = (x: Float64Array, at: number) =>
  (x[at] as number) + Math.log(1 + beta * (x[at + pairsAt] as number));
const bm25Only = (x: Float64Array, at: number) => x[at] as number;

/** Fits the listwise softmax model by full-batch Adam; returns weights with log BM25F's first. */
function fitSoftmax(set: CandidateSet, steps: number): Float64Array {
  const w = new Float64Array(D);
  w[0] = 1;
  const m = new Float64Array(D);
  const v = new Float64Array(D);
  const grad = new Float64Array(D);
  const e = new Float64Array(set.gold.length);
  const rate = 0.1;
  const l2 = 1e-4;
  const nq = set.starts.length - 1;
  const score = linear(w);
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    let loss = 0;
    for (let q = 0; q < nq; q++) {
      const first = set.starts[q] as number;
      const end = set.starts[q + 1] as number;
      let max = -Infinity;
      for (let i = first; i < end; i++) {
        e[i] = score(set.x, i * D);
        max = Math.max(max, e[i] as number);
      }
      let all = 0;
      let golds = 0;
      for (let i = first; i < end; i++) {
        e[i] = Math.exp((e[i] as number) - max);
        all += e[i] as number;
        if (set.gold[i]) golds += e[i] as number;
      }
      loss -= Math.log(golds / all);
      // The gradient of -log(golds / all): the candidates' mean input less the gold passages'.
      for (let i = first; i < end; i++) {
        const coef = (e[i] as number) / all - (set.gold[i] ? (e[i] as number) / golds : 0);
        for (let j = 0; j < D; j++) grad[j] = (grad[j] as number) + coef * (set.x[i * D + j] as number);
      }
    }
    for (let j = 0; j < D; j++) {
      if (!free[j]) continue;
      const g = (grad[j] as number) / nq + l2 * (w[j] as number);
      m[j] = 0.9 * (m[j] as number) + 0.1 * g;
      v[j] = 0.999 * (v[j] as number) + 0.001 * g * g;
      const mh = (m[j] as number) / (1 - 0.9 ** step);
      const vh = (v[j] as number) / (1 - 0.999 ** step);
      w[j] = Math.max(least[j] as number, (w[j] as number) - (rate * mh) / (Math.sqrt(vh) + 1e-8));
    }
    if (step % 200 === 0) console.log(`step ${step}: loss ${(loss / nq).toFixed(4)}`);
  }
  return w;
}

/**
 * Coordinate ascent on MRR@10 itself (the softmax loss only approximates it): each feature's
 * weight in turn moves by the step that most raises the set's MRR, steps halving each round.
 */
function ascend(set: CandidateSet, start: Float64Array, rounds: number): Float64Array {
  const w = Float64Array.from(start);
  let best = mrr(set, linear(w));
  let size = 0.5;
  for (let round = 0; round < rounds; round++) {
    for (let j = 1; j < D; j++) {
      if (!free[j]) continue;
      const scale = Math.max(1, Math.abs(w[0] as number));
      for (const sign of [1, -1]) {
        const was = w[j] as number;
        w[j] = Math.max(least[j] as number, was + sign * size * scale);
        const got = mrr(set, linear(w));
        if (got > best) best = got;
        else w[j] = was;
      }
    }
    size /= 2;
  }
  return w;
}

const paragraphLines = lines('train-paragraphs.jsonl');
const trainQuestions = lines('train-questions.jsonl').map((l) => JSON.parse(l) as Question);
const articles: string[] = [];
for (const line of paragraphLines) {
  const slug = articleOf((JSON.parse(line) as Paragraph).id);
  if (articles[articles.length - 1] !== slug) articles.push(slug);
}
/** Every `every`-th train article from `start`: its paragraphs and questions. */
function trainSample(start: number) {
  const every = Number(values.every);
  const chosen = new Set(articles.filter((_, i) => i % every === start));
  return gather(
    `train sample ${start}`,
    paragraphLines.filter((l) => chosen.has(articleOf((JSON.parse(l) as Paragraph).id))),
    trainQuestions.filter((q) => chosen.has(articleOf(q.paragraph))),
  );
}

let t = performance.now();
const train = trainSample(Number(values.train));
const check = trainSample(Number(values.check));
const dev = gather(
  'SQuAD dev',
  lines('dev-paragraphs.jsonl'),
  lines('dev-questions.jsonl').map((l) => JSON.parse(l) as Question),
);
console.log(`candidates gathered in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const fitted = fitSoftmax(train, Number(values.steps));
console.log(
  `softmax fit: train MRR@10 ${mrr(train, linear(fitted)).toFixed(4)}, check ${mrr(check, linear(fitted)).toFixed(4)}`,
);
const w = ascend(train, fitted, Number(values.rounds));
console.log(`fitted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const model: RerankModel = {
  features: [...RERANK_FEATURES],
  weights: [...w.slice(1)].map((x) => Number((x / (w[0] as number)).toFixed(6))),
};
console.log(`log BM25F weight ${(w[0] as number).toFixed(4)}; normalised weights:`);
for (const [j, name] of RERANK_FEATURES.entries()) console.log(`  ${name}: ${model.weights[j]}`);

console.log(
  '\n| paragraph MRR@10 | BM25F × coordination | coordination + proximity (configured) | fitted re-ranker |',
);
console.log('| --- | --- | --- | --- |');
for (const set of [train, check, dev])
  console.log(
    `| ${set.name} (${set.asked} questions) | ${mrr(set, bm25Only).toFixed(4)} | ${mrr(set, configured).toFixed(4)} | ${mrr(set, linear(w)).toFixed(4)} |`,
  );
if (!values['dry-run']) {
  writeFileSync(path.join(ROOT, 'src', 'answer', 'rerank-model.json'), `${JSON.stringify(model, null, 2)}\n`);
  console.log('\nwrote src/answer/rerank-model.json');
}
