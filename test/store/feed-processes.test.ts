/**
 * Two bot processes (real OS processes) on one PostgreSQL database, both running a feed poller
 * over one feed: the feed is fetched once per interval, never by both, and a new item on it is
 * answered by both processes within one interval plus 2 seconds.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../src/live/import-export.ts';
import { PgStore } from '../../src/store/pg/pg-store.ts';
import { CORPUS_DIR } from '../core/helpers.ts';
import { startTestPostgres, type TestPostgres } from './pg-server.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const WORKER = path.join(import.meta.dirname, 'worker.ts');
const INTERVAL_S = 2;

type Line = { id?: number; ready?: boolean; docs?: string[]; polled?: { url: string; added: number } };

/** A worker process: commands in, JSON lines out; every line is also told to `onLine`. */
class Worker {
  private next = 0;
  private readonly waiting = new Map<number, (line: Line) => void>();
  readonly ready: Promise<Line>;
  readonly exited: Promise<void>;
  onLine: (line: Line) => void = () => undefined;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    let markReady: (line: Line) => void = () => undefined;
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Line;
      if (line.ready) markReady(line);
      else if (line.id !== undefined) this.waiting.get(line.id)?.(line);
      this.onLine(line);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  send(command: object): Promise<Line> {
    const id = ++this.next;
    const reply = new Promise<Line>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    return reply;
  }
}

let server: TestPostgres;
let feeds: Server;
let base: string;
const fetches: number[] = [];
const items: string[] = [];
const workers: Worker[] = [];

const PAGE = `<html lang="en"><head><title>Lighthouse keepers return to Fastnet</title><meta property="og:site_name" content="Island Times"></head><body><article><h1>Lighthouse keepers return to Fastnet</h1>${[
  1, 2, 3,
]
  .map(
    (i) =>
      `<p>Keepers returned to the Fastnet lighthouse after the automated lamp failed during the gales, the Commissioners of Irish Lights said in statement ${i}.</p>`,
  )
  .join('')}</article></body></html>`;

beforeAll(async () => {
  server = await startTestPostgres();
  const store = await PgStore.open(server.url);
  await importFolder(store, CORPUS_DIR);
  await store.close();
  feeds = createServer((req, res) => {
    if (req.url === '/rss') {
      fetches.push(performance.now());
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<rss version="2.0"><channel><title>Island Wire</title>${items.join('')}</channel></rss>`);
    } else if (req.url === '/story/fastnet') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else res.writeHead(404).end();
  });
  feeds.listen(0, '127.0.0.1');
  await new Promise((r) => feeds.once('listening', r));
  base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  for (let i = 0; i < 2; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: server.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    workers.push(new Worker(child));
  }
  await Promise.all(workers.map((w) => w.ready));
}, 90_000);

afterAll(async () => {
  for (const w of workers) {
    w.child.stdin.end();
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await w.exited;
  }
  feeds?.close();
  await server?.destroy();
});

/** Resolves once every worker's answer to `question` includes an article whose id holds `fragment`. */
async function answeredByAll(question: string, fragment: string, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  const pending = new Set(workers);
  while (pending.size > 0) {
    for (const w of [...pending]) {
      const { docs } = await w.send({ op: 'ask', question });
      if (docs?.some((d) => d.includes(fragment))) pending.delete(w);
    }
    if (performance.now() > deadline) throw new Error(`not answered by every process within ${withinMs} ms`);
  }
}

describe('two processes polling one feed on one database', () => {
  it('fetch it once per interval, and both answer a new item within the interval plus 2 s', async () => {
    const [a, b] = workers as [Worker, Worker];
    const polls: Array<{ worker: number; added: number }> = [];
    let polledThrice: () => void = () => undefined;
    const thrice = new Promise<void>((resolve) => {
      polledThrice = resolve;
    });
    let addedOne: () => void = () => undefined;
    const added = new Promise<void>((resolve) => {
      addedOne = resolve;
    });
    workers.forEach((w, i) => {
      w.onLine = (line) => {
        if (line.polled?.url !== `${base}/rss`) return;
        polls.push({ worker: i, added: line.polled.added });
        if (polls.length >= 3) polledThrice();
        if (line.polled.added > 0) addedOne();
      };
    });
    await a.send({ op: 'follow', url: `${base}/rss`, event: 'geneva-aug-2016', seconds: INTERVAL_S });
    await Promise.all([a.send({ op: 'poll' }), b.send({ op: 'poll' })]);
    await thrice;
    // Never two fetches closer than the interval less its jitter: one process fetched each time.
    const gaps = fetches.slice(1).map((t, i) => t - (fetches[i] as number));
    expect(fetches.length).toBe(polls.length);
    for (const gap of gaps) expect(gap).toBeGreaterThan(INTERVAL_S * 1000 * 0.9 - 50);
    items.push(
      `<item><title>Fastnet</title><link>${base}/story/fastnet</link><pubDate>Thu, 15 Sep 2016 09:00:00 GMT</pubDate></item>`,
    );
    const started = performance.now();
    await answeredByAll(
      'What happened at the Fastnet lighthouse during the gales?',
      'fastnet',
      INTERVAL_S * 1100 + 2000,
    );
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(INTERVAL_S * 1100 + 2000);
    // The poll's report comes after the change it made, which may reach both processes first.
    await added;
    expect(polls.reduce((sum, p) => sum + p.added, 0)).toBe(1);
    console.info(
      `new feed item answered by both processes in ${Math.round(ms)} ms (interval ${INTERVAL_S} s)`,
    );
  }, 60_000);
});
