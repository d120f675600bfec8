import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfCorpus, runCli, tempDir } from './helpers.ts';

const TOPICS = ['harbour', 'convoy', 'envoy', 'ceasefire', 'delegation', 'monitor', 'corridor', 'summit'];

/** Article `n`; without its outlet and date in the page when `bare`. */
function page(n: number, bare = false): string {
  const paragraphs = [0, 1, 2, 3]
    .map(
      (p) =>
        `<p>Dispatch ${n}, part ${p}: the ${TOPICS[(n + p) % TOPICS.length]} negotiations went on through day ${n * 10 + p}, delegates said, as envoys met again to settle point ${p} of a draft that has changed ${n + p} times.</p>`,
    )
    .join('\n');
  const meta = bare
    ? ''
    : `<meta property="og:site_name" content="Page Outlet"><meta property="article:published_time" content="2016-08-1${n % 10}T10:00:00Z">`;
  return `<!doctype html><html lang="en"><head><title>Dispatch ${n}</title>${meta}</head>
<body><article><h1>Dispatch ${n}</h1>${paragraphs}</article></body></html>`;
}

const entry = (n: number) =>
  `<entry><title>Dispatch ${n}</title><link href="/a/${n}"/><published>2016-08-2${n}T09:00:00Z</published></entry>`;
const atom = (entries: number[], links: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title>${links}${entries.map(entry).join('')}</feed>`;
const rssItem = (n: number) =>
  `<item><title>Dispatch ${n}</title><link>/a/${n}</link><pubDate>Sun, 2${n} Aug 2016 09:00:00 GMT</pubDate></item>`;
const rss = (items: number[], next: string | null) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Paged Post</title><link>/</link>${next === null ? '' : `<atom:link rel="next" href="${next}"/>`}${items.map(rssItem).join('')}</channel></rss>`;

/** The feeds the server answers, by path. */
const FEEDS: Record<string, string> = {
  // An archived feed (RFC 5005 §4): the current page, then two archive pages.
  '/feed.atom': atom(
    [5, 4],
    '<link rel="self" href="/feed.atom"/><link rel="prev-archive" href="/archive/2.atom"/>',
  ),
  '/archive/2.atom': atom(
    [3, 4],
    '<link rel="current" href="/feed.atom"/><link rel="prev-archive" href="/archive/1.atom"/>',
  ),
  '/archive/1.atom': atom(
    [1, 2],
    '<link rel="current" href="/feed.atom"/><link rel="next-archive" href="/archive/2.atom"/>',
  ),
  // A paged RSS feed (RFC 5005 §3) whose second page is gone.
  '/paged.rss': rss([7, 6], '/paged.rss?page=2'),
  '/paged.rss?page=2': rss([8], '/paged.rss?page=3'),
  // Pages that link back to each other.
  '/loop.atom': atom([1], '<link rel="next" href="/loop2.atom"/>'),
  '/loop2.atom': atom([2], '<link rel="next" href="/loop.atom"/>'),
};

let server: Server;
let base: string;
const fetched: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    fetched.push(url);
    const feed = FEEDS[url];
    const n = /^\/a\/(\d+)$/.exec(url)?.[1];
    if (feed !== undefined) res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(feed);
    else if (n !== undefined)
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(n), Number(n) === 3));
    else if (url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end(page(9));
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server?.close());

const env = { FETCH_ALLOWED_HOSTS: '127.0.0.1', FETCH_TIMEOUT_SECONDS: '5' };
const EVENT = 'geneva-aug-2016';

