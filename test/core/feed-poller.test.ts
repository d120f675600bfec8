/**
 * The feed poller against a local feed server on 127.0.0.1: RSS and Atom feeds polled on their
 * schedule, 304 costing nothing, a malformed, slow or huge feed reported in its own health only,
 * a moved feed followed, a duplicate recorded as "also reported by", auto and review modes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Curator } from '../../src/curation/curator.ts';
import { FeedPoller } from '../../src/curation/feeds/poller.ts';
import { FEED_BACKOFF_MAX_MS, nextFetchDelayMs } from '../../src/curation/feeds/schedule.ts';
import type { FetchPolicy } from '../../src/curation/fetch-page.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import type { FeedStore } from '../../src/store/feed-store.ts';
import { FEEDS_FILE, FolderFeedStore } from '../../src/store/folder-feed-store.ts';
import { copyOfCorpus } from './helpers.ts';

describe('when a feed is fetched next', () => {
  it('waits its interval, moved by at most a tenth either way', () => {
    expect(nextFetchDelayMs(60_000, 0, () => 0.5)).toBe(60_000);
    expect(nextFetchDelayMs(60_000, 0, () => 0)).toBe(54_000);
    expect(nextFetchDelayMs(60_000, 0, () => 0.999_999)).toBe(66_000);
  });

  it('doubles the wait after each failure in a row, up to a cap', () => {
    expect([1, 2, 3].map((n) => nextFetchDelayMs(60_000, n, () => 0.5))).toEqual([120_000, 240_000, 480_000]);
    expect(nextFetchDelayMs(60_000, 40, () => 0.5)).toBe(FEED_BACKOFF_MAX_MS);
    // A feed polled daily is never polled more often for failing.
    expect(nextFetchDelayMs(86_400_000, 3, () => 0.5)).toBe(86_400_000);
  });
});

const TOPICS: Record<string, string[]> = {
  'harbour-cranes': ['dockworkers', 'cranes', 'Rotterdam', 'container', 'strike', 'overtime'],
  'glacier-survey': ['glaciologists', 'moraine', 'Svalbard', 'meltwater', 'survey', 'crevasse'],
  'orchard-frost': ['growers', 'blossom', 'Valais', 'apricot', 'frost', 'candles'],
  'tram-tunnel': ['engineers', 'boring', 'Lyon', 'tramway', 'tunnel', 'bedrock'],
  'violin-auction': ['collectors', 'varnish', 'Cremona', 'violin', 'auction', 'bidding'],
  'bridge-repair': ['welders', 'rivets', 'Porto', 'bridge', 'closure', 'girders'],
  'bee-census': ['beekeepers', 'hives', 'Slovenia', 'queen', 'census', 'pollen'],
  'ferry-timetable': ['sailors', 'moorings', 'Oban', 'ferry', 'timetable', 'gales'],
};

/** A news page on `topic`: with its own title, outlet and date, or (bare) with none of them. */
function page(topic: string, bare = false): string {
  const [who, what, where, thing, event, detail] = TOPICS[topic] ?? [];
  const body = [1, 2, 3, 4]
    .map(
      (i) =>
        `<p>Paragraph ${i}: ${who} in ${where} said the ${thing} ${event} had changed how ${what} and ${detail} were handled, and that week ${i} would show whether the ${thing} plans held.</p>`,
    )
    .join('');
  const head = bare
    ? ''
    : `<title>${where} ${thing} ${event}</title><meta property="og:site_name" content="Page Outlet"><meta property="article:published_time" content="2016-09-01T08:00:00Z">`;
  return `<html lang="en"><head>${head}</head><body><article>${bare ? '' : `<h1>${where} ${thing} ${event}</h1>`}${body}</article></body></html>`;
}

let server: Server;
let base: string;
const hits: Record<string, number> = {};
let duplicateHtml = '';
const rssItems: string[] = [];
let slowPageAsked: () => void = () => undefined;
/** An article already in, its outlet, and a tracked link to it, for the canonical-address tests. */
let canonicalTarget = '';
let canonicalOutlet = '';
let tracked = '';

/** A page of `outlet` on `topic` whose canonical link names `canonical`. */
function canonicalPage(topic: string, outlet: string, canonical: string): string {
  return page(topic)
    .replace('Page Outlet', outlet)
    .replace('<head>', `<head><link href="${canonical}" rel="canonical">`);
}

