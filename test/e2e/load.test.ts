import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load.ts';

describe('load through the real client (small)', () => {
  it('answers 50 /ask interactions dispatched at once, none lost, all within a second', async () => {
    const result = await runLoad(50, path.join(import.meta.dirname, '..', '..', 'corpus'));
    expect(result.lost).toBe(0);
    expect(result.answered).toBe(50);
    expect(result.firstResponse.p99).toBeLessThan(1000);
  });
});
