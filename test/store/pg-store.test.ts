/**
 * The PostgreSQL store against a real throwaway server: migrations, import and export, the saved
 * index, two stores (each with its own connections) changing one database, and the database going
 * away and coming back. One server for the whole file; each test gets its own database.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Curator, removedDir } from '../../src/curation/curator.ts';
import type { RunningBot } from '../../src/discord/bot.ts';
import { exportFolder, importFolder } from '../../src/live/import-export.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { SegmentedIndex } from '../../src/search/segmented-index.ts';
import { FolderFeedStore } from '../../src/store/folder-feed-store.ts';
import { MIGRATIONS, migrate } from '../../src/store/pg/migrations.ts';
import { PgFeedStore } from '../../src/store/pg/pg-feed-store.ts';
import { CHANGE_LOCK, PgStore } from '../../src/store/pg/pg-store.ts';
import { StoreBusyError, StoreUnavailableError } from '../../src/store/types.ts';
import { CORPUS_DIR, TRUCE_ARTICLE, TRUCE_QUESTION, tempDir } from '../core/helpers.ts';
import { FakeDiscord, MANAGER_PERMISSIONS } from '../e2e/fake-discord.ts';
import { startTestBot } from '../e2e/test-bot.ts';
import { runSql, startTestPostgres, type TestPostgres } from './pg-server.ts';

const QUESTION = 'What did Lavrov say about terrorists?';
const mod = { id: '720000000000000001', name: 'mod' };
let server: TestPostgres;
let work: { dir: string; remove: () => Promise<void> };
let databases = 0;
const opened: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  server = await startTestPostgres();
  work = await tempDir('coverage-pg-store-');
}, 60_000);

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
  await server?.destroy();
  await work?.remove();
});

/** A new database with the built-in corpus imported; resolves with its address. */
async function corpusDatabase(): Promise<string> {
  const url = await server.createDatabase(`t${++databases}`);
  const store = await PgStore.open(url);
  await importFolder(store, CORPUS_DIR);
  await store.close();
  return url;
}

/** A live corpus over its own store (its own pool and listener), closed after the file. */
async function openLive(url: string): Promise<LiveEngine> {
  const live = await LiveEngine.openStore(await PgStore.open(url, { reconnectMaxMs: 400 }));
  opened.push(live);
  return live;
}

async function until(check: () => boolean | Promise<boolean>, ms = 2000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

/** Counts the rows every query on the article files returns, from now until `stop`. */
function articleRowsRead(): { rows: number; stop: () => void } {
  const counter = { rows: 0, stop: () => spy.mockRestore() };
  const query = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const result = (query as (...a: unknown[]) => unknown).apply(this, args);
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : first?.text;
    if (text !== undefined && /FROM articles/.test(text) && result instanceof Promise)
      result.then(
        (r: pg.QueryResult) => {
          counter.rows += r.rows.length;
        },
        () => undefined,
      );
    return result as never;
  });
  return counter;
}

