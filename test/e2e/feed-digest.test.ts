/**
 * The daily digest through the fake Discord: one message in the configured channel naming what
 * feeds added and what waits for review in the last day, mentioning no one, sent by exactly one
 * of the processes sharing the store (a lease), once per day.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedDigest } from '../../src/curation/feeds/digest.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { escapeCorpusText } from '../../src/discord/escape.ts';
import { sendDigest } from '../../src/discord/render-digest.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import type { FeedStore } from '../../src/store/feed-store.ts';
import { FolderFeedStore } from '../../src/store/folder-feed-store.ts';
import { CHANNEL_ID, FakeDiscord } from './fake-discord.ts';
import { startTestBot } from './test-bot.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
let work: string;
let fake: FakeDiscord;
let live: LiveEngine;
let bot: RunningBot;
let store: FeedStore;

const draft = (title: string, source: string) => ({
  title,
  source,
  date: '2016-09-14',
  dateApprox: false,
  url: `https://wire.example/${title.length}`,
  event: 'geneva-aug-2016',
  language: 'en',
  text: 'Talks resumed. '.repeat(20),
});

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coverage-digest-'));
  const corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true, filter: (s) => !s.endsWith('.log') });
  store = new FolderFeedStore(corpusDir);
  // A day of feeds: one article added by a feed, one by hand (not listed), one waiting for review.
  await store.audit({
    userId: 'feed',
    userName: 'feed poller',
    action: 'add',
    file: 'glacier.md',
    detail: 'Glacier survey finds the *moraine* moving @everyone',
    feed: 'https://polar.example/rss',
  });
  await store.audit({
    userId: '1',
    userName: 'mod',
    action: 'add',
    file: 'hand.md',
    detail: 'Added by hand',
  });
  await store.enqueue(
    { feedUrl: 'https://valais.example/rss', draft: draft('Frost candles', 'Valais Daily') },
    10,
  );
  fake = new FakeDiscord();
  await fake.start();
  live = await LiveEngine.open(corpusDir);
  bot = await startTestBot(fake, live, {
    digest: { channelId: CHANNEL_ID, at: null, tickMs: 50 },
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await live?.close();
  await rm(work, { recursive: true, force: true });
});

const digests = () => fake.sent.filter((s) => s.kind === 'message' && s.key === CHANNEL_ID);

describe('the daily feed digest', () => {
  it('is one message in the configured channel: what feeds added, what waits, mentioning no one', async () => {
    const sent = await fake.waitFor((s) => s.kind === 'message' && s.key === CHANNEL_ID, 10_000);
    const content = String(sent.body.content);
    expect(content).toContain('Feeds in the last day');
    expect(content).toContain(escapeCorpusText('Glacier survey finds the *moraine* moving @everyone'));
    expect(content).toContain('`https://polar.example/rss`');
    expect(content).not.toContain('Added by hand');
    expect(content).toContain('Waiting for `/corpus review` (1)');
    expect(content).toContain('Frost candles — Valais Daily');
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    await new Promise((r) => setTimeout(r, 300));
    expect(digests()).toHaveLength(1);
  });

  it('is sent by exactly one of two processes a day later, and not again that day', async () => {
    const later = new Date(Date.now() + 25 * 3_600_000);
    const runner = () =>
      new FeedDigest(
        store,
        (n) => live.store.history(n),
        (digest) => sendDigest(bot.client, CHANNEL_ID, digest),
        { at: null, tickMs: 60_000 },
        createLogger('error'),
      );
    const [a, b] = await Promise.all([runner().sendIfDue(later), runner().sendIfDue(later)]);
    expect([a, b].sort()).toEqual(['not-due', 'sent']);
    expect(await runner().sendIfDue(later)).toBe('not-due');
    expect(digests()).toHaveLength(2);
  });
});
