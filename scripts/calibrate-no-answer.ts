/**
 * `npm run calibrate`: trains the no-answer model (src/answer/no-answer.ts) on public data and
 * writes its weights to src/answer/no-answer-model.json. Answerable: SQuAD v1.1 dev questions
 * asked of the dev paragraphs. Not answerable: SQuAD train questions (train and dev share no
 * article) asked of the dev paragraphs and of the built-in corpus (a sample apart from the one
 * `npm run eval` checks). A logistic regression by gradient descent on standardised features;
 * the threshold is the highest that refuses at most --max-refused of the answerable questions.
 * Prints a precision/recall table. The coverage questions are for checking, never for training.
 *
 *   npm run calibrate [-- --data ../shared/eval] [--sample 3000] [--max-refused 0.025] [--dry-run]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  answerProbability,
  FEATURE_NAMES,
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
    sample: { type: 'string', default: '3000' },
    'max-refused': { type: 'string', default: '0.025' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const squad = path.join(values.data, 'squad');
const read = (f: string) =>
  readFileSync(path.join(squad, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; id: string; title: string; text: string });
const sample = Number(values.sample);
/** Every n-th item from `phase` on: phase 0 is what the eval takes, so training takes another. */
const every = <T>(items: T[], phase: number) => {
  const step = Math.max(1, Math.floor(items.length / sample));
  return items.filter((_, i) => i % step === Math.min(step - 1, phase)).slice(0, sample);
};

const dev = buildIndex(corpusFromRecords(read('dev-paragraphs.jsonl')));
const builtIn = buildIndex(await loadCorpus(values.corpus));
const train = read('train-questions.jsonl');
const answerable = every(read('dev-questions.jsonl'), 0).map((q) => dev.queryMatch(q.question));
const offDev = every(train, 1).map((q) => dev.queryMatch(q.question));
const offBuiltIn = every(train, 3).map((q) => builtIn.queryMatch(q.question));

// Examples with a match; a best passage matching nothing is refused by rule.
const usable = (m: QueryMatch) => m.matchedTerms > 0;
const examples = [
  ...answerable.filter(usable).map((m) => ({ x: noAnswerFeatures(m), y: 1, w: 1 })),
  ...offDev.filter(usable).map((m) => ({ x: noAnswerFeatures(m), y: 0, w: 0.5 })),
  ...offBuiltIn.filter(usable).map((m) => ({ x: noAnswerFeatures(m), y: 0, w: 0.5 })),
];
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
const maxRefused = Number(values['max-refused']);
let threshold = candidates[0] as number;
for (const t of candidates)
  if (refusedShare(answerable, { bias: rawBias, weights, threshold: t }) <= maxRefused) threshold = t;
const model: NoAnswerModel = {
  bias: Number(rawBias.toFixed(6)),
  weights: weights.map((v) => Number(v.toFixed(6))),
  threshold,
};

console.log(
  `answerable: ${answerable.length} SQuAD dev questions (dev paragraphs); not answerable: ${offDev.length} SQuAD train questions (dev paragraphs), ${offBuiltIn.length} (built-in corpus)`,
);
console.log('\nfeature | weight');
console.log('--- | ---');
for (const [i, name] of FEATURE_NAMES.entries()) console.log(`${name} | ${model.weights[i]}`);
console.log(`bias | ${model.bias}`);
console.log(
  '\nthreshold | answerable refused | train Qs on dev paragraphs answered | train Qs on built-in corpus answered',
);
console.log('--- | --- | --- | ---');
for (const t of [...new Set([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, threshold])].sort((a, b) => a - b)) {
  const m = { ...model, threshold: t };
  const row = [answerable, offDev, offBuiltIn].map((set, i) => {
    const share = refusedShare(set, m);
    return `${(100 * (i === 0 ? share : 1 - share)).toFixed(1)}%`;
  });
  console.log(`${t.toFixed(2)}${t === threshold ? ' (chosen)' : ''} | ${row.join(' | ')}`);
}
if (!values['dry-run']) {
  const file = path.join(ROOT, 'src', 'answer', 'no-answer-model.json');
  // One line of weights, as the project's formatter writes it.
  const json = `{\n  "bias": ${model.bias},\n  "weights": [${model.weights.join(', ')}],\n  "threshold": ${model.threshold}\n}\n`;
  writeFileSync(file, json);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}
