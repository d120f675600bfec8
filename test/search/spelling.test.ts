import { describe, expect, it } from 'vitest';
import { closestTerm, forEachEdit } from '../../src/search/spelling.ts';

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
});