function rss(title: string, items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
}

function item(path: string, title: string, date = 'Mon, 12 Sep 2016 10:00:00 GMT'): string {
  return `<item><title>${title}</title><link>${base}${path}</link><pubDate>${date}</pubDate></item>`;
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/rss': (req, res) => {
    const body = rss('Harbour Gazette', rssItems);
    const etag = `"${rssItems.length}"`;
    if (req.headers['if-none-match'] === etag) res.writeHead(304).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  },
  '/atom': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/atom+xml' })
      .end(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Daily Ledger</title><entry><title>Tram tunnel</title><link href="${base}/story/tram-tunnel"/><published>2016-09-13T10:00:00Z</published></entry></feed>`,
      ),
  '/moved': (_req, res) => res.writeHead(301, { location: '/atom' }).end(),
  '/perm-301': (_req, res) => res.writeHead(301, { location: '/atom-a' }).end(),
  '/perm-308': (_req, res) => res.writeHead(308, { location: '/atom-b' }).end(),
  '/temp-302': (_req, res) => res.writeHead(302, { location: '/atom-c' }).end(),
  '/temp-307': (_req, res) => res.writeHead(307, { location: '/atom-d' }).end(),
  '/refusing-feed': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss('Refusals', [item('/story/too-short', 'Short'), item('/story/missing', 'Gone')])),
  '/story/too-short': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Two words.</p></body></html>'),
  '/broken': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<rss><channel><item><title>Half</item>'),
  '/slow': (_req, res) => {
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Slow', [])),
      3000,
    );
  },
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(
      rss(
        'Huge',
        Array.from({ length: 3000 }, (_, i) => item(`/huge/${i}`, `Item ${i}`)),
      ),
    );
  },
  '/dup-feed': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss('Copy Desk', [item('/story/copy', 'A copy')])),
  '/many': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        rss('Many', [
          item('/story/bridge-repair', 'Bridge'),
          item('/story/bee-census', 'Bees'),
          item('/story/ferry-timetable', 'Ferry'),
        ]),
      ),
  '/slow-items': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        rss('Slow items', [
          item('/slow-story/bridge-repair', 'Bridge'),
          item('/slow-story/bee-census', 'Bees'),
          item('/slow-story/ferry-timetable', 'Ferry'),
        ]),
      ),
  '/tracked-feed': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        rss('Wire Mirror', [
          `<item><title>Mirrored</title><link>${tracked.replace(/&/g, '&amp;')}</link></item>`,
        ]),
      ),
  '/canon-feed': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(rss('Canon', [item('/story/canon-copy', 'Syndicated'), item('/story/canon-amp', 'AMP')])),
  '/same-outlet-feed': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        rss(canonicalOutlet, [
          `<item><title>Own</title><link>${canonicalTarget}?utm_medium=rss</link></item>`,
        ]),
      ),
  '/story/canon-copy': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(canonicalPage('violin-auction', 'Syndicator Daily', canonicalTarget)),
  '/story/canon-amp': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(canonicalPage('bee-census', canonicalOutlet, canonicalTarget)),
  '/story/copy': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(duplicateHtml),
};

let folder: { dir: string; remove: () => Promise<void> };
let live: LiveEngine;
let store: FeedStore;
let poller: FeedPoller;
const policy: FetchPolicy = { allowHosts: ['127.0.0.1'], timeoutMs: 1000, maxBytes: 60_000 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    hits[url] = (hits[url] ?? 0) + 1;
    const story = /^\/story\/(bare-)?([a-z-]+)$/.exec(url);
    const slow = /^\/slow-story\/([a-z-]+)$/.exec(url)?.[1];
    if (routes[url]) routes[url](req, res);
    else if (/^\/atom-[a-d]$/.test(url)) (routes['/atom'] as NonNullable<(typeof routes)[string]>)(req, res);
    else if (slow) {
      slowPageAsked();
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page(slow)), 300);
    } else if (story?.[2] && TOPICS[story[2]])
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(story[2], story[1] !== undefined));
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folder = await copyOfCorpus();
  live = await LiveEngine.open(folder.dir);
  const original = live.engine.corpus.articles.find((a) => a.path.endsWith('.md') && a.text.length > 1500);
  duplicateHtml = `<html><head><title>Copied</title></head><body><article><h1>Copied</h1>${(
    original?.text ?? ''
  )
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  store = new FolderFeedStore(folder.dir);
  // Only the date is faked: "an hour later" without waiting an hour; timers and time limits run.
  vi.useFakeTimers({ toFake: ['Date'] });
  poller = new FeedPoller(store, live, new Curator(live), policy, createLogger('error'), {
    tickMs: 50,
    itemsPerPoll: 20,
    queueMax: 3,
  });
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await poller?.stop();
  server?.close();
  await live?.close();
  await folder?.remove();
});

