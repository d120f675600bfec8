/**
 * The ends two article lists share are found once per pair: a change asks for them in each of its
 * steps (the new engine, the saved change, the report), and each pass over a million articles
 * costs tens of milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { sameEnds } from '../../src/corpus/diff.ts';
import type { Article } from '../../src/corpus/types.ts';

/** A list that counts how many of its elements were read. */
function counted(list: Article[], reads: { n: number }): Article[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver);
    },
  });
}

const article = (id: string) => ({ id }) as Article;

describe('the ends two article lists share', () => {
  it('are looked for once per pair of lists, then known', () => {
    const kept = Array.from({ length: 1000 }, (_, i) => article(`a${i}`));
    const reads = { n: 0 };
    const before = counted(kept, reads);
    const after = counted([article('new'), ...kept], reads);
    const ends = sameEnds(before, after);
    expect(ends).toEqual({ start: 0, beforeEnd: 0, afterEnd: 1 });
    const first = reads.n;
    expect(first).toBeGreaterThan(1000);
    expect(sameEnds(before, after)).toEqual(ends);
    expect(reads.n).toBe(first);
    // Another pair is looked at anew.
    expect(sameEnds(after, before)).toEqual({ start: 0, beforeEnd: 1, afterEnd: 0 });
    expect(reads.n).toBeGreaterThan(first);
  });
});
