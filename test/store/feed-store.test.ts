/**
 * Feeds, the review queue and "also reported by" behave the same in a corpus folder and in
 * PostgreSQL: a feed followed once, paused and removed; a due feed claimed by one poller at a
 * time until its lease ends; a bounded queue; every feed change in the audit log.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/corpus/load.ts';
import { type FeedStore, FeedStoreError, type QueuedDraft } from '../../src/store/feed-store.ts';
import { FEEDS_FILE, FolderFeedStore } from '../../src/store/folder-feed-store.ts';
import { PgFeedStore } from '../../src/store/pg/pg-feed-store.ts';
import { bothStores } from './both-stores.ts';

const backends = bothStores('feeds');

const stores: Array<[string, () => FeedStore]> = [
  ['a corpus folder', () => new FolderFeedStore(backends.folder)],
  ['PostgreSQL', () => new PgFeedStore(backends.pg.pool)],
];

function draft(url: string): QueuedDraft {
  return {
    title: `Story at ${url}`,
    source: 'Harbour Gazette',
    date: '2016-09-12',
    dateApprox: false,
    url,
    event: 'geneva-aug-2016',
    language: 'en',
    text: 'Talks resumed. '.repeat(20),
  };
}

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe.each(stores)('feeds in %s', (_name, open) => {
  it('follows a feed once, pauses, resumes and removes it, each change in the audit log', async () => {
    const store = open();
    const added = await store.addFeed({
      url: 'https://gazette.example/rss',
      event: 'geneva-aug-2016',
      mode: 'review',
      intervalSeconds: 600,
      addedBy: 'mod',
    });
    expect(added).toMatchObject({ paused: false, seen: [], health: { consecutiveErrors: 0, itemsAdded: 0 } });
    await expect(
      open().addFeed({ url: added.url, event: 'x', mode: 'auto', intervalSeconds: 60, addedBy: 'mod' }),
    ).rejects.toThrow(FeedStoreError);
    expect((await open().setPaused(added.url, true))?.paused).toBe(true);
    expect((await open().feeds()).find((f) => f.url === added.url)?.paused).toBe(true);
    expect((await open().setPaused(added.url, false))?.paused).toBe(false);
    await store.audit({
      userId: '1',
      userName: 'mod',
      action: 'feed-add',
      file: null,
      detail: '',
      feed: added.url,
    });
    expect((await open().removeFeed(added.url))?.url).toBe(added.url);
    expect(await open().removeFeed(added.url)).toBeNull();
    expect((await open().feeds()).map((f) => f.url)).not.toContain(added.url);
  });

  it('lets one poller claim a due feed until its lease ends, and keeps what the poll learned', async () => {
    const url = 'https://ledger.example/atom';
    await open().addFeed({
      url,
      event: 'geneva-aug-2016',
      mode: 'auto',
      intervalSeconds: 60,
      addedBy: 'mod',
    });
    const first = await open().claimDue('poller-a', 60_000);
    expect(first.map((f) => f.url)).toContain(url);
    expect((await open().claimDue('poller-b', 60_000)).map((f) => f.url)).not.toContain(url);
    const finished = await open().finishPoll(url, 'poller-a', {
      etag: '"v2"',
      lastModified: null,
      seen: ['https://ledger.example/a'],
      nextFetchAt: soon(-1),
      health: {
        lastFetchAt: soon(0),
        lastNewItemAt: soon(0),
        lastError: null,
        consecutiveErrors: 0,
        itemsAdded: 1,
        itemsRefused: 0,
        lastRefusal: null,
      },
    });
    expect(finished).toBe(true);
    // Released and due again: the other poller may take it now; the first cannot finish it.
    const second = await open().claimDue('poller-b', 60_000);
    const feed = second.find((f) => f.url === url);
    expect(feed).toMatchObject({
      etag: '"v2"',
      seen: ['https://ledger.example/a'],
      health: { itemsAdded: 1 },
    });
    expect(
      await open().finishPoll(url, 'poller-a', {
        ...(feed as NonNullable<typeof feed>),
        nextFetchAt: soon(60_000),
      }),
    ).toBe(false);
    // A lease that ran out is taken over.
    await open().finishPoll(url, 'poller-b', {
      ...(feed as NonNullable<typeof feed>),
      nextFetchAt: soon(-1),
    });
    expect((await open().claimDue('poller-c', 1)).map((f) => f.url)).toContain(url);
    await new Promise((r) => setTimeout(r, 20));
    expect((await open().claimDue('poller-d', 60_000)).map((f) => f.url)).toContain(url);
    // A paused feed is never due.
    await open().setPaused(url, true);
    await open().finishPoll(url, 'poller-d', {
      ...(feed as NonNullable<typeof feed>),
      nextFetchAt: soon(-1),
    });
    expect((await open().claimDue('poller-e', 60_000)).map((f) => f.url)).not.toContain(url);
    await open().removeFeed(url);
  });

  it('queues articles oldest first, once each, up to the limit, and hands each out once', async () => {
    const store = open();
    const a = await store.enqueue(
      { feedUrl: 'https://f.example/rss', draft: draft('https://f.example/a') },
      2,
    );
    const b = await store.enqueue(
      { feedUrl: 'https://f.example/rss', draft: draft('https://f.example/b') },
      2,
    );
    expect(
      await store.enqueue({ feedUrl: 'https://f.example/rss', draft: draft('https://f.example/a') }, 5),
    ).toBe('queued-already');
    expect(
      await store.enqueue({ feedUrl: 'https://f.example/rss', draft: draft('https://f.example/c') }, 2),
    ).toBe('full');
    if (typeof a === 'string' || typeof b === 'string') throw new Error('not queued');
    expect((await open().queue()).map((q) => q.draft.url)).toEqual([
      'https://f.example/a',
      'https://f.example/b',
    ]);
    expect((await open().setQueuedEvent(a.id, 'aleppo-sep-2016'))?.draft.event).toBe('aleppo-sep-2016');
    expect((await open().dequeue(a.id))?.draft).toMatchObject({
      url: 'https://f.example/a',
      event: 'aleppo-sep-2016',
    });
    expect(await open().dequeue(a.id)).toBeNull();
    await open().dequeue(b.id);
    expect(await open().queue()).toEqual([]);
  });

  it('moves a feed to the address it moved to for good, keeping its health, refusals counted', async () => {
    const url = 'https://moving.example/rss';
    const moved = 'https://moving.example/feed.xml';
    await open().addFeed({
      url,
      event: 'geneva-aug-2016',
      mode: 'auto',
      intervalSeconds: 60,
      addedBy: 'mod',
    });
    expect((await open().claimDue('poller-m', 60_000)).map((f) => f.url)).toContain(url);
    const health = {
      lastFetchAt: soon(0),
      lastNewItemAt: null,
      lastError: null,
      consecutiveErrors: 0,
      itemsAdded: 2,
      itemsRefused: 3,
      lastRefusal: 'https://moving.example/x: It is too large.',
    };
    const result = {
      etag: null,
      lastModified: null,
      seen: ['https://moving.example/a'],
      nextFetchAt: soon(60_000),
    };
    expect(await open().finishPoll(url, 'poller-m', { ...result, health, movedTo: moved })).toBe(true);
    const feeds = await open().feeds();
    expect(feeds.map((f) => f.url)).not.toContain(url);
    expect(feeds.find((f) => f.url === moved)).toMatchObject({
      seen: ['https://moving.example/a'],
      health: { itemsAdded: 2, itemsRefused: 3, lastRefusal: 'https://moving.example/x: It is too large.' },
    });
    await open().removeFeed(moved);
  });

  it('leases the daily digest to one holder at a time, once per period', async () => {
    const dayAgo = soon(-86_400_000);
    const [a, b] = await Promise.all([
      open().claimDigest('digest-a', dayAgo, 60_000),
      open().claimDigest('digest-b', dayAgo, 60_000),
    ]);
    expect([a, b].filter((c) => c !== null)).toEqual([{ lastSentAt: null }]);
    const winner = a === null ? 'digest-b' : 'digest-a';
    expect(await open().finishDigest(winner === 'digest-a' ? 'digest-b' : 'digest-a', soon(0))).toBe(false);
    // Not sent (Discord failed): due again at once, for anyone.
    expect(await open().finishDigest(winner, null)).toBe(true);
    expect(await open().claimDigest('digest-c', dayAgo, 60_000)).toEqual({ lastSentAt: null });
    const sentAt = soon(0);
    expect(await open().finishDigest('digest-c', sentAt)).toBe(true);
    expect(await open().claimDigest('digest-a', dayAgo, 60_000)).toBeNull();
    // A day on, it is due again, and says when it was last sent.
    expect(await open().claimDigest('digest-a', soon(1000), 60_000)).toEqual({ lastSentAt: sentAt });
    expect(await open().finishDigest('digest-a', soon(1000))).toBe(true);
  });

  it('records who else reported an article, once per address', async () => {
    const entry = {
      article: 'geneva/talks.md',
      url: 'https://other.example/talks',
      title: 'Talks',
      source: 'Other Paper',
      date: '2016-08-26',
      feedUrl: 'https://other.example/rss',
    };
    await open().recordAlsoReported(entry);
    await open().recordAlsoReported(entry);
    expect((await open().alsoReported('geneva/talks.md')).map((r) => [r.url, r.source])).toEqual([
      ['https://other.example/talks', 'Other Paper'],
    ]);
    await open().recordAlsoReported({ ...entry, article: 'geneva/other.md', source: 'Third Paper' });
    const of = async (articles: string[] | null) =>
      (await open().alsoReportedOf(articles))
        .filter((r) => r.article.startsWith('geneva/'))
        .map((r) => r.source);
    expect(await of(['geneva/other.md', 'geneva/none.md'])).toEqual(['Third Paper']);
    expect(await of(null)).toEqual(['Other Paper', 'Third Paper']);
  });
});

describe('feeds in a corpus folder, on disk', () => {
  it('live in one JSON file beside audit.log that the corpus never reads as an article', async () => {
    await new FolderFeedStore(backends.folder).addFeed({
      url: 'https://disk.example/rss',
      event: 'geneva-aug-2016',
      mode: 'review',
      intervalSeconds: 600,
      addedBy: 'mod',
    });
    const saved = JSON.parse(await readFile(path.join(backends.folder, FEEDS_FILE), 'utf8'));
    expect(saved.feeds.map((f: { url: string }) => f.url)).toContain('https://disk.example/rss');
    expect(await listArticleFiles(backends.folder)).not.toContain(FEEDS_FILE);
    const audit = await readFile(path.join(backends.folder, 'audit.log'), 'utf8');
    expect(audit).toContain('"feed":"https://gazette.example/rss"');
  });

  it('refuses a damaged feeds.json with a sentence naming the file, and leaves it as it is', async () => {
    const file = path.join(backends.folder, FEEDS_FILE);
    const before = await readFile(file, 'utf8');
    await writeFile(file, '{"feeds": [');
    const store = new FolderFeedStore(backends.folder);
    await expect(store.feeds()).rejects.toThrow(FeedStoreError);
    await expect(store.feeds()).rejects.toThrow(`${file} is not valid JSON`);
    await expect(store.setPaused('https://disk.example/rss', true)).rejects.toThrow(/fix it or move it away/);
    expect(await readFile(file, 'utf8')).toBe('{"feeds": [');
    await writeFile(file, before);
  });
});