async function follow(path: string, mode: 'auto' | 'review') {
  await store.addFeed({
    url: `${base}${path}`,
    event: 'geneva-aug-2016',
    mode,
    intervalSeconds: 1,
    addedBy: 'mod',
  });
}

async function feed(path: string) {
  return (await store.feeds()).find((f) => f.url === `${base}${path}`);
}

/** Moves the clock an hour on (every feed is due again, even backed off) and polls once. */
async function pollNow() {
  vi.setSystemTime(Date.now() + 3_600_000);
  return poller.pollDue();
}

describe('the feed poller', () => {
  it('adds an RSS feed’s new items in auto mode, with the item’s title, outlet and date where the page has none', async () => {
    rssItems.push(
      item('/story/harbour-cranes', 'Cranes idle'),
      item('/story/bare-glacier-survey', 'Glacier survey ends'),
    );
    await follow('/rss', 'auto');
    const [report] = await poller.pollDue();
    expect(report).toMatchObject({ outcome: 'read', added: 2, refused: 0 });
    const added = live.engine.corpus.articles.find((a) => a.url === `${base}/story/bare-glacier-survey`);
    expect(added).toMatchObject({
      title: 'Glacier survey ends',
      source: 'Harbour Gazette',
      date: '2016-09-12',
    });
    const withOwn = live.engine.corpus.articles.find((a) => a.url === `${base}/story/harbour-cranes`);
    expect(withOwn).toMatchObject({ source: 'Page Outlet', date: '2016-09-01' });
    expect(
      live.engine.ask('What did the glaciologists say about the moraine on Svalbard?').results[0]?.docId,
    ).toBe(added?.id);
    const history = await new Curator(live).history(5);
    expect(history.filter((e) => e.action === 'add').map((e) => [e.userName, e.feed])).toEqual([
      ['feed poller', `${base}/rss`],
      ['feed poller', `${base}/rss`],
    ]);
    expect((await feed('/rss'))?.health).toMatchObject({
      itemsAdded: 2,
      consecutiveErrors: 0,
      lastError: null,
    });
  });

  it('answers an unchanged feed with 304 and fetches no page again; a new item is the only one read', async () => {
    const pages = hits['/story/harbour-cranes'];
    expect((await pollNow()).find((r) => r.url === `${base}/rss`)?.outcome).toBe('not-modified');
    rssItems.push(item('/story/orchard-frost', 'Frost in the orchards'));
    const report = (await pollNow()).find((r) => r.url === `${base}/rss`);
    expect(report).toMatchObject({ outcome: 'read', added: 1 });
    expect(hits['/story/harbour-cranes']).toBe(pages);
    expect(hits['/story/orchard-frost']).toBe(1);
  });

  it('queues a review feed’s items (bounded), and follows a feed that moved (301)', async () => {
    await follow('/moved', 'review');
    const report = (await pollNow()).find((r) => r.url === `${base}/moved`);
    expect(report).toMatchObject({ outcome: 'read', queued: 1, added: 0 });
    const queue = await store.queue();
    expect(queue.map((q) => [q.feedUrl, q.draft.url, q.draft.title])).toEqual([
      [`${base}/moved`, `${base}/story/tram-tunnel`, 'Lyon tramway tunnel'],
    ]);
    expect(live.engine.corpus.articles.some((a) => a.url === `${base}/story/tram-tunnel`)).toBe(false);
    // Room for two more (the queue holds three): the third item waits in its feed, unseen.
    await follow('/many', 'review');
    expect((await pollNow()).find((r) => r.url === `${base}/many`)).toMatchObject({ queued: 2 });
    expect((await store.queue()).length).toBe(3);
    expect((await feed('/many'))?.seen).toEqual([`${base}/story/bridge-repair`, `${base}/story/bee-census`]);
    await store.removeFeed(`${base}/many`);
  });

  it('records a page that copies an article already in as "also reported by", not as a second article', async () => {
    const before = live.engine.corpus.articles.length;
    await follow('/dup-feed', 'auto');
    const report = (await pollNow()).find((r) => r.url === `${base}/dup-feed`);
    expect(report).toMatchObject({ outcome: 'read', added: 0, alsoReported: 1 });
    expect(live.engine.corpus.articles.length).toBe(before);
    const original = live.engine.corpus.articles.find((a) => duplicateHtml.includes(a.text.slice(0, 80)));
    expect((await store.alsoReported(original?.path ?? '')).map((r) => r.url)).toEqual([
      `${base}/story/copy`,
    ]);
    const history = await new Curator(live).history(1);
    expect(history[0]).toMatchObject({
      action: 'also-reported',
      file: original?.path,
      feed: `${base}/dup-feed`,
    });
  });

  it('reports a malformed, a slow and a huge feed in their own health, backing off, and polls the others', async () => {
    await follow('/broken', 'auto');
    await follow('/slow', 'auto');
    await follow('/huge', 'auto');
    rssItems.push(item('/story/violin-auction', 'Violin sold'));
    const reports = await pollNow();
    const byPath = (p: string) => reports.find((r) => r.url === `${base}${p}`);
    expect(byPath('/broken')).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('not well-formed'),
    });
    expect(byPath('/slow')).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('longer than 1 s'),
    });
    expect(byPath('/huge')).toMatchObject({ outcome: 'failed', error: expect.stringContaining('too large') });
    expect(byPath('/rss')).toMatchObject({ outcome: 'read', added: 1 });
    const broken = await feed('/broken');
    expect(broken?.health).toMatchObject({
      consecutiveErrors: 1,
      lastError: expect.stringContaining('not well-formed'),
    });
    // Backed off: twice the one-second interval, give or take the jitter.
    const wait = Date.parse(broken?.nextFetchAt ?? '') - Date.parse(broken?.health.lastFetchAt ?? '');
    expect(wait).toBeGreaterThan(1700);
    expect((await feed('/rss'))?.health.lastError).toBeNull();
  });

  it('polls on its own timer once started: a new item is in within the interval', async () => {
    await store.removeFeed(`${base}/slow`);
    rssItems.push(item('/story/bare-harbour-cranes', 'Cranes again'));
    const polled = new Promise<void>((resolve) =>
      poller.onPolled((r) => {
        if (r.url === `${base}/rss` && r.outcome === 'read') resolve();
      }),
    );
    vi.setSystemTime(Date.now() + 3_600_000);
    poller.start();
    await polled;
    await poller.stop();
    expect((await feed('/rss'))?.seen).toContain(`${base}/story/bare-harbour-cranes`);
  });

  it('stops after the item it is reading: the items left stay unseen, for the next poll', async () => {
    for (const f of await store.feeds()) await store.removeFeed(f.url);
    await follow('/slow-items', 'review');
    const asked = new Promise<void>((resolve) => {
      slowPageAsked = resolve;
    });
    const own = new FeedPoller(store, live, new Curator(live), policy, createLogger('error'), {
      tickMs: 60_000,
      itemsPerPoll: 20,
      queueMax: 50,
    });
    vi.setSystemTime(Date.now() + 3_600_000);
    const polling = own.pollDue();
    await asked;
    await own.stop();
    expect((await polling).map((r) => r.queued)).toEqual([1]);
    expect(hits['/slow-story/bee-census']).toBeUndefined();
    expect((await feed('/slow-items'))?.seen).toEqual([`${base}/slow-story/bridge-repair`]);
  });
});

