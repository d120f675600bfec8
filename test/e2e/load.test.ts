import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load.ts';

// Behaviour only: how fast the answers come depends on the machine, and belongs to `npm run bench`.
describe('load through the real client (small)', () => {
  it('answers 50 /ask interactions dispatched at once, none lost, each whole in its first response', async () => {
    const result = await runLoad(50, path.join(import.meta.dirname, '..', '..', 'corpus'));
    expect(result.lost).toBe(0);
    expect(result.answered).toBe(50);
    expect(result.completeInFirstResponse).toBe(50);
  });
});
