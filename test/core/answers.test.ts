import { beforeAll, describe, expect, it } from 'vitest';
import { type AnswerEngine, buildIndex } from '../../src/answer/engine.ts';
import { ELLIPSIS, MAX_EXCERPT_CHARS } from '../../src/answer/excerpt.ts';
import { parseInlineQuery } from '../../src/answer/inline-filters.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { terms } from '../../src/search/tokenize.ts';
import { CORPUS_DIR, type CoverageQuestion, normaliseForMatch, readJsonl } from './helpers.ts';

let index: AnswerEngine;
let questions: CoverageQuestion[];

beforeAll(async () => {
  index = buildIndex(await loadCorpus(CORPUS_DIR));
  questions = await readJsonl<CoverageQuestion>('coverage-dev-questions.jsonl');
});

const articleText = (docId: string) => index.corpus.articles.find((a) => a.id === docId)?.text ?? '';
const unquoted = (text: string) => text.replace(/^…/, '').replace(/…$/, '');

describe('answers on the built-in corpus', () => {
  it('answers every coverage development question: the answer in the top 3 excerpts, or noAnswer', () => {
    expect(questions).toHaveLength(19);
    for (const q of questions) {
      const answer = index.ask(q.question, { filters: { event: q.event } });
      if (q.expectNoAnswer) {
        expect(answer, q.id).toMatchObject({ noAnswer: true, results: [] });
        continue;
      }
      expect(answer.noAnswer, q.id).toBe(false);
      const quoted = answer.results.slice(0, 3).map((r) => normaliseForMatch(r.text));
      expect(
        quoted.some((text) => q.answers.some((a) => text.includes(normaliseForMatch(a)))),
        `${q.id}: ${q.question}\n${quoted.join('\n')}`,
      ).toBe(true);
    }
  });

  it('quotes Lavrov on terrorists first, with outlet, date and event', () => {
    const [first] = index.ask('What did Lavrov say about terrorists?').results;
    expect(first?.text).toBe(
      '“I don’t see any possibility of assuring a really durable, full-fledged ceasefire without the separation of healthy opposition forces from terrorists,” Lavrov told journalists.',
    );
    expect(first).toMatchObject({
      source: 'The BRICS Post',
      date: '2016-08-27',
      event: 'geneva-aug-2016',
      eventName: 'Kerry–Lavrov talks in Geneva, August 2016',
    });
  });

  it('quotes verbatim: every excerpt, without its ellipses, is a slice of its article', () => {
    for (const q of questions) {
      for (const r of index.ask(q.question, { count: 10 }).results) {
        expect(articleText(r.docId)).toContain(unquoted(r.text));
        expect(unquoted(r.text).length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS);
      }
    }
  });

  it('trims long sentences at word boundaries with an ellipsis where cut', () => {
    const [r] = index.ask(
      'Which UN Security Council resolution was adopted in support of the ceasefire?',
    ).results;
    expect(r?.text.startsWith(ELLIPSIS) || r?.text.endsWith(ELLIPSIS)).toBe(true);
    expect(r?.text).toContain('resolution 2268');
    const text = articleText(r?.docId ?? '');
    const body = unquoted(r?.text ?? '');
    const at = text.indexOf(body);
    // The cut falls between words.
    if (r?.text.startsWith(ELLIPSIS)) expect(text[at - 1]).toMatch(/\s/);
    if (r?.text.endsWith(ELLIPSIS)) expect(text[at + body.length]).toMatch(/[\s,;:.]/);
  });

  it('quotes as much of a long sentence as fits when the words asked close it', () => {
    // "…and overthrow, President Bashar al-Assad." was all a 330-character sentence showed.
    const [r] = index.ask('Who wants to weaken and overthrow President Bashar al-Assad?').results;
    expect(r?.text).toContain('overthrow, President Bashar al-Assad.');
    // The sentence fits whole, and is quoted whole.
    expect(r?.text).toMatch(/^Secretary of State John Kerry/);
    expect(unquoted(r?.text ?? '').length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS);
  });

  it('highlights the words that match the question', () => {
    const [r] = index.ask('Which border town did the Turkish-backed rebels seize?').results;
    const words = (r?.highlights ?? []).map((h) => r?.text.slice(h.start, h.end));
    expect(words).toEqual(expect.arrayContaining(['Turkish', 'backed', 'rebel', 'seized', 'border', 'town']));
    for (const word of words)
      expect(terms('Which border town did the Turkish-backed rebels seize?')).toContain(terms(word ?? '')[0]);
  });

  it('quotes at most two excerpts from one article', () => {
    for (const q of questions) {
      const counts = new Map<string, number>();
      for (const r of index.ask(q.question, { count: 10 }).results)
        counts.set(r.docId, (counts.get(r.docId) ?? 0) + 1);
      for (const n of counts.values()) expect(n).toBeLessThanOrEqual(2);
    }
  });

  it('pages: the next page continues the list without repeating an excerpt', () => {
    const q = 'What did Kerry and Lavrov discuss about the ceasefire in Syria?';
    const all = index.ask(q, { count: 6 });
    const first = index.ask(q, { count: 3 });
    const second = index.ask(q, { count: 3, offset: 3 });
    expect(first.hasMore).toBe(true);
    expect([...first.results, ...second.results].map((r) => r.text)).toEqual(all.results.map((r) => r.text));
    expect(second.offset).toBe(3);
  });

  it('pages deep: sixty articles read ten excerpts at a time, two per article, each once', () => {
    const words = [
      'amber',
      'basalt',
      'cedar',
      'dune',
      'ember',
      'fjord',
      'garnet',
      'heron',
      'iris',
      'juniper',
    ];
    const paragraph = (i: number, n: number) =>
      `The harbour crane ${words[i % 10]} ${words[Math.floor(i / 10)]} lifted cargo number ${i}-${n} today.`;
    const engine = buildIndex(
      corpusFromRecords(
        Array.from({ length: 60 }, (_, i) => ({
          id: `a${i}`,
          title: `Harbour report ${i}`,
          text: [1, 2, 3].map((n) => paragraph(i, n)).join('\n\n'),
          source: 'Port News',
          date: '2016-08-28',
        })),
      ),
    );
    const q = 'Which harbour crane lifted cargo?';
    const pages = Array.from({ length: 12 }, (_, p) => engine.ask(q, { count: 10, offset: 10 * p }));
    const results = pages.flatMap((page) => page.results);
    expect(new Set(results.map((r) => r.text)).size).toBe(120);
    const perArticle = new Map<string, number>();
    for (const r of results) perArticle.set(r.docId, (perArticle.get(r.docId) ?? 0) + 1);
    expect([...perArticle.values()].every((n) => n === 2)).toBe(true);
    expect(pages.map((page) => page.hasMore)).toEqual([...Array(11).fill(true), false]);
  });

  it('filters by event, outlet and dates, exactly', () => {
    const q = 'Where did Kerry and Lavrov meet?';
    const march = index.ask(q, { filters: { event: 'march-2016-call' }, count: 10 }).results;
    expect(march.length).toBeGreaterThan(0);
    expect(march.every((r) => r.event === 'march-2016-call')).toBe(true);
    const ndtv = index.ask(q, { filters: { source: 'ndtv' }, count: 10 }).results;
    expect(ndtv.length).toBeGreaterThan(0);
    expect(ndtv.every((r) => r.source === 'NDTV (AFP copy)')).toBe(true);
    const august = index.ask(q, { filters: { since: '2016-08-27', until: '2016-08-31' }, count: 10 }).results;
    expect(august.length).toBeGreaterThan(0);
    expect(august.every((r) => r.date === '2016-08-27')).toBe(true);
    expect(index.ask(q, { filters: { event: 'no-such-event' } })).toMatchObject({
      noAnswer: true,
      results: [],
    });
  });

  it('says the coverage does not answer off-topic questions or questions of stop words only', () => {
    expect(index.ask('What did Kerry say about North Korea’s missile tests?').noAnswer).toBe(true);
    expect(index.ask('What is the recipe for chocolate cake?').noAnswer).toBe(true);
    expect(index.ask('What is it that they would have been?')).toMatchObject({ noAnswer: true, results: [] });
    expect(index.ask('   ')).toMatchObject({ noAnswer: true, results: [] });
  });

  it('answers a question whose framing verb the answering passage does not use', () => {
    // "happen" frames the question: the place is what it is about, and all its passage must hold.
    expect(index.queryMatch('What happened in Darayya?')).toMatchObject({
      matchedTerms: 1,
      questionTerms: 1,
    });
    const answer = index.ask('What happened in Darayya?');
    expect(answer.noAnswer).toBe(false);
    expect(answer.results[0]?.text).toContain('Darayya');
    // A question of one word needs only that word.
    expect(index.ask('Yemen?').noAnswer).toBe(false);
  });

  it('answers questions framed by common words the coverage does not use, and still refuses off-topic ones', () => {
    // "start" and "anything" are in no passage; they weigh less than a name the coverage lacks.
    const start = index.ask('When did the ceasefire start?');
    expect(start.noAnswer).toBe(false);
    expect(start.results[0]?.text).toMatch(/ceasefire/i);
    const agreed = index.ask('Did they agree on anything in Geneva?');
    expect(agreed.noAnswer).toBe(false);
    expect(agreed.results.map((r) => r.text).join(' ')).toMatch(/agree/i);
    for (const offTopic of [
      'What did Kerry say about the Iran nuclear deal?',
      'What is the weather in Geneva?',
      'Who won the football match?',
      'What did Lavrov say about the Olympics?',
      'Did Kerry talk about climate change?',
      // A name the coverage never uses weighs as much as its rarest word.
      'What did Kerry say about Pyongyang?',
      'What did Obama say about Pyongyang?',
    ])
      expect([offTopic, index.ask(offTopic).noAnswer]).toEqual([offTopic, true]);
  });

  it('compares outlets: one excerpt per outlet', () => {
    const answer = index.compare('What did Kerry and Lavrov say about the ceasefire?', {
      event: 'geneva-aug-2016',
    });
    const outlets = answer.results.map((r) => r.source ?? r.docId);
    expect(new Set(outlets).size).toBe(outlets.length);
    expect(answer.results.length).toBe(3);
  });

  it('lists events and sources with counts and date spans, and an event timeline in date order', () => {
    expect(index.events().map((e) => [e.id, e.articles, e.firstDate, e.lastDate])).toEqual([
      ['march-2016-call', 2, '2016-03-04', '2016-03-07'],
      ['geneva-aug-2016', 3, '2016-08-26', '2016-08-27'],
    ]);
    expect(index.sources()[0]).toMatchObject({ source: null, articles: 2 });
    expect(index.timeline('geneva-aug-2016').map((a) => a.date)).toEqual([
      '2016-08-26',
      '2016-08-26',
      '2016-08-27',
    ]);
  });
});

