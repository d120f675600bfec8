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

  it('read from the words at build time as sentenceKind reads them from the text', () => {
    const texts = [
      'At 10:30 the talks began in Geneva. Prices rose 12% in Moscow. They met at 9 a.m. in Paris.',
      'He flew to the U.S. and met Obama at the White House. In Paris, the talks ended.',
      '𝐀 Kremlin aide spoke in 𝐁 Geneva. The 𝐁ig Apple grew in the 1990’s. Re:Kremlin talks went on. Syria’s army took Aleppo in the 19th century.',
      'Ünal arrived in İstanbul near Zürich. I said: Monday. Three hundred people left the U.N. building.',
      'Kerry:Lavrov met again. Rates fell 3 % at noon in the city. Talks at the. Kremlin were held in 2011.',
    ];
    const corpus = corpusFromRecords(texts.map((text, i) => ({ id: `a${i}`, title: `T${i}`, text })));
    const engine = buildIndex(corpus);
    const parts = engine.parts();
    const expected = parts.sentences.map((list, a) =>
      list.map((s) => sentenceKind(corpus.articles[a]?.text ?? '', s.start, s.end)),
    );
    expect(kindsByArticle(parts)).toEqual(expected);
    // The sentences tell kinds apart: the comparison is not between zeros.
    expect(new Set(expected.flat()).size).toBeGreaterThan(5);
  });
});
