/**
 * `npm run calibrate`: trains the no-answer model (src/answer/no-answer.ts) on SQuAD v1.1 train
 * and writes its weights to src/answer/no-answer-model.json. An index is built over every
 * `--every`-th train article from `--train`; answerable: those articles' questions asked of it;
 * not answerable: questions of other train articles asked of it and of the built-in corpus, and
 * the hard negatives (SQuAD 2.0 style): the questions of every 4th paragraph, asked of an index
 * of their articles without those paragraphs, where no answer string of theirs occurs in any
 * paragraph kept (measured always; fitted on only with `--hard-weight` above 0, since fitting on them cost answerable questions: bench/results.md,
 * "Hard negatives"). None of them is a question `npm run eval` asks (its off-topic sample is
 * every 43rd train question). A logistic regression by gradient descent on standardised features;
 * the threshold is the lowest that refuses at least --min-off-topic of the training questions
 * asked of the built-in corpus. Prints a precision/recall table on the training sample, a
 * held-out train sample (`--check`) and SQuAD dev (measured, never fitted), and the ROC AUC of
 * answerable against hard negatives; `--committed` prints them for the committed model, fitting
 * nothing. The coverage questions are never used.
 *
 *   npm run calibrate [-- --data ../shared/eval] [--every 9] [--train 0] [--check 4]
 *     [--sample 3000] [--min-off-topic 0.975] [--hard-weight 0]
 *     [--without <feature names, comma-separated>] [--dry-run] [--committed]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Doc as Paragraph, Question } from '../bench/data.ts';
import { hardNegatives } from '../bench/lib/hard-negatives.ts';
import {
  answerProbability,
  FEATURE_NAMES,
  NO_ANSWER_MODEL,
  type NoAnswerModel,
  noAnswerFeatures,
  type QueryMatch,
} from '../src/answer/no-answer.ts';
import { buildIndex, corpusFromRecords, loadCorpus } from '../src/library.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(ROOT, '..', 'shared', 'eval') },
    corpus: { type: 'string', default: path.join(ROOT, 'corpus') },
    every: { type: 'string', default: '9' },
    train: { type: 'string', default: '0' },
    check: { type: 'string', default: '4' },
    sample: { type: 'string', default: '3000' },
    'min-off-topic': { type: 'string', default: '0.975' },
    'hard-weight': { type: 'string', default: '0' },
    committed: { type: 'boolean', default: false },
    without: { type: 'string', default: '' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const squad = path.join(values.data, 'squad');
const read = <T>(f: string) =>
  readFileSync(path.join(squad, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
const sample = Number(values.sample);
const every = Number(values.every);
const trainPhase = Number(values.train);
const checkPhase = Number(values.check);
/** Features left out (weight 0), by name. */
const without = new Set(values.without.split(',').filter(Boolean));
for (const name of without)
  if (!(FEATURE_NAMES as readonly string[]).includes(name))
    throw new Error(`calibrate: no feature "${name}"`);

/** `count` items spread evenly over `items`, starting `phase` items in. */
const spread = <T>(items: T[], count: number, phase: number) => {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === phase % step).slice(0, count);
};
const articleOf = (paragraphId: string) => paragraphId.slice(0, paragraphId.lastIndexOf('#'));

const paragraphs = read<Paragraph>('train-paragraphs.jsonl');
const allTrain = read<Question>('train-questions.jsonl');
// What `npm run eval` asks of the built-in corpus (scripts/eval.ts): never trained on.
const evalStep = Math.floor(allTrain.length / 2000);
const trainQuestions = allTrain.filter((_, i) => i % evalStep !== 0);
const articles = [...new Set(paragraphs.map((p) => articleOf(p.id)))];
const phaseOf = new Map(articles.map((a, i) => [a, i % every]));

/** Every REMOVED_EVERY-th paragraph of an article is left out of the hard negatives' indexes. */
const REMOVED_EVERY = 4;
const removed = (paragraphId: string) =>
  Number(paragraphId.slice(paragraphId.lastIndexOf('#') + 1)) % REMOVED_EVERY === REMOVED_EVERY - 1;

/**
 * An index over the train articles of one phase with its questions (answerable) and questions of
 * other articles; and an index of the same articles with their paragraphs left out, with the
 * questions of those left out whose answers no paragraph kept holds (hard negatives).
 */
