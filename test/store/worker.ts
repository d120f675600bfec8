/**
 * One bot process for the multi-process tests, without Discord: it opens the live corpus over the
 * database at DATABASE_URL (with local copies of saved indexes in INDEX_CACHE_DIR when set) and takes JSON commands on stdin, one a line, answering each with one
 * JSON line on stdout (`{"id": …, …}`). `slow-add` writes an article and then hangs inside its
 * transaction, so a test can kill the process in the middle of a change. `follow` adds a feed
 * (auto mode) and `poll` starts this process's feed poller. `phases` tells where the last change
 * or catch-up went (see LiveEngine.lastTimer) and the garbage collections during it.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Curator } from '../../src/curation/curator.ts';
import { FeedPoller } from '../../src/curation/feeds/poller.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { createLogger } from '../../src/log.ts';
import { feedStoreOf } from '../../src/store/open.ts';
import { PgStore } from '../../src/store/pg/pg-store.ts';

const url = process.env.DATABASE_URL;
if (url === undefined) throw new Error('worker: DATABASE_URL is not set');
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const indexCacheDir = process.env.INDEX_CACHE_DIR || null;
const live = await LiveEngine.openStore(await PgStore.open(url, { reconnectMaxMs: 400, indexCacheDir }));
const curator = new Curator(live);
const who = { id: String(process.pid), name: `process ${process.pid}` };

type Command = {
  id: number;
  op: string;
  question?: string;
  doc?: string;
  event?: string;
  name?: string;
  path?: string;
  content?: string;
  url?: string;
  seconds?: number;
};

/** The last garbage collections, as [start (ms since the Unix epoch), duration ms, major]. */
const collections: Array<[number, number, boolean]> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    collections.push([
      performance.timeOrigin + e.startTime,
      e.duration,
      ((e as { detail?: { kind?: number } }).detail?.kind ?? 0) === constants.NODE_PERFORMANCE_GC_MAJOR,
    ]);
  collections.splice(0, Math.max(0, collections.length - 500));
}).observe({ entryTypes: ['gc'] });

const feeds = feedStoreOf(live.store);
let poller: FeedPoller | null = null;

async function run(c: Command): Promise<object> {
  switch (c.op) {
    case 'ask':
      return { docs: live.engine.ask(c.question ?? '').results.map((r) => r.docId), version: live.version };
    case 'version':
      return { version: live.version };
    case 'phases': {
      // Where the last change or catch-up went, and the collections that ran during it.
      const timer = live.lastTimer;
      const end = timer?.phases.at(-1)?.endedAt ?? 0;
      const gc = collections.filter(([at]) => timer !== null && at >= timer.startedAt && at <= end);
      // And every collection from the change's start until now, the first questions' included.
      const since = collections.filter(([at]) => timer !== null && at >= timer.startedAt);
      return {
        startedAt: timer?.startedAt,
        phases: timer?.phases ?? [],
        gcMs: gc.reduce((sum, [, ms]) => sum + ms, 0),
        gcs: gc.length,
        gcSince: since.map(([at, ms, major]) => ({ at, ms, major })),
      };
    }
    case 'saved':
      await live.flushSave();
      return { version: live.version };
    case 'prepared':
      await live.flushPrepare();
      return { version: live.version };
    case 'state':
      return {
        version: live.version,
        docs: live.engine.corpus.articles.map((a) => a.id),
        events: live.engine.corpus.events.map((e) => [e.id, e.name]),
      };
    case 'remove':
      await curator.remove(c.doc ?? '', who);
      return { version: live.version };
    case 'add':
      await live.change((tx) => tx.write(c.path ?? 'added.md', c.content ?? ''));
      return { version: live.version, bytes: live.lastChangeBytes };
    case 'rename':
      await curator.renameEvent(c.event ?? '', c.name ?? '', who);
      return { version: live.version, bytes: live.lastChangeBytes };
    case 'follow':
      await feeds.addFeed({
        url: c.url ?? '',
        event: c.event ?? '',
        mode: 'auto',
        intervalSeconds: c.seconds ?? 60,
        addedBy: who.name,
      });
      return {};
    case 'poll':
      // Polls feeds from here on; each poll is told on stdout as `{"polled": report}`.
      poller = new FeedPoller(
        feeds,
        live,
        curator,
        { allowHosts: ['127.0.0.1'], timeoutMs: 2000, maxBytes: 100_000 },
        createLogger('error'),
        {
          tickMs: 100,
          itemsPerPoll: 20,
          queueMax: 50,
        },
      );
      poller.onPolled((report) => send({ polled: report }));
      poller.start();
      return {};
    case 'slow-add':
      await live.change(async (tx) => {
        await tx.write('half-done.md', '---\ntitle: "Half done"\n---\nNever committed.\n');
        await tx.audit({
          userId: who.id,
          userName: who.name,
          action: 'add',
          file: 'half-done.md',
          detail: '',
        });
        send({ id: c.id, inside: true });
        await new Promise(() => undefined);
      });
      return {};
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  run(command).then(
    (result) => send({ id: command.id, ok: true, ...result }),
    (error: Error) => send({ id: command.id, ok: false, error: error.name, message: error.message }),
  );
});
process.stdin.on(
  'end',
  () => void (poller?.stop() ?? Promise.resolve()).then(() => live.close()).then(() => process.exit(0)),
);
send({ ready: true, version: live.version, from: live.opened.from, openMs: live.opened.ms });
