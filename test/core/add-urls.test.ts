import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreIndex } from '../../src/live/open-engine.ts';
import { FolderStore } from '../../src/store/folder-store.ts';
import { copyOfCorpus, runCli, tempDir } from './helpers.ts';

const WORDS = ['harbour', 'convoy', 'envoy', 'ceasefire', 'delegation', 'monitor', 'corridor', 'summit'];

/** A page a reader would keep: a headline, an outlet, a date and several paragraphs of its own. */
function page(n: number, topic: string): string {
  const paragraphs = [0, 1, 2, 3]
    .map(
      (p) =>
        `<p>Report ${n}, paragraph ${p}: the ${topic} ${WORDS[(n + p) % WORDS.length]} talks continued on day ${n * 10 + p}, officials said, as negotiators from ${topic} capitals met again to discuss item ${p} of the agenda in detail.</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>${topic} report ${n}</title>
<meta property="og:site_name" content="Loopback Times">
<meta property="article:published_time" content="2016-08-2${n % 10}T10:00:00Z"></head>
<body><article><h1>${topic} report ${n}</h1>${paragraphs}</article></body></html>`;
}

let server: Server;
let base: string;
let inFlight = 0;
let mostInFlight = 0;
const fetched: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    fetched.push(req.url ?? '');
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      const url = req.url ?? '';
      const n = /^\/a(\d+)$/.exec(url)?.[1];
      if (n !== undefined) res.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(n), 'Geneva'));
      else if (url === '/copy-of-a1')
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(page(1, 'Geneva').replace('Loopback Times', 'Echo'));
      else if (url === '/image') res.writeHead(200, { 'content-type': 'image/png' }).end('PNG');
      else if (/^\/slow\/\d+$/.test(url))
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'text/html' }).end(page(Number(url.slice(6)), 'Geneva')),
          600,
        );
      else if (/^\/echo\/\d+$/.test(url))
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(page(Number(url.slice(6)), 'Geneva').replace('Loopback Times', 'Echo'));
      else res.writeHead(404).end();
    }, 30);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server?.close());

const env = { FETCH_ALLOWED_HOSTS: '127.0.0.1', FETCH_TIMEOUT_SECONDS: '5' };

describe('corpus add-urls: bulk import of pages into an event', () => {
  it('adds each page, skips a near-identical copy, refuses what is no article with why, and a second run adds nothing', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const list = path.join(work.dir, 'urls.txt');
      const urls = ['/a1', '/a2', '/a3', '/a4', '/copy-of-a1', '/missing', '/image', '/a1'].map(
        (u) => base + u,
      );
      await writeFile(list, `# Geneva talks\n${urls.join('\n')}\n\nnot a url\n`);
      const before = new Set(await readdir(corpus.dir));
      const args = ['corpus', 'add-urls', list, '--event', 'geneva-aug-2016', '--corpus', corpus.dir];
      const first = await runCli(args, work.dir, env);

      expect(first.stdout).toContain(
        'Added 4, skipped 2 as duplicates (0 already in), refused 3 — of 9 addresses.',
      );
      expect(first.stdout).toContain(
        `duplicate: ${base}/copy-of-a1 — near-identical text: “Geneva report 1”`,
      );
      expect(first.stdout).toContain(`duplicate: ${base}/a1 — listed twice`);
      expect(first.stdout).toContain(`refused: ${base}/missing — The page answered 404 Not Found.`);
      expect(first.stdout).toContain(`refused: ${base}/image — That address is not a web page (image/png).`);
      expect(first.stdout).toContain('refused: not a url — That is not a URL');
      expect(first.stderr).toMatch(/add-urls: 9\/9 \(4 added, 2 duplicates, 3 refused\)/);
      expect(first.code).toBe(1);
      expect(mostInFlight).toBeLessThanOrEqual(2);

      const added = (await readdir(corpus.dir)).filter((f) => !before.has(f) && f.endsWith('.md'));
      expect(added.sort()).toEqual([
        '2016-08-21-loopback-times-geneva-report-1.md',
        '2016-08-22-loopback-times-geneva-report-2.md',
        '2016-08-23-loopback-times-geneva-report-3.md',
        '2016-08-24-loopback-times-geneva-report-4.md',
      ]);
      const one = await readFile(path.join(corpus.dir, added.sort()[0] as string), 'utf8');
      expect(one).toContain('event: "geneva-aug-2016"');
      expect(one).toContain(`url: "${base}/a1"`);
      const audit = await readFile(path.join(corpus.dir, 'audit.log'), 'utf8');
      expect(audit.match(/"action":"add"/g)).toHaveLength(4);
      expect(audit).toContain('corpus add-urls');
      // Indexed once, at the end: the next process to open the corpus loads that index.
      expect(first.stderr).toContain('add-urls: index built once for the new corpus');
      const opened = await openStoreIndex(new FolderStore(corpus.dir, work.dir));
      expect(opened.from).toBe('saved');
      expect(opened.index.corpus.articles).toHaveLength(before.size + 3);

      const answer = await runCli(
        ['ask', 'Geneva report 3 item 2 of the agenda', '--corpus', corpus.dir],
        work.dir,
      );
      expect(answer.stdout).toContain('Loopback Times');

      fetched.length = 0;
      const second = await runCli(args, work.dir, env);
      expect(second.stdout).toContain(
        'Added 0, skipped 6 as duplicates (4 already in), refused 3 — of 9 addresses.',
      );
      expect(fetched.filter((u) => /^\/a\d$/.test(u))).toEqual([]);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);

  it('reads the addresses of a sitemap.xml', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const sitemap = path.join(work.dir, 'sitemap.xml');
      await writeFile(
        sitemap,
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/a5</loc></url><url><loc>${base}/a6</loc><lastmod>2016-08-26</lastmod></url></urlset>`,
      );
      const run = await runCli(
        ['corpus', 'add-urls', sitemap, '--event', 'geneva-aug-2016', '--corpus', corpus.dir],
        work.dir,
        env,
      );
      expect(run.stdout).toContain(
        'Added 2, skipped 0 as duplicates (0 already in), refused 0 — of 2 addresses.',
      );
      expect(run.code).toBe(0);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);

  it('refuses an unknown event before fetching anything', async () => {
    const work = await tempDir();
    try {
      const list = path.join(work.dir, 'urls.txt');
      await writeFile(list, `${base}/a7\n`);
      fetched.length = 0;
      const run = await runCli(['corpus', 'add-urls', list, '--event', 'no-such-event'], work.dir, env);
      expect(run.stderr).toContain('error: there is no event `no-such-event`; known events:');
      expect(run.code).toBe(1);
      expect(fetched).toEqual([]);
    } finally {
      await work.remove();
    }
  });

  it('keeps the copy listed first when two addresses carry the same text, whichever is read first', async () => {
    const corpus = await copyOfCorpus();
    const work = await tempDir();
    try {
      const list = path.join(work.dir, 'urls.txt');
      await writeFile(list, `${base}/slow/8\n${base}/echo/8\n`);
      const run = await runCli(
        ['corpus', 'add-urls', list, '--event', 'geneva-aug-2016', '--corpus', corpus.dir],
        work.dir,
        env,
      );
      expect(run.stdout).toContain(`added: ${base}/slow/8 → 2016-08-28-loopback-times-geneva-report-8.md`);
      expect(run.stdout).toContain(`duplicate: ${base}/echo/8 — near-identical text: “Geneva report 8”`);
    } finally {
      await corpus.remove();
      await work.remove();
    }
  }, 60_000);
});
