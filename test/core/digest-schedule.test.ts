/** When the daily feed digest is due. */
import { describe, expect, it } from 'vitest';
import { digestDueSince } from '../../src/curation/feeds/digest-schedule.ts';

describe('the digest schedule', () => {
  it('at a time of day: due since today’s time once it passed, else since yesterday’s', () => {
    const at = { hour: 7, minute: 30 };
    expect(digestDueSince(new Date('2016-09-14T09:00:00Z'), at).toISOString()).toBe(
      '2016-09-14T07:30:00.000Z',
    );
    expect(digestDueSince(new Date('2016-09-14T07:29:00Z'), at).toISOString()).toBe(
      '2016-09-13T07:30:00.000Z',
    );
  });

  it('with no time of day: due a day after the last', () => {
    expect(digestDueSince(new Date('2016-09-14T09:00:00Z'), null).toISOString()).toBe(
      '2016-09-13T09:00:00.000Z',
    );
  });
});
