import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDraft } from '../../src/curation/draft.ts';
import { PENDING_TTL_MS, PendingAdds, PendingLimitError } from '../../src/discord/pending-adds.ts';

const draft = { title: 'A preview' } as ArticleDraft;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('previews awaiting Confirm', () => {
  it('are swept once expired, on a timer, with no new preview needed; stop() ends the timer', () => {
    const pending = new PendingAdds();
    pending.startSweeping(60_000);
    pending.put(draft, 'a');
    pending.put(draft, 'b');
    expect(pending.size).toBe(2);
    vi.advanceTimersByTime(PENDING_TTL_MS + 60_000);
    expect(pending.size).toBe(0);
    pending.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('are capped per member and in all, with a sentence saying what to do', () => {
    const pending = new PendingAdds({ perMember: 2, total: 3 });
    const first = pending.put(draft, 'a');
    pending.put(draft, 'a');
    expect(() => pending.put(draft, 'a')).toThrow(PendingLimitError);
    expect(pending.room('a')).toBe(
      'You have 2 previews awaiting Confirm; confirm or cancel one (or let it expire after 15 minutes) before adding another.',
    );
    expect(pending.room('b')).toBeNull();
    pending.put(draft, 'b');
    expect(pending.room('c')).toBe(
      'The bot holds too many previews awaiting Confirm right now; please try again in a few minutes.',
    );
    // Confirming or cancelling one makes room again.
    expect(pending.take(first, 'a')).toBe(draft);
    expect(pending.room('a')).toBeNull();
    expect(pending.room('c')).toBeNull();
  });
});
