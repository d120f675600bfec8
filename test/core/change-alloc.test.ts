import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { segmentedEngine, updateEngine } from '../../src/answer/engine-update.ts';
import { applyCorpusChange, corpusChange } from '../../src/answer/saved-change.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Heap bytes of one call of `f`, each after a full collection (so that none runs during it): the
 * median of nine calls, since a stray allocation elsewhere raises one.
 */
function heapBytesOfOneCall(f: () => unknown): number {
  f();
  const rounds: number[] = [];
  for (let round = 0; round < 9; round++) {
    collect();
    const before = process.memoryUsage().heapUsed;
    f();
    rounds.push(process.memoryUsage().heapUsed - before);
  }
  rounds.sort((a, b) => a - b);
  return rounds[4] as number;
}

function corpusOf(count: number): Corpus {
  return corpusFromRecords(
    Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      title: `Article ${i} on the ceasefire talks`,
      text: `Negotiators met for round ${i}. The talks ended without a deal.`,
    })),
  );
}

/** The corpus with one article put before the others, as an added path that sorts first is. */
function withFirst(corpus: Corpus, id = 'added'): Corpus {
  const first = corpus.articles[0] as Article;
  const added: Article = {
    ...first,
    id,
    path: `${id}.md`,
    title: 'Truce agreed',
    text: 'A truce was agreed in Geneva.',
  };
  return { ...corpus, articles: [added, ...corpus.articles] };
}

// What a change allocates in proportion to the corpus is work for the collector right after the
// change, which the first questions wait for: each list of a million references is copied once.
describe('what a change at scale allocates', () => {
  it('applies a saved change adding one article before 100,000 with one copy of the article list, not a copy of each run too', () => {
    const before = corpusOf(100_000);
    const change = corpusChange(before.articles, withFirst(before));
    const bytes = heapBytesOfOneCall(() => applyCorpusChange(before, change));
    // One list of 100,001 references is 800 KB; a slice of each run before joining them doubled it.
    // (A loaded run of the whole suite once measured 1.05 MB: the bound is set below the double.)
    expect(bytes).toBeLessThan(1.5 * 8 * 100_000);
  });

  it('updates an engine of 100,000 articles for an article added before them with one copy of each per-article and per-passage list', () => {
    // As a process readies its first change: the built index as a segment, tables with room.
    let engine = segmentedEngine(buildIndex(corpusOf(100_000)));
    const rounds: number[] = [];
    for (let round = 0; round < 9; round++) {
      const after = withFirst(engine.corpus, `added-${round}`);
      collect();
      const before = process.memoryUsage().heapUsed;
      engine = updateEngine(engine, after);
      rounds.push(process.memoryUsage().heapUsed - before);
    }
    rounds.sort((a, b) => a - b);
    // The lists of passages and of sentences, 800 KB each, and the new segment: slices of the
    // sentences' list before joining them made 800 KB more.
    expect(rounds[4]).toBeLessThan(2_200_000);
  });
});