/** Every file below `dir`, relative path → bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

describe('the PostgreSQL store', () => {
  it('applies its migrations once, even when two processes start at the same moment', async () => {
    const url = await server.createDatabase('migrations');
    const [a, b] = await Promise.all([PgStore.open(url), PgStore.open(url)]);
    await Promise.all([a.close(), b.close()]);
    const { rows } = await runSql(url, 'SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual([
      { version: 1, name: 'corpus tables' },
      { version: 2, name: 'saved indexes stored uncompressed' },
      { version: 3, name: 'saved indexes in parts' },
      { version: 4, name: 'store identity' },
      { version: 5, name: 'member data' },
      { version: 6, name: 'feeds, review queue, also reported by' },
      { version: 7, name: 'saved index changes' },
      { version: 8, name: 'feed refusals, feeds that move, the daily digest lease' },
      { version: 9, name: 'article paths changed by version' },
    ]);
  });

  it('a change reads the article rows it changed, not every file, in a process that caught up too', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    await Promise.all([a.flushPrepare(), b.flushPrepare()]);
    const files = (await runSql(url, 'SELECT count(*)::int AS n FROM articles')).rows[0]?.n as number;
    expect(files).toBeGreaterThan(3);
    const read = articleRowsRead();
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    expect(read.rows).toBe(1);
    expect(a.engine.ask(TRUCE_QUESTION).results[0]?.docId).toBe('truce');
    // b serves the change from its saved change, its files still those of the version before.
    await until(() => b.version === a.version);
    read.rows = 0;
    await b.change((tx) =>
      tx.write('talks.md', '---\ntitle: "Talks resume"\n---\nThe talks in Geneva resume on Friday.\n'),
    );
    expect(read.rows).toBe(2);
    const ids = b.engine.corpus.articles.map((x) => x.id);
    expect(ids).toContain('truce');
    expect(ids).toContain('talks');
    expect(ids.length).toBe(files + 2);
    await until(() => a.version === b.version);
    expect(a.engine.corpus.articles.map((x) => x.id)).toEqual(ids);
    read.stop();
  });

  it('migrates a database made before changes recorded their paths; its next change reads only those', async () => {
    const url = await server.createDatabase(`t${++databases}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await migrate(
      client,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    for (const [file, title] of [
      ['one.md', 'Talks open'],
      ['two.md', 'Talks stall'],
      ['three.md', 'Talks close'],
    ])
      await client.query('INSERT INTO articles (path, content, metadata) VALUES ($1, $2, $3)', [
        file,
        `---\ntitle: "${title}"\n---\n${title} in Geneva on Friday.\n`,
        '[]',
      ]);
    await client.query('UPDATE corpus_state SET version = 7 WHERE id = 1');
    await client.end();
    const live = await openLive(url);
    await live.flushPrepare();
    const state = await runSql(url, 'SELECT file_changes_from::text AS f FROM corpus_state');
    expect(state.rows[0]?.f).toBe('7');
    const read = articleRowsRead();
    await live.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    expect(read.rows).toBe(1);
    expect(live.engine.corpus.articles.map((x) => x.id)).toEqual(['one', 'three', 'truce', 'two']);
    expect(live.engine.ask(TRUCE_QUESTION).results[0]?.docId).toBe('truce');
    read.stop();
  });

  it('imports a corpus folder and exports it back byte for byte (events, removed articles, audit log)', async () => {
    const source = path.join(work.dir, 'source');
    await cp(CORPUS_DIR, source, { recursive: true });
    await mkdir(path.join(source, 'wires'), { recursive: true });
    await writeFile(
      path.join(source, 'wires', 'note.txt'),
      'A plain text note.\nSecond line with “quotes” and é.\n',
    );
    await mkdir(removedDir(source), { recursive: true });
    await writeFile(path.join(removedDir(source), 'gone.md'), '---\ntitle: "Gone"\n---\nRemoved text.\n');
    await writeFile(
      path.join(source, 'audit.log'),
      `${JSON.stringify({ at: '2026-01-01T00:00:00.000Z', userId: '1', userName: 'a', action: 'remove', file: 'gone.md', detail: 'Gone' })}\n{"at": "cut by a cra\n`,
    );
    const store = await PgStore.open(await server.createDatabase('transfer'));
    opened.push(store);
    const imported = await importFolder(store, source);
    expect(imported).toMatchObject({ files: 6, removed: 1, auditLines: 2, events: true });
    const target = path.join(work.dir, 'exported');
    await exportFolder(store, target);
    expect(await tree(target)).toEqual(await tree(source));
    expect(await tree(removedDir(target))).toEqual(await tree(removedDir(source)));
    await expect(exportFolder(store, target)).rejects.toThrow(/not empty/);
  });

  it('carries the feeds, the review queue and who else reported through import and export', async () => {
    const source = path.join(work.dir, 'feeds-source');
    await cp(CORPUS_DIR, source, { recursive: true });
    const folder = new FolderFeedStore(source);
    await folder.addFeed({
      url: 'https://polar.example/rss',
      event: 'geneva-aug-2016',
      mode: 'review',
      intervalSeconds: 600,
      addedBy: 'mod',
    });
    await folder.enqueue(
      {
        feedUrl: 'https://polar.example/rss',
        draft: {
          title: 'Moraine',
          source: 'Polar Courier',
          date: '2016-09-14',
          dateApprox: false,
          url: 'https://polar.example/moraine',
          event: 'geneva-aug-2016',
          language: 'en',
          text: 'The moraine moved. '.repeat(20),
        },
      },
      10,
    );
    await folder.recordAlsoReported({
      article: 'a.md',
      url: 'https://wire.example/a',
      title: 'A',
      source: 'Wire',
      date: null,
      feedUrl: null,
    });
    const store = await PgStore.open(await server.createDatabase('feeds_transfer'));
    opened.push(store);
    expect(await importFolder(store, source)).toMatchObject({ feeds: 1, queued: 1 });
    const pg = new PgFeedStore(store.pool);
    expect((await pg.feeds()).map((f) => [f.url, f.mode])).toEqual([['https://polar.example/rss', 'review']]);
    expect((await pg.queue()).map((q) => q.draft.title)).toEqual(['Moraine']);
    expect((await pg.alsoReportedOf(null)).map((r) => r.source)).toEqual(['Wire']);
    const target = path.join(work.dir, 'feeds-exported');
    expect(await exportFolder(store, target)).toMatchObject({ feeds: 1, queued: 1 });
    const back = new FolderFeedStore(target);
    expect(await back.feeds()).toEqual(await folder.feeds());
    expect(await back.queue()).toEqual(await folder.queue());
    expect(await back.alsoReportedOf(null)).toEqual(await folder.alsoReportedOf(null));
  });

  it('imports a folder holding ---js front matter without running it: that file is a problem, the rest is served', async () => {
    const source = path.join(work.dir, 'hostile-source');
    await cp(CORPUS_DIR, source, { recursive: true });
    await writeFile(
      path.join(source, 'hostile.md'),
      '---js\n{ title: (globalThis.importedFrontMatterRan = true, "Ran") }\n---\nSome text here.\n',
    );
    const store = await PgStore.open(await server.createDatabase('hostile'));
    opened.push(store);
    await importFolder(store, source);
    const live = await LiveEngine.openStore(store);
    expect((globalThis as { importedFrontMatterRan?: boolean }).importedFrontMatterRan).toBeUndefined();
    expect(live.engine.corpus.articles).toHaveLength(5);
    expect(live.engine.corpus.problems.map((p) => `${p.path}:${p.line}: ${p.message}`)).toEqual([
      'hostile.md:1: front matter must be YAML (the file opens with ---js; write --- alone); file skipped',
    ]);
  });

  it('saves the built index with each version: a new process loads it; a corrupt one is rebuilt', async () => {
    const url = await corpusDatabase();
    const first = await openLive(url);
    expect(first.opened.from).toBe('saved');
    expect(first.version).toBe('1');
    expect(first.engine.ask(QUESTION).results.length).toBeGreaterThan(0);
    await runSql(
      url,
      "UPDATE saved_index_parts SET data = overlay(data placing '\\xff'::bytea from length(data) - 9)",
    );
    const second = await openLive(url);
    expect(second.opened.from).toBe('built');
    expect(second.opened.warning).toMatch(/checksum/);
    expect(second.engine.ask(QUESTION)).toEqual(first.engine.ask(QUESTION));
  });

  it('keeps a local copy of the saved index, named by its database: a new process loads it without the copy in the database', async () => {
    const cache = path.join(work.dir, 'pg-index-cache');
    const openWithCache = async (url: string) => {
      const live = await LiveEngine.openStore(await PgStore.open(url, { indexCacheDir: cache }));
      opened.push(live);
      return live;
    };
    const dropSavedIndexes = (url: string) => runSql(url, 'DELETE FROM saved_index_parts');
    const copies = async () => (await readdir(cache)).filter((f) => f.endsWith('.idx'));
    const url = await corpusDatabase();
    const first = await openWithCache(url);
    expect(first.opened.from).toBe('saved');
    expect(await copies()).toHaveLength(1);
    // With the database's copy gone, only the local one can serve.
    await dropSavedIndexes(url);
    const second = await openWithCache(url);
    expect(second.opened).toMatchObject({ from: 'saved', warning: null });
    expect(second.engine.ask(QUESTION)).toEqual(first.engine.ask(QUESTION));
    // Another database at the same version number never takes this database's copy.
    const other = await corpusDatabase();
    await dropSavedIndexes(other);
    const third = await openWithCache(other);
    expect(third.opened.from).toBe('built');
    expect(await copies()).toHaveLength(2);
    // A damaged copy is detected, rebuilt and replaced.
    const [{ store_id: id }] = (await runSql(url, 'SELECT store_id FROM corpus_state')).rows;
    const mine = (await copies()).find((f) => f.startsWith(`pg-${id}-`));
    const damaged = path.join(cache, mine as string);
    const bytes = await readFile(damaged);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);
    const fourth = await openWithCache(url);
    expect(fourth.opened.from).toBe('built');
    expect(fourth.opened.warning).toMatch(/checksum/);
    expect((await openWithCache(url)).opened.from).toBe('saved');
    // A database restored to this version number and changed again is another corpus: no copy.
    await runSql(url, "UPDATE corpus_state SET changed_at = changed_at + interval '1 second'");
    await dropSavedIndexes(url);
    expect((await openWithCache(url)).opened.from).toBe('built');
  });

  it('a refresh that finds nothing changed keeps the version; one after a hand edit of a table bumps it', async () => {
    const url = await corpusDatabase();
    const live = await openLive(url);
    const other = await openLive(url);
    const served = live.engine;
    expect(await live.refresh()).toMatchObject({ ok: true, added: [], updated: [], removed: [] });
    expect(live.engine).toBe(served);
    expect([live.version, await live.store.version()]).toEqual(['1', '1']);
    await runSql(
      url,
      "UPDATE articles SET content = replace(content, 'Kerry told reporters', 'Kerry told the reporters') WHERE content LIKE '%Kerry told reporters%'",
    );
    const report = await live.refresh();
    expect(report.updated).toHaveLength(1);
    expect(live.version).toBe('2');
    await until(() => other.version === '2');
  });

  it('stores a large saved index in parts and loads it whole', async () => {
    const url = await server.createDatabase('parts');
    const store = await PgStore.open(url, { indexPartBytes: 4096 });
    opened.push(store);
    await importFolder(store, CORPUS_DIR);
    const { rows } = await runSql(
      url,
      'SELECT count(*)::int AS n, min(parts) AS parts FROM saved_index_parts',
    );
    expect(rows[0].n).toBeGreaterThan(1);
    expect(rows[0].parts).toBe(rows[0].n);
    const live = await openLive(url);
    expect(live.opened).toMatchObject({ from: 'saved', warning: null });
    expect(live.engine.ask(QUESTION).results.length).toBeGreaterThan(0);
  });

  it('a change through one store is served by the other within 2 seconds, with the same version', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    const doc = a.engine.corpus.articles.find((x) => x.path.includes('ndtv'))?.id as string;
    await new Curator(a).remove(doc, mod);
    expect(a.engine.corpus.articles.map((x) => x.id)).not.toContain(doc);
    await until(() => b.version === a.version);
    expect(b.engine.corpus.articles.map((x) => x.id)).not.toContain(doc);
    expect(b.opened.from).toBe('updated');
    expect(await new Curator(b).removed()).toEqual([`${doc}.md`]);
  });

  it('sends a reader only the files whose checksum differs from those it holds', async () => {
    const url = await corpusDatabase();
    const store = await PgStore.open(url);
    opened.push(store);
    const full = await store.read();
    const [changed, ...rest] = full.files;
    const held = new Map(
      full.files.map((f) => [f.path, f.path === changed?.path ? 'an older text' : f.content]),
    );
    const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
    // What the reader holds comes back as it holds it: a marker shows the database did not send it.
    const known = {
      contentOf: (path: string, sum: string) => {
        const content = held.get(path);
        return content !== undefined && md5(content) === sum ? `held: ${path}` : null;
      },
    };
    // Each file comes with the database's checksum, so the reader need not hash it.
    expect(full.files.every((f) => f.md5 === md5(f.content))).toBe(true);
    const partial = await store.read(known);
    expect(partial.version).toBe(full.version);
    expect(partial.files).toEqual([
      changed,
      ...rest.map((f) => ({ path: f.path, content: `held: ${f.path}`, md5: f.md5 })),
    ]);
  });

  it('a change commits with only what it changed: other processes index only what changed, a new one loads the save and the change', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    const savedAt = async (version: string) =>
      (
        await runSql(
          url,
          `SELECT count(*)::int AS n FROM saved_index_parts WHERE corpus_version = ${Number(version)}`,
        )
      ).rows[0].n as number;
    const doc = a.engine.corpus.articles.find((x) => x.path.includes('ndtv'))?.id as string;
    const baseB = b.engine.index;
    await new Curator(a).remove(doc, mod);
    expect(await savedAt(a.version)).toBe(0);
    await until(() => b.version === a.version);
    // b deleted the article's passages from the index it served: nothing was indexed again.
    expect(b.opened.from).toBe('updated');
    expect(b.engine.index).toBeInstanceOf(SegmentedIndex);
    expect((b.engine.index as SegmentedIndex).segments).toHaveLength(1);
    expect(b.engine.passageCount).toBeLessThan(baseB.passageCount);
    expect(b.engine.ask(QUESTION)).toEqual(a.engine.ask(QUESTION));
    // No merge, so no whole index: a new process loads the last one and the saved change since.
    await a.flushSave();
    expect(await savedAt(a.version)).toBe(0);
    const c = await openLive(url);
    expect(c.opened).toMatchObject({ from: 'saved', version: a.version, warning: null });
    expect(c.engine.corpus.articles.map((x) => x.id)).not.toContain(doc);
    expect(c.engine.ask(QUESTION)).toEqual(a.engine.ask(QUESTION));
  });

  it("a change's transaction saves the article and a saved change a few kilobytes long, never the whole index", async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    await a.flushPrepare();
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    const { rows } = await runSql(
      url,
      `SELECT from_version::text AS "from", octet_length(data) AS bytes FROM saved_index_changes
       WHERE to_version = ${Number(a.version)}`,
    );
    expect(rows).toEqual([{ from: String(Number(a.version) - 1), bytes: a.lastChangeBytes }]);
    expect(a.lastChangeBytes).toBeGreaterThan(0);
    expect(a.lastChangeBytes).toBeLessThan(8192);
    const whole = await runSql(url, 'SELECT max(corpus_version)::text AS v FROM saved_index_parts');
    expect(whole.rows[0].v).toBe(String(Number(a.version) - 1));
    const c = await openLive(url);
    expect(c.opened).toMatchObject({ from: 'saved', version: a.version, warning: null });
    expect(c.engine.ask(TRUCE_QUESTION).results[0]?.docId).toBe('truce');
  });

  it('another process serves a change from its saved change, without reading the corpus files', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    await b.flushPrepare();
    const reads = vi.spyOn(b.store, 'read');
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    await until(() => b.version === a.version);
    expect(reads).not.toHaveBeenCalled();
    expect(b.engine.ask(TRUCE_QUESTION)).toEqual(a.engine.ask(TRUCE_QUESTION));
    expect(b.engine.ask(TRUCE_QUESTION).results[0]?.docId).toBe('truce');
  });

  it('a corrupt saved change is never applied: a process reads the files instead, a new one builds', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    await runSql(
      url,
      `CREATE FUNCTION spoil() RETURNS trigger AS $$ BEGIN
         NEW.data := overlay(NEW.data placing '\\xff'::bytea from length(NEW.data) - 2); RETURN NEW;
       END $$ LANGUAGE plpgsql`,
      'CREATE TRIGGER spoil BEFORE INSERT ON saved_index_changes FOR EACH ROW EXECUTE FUNCTION spoil()',
    );
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    await until(() => b.version === a.version);
    expect(b.engine.ask(TRUCE_QUESTION).results[0]?.docId).toBe('truce');
    const c = await openLive(url);
    expect(c.opened.from).toBe('built');
    expect(c.opened.warning).toMatch(/checksum/);
    expect(c.engine.ask(TRUCE_QUESTION)).toEqual(a.engine.ask(TRUCE_QUESTION));
  });

  it('changes in quick succession reach another process in order, and it ends where the changing one is', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    const seen: string[] = [];
    b.onUpdate(() => seen.push(b.version));
    const curator = new Curator(a);
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    await a.change((tx) => tx.write('truce-2.md', TRUCE_ARTICLE.replace('sundown', 'dusk')));
    await curator.remove('truce', mod);
    await curator.renameEvent('geneva-aug-2016', 'Geneva talks, renamed', mod);
    await a.change((tx) => tx.write('truce-2.md', TRUCE_ARTICLE.replace('sundown', 'dawn')));
    await until(() => b.version === a.version, 5000);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((x, y) => x - y));
    const state = (live: LiveEngine) => ({
      articles: live.engine.corpus.articles.map((x) => [x.id, x.event, x.text]),
      events: live.engine.corpus.events,
      answers: [QUESTION, TRUCE_QUESTION].map((q) => live.engine.ask(q)),
    });
    expect(state(b)).toEqual(state(a));
    expect(state(await openLive(url))).toEqual(state(a));
  });

  it('two moderators changing the corpus through different stores at once: both changes land, in order', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    const event = (id: string) => ({ id, name: id, start: '2016-09-01', end: '2016-09-02', description: '' });
    await Promise.all([
      new Curator(a).createEvent(event('from-a'), { id: '1', name: 'a' }),
      new Curator(b).createEvent(event('from-b'), { id: '2', name: 'b' }),
    ]);
    await until(() => a.version === '3' && b.version === '3');
    for (const live of [a, b]) {
      const ids = live.engine.corpus.events.map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining(['from-a', 'from-b']));
    }
    const history = await new Curator(a).history(10);
    expect(history.map((h) => h.userName).sort()).toEqual(['a', 'b']);
  });

  it('a change made by a process that had not caught up follows on from the version before it: others apply it, a new process loads it', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const c = await openLive(url);
    // b hears no notification: it changes the corpus while still serving the version before a's change.
    const deaf = await PgStore.open(url, { reconnectMaxMs: 400 });
    deaf.watch = () => undefined;
    const b = await LiveEngine.openStore(deaf);
    opened.push(b);
    await a.change((tx) => tx.write('truce.md', TRUCE_ARTICLE));
    await until(() => c.version === a.version);
    expect(b.version).toBe('1');
    await c.flushPrepare();
    const reads = vi.spyOn(c.store, 'read');
    await b.change((tx) => tx.write('truce-2.md', TRUCE_ARTICLE.replace('sundown', 'dusk')));
    expect(b.version).toBe('3');
    const { rows } = await runSql(
      url,
      'SELECT from_version::text AS "from" FROM saved_index_changes WHERE to_version = 3',
    );
    expect(rows).toEqual([{ from: '2' }]);
    await until(() => c.version === '3');
    expect(reads).not.toHaveBeenCalled();
    const d = await openLive(url);
    expect(d.opened).toMatchObject({ from: 'saved', version: '3', warning: null });
    const ids = (live: LiveEngine) => live.engine.corpus.articles.map((x) => x.id).sort();
    expect(ids(d)).toEqual(expect.arrayContaining(['truce', 'truce-2']));
    for (const live of [b, c]) expect(ids(live)).toEqual(ids(d));
    for (const live of [b, c]) expect(live.engine.ask(TRUCE_QUESTION)).toEqual(d.engine.ask(TRUCE_QUESTION));
  });

  it('a change whose notification never came is picked up by the periodic version check', async () => {
    const url = await corpusDatabase();
    const live = await LiveEngine.openStore(await PgStore.open(url, { versionCheckMs: 100 }));
    opened.push(live);
    await runSql(
      url,
      "UPDATE events_file SET content = replace(content, 'March 2016', 'Quietly renamed')",
      'UPDATE corpus_state SET version = version + 1',
    );
    await until(() => live.version === '2');
    expect(live.engine.eventName('march-2016-call')).toBe('Kerry–Lavrov call, Quietly renamed');
  });

  it('a change waiting too long for a stuck one gives up with a clear message, changing nothing', async () => {
    const url = await corpusDatabase();
    const live = await LiveEngine.openStore(await PgStore.open(url, { lockWaitMs: 200 }));
    opened.push(live);
    const stuck = new pg.Client({ connectionString: url });
    await stuck.connect();
    await stuck.query('BEGIN');
    await stuck.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
    try {
      const renaming = new Curator(live).renameEvent('march-2016-call', 'Never', mod);
      await expect(renaming).rejects.toThrow(StoreBusyError);
      await expect(renaming).rejects.toThrow(/Another change to the corpus is still running, try again/);
    } finally {
      await stuck.query('ROLLBACK');
      await stuck.end();
    }
    expect(live.version).toBe('1');
    await new Curator(live).renameEvent('march-2016-call', 'Now', mod);
    expect(live.version).toBe('2');
  });

  it('database down: both keep answering, changes are refused with a clear message; back up: they catch up', async () => {
    const url = await corpusDatabase();
    const a = await openLive(url);
    const b = await openLive(url);
    const answer = a.engine.ask(QUESTION);
    await a.store.reachable();
    await server.stop();
    try {
      // The health check's probe says so, in time for /healthz.
      await expect(a.store.reachable()).rejects.toThrow(StoreUnavailableError);
      expect(a.engine.ask(QUESTION)).toEqual(answer);
      expect(b.engine.ask(QUESTION)).toEqual(answer);
      const doc = a.engine.corpus.articles[0]?.id as string;
      await expect(new Curator(a).remove(doc, mod)).rejects.toThrow(StoreUnavailableError);
      await expect(new Curator(a).remove(doc, mod)).rejects.toThrow(/corpus store is unavailable, try again/);
      await expect(b.refresh()).rejects.toThrow(StoreUnavailableError);
      await expect(new Curator(b).history(5)).rejects.toThrow(StoreUnavailableError);
      expect(b.engine.ask(QUESTION)).toEqual(answer);
    } finally {
      await server.start();
    }
    await a.store.reachable();
    // A change made by a third process right away: a and b may miss its notification while they reconnect.
    const c = await PgStore.open(url);
    opened.push(c);
    const lc = await LiveEngine.openStore(c);
    await new Curator(lc).renameEvent('march-2016-call', 'Renamed while they were away', mod);
    await until(() => a.version === lc.version && b.version === lc.version, 5000);
    expect(b.engine.eventName('march-2016-call')).toBe('Renamed while they were away');
  });
});

describe('/corpus with the database down', () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  it('answers the moderator ephemerally that the store is unavailable, and /ask still answers', async () => {
    const url = await corpusDatabase();
    const live = await openLive(url);
    fake = new FakeDiscord();
    await fake.start();
    bot = await startTestBot(fake, live);
    await server.stop();
    try {
      const moderator = { id: '720000000000000001', username: 'mod' };
      const doc = live.engine.corpus.articles[0]?.id as string;
      const sub = (name: string, options: unknown[]) => [{ name, type: 1, options }];
      const removal = fake.command(
        moderator,
        'corpus',
        sub('remove', [{ name: 'doc', type: 3, value: doc }]),
        {
          permissions: MANAGER_PERMISSIONS,
        },
      );
      const deferred = await fake.waitFor((s) => s.kind === 'callback' && s.key === removal.id, 10_000);
      expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
      const edit = await fake.waitFor((s) => s.kind === 'edit' && s.key === removal.token, 10_000);
      expect(JSON.stringify(edit.body)).toMatch(/The corpus store is unavailable, try again/);
      const history = fake.command(moderator, 'corpus', sub('history', []), {
        permissions: MANAGER_PERMISSIONS,
      });
      const reply = await fake.waitFor((s) => s.kind === 'callback' && s.key === history.id, 10_000);
      expect(reply.body).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(JSON.stringify(reply.body)).toMatch(/The corpus store is unavailable, try again/);
      const asked = fake.command({ id: '730000000000000001', username: 'asker' }, 'ask', [
        { name: 'question', type: 3, value: QUESTION },
      ]);
      const answer = await fake.waitFor((s) => s.kind === 'callback' && s.key === asked.id, 10_000);
      expect(JSON.stringify(answer.body)).toMatch(/Lavrov/);
    } finally {
      await server.start();
    }
  });
});
