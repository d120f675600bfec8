import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { holdsPhrase, namePhrases } from '../../src/answer/phrases.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import { tokenize } from '../../src/search/tokenize.ts';

const phrases = (q: string) => namePhrases(q, tokenize(q));

describe('multiword names of a question', () => {
  it('are runs of capitalised words joined by spaces or hyphens', () => {
    expect(phrases('Who is the Secretary General of NATO?')).toEqual([['secretari', 'general']]);
    expect(phrases('Which team won Super Bowl 50?')).toEqual([['super', 'bowl']]);
    expect(phrases('What did the Al-Nusra Front say?')).toEqual([['al', 'nusra', 'front']]);
    expect(phrases('Where did John Kerry meet Sergei Lavrov?')).toEqual([
      ['john', 'kerri'],
      ['sergei', 'lavrov'],
    ]);
    // A capitalised first word is a name only with the next one.
    expect(phrases('Kerry said what?')).toEqual([]);
  });

  it('are found only side by side and in order in a row of term ids', () => {
    const table = { offsets: Int32Array.from([0, 3, 5]), ids: Int32Array.from([7, 1, 2, 2, 1]) };
    expect(holdsPhrase(table, 0, 2, [1, 2])).toBe(true);
    expect(holdsPhrase(table, 1, 2, [1, 2])).toBe(false);
    expect(holdsPhrase(table, 0, 2, [2, 1])).toBe(true);
    // A phrase never spans two rows (sentences).
    expect(holdsPhrase(table, 0, 2, [2, 2])).toBe(false);
  });

  it('count against a passage that has their words apart', () => {
    const index = buildIndex(
      corpusFromRecords([
        { id: 'a', title: 'Talks', text: 'The Secretary of State met the general in private.' },
        { id: 'b', title: 'Sport', text: 'The World Cup final was played in July.' },
        { id: 'c', title: 'Other', text: 'Nothing about either of them is said here at all.' },
      ]),
    );
    expect(index.queryMatch('What did the Secretary General say?').missingPhrases).toBe(1);
    expect(index.queryMatch('When was the World Cup final?').missingPhrases).toBe(0);
  });
});
