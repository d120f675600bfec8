/**
 * The kind of answer a question asks for, read on both sides: the question's word ("when",
 * "where") and each sentence's kinds (a date, a place), so that of two sibling passages the one
 * that can answer ranks first.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';

/** Two sibling passages on one meeting, one naming where it was, and an unrelated one. */
const summit = () =>
  buildIndex(
    corpusFromRecords([
      { id: 'talks-topic', title: 'Summit', text: 'The two ministers met and talked about the truce.' },
      {
        id: 'talks-place',
        title: 'Summit',
        text: 'The two ministers met in Geneva and talked about the truce.',
      },
      { id: 'weather', title: 'Weather', text: 'Rain fell on the city all week.' },
    ]),
  );

describe('ranking by the kind of answer asked', () => {
  it('a when-question ranks the sibling passage that holds a year above a shorter one that does not', () => {
    const index = buildIndex(
      corpusFromRecords([
        {
          id: 'tower-design',
          title: 'Eiffel Tower',
          text: 'The Eiffel Tower was built of wrought iron and opened to the public.',
        },
        {
          id: 'tower-history',
          title: 'Eiffel Tower',
          text: 'The Eiffel Tower was built for the World Fair and opened to the public in 1889.',
        },
        { id: 'weather', title: 'Weather', text: 'Rain fell on the city all week.' },
      ]),
    );
    const question = 'When was the Eiffel Tower opened to the public?';
    expect(index.rankArticles(question, 10).map((r) => r.docId)).toEqual(['tower-history', 'tower-design']);
    expect(index.ask(question).results[0]?.text).toContain('1889');
  });

  it('a where-question ranks the sibling passage that names a place above a shorter one that does not', () => {
    const index = summit();
    const question = 'Where did the two ministers meet?';
    expect(index.rankArticles(question, 10).map((r) => r.docId)).toEqual(['talks-place', 'talks-topic']);
    expect(index.ask(question).results[0]?.text).toContain('Geneva');
  });

  it('a question asking for no kind of answer keeps the shorter passage first', () => {
    const index = summit();
    expect(index.rankArticles('What did the two ministers say about the truce?', 10)[0]?.docId).toBe(
      'talks-topic',
    );
  });

  it('"what time" asks for a time: a passage that only says "the first time" does not rank above one on the subject', () => {
    const index = buildIndex(
      corpusFromRecords([
        {
          id: 'first-time',
          title: 'Aid',
          text: 'For the first time, aid reached the besieged town this week.',
        },
        {
          id: 'talks-start',
          title: 'Geneva talks',
          text: 'The ministers met in Geneva on Friday and the talks began at 10:00 am.',
        },
        { id: 'weather', title: 'Weather', text: 'Rain fell on the city all week.' },
      ]),
    );
    const ranked = index.rankArticles('What time did the Geneva talks begin?', 10).map((r) => r.docId);
    expect(ranked[0]).toBe('talks-start');
    expect(ranked).not.toContain('first-time');
  });
});
