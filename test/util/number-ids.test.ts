import { describe, expect, it } from 'vitest';
import { NumberIds } from '../../src/util/number-ids.ts';

describe('NumberIds', () => {
  it('gives back the id of every key set, up to 2^53, and -1 for keys never set', () => {
    const ids = new NumberIds();
    const keys: number[] = [];
    // Small keys, keys past 2^32 that share their low bits, and keys near 2^53: 5,000 in all.
    for (let i = 0; i < 2000; i++) keys.push(i * 7 + 1);
    for (let i = 0; i < 2000; i++) keys.push(2 ** 32 * (i + 1) + 5);
    for (let i = 0; i < 1000; i++) keys.push(2 ** 53 - 1 - i * 3);
    keys.forEach((key, id) => {
      ids.set(key, id);
    });
    expect(ids.size).toBe(keys.length);
    keys.forEach((key, id) => {
      expect(ids.get(key)).toBe(id);
    });
    for (const absent of [0, 2, 2 ** 32 + 6, 2 ** 33, 2 ** 53 - 2, 37 ** 10])
      expect(ids.get(absent)).toBe(-1);
  });

  it('forgets every key when cleared, and numbers anew', () => {
    const ids = new NumberIds();
    for (let i = 0; i < 3000; i++) ids.set(i * 1_000_003, i);
    ids.clear();
    expect(ids.size).toBe(0);
    expect(ids.get(1_000_003)).toBe(-1);
    ids.set(1_000_003, 0);
    expect(ids.get(1_000_003)).toBe(0);
  });
});
