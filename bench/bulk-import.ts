/**
 * Bulk import end to end: `corpus add-urls` (a fresh CLI process, as an operator runs it) over
 * pages served from 127.0.0.1 into a copy of the built-in corpus: fetch, extract, clean, dedupe,
 * write, and the index saved once at the end. Pages are news-page shaped (head scripts, menus, an
 * inline ad, a related block, a footer) around four SQuAD train paragraphs, so each has its own text.
 *
 *   npx tsx bench/bulk-import.ts [--pages 1000] [--data ../shared/eval] [--profile DIR]
 *
 * --profile writes the CLI's CPU profiles (its main thread and each worker) to DIR.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { DEFAULT_DATA_DIR, type Doc } from './data.ts';
import { readJsonLines } from './lib/jsonl.ts';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..');

/** What one import measured. */
export interface BulkImportResult {
  pages: number;
  added: number;
  duplicates: number;
  refused: number;
  /** From starting the CLI to its exit. */
  wallMs: number;
  pagesPerSecond: number;
  /** Average HTML size served, in kB. */
  pageKB: number;
  /** Saved index files in the cache folder after the run (1: saved once, for the final version). */
  savedIndexes: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Site furniture around the article, about 30 kB as on outlets' pages. */
function chrome(n: number): { head: string; nav: string; footer: string } {
  const links = Array.from(
    { length: 60 },
    (_, i) => `<li class="nav__item"><a href="/section/${i}">Section ${i}</a></li>`,
  ).join('');
  const script = `window.__CONFIG__=${JSON.stringify({
    page: n,
    ads: Array.from({ length: 40 }, (_, i) => ({
      slot: `ad-${i}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
    })),
  })};`;
  return {
    head: `<script>${script}</script><style>${'.x{color:#333;margin:0 auto}'.repeat(300)}</style>`,
    nav: `<header class="site-header"><nav aria-label="Main"><ul>${links}</ul></nav></header>`,
    footer: `<footer class="site-footer"><ul>${links}</ul><p>© Loopback Media ${2016}</p></footer>`,
  };
}

/** Page `n`: its article is paragraphs `texts`, an inline ad and a related block inside it. */
function newsPage(n: number, title: string, texts: string[]): string {
  const { head, nav, footer } = chrome(n);
  const paragraphs = texts.map((t) => `<p>${escapeHtml(t)}</p>`);
  paragraphs.splice(
    1,
    0,
    '<div class="ad-slot ad-inline"><span>Advertisement</span><p>Sponsored: try our new app today.</p></div>',
  );
  const day = String((n % 28) + 1).padStart(2, '0');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)} — report ${n}</title>
<meta property="og:site_name" content="Loopback Times">
<meta property="article:published_time" content="2016-08-${day}T10:00:00Z">${head}</head>
<body>${nav}<main><article><h1>${escapeHtml(title)} — report ${n}</h1>
<p class="byline">By Staff Reporter</p>${paragraphs.join('\n')}
<aside class="related"><h2>Related</h2><ul><li><a href="/r/${n}">More on ${escapeHtml(title)}</a></li></ul></aside>
</article></main>${footer}</body></html>`;
}

/**
 * Serves `pages` news pages on 127.0.0.1 and imports them all with `corpus add-urls` into a
 * temporary copy of the built-in corpus; resolves with the timings. Throws when the import does
 * not add every page (the figure would not be of the whole path).
 */
export async function measureBulkImport(
  dataDir: string,
  pages: number,
  options: { profileDir?: string } = {},
): Promise<BulkImportResult> {
  const docs = await readJsonLines<Doc>(path.join(dataDir, 'squad', 'train-paragraphs.jsonl'));
  const perPage = 4;
  if (docs.length < pages * perPage)
    throw new Error(`bulk import bench: ${docs.length} SQuAD train paragraphs, ${pages * perPage} needed`);
  const html = Array.from({ length: pages }, (_, n) => {
    const texts = docs.slice(n * perPage, (n + 1) * perPage);
    return newsPage(
      n,
      texts[0]?.title ?? 'Report',
      texts.map((d) => d.text),
    );
  });
  const server = createServer((req, res) => {
    const n = Number(/^\/p(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    const body = html[n];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const work = await mkdtemp(path.join(tmpdir(), 'bench-bulk-'));
  try {
    const corpusDir = path.join(work, 'corpus');
    const cacheDir = path.join(work, 'cache');
    await cp(path.join(ROOT, 'corpus'), corpusDir, {
      recursive: true,
      filter: (source) => !source.endsWith('.log'),
    });
    const list = path.join(work, 'urls.txt');
    await writeFile(list, `${html.map((_, n) => `${base}/p${n}`).join('\n')}\n`);
    const started = performance.now();
    const { stdout } = await run(
      process.execPath,
      [
        ...(options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]),
        '--import',
        'tsx',
        path.join(ROOT, 'src', 'cli', 'main.ts'),
        'corpus',
        'add-urls',
        list,
        '--event',
        'geneva-aug-2016',
        '--corpus',
        corpusDir,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, FETCH_ALLOWED_HOSTS: '127.0.0.1', INDEX_CACHE_DIR: cacheDir },
        maxBuffer: 64 << 20,
      },
    );
    const wallMs = performance.now() - started;
    const counts = /Added (\d+), skipped (\d+) as duplicates .*refused (\d+)/.exec(stdout);
    const [added, duplicates, refused] = [1, 2, 3].map((i) => Number(counts?.[i] ?? Number.NaN));
    if (added !== pages)
      throw new Error(`bulk import bench: ${added} of ${pages} pages added:\n${stdout.slice(0, 2000)}`);
    const savedIndexes = (await readdir(cacheDir).catch(() => [])).length;
    return {
      pages,
      added: added as number,
      duplicates: duplicates as number,
      refused: refused as number,
      wallMs,
      pagesPerSecond: (pages * 1000) / wallMs,
      pageKB: html.reduce((sum, h) => sum + Buffer.byteLength(h), 0) / pages / 1000,
      savedIndexes,
    };
  } finally {
    server.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '1000' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      profile: { type: 'string' },
    },
  });
  const r = await measureBulkImport(path.resolve(values.data), Number(values.pages), {
    ...(values.profile === undefined ? {} : { profileDir: path.resolve(values.profile) }),
  });
  console.log(
    `${r.pages} pages (${r.pageKB.toFixed(0)} kB each): ${(r.wallMs / 1000).toFixed(1)} s, ${r.pagesPerSecond.toFixed(1)} pages/s; added ${r.added}, duplicates ${r.duplicates}, refused ${r.refused}; saved indexes: ${r.savedIndexes}`,
  );
}
