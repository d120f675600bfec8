import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { mergeEngine, updateEngine } from '../../src/answer/engine-update.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { SegmentedIndex } from '../../src/search/segmented-index.ts';
import { terms } from '../../src/search/tokenize.ts';
import { seededRandom } from '../seeded-random.ts';
import { kindsByArticle, readJsonl } from './helpers.ts';

interface Paragraph {
  id: string;
  title: string;
  text: string;
}
interface Question {
  question: string;
}

const EVENTS = ['geneva', 'summit', 'strike'];
let articles: Article[];
let questions: string[];

beforeAll(async () => {
  const paragraphs = await readJsonl<Paragraph>('squad-sample-paragraphs.jsonl');
  articles = corpusFromRecords(
    paragraphs.map((p, i) => ({
      ...p,
      source: `Outlet ${i % 7}`,
      date: `2016-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      event: EVENTS[i % EVENTS.length] as string,
    })),
  ).articles;
  questions = (await readJsonl<Question>('squad-sample-questions.jsonl'))
    .filter((_, i) => i % 12 === 0)
    .map((q) => q.question);
});

const corpusOf = (list: Article[]): Corpus => ({ label: 'test', articles: list, events: [], problems: [] });

/** Every passage a search finds, as (article id, start, score), in a canonical order. */
function found(engine: AnswerEngine, question: string): string[] {
  const { passages, articleOf } = engine.engineParts();
  return engine.index
    .search(terms(question), 100_000)
    .map((r) => {
      const p = passages[r.passage];
      const a = articleOf?.[r.passage] ?? p?.article ?? -1;
      return `${engine.corpus.articles[a]?.id}@${p?.start} ${r.score.toFixed(9)}`;
    })
    .sort();
}

describe('an engine updated by a change instead of built again', () => {
  it('after random adds, removes, rewrites, event moves and merges, ranks and answers as a full build of the same corpus', () => {
    const rand = seededRandom(7);
    let corpus = articles.slice(0, 200);
    const pool = articles.slice(200);
    let engine = buildIndex(corpusOf(corpus));
    for (let step = 0; step < 30; step++) {
      const roll = rand();
      const at = Math.floor(rand() * corpus.length);
      const article = corpus[at] as Article;
      if (roll < 0.3 && pool.length > 0) {
        // Added where its path sorts, not at the end.
        corpus = [...corpus.slice(0, at), pool.pop() as Article, ...corpus.slice(at)];
      } else if (roll < 0.5) {
        corpus = corpus.filter((_, i) => i !== at);
      } else if (roll < 0.7) {
        const other = corpus[(at + 1) % corpus.length] as Article;
        corpus = corpus.map((a, i) =>
          i === at ? { ...a, text: `${a.text}\n\n${other.text.slice(0, 200)}` } : a,
        );
      } else {
        const event = EVENTS[(EVENTS.indexOf(article.event ?? '') + 1) % EVENTS.length] as string;
        corpus = corpus.map((a, i) => (i === at ? { ...a, event } : a));
      }
      engine = updateEngine(engine, corpusOf(corpus));
      if (step % 7 === 6) engine = mergeEngine(engine) ?? engine;
      const full = buildIndex(corpusOf(corpus));
      expect(engine.passageCount).toBe(full.passageCount);
      expect(kindsByArticle(engine.engineParts())).toEqual(kindsByArticle(full.engineParts()));
      for (const question of questions) {
        const where = `step ${step}: ${question}`;
        expect(found(engine, question), where).toEqual(found(full, question));
        expect(engine.ask(question), where).toEqual(full.ask(question));
        const filters = { event: EVENTS[step % EVENTS.length] as string };
        expect(engine.ask(question, { filters }), where).toEqual(full.ask(question, { filters }));
      }
    }
  });

  it('indexes only what changed: the untouched passages stay in the same segment, and a move of event reindexes nothing', () => {
    const built = buildIndex(corpusOf(articles.slice(0, 100)));
    const added = updateEngine(built, corpusOf(articles.slice(0, 101)));
    const index = added.index as SegmentedIndex;
    expect(index).toBeInstanceOf(SegmentedIndex);
    expect(index.segments.map((s) => s.count)).toEqual([
      built.passageCount,
      added.passageCount - built.passageCount,
    ]);
    const moved = articles.slice(0, 101).map((a, i) => (i === 3 ? { ...a, event: 'elsewhere' } : a));
    const after = updateEngine(added, corpusOf(moved));
    expect(after.index).toBe(added.index);
    const question = `${articles[3]?.title}`;
    expect(after.ask(question, { filters: { event: 'elsewhere' } }).results.map((r) => r.docId)).toEqual(
      expect.arrayContaining([articles[3]?.id]),
    );
  });

  it("an article added before the others renumbers no passage: each keeps its record, and answers are a build's", () => {
    const corpus = articles.slice(1, 101);
    const built = buildIndex(corpusOf(corpus));
    const before = built.engineParts().passages;
    const added = updateEngine(built, corpusOf([articles[0] as Article, ...corpus]));
    const after = added.engineParts().passages;
    // A million passages after an inserted article made a million new records in every process.
    const remade = before.filter((p, slot) => after[slot] !== p).length;
    expect(remade).toBe(0);
    const full = buildIndex(corpusOf([articles[0] as Article, ...corpus]));
    for (const question of [articles[0]?.title ?? '', articles[50]?.title ?? '', ...questions.slice(0, 5)])
      expect(added.ask(question), question).toEqual(full.ask(question));
  });

  it('adding articles one by one copies the title table once, then appends into it, and answers as a build', () => {
    let corpus = articles.slice(2, 100);
    let engine = updateEngine(buildIndex(corpusOf(corpus)), corpusOf([articles[1] as Article, ...corpus]));
    corpus = [articles[1] as Article, ...corpus];
    const table = engine.engineParts().titleTerms.ids;
    for (const added of [articles[0], articles[100], articles[101]] as Article[]) {
      corpus = [added, ...corpus];
      engine = updateEngine(engine, corpusOf(corpus));
      // Every article's title copied on each change cost ~0.2 s at a million articles.
      expect(engine.engineParts().titleTerms.ids).toBe(table);
    }
    const full = buildIndex(corpusOf(corpus));
    for (const added of [articles[0], articles[100], articles[101], articles[50]] as Article[])
      expect(engine.ask(added.title), added.title).toEqual(full.ask(added.title));
  });

  it('an event renamed or an article moved copies no per-passage table, keeps the filters it can, and answers as a build', () => {
    const events = (name: string) =>
      EVENTS.map((id) => ({
        id,
        name: `${id} ${name}`,
        start: '2016-03-01',
        end: '2016-03-28',
        description: '',
      }));
    // Articles that count the reads of their event: a filter made again reads every one.
    const reads = { event: 0 };
    const corpus = articles.slice(0, 100).map((a) => {
      const { event, ...rest } = a;
      return Object.defineProperty(rest, 'event', {
        enumerable: true,
        get: () => {
          reads.event++;
          return event;
        },
      }) as Article;
    });
    const engine = updateEngine(buildIndex({ ...corpusOf(corpus), events: events('talks') }), {
      ...corpusOf(corpus),
      events: events('talks'),
    });
    const filters = { event: 'geneva' };
    const question = articles[0]?.title ?? '';
    engine.ask(question, { filters });
    const renamed = updateEngine(engine, { ...corpusOf(corpus), events: events('renamed') });
    // The same articles under another name: the event's filter is the one made before.
    reads.event = 0;
    expect(renamed.ask(question, { filters }).results[0]?.eventName).toBe('geneva renamed');
    expect(reads.event).toBeLessThan(corpus.length / 4);
    const moved = corpus.map((a, i) => (i === 3 ? { ...a, event: 'geneva' } : a));
    const afterMove = updateEngine(renamed, { ...corpusOf(moved), events: events('renamed') });
    for (const [after, list] of [
      [renamed, corpus],
      [afterMove, moved],
    ] as const) {
      // Every passage's record and article number, every article's sentences: a million each at 1M.
      for (const part of ['passages', 'articleOf', 'sentences', 'sentenceRows', 'titleRows'] as const)
        expect(after.engineParts()[part], part).toBe(engine.engineParts()[part]);
      const full = buildIndex({ ...corpusOf(list), events: events('renamed') });
      for (const q of questions.slice(0, 8)) {
        expect(after.ask(q), q).toEqual(full.ask(q));
        expect(after.ask(q, { filters }), q).toEqual(full.ask(q, { filters }));
      }
    }
  });
});
