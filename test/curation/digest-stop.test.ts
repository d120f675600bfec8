/**
 * Stopping the digest runner while a digest is being sent: `stop` resolves only once that look
 * has finished with the store, so a bot shutting down leaves no write behind it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedDigest } from '../../src/curation/feeds/digest.ts';
import { createLogger } from '../../src/log.ts';
import type { FeedStore } from '../../src/store/feed-store.ts';
import { FolderFeedStore } from '../../src/store/folder-feed-store.ts';

let work: string | undefined;
afterEach(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('FeedDigest.stop', () => {
  it('waits for a digest being sent to be recorded as sent', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'coverage-digest-stop-'));
    const store = new FolderFeedStore(work);
    await store.enqueue(
      {
        feedUrl: 'https://wire.example/rss',
        draft: {
          title: 'Talks resume',
          source: 'Wire',
          date: '2016-09-14',
          dateApprox: false,
          url: 'https://wire.example/1',
          event: null,
          language: 'en',
          text: 'Talks resumed. '.repeat(20),
        },
      },
      10,
    );
    // The store as the runner sees it, noting when the digest's end is written.
    const written: string[] = [];
    const watched: FeedStore = Object.create(store);
    watched.finishDigest = async (holder, sentAt) => {
      const done = await store.finishDigest(holder, sentAt);
      written.push(sentAt === null ? 'failed' : 'sent');
      return done;
    };
    let sending: () => void = () => undefined;
    const sendStarted = new Promise<void>((started) => {
      sending = started;
    });
    const digest = new FeedDigest(
      watched,
      async () => [],
      async () => {
        sending();
        await new Promise((r) => setTimeout(r, 200));
      },
      { at: null, tickMs: 60_000 },
      createLogger('error'),
    );
    digest.start();
    await sendStarted;
    await digest.stop();
    expect(written).toEqual(['sent']);
    // Recorded as sent: a second runner finds it not due.
    const other = new FeedDigest(
      store,
      async () => [],
      async () => undefined,
      { at: null, tickMs: 60_000 },
      createLogger('error'),
    );
    expect(await other.sendIfDue()).toBe('not-due');
  });
});