function trainSet(phase: number) {
  const inPhase = (id: string) => phaseOf.get(articleOf(id)) === phase;
  const engine = buildIndex(corpusFromRecords(paragraphs.filter((p) => inPhase(p.id))));
  const kept = paragraphs.filter((p) => inPhase(p.id) && !removed(p.id));
  const withoutLeftOut = buildIndex(corpusFromRecords(kept));
  const own = spread(
    trainQuestions.filter((q) => inPhase(q.paragraph)),
    sample,
    0,
  );
  const hard = hardNegatives(
    kept,
    trainQuestions.filter((q) => inPhase(q.paragraph) && removed(q.paragraph)),
  );
  const others = trainQuestions.filter((q) => {
    const p = phaseOf.get(articleOf(q.paragraph));
    return p !== trainPhase && p !== checkPhase;
  });
  return { engine, withoutLeftOut, own, hard, others };
}
const builtIn = buildIndex(await loadCorpus(values.corpus));
const train = trainSet(trainPhase);
const check = trainSet(checkPhase);
const ask = (engine: typeof builtIn, qs: Question[]) => qs.map((q) => engine.queryMatch(q.question));
const sets = {
  answerable: ask(train.engine, train.own),
  offTrain: ask(train.engine, spread(train.others, sample / 2, 1)),
  offBuiltIn: ask(builtIn, spread(train.others, sample, 3)),
  hard: ask(train.withoutLeftOut, train.hard),
  checkHard: ask(check.withoutLeftOut, check.hard),
  checkAnswerable: ask(check.engine, check.own),
  checkOff: ask(check.engine, spread(check.others, sample / 2, 5)),
  checkBuiltIn: ask(builtIn, spread(check.others, sample, 7)),
  dev: ask(
    buildIndex(corpusFromRecords(read<Paragraph>('dev-paragraphs.jsonl'))),
    read<Question>('dev-questions.jsonl'),
  ),
};

// Examples with a match; a best passage matching nothing is refused by rule.
const usable = (m: QueryMatch) => m.matchedTerms > 0;
const kept = (x: number[]) => x.map((v, i) => (without.has(FEATURE_NAMES[i] as string) ? 0 : v));
const hardWeight = Number(values['hard-weight']);
const examples = [
  ...sets.answerable.filter(usable).map((m) => ({ x: kept(noAnswerFeatures(m)), y: 1, w: 1 })),
  ...sets.offTrain.filter(usable).map((m) => ({ x: kept(noAnswerFeatures(m)), y: 0, w: 0.5 })),
  ...sets.offBuiltIn.filter(usable).map((m) => ({ x: kept(noAnswerFeatures(m)), y: 0, w: 0.5 })),
  ...sets.hard.filter(usable).map((m) => ({ x: kept(noAnswerFeatures(m)), y: 0, w: hardWeight })),
].filter((e) => e.w > 0);
const d = FEATURE_NAMES.length;
const mean = new Array<number>(d).fill(0);
const std = new Array<number>(d).fill(0);
for (const e of examples)
  for (const [i, v] of e.x.entries()) mean[i] = (mean[i] as number) + v / examples.length;
for (const e of examples)
  for (const [i, v] of e.x.entries())
    std[i] = (std[i] as number) + (v - (mean[i] as number)) ** 2 / examples.length;
for (let i = 0; i < d; i++) std[i] = Math.sqrt(std[i] as number) || 1;
const z = examples.map((e) => e.x.map((v, i) => (v - (mean[i] as number)) / (std[i] as number)));

// Full-batch gradient descent on the weighted log loss with a small L2 penalty.
let bias = 0;
const w = new Array<number>(d).fill(0);
const totalWeight = examples.reduce((s, e) => s + e.w, 0);
for (let step = 0; step < 3000; step++) {
  const grad = new Array<number>(d).fill(0);
  let gradBias = 0;
  examples.forEach((e, n) => {
    const zn = z[n] as number[];
    let s = bias;
    for (let i = 0; i < d; i++) s += (w[i] as number) * (zn[i] as number);
    const err = (1 / (1 + Math.exp(-s)) - e.y) * e.w;
    gradBias += err;
    for (let i = 0; i < d; i++) grad[i] = (grad[i] as number) + err * (zn[i] as number);
  });
  bias -= (0.5 * gradBias) / totalWeight;
  for (let i = 0; i < d; i++)
    w[i] = (w[i] as number) - 0.5 * ((grad[i] as number) / totalWeight + 1e-3 * (w[i] as number));
}
// Back to raw features.
const weights = w.map((v, i) => v / (std[i] as number));
const rawBias = bias - w.reduce((s, v, i) => s + (v * (mean[i] as number)) / (std[i] as number), 0);

