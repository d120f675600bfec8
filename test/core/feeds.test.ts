import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedError, readFeed } from '../../src/curation/feeds/read-feed.ts';
import type { FetchPolicy } from '../../src/curation/fetch-page.ts';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
  <item><title>Talks resume in Geneva &amp; Vienna</title><link>https://gazette.example/talks</link>
    <pubDate>Fri, 26 Aug 2016 23:30:00 -0400</pubDate></item>
  <item><title><![CDATA[Aid convoy <b>reaches</b> Aleppo]]></title><link>/aid-convoy</link>
    <pubDate>Sat, 27 Aug 2016 08:00:00 GMT</pubDate><source url="https://wire.example/rss">Wire Service</source></item>
  <item><title>No link, skipped</title></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Daily Ledger</title>
  <entry><title type="html">Ceasefire &lt;em&gt;holds&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="https://ledger.example/ceasefire"/>
    <link rel="self" href="https://ledger.example/ceasefire.atom"/>
    <published>2016-09-12T22:15:00-05:00</published><updated>2016-09-13T10:00:00Z</updated></entry>
  <entry><title>Only updated</title><link href="https://ledger.example/updated"/>
    <updated>2016-09-14T10:00:00Z</updated></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Morning Post',
  items: [
    {
      id: '1',
      url: 'https://post.example/a',
      title: 'Envoy meets delegations',
      date_published: '2016-08-25T09:00:00+02:00',
    },
    { id: '2', external_url: 'https://elsewhere.example/b', title: 'Elsewhere', authors: [{ name: 'X' }] },
    { id: '3', content_text: 'no address' },
  ],
});

let server: Server;
let base: string;
const requests: { url: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
  '/atom': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM),
  '/json': (_req, res) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON_FEED),
  '/cached': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Sat, 27 Aug 2016 08:00:00 GMT',
        })
        .end(RSS);
  },
  '/moved': (_req, res) => res.writeHead(301, { location: '/atom' }).end(),
  '/huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<rss version="2.0"><channel><title>Huge</title>');
    for (let i = 0; i < 2000; i++)
      res.write(`<item><title>Item ${i}</title><link>https://huge.example/${i}</link></item>`);
    res.end('</channel></rss>');
  },
  '/broken': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<rss version="2.0"><channel><title>Broken</title>\n<item><title>Half</item></channel></rss>'),
  '/html': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><body><p>Not a feed<br></body></html>'),
  '/sitemap': (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/xml' })
      .end('<urlset><url><loc>https://a.example/</loc></url></urlset>'),
  '/slow': (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS), 2000);
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({
      url: req.url ?? '',
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    });
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server?.close());
beforeEach(() => {
  requests.length = 0;
});

const policy: FetchPolicy = { allowHosts: ['127.0.0.1'], timeoutMs: 1000, maxBytes: 50_000 };

async function feedOf(path: string) {
  const read = await readFeed(`${base}${path}`, {}, policy);
  if (read.notModified) throw new Error('unexpected 304');
  return read;
}

async function failure(path: string, using = policy): Promise<FeedError> {
  const error = await readFeed(`${base}${path}`, {}, using).then(
    () => new Error('read'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('reading a news feed into items', () => {
  it('an RSS 2.0 feed gives each linked item’s address, title, day and outlet', async () => {
    const read = await feedOf('/rss');
    expect(read.feed.title).toBe('Harbour Gazette');
    expect(read.feed.items).toEqual([
      {
        url: 'https://gazette.example/talks',
        title: 'Talks resume in Geneva & Vienna',
        date: '2016-08-26',
        source: 'Harbour Gazette',
      },
      {
        url: `${base}/aid-convoy`,
        title: 'Aid convoy reaches Aleppo',
        date: '2016-08-27',
        source: 'Wire Service',
      },
    ]);
  });

  it('an Atom feed gives the alternate link, the text of an HTML title and the published day', async () => {
    const read = await feedOf('/atom');
    expect(read.feed.items).toEqual([
      {
        url: 'https://ledger.example/ceasefire',
        title: 'Ceasefire holds',
        date: '2016-09-12',
        source: 'Daily Ledger',
      },
      {
        url: 'https://ledger.example/updated',
        title: 'Only updated',
        date: '2016-09-14',
        source: 'Daily Ledger',
      },
    ]);
  });

  it('a JSON Feed gives url (or external_url), title and date_published; items without an address are left out', async () => {
    const read = await feedOf('/json');
    expect(read.feed.items).toEqual([
      {
        url: 'https://post.example/a',
        title: 'Envoy meets delegations',
        date: '2016-08-25',
        source: 'Morning Post',
      },
      { url: 'https://elsewhere.example/b', title: 'Elsewhere', date: null, source: 'Morning Post' },
    ]);
  });

  it('a feed unchanged since its ETag answers 304 and is reported as not modified', async () => {
    const first = await feedOf('/cached');
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Sat, 27 Aug 2016 08:00:00 GMT' });
    const second = await readFeed(`${base}/cached`, first.validators, policy);
    expect(second).toEqual({ notModified: true, movedTo: null });
    expect(requests[1]).toEqual({
      url: '/cached',
      ifNoneMatch: '"v1"',
      ifModifiedSince: 'Sat, 27 Aug 2016 08:00:00 GMT',
    });
  });

  it('a feed that moved (301) is read at its new address, which is reported', async () => {
    const read = await feedOf('/moved');
    expect(read.url).toBe(`${base}/atom`);
    expect(read.feed.items).toHaveLength(2);
  });

  it('a feed over the size limit is refused with the limit named', async () => {
    const error = await failure('/huge');
    expect(error.message).toBe(
      `The feed at ${base}/huge could not be read: It is too large (more than 50 kB).`,
    );
  });

  it('a feed slower than the time limit is refused with the limit named', async () => {
    const error = await failure('/slow');
    expect(error.message).toBe(
      `The feed at ${base}/slow could not be read: It took longer than 1 s to fetch.`,
    );
  });

  it('malformed XML is refused with the line of the fault', async () => {
    const error = await failure('/broken');
    expect(error.message).toMatch(
      new RegExp(`^The feed at ${base}/broken is not well-formed XML \\(line 2: .+\\)\\.$`),
    );
  });

  it('a web page that is no feed is refused as not RSS, Atom or JSON Feed', async () => {
    const error = await failure('/html');
    expect(error.message).toBe(
      `The feed at ${base}/html is a web page, not an RSS, Atom or JSON Feed document.`,
    );
  });

  it('well-formed XML of another kind is refused as not RSS, Atom or JSON Feed', async () => {
    const error = await failure('/sitemap');
    expect(error.message).toBe(`The feed at ${base}/sitemap is not an RSS, Atom or JSON Feed document.`);
  });

  it('a feed on the host’s own network is refused unless its host is allow-listed', async () => {
    const error = await failure('/rss', { ...policy, allowHosts: [] });
    expect(error.message).toContain('does not fetch from private or local networks');
    expect(requests).toEqual([]);
  });
});
