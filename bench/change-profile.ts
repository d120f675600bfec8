/**
 * Where the in-memory part of one change goes at one scale: the engine of the bench scale corpus
 * as a segmented index, then one article added before the others (as a path sorting first puts
 * it) and one after them, each made by `updateEngine` and then warmed (catalogue, question
 * context), as the changing and every receiving process do. Run under the CPU profiler:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/change-profile.ts [size]
 */
import { parseArgs } from 'node:util';
import { buildIndex } from '../src/answer/engine.ts';
import { segmentedEngine, updateEngine } from '../src/answer/engine-update.ts';
import { corpusFromRecords } from '../src/corpus/records.ts';
import type { Article } from '../src/corpus/types.ts';
import { DEFAULT_DATA_DIR, scaleCorpus } from './data.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const size = Number((positionals[0] ?? '100k').replace(/k$/i, '000').replace(/m$/i, '000000'));
const corpus = corpusFromRecords(await scaleCorpus(DEFAULT_DATA_DIR, size));
const engine = segmentedEngine(buildIndex(corpus));
engine.warmUp();
const first = corpus.articles[0] as Article;
const added = (where: string): Article => ({
  ...first,
  id: `added-${where}`,
  path: `added-${where}.md`,
  title: `Kerry and Lavrov agree on a Syrian truce ${where}`,
  text: 'Kerry and Lavrov announced a nationwide truce in Syria. The truce was welcomed.',
});
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
for (let run = 0; run < 3; run++) {
  for (const where of ['first', 'last'] as const) {
    const article = added(`${where}-${run}`);
    const articles = where === 'first' ? [article, ...corpus.articles] : [...corpus.articles, article];
    let t = performance.now();
    const next = updateEngine(engine, { ...corpus, articles });
    const update = ms(t);
    t = performance.now();
    next.warmUp();
    console.log(
      `${size} passages-from-records, added ${where}: updateEngine ${update}, warmUp ${ms(t)}, ${next.passageCount} passages`,
    );
  }
}