const refusedShare = (matches: QueryMatch[], model: NoAnswerModel) =>
  matches.filter((m) => m.matchedTerms === 0 || answerProbability(m, model) < model.threshold).length /
  matches.length;
const candidates = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
const minOffTopic = Number(values['min-off-topic']);
const fitted = { bias: rawBias, weights, threshold: 0 };
const threshold =
  candidates.find((t) => refusedShare(sets.offBuiltIn, { ...fitted, threshold: t }) >= minOffTopic) ?? 0.99;
const model: NoAnswerModel = values.committed
  ? NO_ANSWER_MODEL
  : {
      bias: Number(rawBias.toFixed(6)),
      weights: weights.map((v) => Number(v.toFixed(6))),
      threshold,
    };

console.log(
  `${values.committed ? 'the committed model, measured on' : 'trained on'} ${sets.answerable.length} answerable train questions (every ${every}th train article from ${trainPhase}), ${sets.hard.length} hard negatives (questions of every ${REMOVED_EVERY}th paragraph asked without it, no answer string in what is left; fit weight ${hardWeight}), ${sets.offTrain.length} of other articles asked of those, ${sets.offBuiltIn.length} asked of the built-in corpus; held out: articles from ${checkPhase} (${sets.checkHard.length} hard negatives), SQuAD dev`,
);
console.log('\n| feature | weight |\n| --- | --- |');
for (const [i, name] of FEATURE_NAMES.entries()) console.log(`| ${name} | ${model.weights[i] ?? 0} |`);
console.log(`| bias | ${model.bias} |`);
const columns: Array<[string, QueryMatch[], boolean]> = [
  ['train: answerable refused', sets.answerable, true],
  ['check: answerable refused', sets.checkAnswerable, true],
  ['SQuAD dev: answerable refused', sets.dev, true],
  ['train: other articles answered', sets.offTrain, false],
  ['check: other articles answered', sets.checkOff, false],
  ['train: hard negatives answered', sets.hard, false],
  ['check: hard negatives answered', sets.checkHard, false],
  ['train: built-in corpus answered', sets.offBuiltIn, false],
  ['check: built-in corpus answered', sets.checkBuiltIn, false],
];
console.log(`\n| threshold | ${columns.map((c) => c[0]).join(' | ')} |`);
console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`);
for (const t of [...new Set([0.1, 0.2, 0.3, 0.4, 0.5, model.threshold])].sort((a, b) => a - b)) {
  const m = { ...model, threshold: t };
  const row = columns.map(([, set, answerable]) => {
    const share = refusedShare(set, m);
    return `${(100 * (answerable ? share : 1 - share)).toFixed(1)}%`;
  });
  console.log(`| ${t.toFixed(2)}${t === model.threshold ? ' (chosen)' : ''} | ${row.join(' | ')} |`);
}
/**
 * Area under the ROC curve of the model's probability: the chance that an answerable question
 * scores above a not-answerable one (ties count half), threshold-free.
 */
function auc(answerable: QueryMatch[], not: QueryMatch[]): number {
  const p = (m: QueryMatch) => (m.matchedTerms === 0 ? 0 : answerProbability(m, model));
  const scored = [...answerable.map((m) => ({ p: p(m), y: 1 })), ...not.map((m) => ({ p: p(m), y: 0 }))].sort(
    (a, b) => a.p - b.p,
  );
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && (scored[j] as { p: number }).p === (scored[i] as { p: number }).p) j++;
    for (let k = i; k < j; k++) if ((scored[k] as { y: number }).y === 1) rankSum += (i + j + 1) / 2;
    i = j;
  }
  const n1 = answerable.length;
  const n0 = not.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
console.log(
  `\nROC AUC, answerable against hard negatives: train ${auc(sets.answerable, sets.hard).toFixed(4)}, held out ${auc(sets.checkAnswerable, sets.checkHard).toFixed(4)}; against other articles: train ${auc(sets.answerable, sets.offTrain).toFixed(4)}, held out ${auc(sets.checkAnswerable, sets.checkOff).toFixed(4)}`,
);
if (!values['dry-run'] && !values.committed) {
  const file = path.join(ROOT, 'src', 'answer', 'no-answer-model.json');
  writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
  // Weights packed into lines as the project's formatter (biome) writes JSON, so lint passes.
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
    stdio: 'ignore',
  });
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}
