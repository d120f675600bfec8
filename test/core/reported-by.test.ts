/** "Also reported by": the other outlets feeds found, named beside an excerpt, each once and kept short. */
import { describe, expect, it } from 'vitest';
import { outletsByDocId, withReportedBy } from '../../src/answer/reported-by.ts';
import type { Answer, Excerpt } from '../../src/answer/types.ts';
import { formatAlsoReported } from '../../src/answer/wording.ts';

const published = { title: 'T', date: '2016-08-26', dateApprox: false, url: null };
const excerpt: Excerpt = {
  ...published,
  docId: 'a',
  source: 'Reuters',
  event: 'geneva-aug-2016',
  eventName: null,
  text: 'Talks resumed.',
  highlights: [],
  score: 1,
  alsoIn: [{ ...published, docId: 'b', source: 'NDTV' }],
  speaker: null,
};
const answer: Answer = {
  question: 'q',
  filters: {},
  understood: [],
  corrections: [],
  noAnswer: false,
  results: [excerpt],
  offset: 0,
  hasMore: false,
};

describe('also reported by', () => {
  it('names the outlets of the article and its copies once each, not those the excerpt names already', () => {
    const outletsOf = outletsByDocId(
      [
        { article: 'a.md', source: 'Wire One' },
        { article: 'b.md', source: 'wire one' },
        { article: 'b.md', source: 'ndtv' },
        { article: 'a.md', source: 'REUTERS' },
        { article: 'a.md', source: null },
        { article: 'c.md', source: 'Elsewhere' },
      ],
      [
        { id: 'a', path: 'a.md' },
        { id: 'b', path: 'b.md' },
      ],
    );
    const [shown] = withReportedBy(answer, outletsOf).results;
    expect(shown?.reportedBy).toEqual(['Wire One']);
    expect(formatAlsoReported(shown as Excerpt)).toBe('Also reported by NDTV (26 Aug 2016), Wire One');
    expect(withReportedBy(answer, () => []).results[0]).not.toHaveProperty('reportedBy');
  });

  it('names four outlets at most and counts the rest', () => {
    const many = { ...excerpt, alsoIn: [], reportedBy: ['A', 'B', 'C', 'D', 'E', 'F'] };
    expect(formatAlsoReported(many)).toBe('Also reported by A, B, C, D and 2 more');
  });
});
