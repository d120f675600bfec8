import { describe, expect, it } from 'vitest';
import { closestTerm, forEachEdit, nearestSlip } from '../../src/search/spelling.ts';

const known = (terms: Record<string, number>) => (t: string) => terms[t] ?? null;

describe('words one typing slip away', () => {
  it('reaches a letter left out, added, changed, or two neighbours swapped, never the word itself', () => {
    const edits = new Set<string>();
    forEachEdit('lavorv', (c) => {
      edits.add(c);
      return false;
    });
    for (const c of ['lavrov', 'lavor', 'lavorvv', 'lavorb', 'lavoirv']) expect(edits).toContain(c);
    // A letter far from the one meant on the keyboard is not a slip.
    expect(edits).not.toContain('lavorm');
    expect(edits).not.toContain('lavorv');
    // Two slips away is not one.
    expect(edits).not.toContain('lavrovv');
  });

  it('stops as soon as it is told to', () => {
    let seen = 0;
    forEachEdit('terorist', () => ++seen === 3);
    expect(seen).toBe(3);
  });

  it('reads a slip as the most common known term one edit away, or not at all', () => {
    expect(closestTerm('terorist', known({ terrorist: 2.1 }))).toBe('terrorist');
    // "agust": "august" (more common) before "angust".
    expect(closestTerm('agust', known({ august: 1.5, angust: 7 }))).toBe('august');
    expect(closestTerm('pepl', known({ people: 1 }))).toBeNull();
    expect(closestTerm('qwrtyp', known({ terrorist: 2.1 }))).toBeNull();
  });

  it('finds in a small set the word the edits would reach first, as searching them does', () => {
    // A seeded generator: words, their slips and near misses, checked against forEachEdit.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const letters = 'aeiourstlnkpvb';
    const randomWord = (n: number) =>
      Array.from({ length: n }, () => letters[Math.floor(next() * 14)]).join('');
    const slips = (w: string) => {
      const out: string[] = [];
      forEachEdit(w, (c) => {
        out.push(c);
        return false;
      });
      return out;
    };
    for (let trial = 0; trial < 400; trial++) {
      const word = randomWord(2 + Math.floor(next() * 7));
      const own = slips(word);
      const pool = [
        word,
        randomWord(word.length),
        randomWord(word.length + 1),
        ...Array.from({ length: 3 }, () => own[Math.floor(next() * own.length)] as string),
        ...slips(randomWord(word.length)).slice(0, 3),
      ];
      const set = new Set(pool);
      let expected: string | null = null;
      forEachEdit(word, (c) => {
        if (!set.has(c)) return false;
        expected = c;
        return true;
      });
      expect(nearestSlip(word, set), `${word} in ${[...set].join(',')}`).toBe(expected);
    }
    expect(nearestSlip('psot', ['post', 'brics'])).toBe('post');
    expect(nearestSlip('ndvt', ['ndtv'])).toBe('ndtv');
    expect(nearestSlip('post', ['post'])).toBeNull();
  });
});