describe('corpus add-feed-archive: a feed and its archive imported into an event', () => {
  it('imports every item of the feed and its archive pages once, fills outlet and date from the feed, and a second run adds nothing', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const before = new Set(await readdir(corpus.dir));
      const args = [
        'corpus',
        'add-feed-archive',
        `${base}/feed.atom`,
        '--event',
        EVENT,
        '--corpus',
        corpus.dir,
      ];
      const first = await runCli(args, work.dir, env);
      expect(first.stderr).toContain('add-feed-archive: 3 feed pages read, 5 items');
      expect(first.stdout).toContain(
        'Added 5, skipped 0 as duplicates (0 already in), refused 0 — of 5 addresses.',
      );
      expect(first.stdout).toContain('Feed pages read: 3 (the whole archive).');
      expect(first.stderr).toMatch(/add-feed-archive: 5\/5 \(5 added, 0 duplicates, 0 refused\)/);
      expect(first.stderr).toContain('add-feed-archive: index built once for the new corpus');
      expect(first.code).toBe(0);
      const added = (await readdir(corpus.dir)).filter((f) => !before.has(f) && f.endsWith('.md')).sort();
      expect(added).toEqual([
        '2016-08-11-page-outlet-dispatch-1.md',
        '2016-08-12-page-outlet-dispatch-2.md',
        '2016-08-14-page-outlet-dispatch-4.md',
        '2016-08-15-page-outlet-dispatch-5.md',
        // The page says neither outlet nor date: the feed's are used.
        '2016-08-23-harbour-wire-dispatch-3.md',
      ]);
      const third = await readFile(path.join(corpus.dir, '2016-08-23-harbour-wire-dispatch-3.md'), 'utf8');
      expect(third).toContain('source: "Harbour Wire"');
      expect(third).toContain('date: "2016-08-23"');
      const audit = await readFile(path.join(corpus.dir, 'audit.log'), 'utf8');
      expect(audit.match(/"userName":"corpus add-feed-archive"/g)).toHaveLength(5);

      fetched.length = 0;
      const second = await runCli(args, work.dir, env);
      expect(second.stdout).toContain(
        'Added 0, skipped 5 as duplicates (5 already in), refused 0 — of 5 addresses.',
      );
      expect(fetched.filter((u) => u.startsWith('/a/'))).toEqual([]);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);

  it('follows a paged feed’s next links, imports what it read when a page is missing, and says why it stopped', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const run = await runCli(
        ['corpus', 'add-feed-archive', `${base}/paged.rss`, '--event', EVENT, '--corpus', corpus.dir],
        work.dir,
        env,
      );
      expect(run.stdout).toContain(
        'Added 3, skipped 0 as duplicates (0 already in), refused 0 — of 3 addresses.',
      );
      expect(run.stdout).toContain(
        `Feed pages read: 2; The feed at ${base}/paged.rss?page=3 could not be read: The page answered 404 Not Found.`,
      );
      expect(run.code).toBe(1);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);

  it('reads at most IMPORT_FEED_PAGES pages, and stops where pages link back to each other', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const bounded = await runCli(
        ['corpus', 'add-feed-archive', `${base}/feed.atom`, '--event', EVENT, '--corpus', corpus.dir],
        work.dir,
        { ...env, IMPORT_FEED_PAGES: '2' },
      );
      expect(bounded.stdout).toContain(
        'Added 3, skipped 0 as duplicates (0 already in), refused 0 — of 3 addresses.',
      );
      expect(bounded.stdout).toContain(
        `Feed pages read: 2; stopped after 2 feed pages (IMPORT_FEED_PAGES); the next is ${base}/archive/1.atom.`,
      );
      expect(bounded.code).toBe(1);

      const loop = await runCli(
        ['corpus', 'add-feed-archive', `${base}/loop.atom`, '--event', EVENT, '--corpus', corpus.dir],
        work.dir,
        env,
      );
      expect(loop.stdout).toContain(
        `Feed pages read: 2; the feed page ${base}/loop2.atom links back to ${base}/loop.atom, read already.`,
      );
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);

  it('refuses an address that is no feed, and an unknown event before fetching anything, without a stack trace', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const notFeed = await runCli(
        ['corpus', 'add-feed-archive', `${base}/page.html`, '--event', EVENT, '--corpus', corpus.dir],
        work.dir,
        env,
      );
      expect(notFeed.stderr).toMatch(/^error: The feed at .*\/page\.html is not well-formed XML/m);
      expect(notFeed.stderr).not.toMatch(/\n\s+at /);
      expect(notFeed.code).toBe(1);

      fetched.length = 0;
      const unknown = await runCli(
        [
          'corpus',
          'add-feed-archive',
          `${base}/feed.atom`,
          '--event',
          'no-such-event',
          '--corpus',
          corpus.dir,
        ],
        work.dir,
        env,
      );
      expect(unknown.stderr).toContain('error: there is no event `no-such-event`; known events:');
      expect(unknown.code).toBe(1);
      expect(fetched).toEqual([]);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);
});
