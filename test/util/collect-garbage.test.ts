import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/collect-garbage.ts';

describe('collectGarbage', () => {
  it('frees at once what nothing references any more, without --expose-gc', async () => {
    let held: { rows: number[] } | null = { rows: new Array(100_000).fill(1) };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef's target is kept until the end of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
