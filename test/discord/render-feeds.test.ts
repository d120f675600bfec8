/** `/corpus feed list`: each feed's health as a moderator reads it. */
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../src/discord/embed-fit.ts';
import { escapeCorpusText } from '../../src/discord/escape.ts';
import { renderFeedList } from '../../src/discord/render-feeds.ts';
import { newFeedRecord } from '../../src/store/feed-store.ts';

const feed = newFeedRecord({
  url: 'https://gazette.example/rss',
  event: 'geneva-aug-2016',
  mode: 'auto',
  intervalSeconds: 600,
  addedBy: 'mod',
});

describe('the feed list', () => {
  it('shows the items refused one by one, and the last one’s address and reason as text', () => {
    const reason = 'https://gazette.example/*live*: No article was found in it.';
    const refusing = {
      ...feed,
      health: { ...feed.health, itemsAdded: 4, itemsRefused: 2, lastRefusal: reason },
    };
    const text = renderFeedList([refusing], 0).embeds[0]?.description ?? '';
    expect(text).toContain(`4 items brought · 2 refused, last: ${escapeCorpusText(reason)} · no error`);
  });

  it('says nothing of refusals when none was refused, and stays within Discord’s limits with a long reason', () => {
    expect(renderFeedList([feed], 0).embeds[0]?.description).not.toContain('refused');
    const long = { ...feed, health: { ...feed.health, itemsRefused: 1, lastRefusal: 'x'.repeat(5000) } };
    const embed = renderFeedList([long], 0).embeds[0];
    expect(embed && embedLength(embed)).toBeLessThan(1000);
  });
});
