/**
 * Calibrates the no-answer rule on data: SQuAD v1.1 dev questions asked of the dev paragraphs
 * (answerable) and SQuAD train questions asked of the same paragraphs (not answerable: train and
 * dev share no article). Prints, for thresholds of query coverage, the share of answerable
 * questions wrongly refused and of unanswerable ones wrongly answered.
 *
 *   npx tsx scripts/calibrate-no-answer.ts [--data ../shared/eval] [--sample 3000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isNoAnswer } from '../src/answer/no-answer.ts';
import { buildIndex, corpusFromRecords } from '../src/library.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(import.meta.dirname, '../../shared/eval') },
    sample: { type: 'string', default: '3000' },
  },
});
const squad = path.join(values.data, 'squad');
const read = (f: string) =>
  readFileSync(path.join(squad, f), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; id: string; title: string; text: string });
const sample = Number(values.sample);
const every = <T>(items: T[]) =>
  items.filter((_, i) => i % Math.max(1, Math.floor(items.length / sample)) === 0).slice(0, sample);

const index = buildIndex(corpusFromRecords(read('dev-paragraphs.jsonl')));
const answerable = every(read('dev-questions.jsonl')).map((q) => index.queryMatch(q.question));
const unanswerable = every(read('train-questions.jsonl')).map((q) => index.queryMatch(q.question));

console.log(
  `answerable: ${answerable.length} SQuAD dev questions; unanswerable: ${unanswerable.length} SQuAD train questions; corpus: SQuAD dev paragraphs`,
);
console.log('threshold | matched terms | answerable refused | unanswerable answered | balanced accuracy');
for (let t = 0.2; t <= 0.801; t += 0.05) {
  for (const minMatched of [1, 2]) {
    const refuses = (m: (typeof answerable)[number]) => isNoAnswer(m, t, minMatched);
    const refused = answerable.filter(refuses).length / answerable.length;
    const answered = unanswerable.filter((m) => !refuses(m)).length / unanswerable.length;
    console.log(
      `${t.toFixed(2)} | ≥ ${minMatched} | ${(refused * 100).toFixed(1)}% | ${(answered * 100).toFixed(1)}% | ${((1 - refused + 1 - answered) / 2).toFixed(3)}`,
    );
  }
}
