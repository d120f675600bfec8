import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { updateEngine } from '../../src/answer/engine-update.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { seededRandom } from '../seeded-random.ts';

const EVENTS = [
  {
    id: 'geneva',
    name: 'Geneva talks',
    start: '2016-01-01',
    end: '2016-12-31',
    description: 'Talks in Geneva.',
  },
  { id: 'truce', name: 'Syrian truce', start: '2016-01-01', end: '2016-12-31', description: 'A truce.' },
];

/** An article whose date counts its reads: a sort of the whole corpus reads every one. */
function article(i: number, reads: { count: number }, date: string | null): Article {
  const a = {
    id: `a${i}`,
    path: `a${String(i).padStart(4, '0')}.md`,
    title: `Kerry and Lavrov meet ${i % 5 === 0 ? 'again' : i}`,
    source: i % 9 === 0 ? null : `Outlet ${i % 4}`,
    url: null,
    event: i % 3 === 0 ? null : (EVENTS[i % 2] as { id: string }).id,
    text: `Kerry and Lavrov met in Geneva on day ${i}. They spoke about the truce number ${i % 7}.`,
  } as Omit<Article, 'date'>;
  return Object.defineProperty(a, 'date', {
    enumerable: true,
    get: () => {
      reads.count++;
      return date;
    },
  }) as Article;
}

const corpusOf = (articles: Article[]): Corpus => ({ label: 'test', articles, events: EVENTS, problems: [] });

describe('the catalogue of an engine updated by a change', () => {
  it('equals a fresh one after random adds and removals, and reads only the changed articles and a few others', () => {
    const rand = seededRandom(11);
    const reads = { count: 0 };
    const dateOf = (i: number) =>
      i % 11 === 0 ? null : `2016-0${1 + (i % 9)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    let articles = Array.from({ length: 400 }, (_, i) => article(i, reads, dateOf(i)));
    let engine = buildIndex(corpusOf(articles));
    engine.warmUp();
    for (let step = 0; step < 12; step++) {
      const at = Math.floor(rand() * articles.length);
      if (step % 3 === 2) articles = articles.filter((_, i) => i !== at);
      else {
        const i = 1000 + step;
        articles = [...articles.slice(0, at), article(i, reads, dateOf(i * 13)), ...articles.slice(at)];
      }
      engine = updateEngine(engine, corpusOf(articles));
      reads.count = 0;
      engine.warmUp();
      // A sort of the whole catalogue reads each article's date many times.
      expect(reads.count, `step ${step}`).toBeLessThan(80);
      const fresh = buildIndex(corpusOf(articles));
      expect(engine.events()).toEqual(fresh.events());
      expect(engine.sources()).toEqual(fresh.sources());
      for (const event of ['geneva', 'truce'])
        expect(engine.timeline(event).map((a) => a.id)).toEqual(fresh.timeline(event).map((a) => a.id));
      const since = { since: '2016-03-01', until: '2016-06-15' };
      expect(engine.timeline('geneva', since).map((a) => a.id)).toEqual(
        fresh.timeline('geneva', since).map((a) => a.id),
      );
    }
  });

  it('equals a fresh one when the oldest article goes and when an event is renamed', () => {
    const reads = { count: 0 };
    const articles = Array.from({ length: 60 }, (_, i) =>
      article(i, reads, `2016-0${1 + (i % 9)}-1${i % 10}`),
    );
    let engine = buildIndex(corpusOf(articles));
    engine.warmUp();
    const changes: Corpus[] = [
      corpusOf(articles.filter((a) => a.id !== 'a0')),
      {
        ...corpusOf(articles.slice(1)),
        events: [{ ...(EVENTS[0] as (typeof EVENTS)[number]), name: 'Geneva II' }, ...EVENTS.slice(1)],
      },
    ];
    for (const corpus of changes) {
      engine = updateEngine(engine, corpus);
      const fresh = buildIndex(corpus);
      expect(engine.events()).toEqual(fresh.events());
      expect(engine.sources()).toEqual(fresh.sources());
      expect(engine.timeline('geneva').map((a) => a.id)).toEqual(fresh.timeline('geneva').map((a) => a.id));
    }
  });
});
