/**
 * A change made for practice and thrown away, when a process has readied its first change: the
 * passes a change makes over the corpus-sized lists (comparing two article lists from both ends,
 * renumbering the passages, the saved change made and applied, the catalogue spliced) run once
 * over lists of real size, so that the first real change finds that code compiled and its
 * scratch grown, as later changes do. It leaves no trace in the engine it starts from.
 */
import type { Corpus } from '../corpus/types.ts';
import type { AnswerEngine } from './engine.ts';
import { updateEngine } from './engine-update.ts';
import { applyCorpusChange, corpusChange } from './saved-change.ts';

/**
 * Removes the middle article of `engine`'s corpus, as a change and as a receiving process would
 * (saved change made, applied, engine updated and warmed up), and drops the result. A removal
 * indexes nothing and appends to no term table, so the tables keep their room for the first real
 * change. Does nothing for a corpus of fewer than three articles.
 */
export function practiseChange(engine: AnswerEngine): void {
  const { articles } = engine.corpus;
  if (articles.length < 3) return;
  const middle = articles.length >> 1;
  const removed: Corpus = {
    ...engine.corpus,
    articles: articles.slice(0, middle).concat(articles.slice(middle + 1)),
  };
  const received = applyCorpusChange(engine.corpus, corpusChange(articles, removed));
  updateEngine(engine, received).warmUp();
}