describe('the feed poller, on items that are pages already in', () => {
  const own = () =>
    new FeedPoller(store, live, new Curator(live), policy, createLogger('error'), {
      tickMs: 60_000,
      itemsPerPoll: 20,
      queueMax: 50,
    });

  async function only(path: string, mode: 'auto' | 'review') {
    for (const f of await store.feeds()) await store.removeFeed(f.url);
    await follow(path, mode);
  }

  function pollNow() {
    vi.setSystemTime(Date.now() + 3_600_000);
    return own().pollDue();
  }

  it('records another outlet at a known address (tracking parameters, fragment, canonical link) as also reported, and skips the same outlet', async () => {
    const original = live.engine.corpus.articles.find(
      (a) => a.url !== null && a.source !== null && !a.url.includes('?'),
    );
    if (!original?.url || !original.source) throw new Error('the corpus has an article with an address');
    canonicalTarget = original.url;
    canonicalOutlet = original.source;
    const before = live.engine.corpus.articles.length;
    const sources = () => store.alsoReported(original.path).then((r) => r.map((e) => [e.source, e.url]));
    const already = await sources();
    // Another outlet's feed links the article itself, with tracking parameters and a fragment.
    tracked = `${original.url}${original.url.endsWith('/') ? '' : '/'}?utm_source=feed&fbclid=x1#comments`;
    await only('/tracked-feed', 'auto');
    expect((await pollNow())[0]).toMatchObject({ outcome: 'read', alsoReported: 1, refused: 0, added: 0 });
    // A syndicating outlet's page names the article as its canonical page; the outlet's own AMP page too.
    await only('/canon-feed', 'auto');
    expect((await pollNow())[0]).toMatchObject({ outcome: 'read', alsoReported: 1, refused: 0, added: 0 });
    expect(hits['/story/canon-amp']).toBe(1);
    expect(live.engine.corpus.articles.length).toBe(before);
    expect(await sources()).toEqual([
      ...already,
      ['Wire Mirror', tracked],
      ['Syndicator Daily', `${base}/story/canon-copy`],
    ]);
    // The same outlet's feed linking the article: skipped silently, not recorded.
    await only('/same-outlet-feed', 'auto');
    expect((await pollNow())[0]).toMatchObject({ outcome: 'read', alsoReported: 0, refused: 0, added: 0 });
    expect((await sources()).length).toBe(already.length + 2);
  });

  it('follows a feed that moved for good (301, 308) at its new address, said in the history; not one moved for now (302, 307)', async () => {
    await only('/perm-301', 'review');
    for (const path of ['/perm-308', '/temp-302', '/temp-307']) await follow(path, 'review');
    const reports = await pollNow();
    expect(reports.map((r) => r.outcome)).toEqual(['read', 'read', 'read', 'read']);
    expect((await store.feeds()).map((f) => f.url)).toEqual(
      ['/atom-a', '/atom-b', '/temp-302', '/temp-307'].map((p) => `${base}${p}`),
    );
    const history = await new Curator(live).history(10);
    const moves = history.filter((e) => e.action === 'feed-move' && e.detail.includes('/perm-'));
    expect(moves.map((e) => [e.feed, e.detail])).toEqual([
      [`${base}/atom-b`, `moved permanently (308) from ${base}/perm-308`],
      [`${base}/atom-a`, `moved permanently (301) from ${base}/perm-301`],
    ]);
    // Polled at its new address from now on.
    const before = hits['/perm-301'];
    await pollNow();
    expect(hits['/perm-301']).toBe(before);
    expect(hits['/atom-a']).toBe(2);
  });

  it('counts the items refused one by one in the feed’s health, with the last one’s reason', async () => {
    await only('/refusing-feed', 'auto');
    expect((await pollNow())[0]).toMatchObject({ outcome: 'read', refused: 2 });
    const health = (await feed('/refusing-feed'))?.health;
    expect(health).toMatchObject({ itemsRefused: 2, itemsAdded: 0, lastError: null });
    expect(health?.lastRefusal).toBe(`${base}/story/missing: The page answered 404 Not Found.`);
  });
});

describe('the feed poller, on a damaged feeds.json', () => {
  it('warns once while the file stays as it is, again once it changes, and again after it was mended and broke', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'feeds-damaged-'));
    const file = path.join(dir, FEEDS_FILE);
    const warnings: string[] = [];
    const logger = { ...createLogger('error'), warn: (message: string) => warnings.push(message) };
    const own = new FeedPoller(new FolderFeedStore(dir), live, new Curator(live), policy, logger, {
      tickMs: 10,
      itemsPerPoll: 20,
      queueMax: 50,
    });
    const rounds = async (n: number) => {
      for (let i = 0; i < n; i++) await own.pollDue();
    };
    try {
      await writeFile(file, '{"feeds": [');
      await rounds(5);
      expect(warnings.length).toBe(1);
      await writeFile(file, '{"feeds": [}');
      await rounds(5);
      expect(warnings.length).toBe(2);
      await writeFile(file, '{"feeds": []}');
      await rounds(2);
      await writeFile(file, '{"feeds": [}');
      await rounds(5);
      expect(warnings.length).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
