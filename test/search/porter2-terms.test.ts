/**
 * Index terms are Porter2 stems as Snowball's English stemmer gives them (npm `porter2`, checked
 * against Snowball's vocabulary by its authors), of each word's lemma.
 */
import { describe, expect, it } from 'vitest';
import { terms } from '../../src/search/tokenize.ts';

describe('Porter2 stems of index terms', () => {
  it('stems as Snowball does, where wink-porter2-stemmer departs from it', () => {
    // wink keeps "naysayer" and "sses"; Snowball's Porter2 takes "-er" off in R2 and "sses" to "ss".
    expect(terms('naysayer sses')).toEqual(['naysay', 'ss']);
  });

  it('gives the words of one family one term, and leaves numbers and long words whole', () => {
    expect(terms('generously generous')).toEqual(['generous', 'generous']);
    expect(terms('caresses caress')).toEqual(['caress', 'caress']);
    expect(terms('stalled stalling')).toEqual(['stall', 'stall']);
    expect(terms('2013 290,000')).toEqual(['2013', '290000']);
  });
});
