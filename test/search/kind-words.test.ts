/**
 * A question's noun naming people ("workers", "inhabitants") is expanded with the kinds of
 * people WordNet lists under it (70 or more words for some): once the expansions are readied,
 * as every engine's warm-up readies them, its first question does not wait for those words to
 * be stemmed (~3 µs a new word, ~0.6 ms for "workers").
 */
import { stem } from 'porter2';
import { describe, expect, it, vi } from 'vitest';
import { kindTerms, readyExpansions } from '../../src/search/expansions.ts';

vi.mock('porter2', async (original) => {
  const porter2 = await original<typeof import('porter2')>();
  return { ...porter2, stem: vi.fn(porter2.stem) };
});

/** Nouns naming people with many kinds, asked here for the first time in this process. */
const PEOPLE = [
  'workers',
  'inhabitants',
  'musicians',
  'residents',
  'scientists',
  'adults',
  'leaders',
  'artists',
];

describe('kinds of people', () => {
  it("a noun naming people is expanded at its first question without stemming its kinds' words", () => {
    readyExpansions();
    const stems = vi.mocked(stem);
    stems.mockClear();
    const kinds = PEOPLE.map((noun) => kindTerms(noun));
    expect(kinds.reduce((n, k) => n + k.length, 0)).toBeGreaterThan(300);
    expect(kinds[0]).toContain('employe');
    // At most the nouns' own words; ~390 before the kinds' words were readied.
    expect(stems.mock.calls.length).toBeLessThanOrEqual(PEOPLE.length);
  });
});
