/**
 * A saved change between two article lists, applied to the first, gives the second: the kept
 * articles as the very same objects, the others from the change, after random edits at both ends
 * and in the middle, and after edits that leave thousands of runs.
 */
import { describe, expect, it } from 'vitest';
import { applyCorpusChange, corpusChange } from '../../src/answer/saved-change.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { seededRandom } from '../seeded-random.ts';

const article = (id: string, title = id): Article => ({
  id,
  path: `${id}.md`,
  title,
  source: 'Example Wire',
  date: '2016-09-10',
  dateApprox: false,
  url: null,
  event: null,
  language: 'en',
  text: `The text of ${id}.`,
});
const corpusOf = (articles: Article[]): Corpus => ({ label: 'test', articles, events: [], problems: [] });

/** Applies the change from `before` to `after` and checks it gives `after`, kept objects included. */
function roundTrip(before: Article[], after: Article[]): { runs: number; saved: number } {
  const change = corpusChange(before, corpusOf(after));
  const applied = applyCorpusChange(corpusOf(before), change).articles;
  expect(applied.length).toBe(after.length);
  const kept = new Set(before);
  for (let a = 0; a < after.length; a++) {
    const expected = after[a] as Article;
    if (kept.has(expected)) expect(applied[a]).toBe(expected);
    else expect(applied[a]).toEqual(expected);
  }
  return { runs: change.runs.length / 2, saved: change.articles.length };
}

describe('a saved change applied to the corpus it was made after', () => {
  it('gives the corpus after it, after random adds at both ends and inside, removals and rewrites', () => {
    const rand = seededRandom(17);
    let before = Array.from({ length: 300 }, (_, i) => article(`a${i}`));
    for (let step = 0; step < 60; step++) {
      const after = before.slice();
      for (let edit = 0; edit < 1 + Math.floor(rand() * 4); edit++) {
        const at = Math.floor(rand() * (after.length + 1));
        const kind = rand();
        if (kind < 0.2) after.unshift(article(`first${step}-${edit}`));
        else if (kind < 0.4) after.push(article(`last${step}-${edit}`));
        else if (kind < 0.6) after.splice(at, 0, article(`mid${step}-${edit}`));
        else if (kind < 0.8) after.splice(at, 1);
        else if (after[at] !== undefined) after[at] = article((after[at] as Article).id, `rewritten ${step}`);
      }
      roundTrip(before, after);
      before = after;
    }
  });

  it('saves only the new article when one is added first or last to a long list', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => article(`a${i}`));
    expect(roundTrip(before, [article('new'), ...before])).toEqual({ runs: 2, saved: 1 });
    expect(roundTrip(before, [...before, article('new')])).toEqual({ runs: 2, saved: 1 });
    expect(roundTrip(before, before.slice())).toEqual({ runs: 1, saved: 0 });
  });

  it('gives the corpus after it when every other article is rewritten (thousands of runs)', () => {
    const before = Array.from({ length: 12_000 }, (_, i) => article(`a${i}`));
    const after = before.map((a, i) => (i % 2 === 0 ? a : article(a.id, 'rewritten')));
    expect(roundTrip(before, after).runs).toBe(12_000);
  });
});
