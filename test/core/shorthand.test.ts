import { describe, expect, it } from 'vitest';
import { readShorthand } from '../../src/question/shorthand.ts';

describe('chat shorthand in a question', () => {
  it('is read as the words it stands for, and says what was read', () => {
    expect(readShorthand('wat did ppl say abt the truce')).toEqual({
      text: 'what did people say about the truce',
      readings: [
        { typed: 'wat', read: 'what' },
        { typed: 'ppl', read: 'people' },
        { typed: 'abt', read: 'about' },
      ],
    });
    expect(readShorthand('whos the un envoy').text).toBe("who's the un envoy");
    expect(readShorthand('why didnt the talks work').text).toBe("why didn't the talks work");
    expect(readShorthand('will they share intel').text).toBe('will they share intelligence');
  });

  it('reads "the us" as the country and leaves the pronoun', () => {
    expect(readShorthand('did the us and russia agree').text).toBe('did the US and russia agree');
    expect(readShorthand('what did the us-backed rebels do').text).toBe('what did the US-backed rebels do');
    expect(readShorthand('can you tell us about aleppo').text).toBe('can you tell us about aleppo');
  });

  it('leaves words in capitals, parts of longer words, addresses and acronyms as typed', () => {
    for (const q of [
      'Did U Thant say it?',
      'the u-turn of r.j. smith',
      'see www.state.gov',
      'R&D spending',
      'who said "u r the problem"',
      'who said “r u sure”',
    ])
      expect(readShorthand(q)).toEqual({ text: q, readings: [] });
  });
});
