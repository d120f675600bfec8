import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/answer/engine.ts';
import { corpusFromRecords } from '../../src/corpus/records.ts';
import {
  HOLDS_NUMBER,
  HOLDS_PLACE,
  HOLDS_TIME,
  nameCount,
  sentenceKind,
} from '../../src/passages/sentence-kinds.ts';
import { kindsByArticle } from './helpers.ts';

/** The kinds of a whole sentence, spelled out. */
function kinds(sentence: string) {
  const k = sentenceKind(sentence, 0, sentence.length);
  return {
    time: (k & HOLDS_TIME) !== 0,
    number: (k & HOLDS_NUMBER) !== 0,
    place: (k & HOLDS_PLACE) !== 0,
    names: nameCount(k),
  };
}

describe('the kinds of answer a sentence holds', () => {
  it('finds dates, numbers, places after a preposition, and counts names not starting the sentence', () => {
    expect(kinds('Kerry met Lavrov in Geneva today.')).toEqual({
      time: true,
      number: false,
      place: true,
      names: 2,
    });
    expect(kinds('The war erupted in 2011 and has killed more than 290,000 people.')).toEqual({
      time: true,
      number: true,
      place: false,
      names: 0,
    });
    expect(kinds('Prices rose 12% over three years.')).toEqual({
      time: false,
      number: true,
      place: false,
      names: 0,
    });
    // A month is a time, not a place or a name.
    expect(kinds('They talked again in August.')).toEqual({
      time: true,
      number: false,
      place: false,
      names: 0,
    });
    expect(kinds('The talks resumed at the Kremlin.')).toEqual({
      time: false,
      number: false,
      place: true,
      names: 1,
    });
  });

  it('are read at build time, one byte a sentence of each article', () => {
    const parts = buildIndex(
      corpusFromRecords([
        { id: 'a', title: 'A', text: 'They met in Geneva. It rained.' },
        { id: 'b', title: 'B', text: 'It opened in 1889.' },
        { id: 'c', title: 'C', text: 'Nothing here.' },
      ]),
    ).parts();
    expect(kindsByArticle(parts)).toEqual([[HOLDS_PLACE | (1 << 3), 0], [HOLDS_TIME | HOLDS_NUMBER], [0]]);
  });
});