describe('syndicated copies', () => {
  const wire =
    'The foreign ministers agreed on Friday to a seven-day truce across the province, officials said after the meeting in the capital.';
  const filler = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `Unrelated sentence number ${i} about harvests, weather and local football results.`,
    ).join(' ');

  it('are shown once, credited to the earliest copy, with the others as "also reported by"', () => {
    const index = buildIndex(
      corpusFromRecords([
        {
          id: 'late',
          title: 'Truce agreed',
          text: `${filler(2)}\n\n${wire}`,
          source: 'Late Daily',
          date: '2016-08-28',
        },
        {
          id: 'early',
          title: 'Ministers agree truce',
          text: `${wire}\n\n${filler(3)}`,
          source: 'Early Wire',
          date: '2016-08-26',
        },
        { id: 'undated', title: 'Truce', text: `${wire}`, source: 'Somewhere', date: null },
        { id: 'other', title: 'Harvest news', text: filler(4), source: 'Farm Weekly', date: '2016-08-01' },
      ]),
    );
    const answer = index.ask('What truce did the foreign ministers agree?');
    const truce = answer.results.filter((r) => r.text.includes('seven-day truce'));
    expect(truce).toHaveLength(1);
    expect(truce[0]).toMatchObject({ docId: 'early', source: 'Early Wire', date: '2016-08-26' });
    expect(truce[0]?.alsoIn.map((c) => [c.docId, c.source, c.date])).toEqual([
      ['late', 'Late Daily', '2016-08-28'],
      ['undated', 'Somewhere', null],
    ]);
  });
});

describe('inline filters', () => {
  it('takes key:value filters out of a question', () => {
    expect(
      parseInlineQuery(
        'event:geneva-aug-2016 source:"The BRICS Post" since:2016-08-01 count:5 What did Lavrov say?',
      ),
    ).toEqual({
      question: 'What did Lavrov say?',
      filters: { event: 'geneva-aug-2016', source: 'The BRICS Post', since: '2016-08-01' },
      count: 5,
      errors: [],
    });
  });

  it('explains bad dates, bad counts and reversed ranges', () => {
    const parsed = parseInlineQuery('since:2016-02-30 until:yesterday count:50 hello');
    expect(parsed.errors).toEqual([
      'since:2016-02-30 is not a date; write it as YYYY-MM-DD, e.g. since:2016-08-26.',
      'until:yesterday is not a date; write it as YYYY-MM-DD, e.g. until:2016-08-26.',
      'count:50 should be a whole number from 1 to 10.',
    ]);
    expect(parseInlineQuery('since:2016-09-01 until:2016-08-01 x').errors).toEqual([
      'since:2016-09-01 is after until:2016-08-01; swap them.',
    ]);
  });
});
