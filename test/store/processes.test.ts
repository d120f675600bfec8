/**
 * Several bot processes (real OS processes, each with its own connections and its own in-memory
 * index) on one PostgreSQL database: changes reach every process, concurrent changes all land, a
 * process killed in the middle of a change leaves the store consistent, and the database going
 * down and coming back is survived.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../src/live/import-export.ts';
import { PgStore } from '../../src/store/pg/pg-store.ts';
import { CORPUS_DIR, tempDir } from '../core/helpers.ts';
import { APP_ID, FakeDiscord, TOKEN } from '../e2e/fake-discord.ts';
import { botEnv, logEvents, startEntry } from '../e2e/process.ts';
import { freePort, runSql, startTestPostgres, type TestPostgres } from './pg-server.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const WORKER = path.join(import.meta.dirname, 'worker.ts');
const QUESTION = 'What did Lavrov say about terrorists?';

type Reply = {
  id?: number;
  ok?: boolean;
  version?: string;
  docs?: string[];
  error?: string;
  [k: string]: unknown;
};

/** A worker process and a way to send it commands. */
class Worker {
  private next = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  readonly exited: Promise<void>;
  ready!: Promise<Reply>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    let markReady: (reply: Reply) => void = () => undefined;
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const reply = JSON.parse(line) as Reply;
      if (reply.ready) markReady(reply);
      else if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Sends a command; resolves with the first reply to it (`inside` for a slow change). */
  send(command: object): Promise<Reply> {
    const id = ++this.next;
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    return reply;
  }
}

let server: TestPostgres;
let url: string;
let workers: Worker[] = [];

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const worker = new Worker(child);
  workers.push(worker);
  return worker;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return performance.now() - started;
}

const sql = (text: string) => runSql(url, text);

beforeAll(async () => {
  server = await startTestPostgres();
  url = server.url;
  const store = await PgStore.open(url);
  await importFolder(store, CORPUS_DIR);
  await store.close();
}, 60_000);

afterAll(async () => {
  for (const w of workers) {
    w.child.stdin.end();
    if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await w.exited;
  }
  workers = [];
  await server?.destroy();
});

describe('two bot processes on one database', () => {
  let a: Worker;
  let b: Worker;

  beforeAll(async () => {
    a = startWorker();
    b = startWorker();
    const [readyA, readyB] = await Promise.all([a.ready, b.ready]);
    expect(readyA).toMatchObject({ version: '1', from: 'saved' });
    expect(readyB).toMatchObject({ version: '1', from: 'saved' });
  }, 30_000);

  it('a change through one is answered by the other within 2 seconds', async () => {
    const before = await b.send({ op: 'ask', question: QUESTION });
    const doc = before.docs?.[0] as string;
    const removed = await a.send({ op: 'remove', doc });
    expect(removed).toMatchObject({ ok: true, version: '2' });
    await until(async () => (await b.send({ op: 'ask', question: QUESTION })).version === '2', 2000);
    const after = await b.send({ op: 'ask', question: QUESTION });
    expect(after.docs).not.toContain(doc);
  });

  it('concurrent changes through both processes are both applied, in order, and neither is lost', async () => {
    const [ra, rb] = await Promise.all([
      a.send({ op: 'rename', event: 'march-2016-call', name: 'Renamed by A' }),
      b.send({ op: 'rename', event: 'geneva-aug-2016', name: 'Renamed by B' }),
    ]);
    expect([ra.ok, rb.ok]).toEqual([true, true]);
    expect([ra.version, rb.version].sort()).toEqual(['3', '4']);
    await until(
      async () =>
        (await a.send({ op: 'state' })).version === '4' && (await b.send({ op: 'state' })).version === '4',
      2000,
    );
    for (const w of [a, b]) {
      expect((await w.send({ op: 'state' })).events).toEqual([
        ['march-2016-call', 'Renamed by A'],
        ['geneva-aug-2016', 'Renamed by B'],
      ]);
    }
    const audit = await sql('SELECT action, detail FROM audit_log ORDER BY seq');
    expect(audit.rows.map((r) => r.action)).toEqual(['remove', 'event-rename', 'event-rename']);
  });

  it('a process killed in the middle of a change leaves the store as it was, and the other goes on', async () => {
    const doomed = startWorker();
    await doomed.ready;
    expect(await doomed.send({ op: 'slow-add' })).toMatchObject({ inside: true });
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const state = await sql('SELECT version FROM corpus_state');
    expect(state.rows[0]?.version).toBe('4');
    expect(
      (await sql("SELECT count(*)::int AS n FROM articles WHERE path = 'half-done.md'")).rows[0]?.n,
    ).toBe(0);
    expect((await sql('SELECT count(*)::int AS n FROM audit_log')).rows[0]?.n).toBe(3);
    // The dead process's lock went with its connection: the next change goes through at once.
    const next = await a.send({ op: 'rename', event: 'march-2016-call', name: 'After the crash' });
    expect(next).toMatchObject({ ok: true, version: '5' });
    await until(async () => (await b.send({ op: 'state' })).version === '5', 2000);
  });

  it('database stopped: both keep answering and changes get the store message; restarted: both catch up', async () => {
    const answerA = await a.send({ op: 'ask', question: QUESTION });
    await server.stop();
    try {
      expect((await a.send({ op: 'ask', question: QUESTION })).docs).toEqual(answerA.docs);
      expect((await b.send({ op: 'ask', question: QUESTION })).docs).toEqual(answerA.docs);
      const refused = await b.send({ op: 'rename', event: 'march-2016-call', name: 'While down' });
      expect(refused).toMatchObject({ ok: false, error: 'StoreUnavailableError' });
      expect(refused.message).toMatch(/^The corpus store is unavailable, try again/);
    } finally {
      await server.start();
    }
    // A change made straight away: a and b may still be reconnecting and miss its notification.
    await sql(
      "UPDATE events_file SET content = replace(content, 'After the crash', 'Edited behind their backs')",
    );
    await sql("UPDATE corpus_state SET version = version + 1; NOTIFY corpus_changed, '6'");
    await until(async () => {
      const [sa, sb] = await Promise.all([a.send({ op: 'state' }), b.send({ op: 'state' })]);
      return sa.version === '6' && sb.version === '6';
    }, 5000);
    expect((await b.send({ op: 'state' })).events).toContainEqual([
      'march-2016-call',
      'Edited behind their backs',
    ]);
    const change = await b.send({ op: 'rename', event: 'march-2016-call', name: 'Back to normal' });
    expect(change).toMatchObject({ ok: true, version: '7' });
    await until(async () => (await a.send({ op: 'state' })).version === '7', 2000);
  });

  it('a process killed while its change saves what it did to the index leaves no trace: the others and a new process go on', async () => {
    // The change stops at a chosen point: after its article is written, inside its saved change's insert.
    await sql(
      `CREATE FUNCTION stall() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await sql(
      'CREATE TRIGGER stall BEFORE INSERT ON saved_index_changes FOR EACH ROW EXECUTE FUNCTION stall()',
    );
    const before = (await a.send({ op: 'version' })).version as string;
    const doomed = startWorker();
    await doomed.ready;
    void doomed.send({
      op: 'add',
      path: 'stalled.md',
      content: '---\ntitle: "Stalled"\n---\nNever committed.\n',
    });
    await until(
      async () =>
        ((
          await sql(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'INSERT INTO saved_index_changes%'",
          )
        ).rows[0]?.n as number) > 0,
      10_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // The server ends the dead client's transaction once the stall is over and it finds the connection closed.
    await until(
      async () =>
        (await sql("SELECT count(*)::int AS n FROM articles WHERE path = 'stalled.md'")).rows[0]?.n === 0,
      10_000,
    );
    await sql('DROP TRIGGER stall ON saved_index_changes');
    expect((await sql('SELECT version::text AS v FROM corpus_state')).rows[0]?.v).toBe(before);
    expect(
      (await sql(`SELECT count(*)::int AS n FROM saved_index_changes WHERE to_version > ${before}`)).rows[0]
        ?.n,
    ).toBe(0);
    const after = String(Number(before) + 1);
    const next = await a.send({ op: 'rename', event: 'march-2016-call', name: 'After the second crash' });
    expect(next).toMatchObject({ ok: true, version: after });
    await until(async () => (await b.send({ op: 'state' })).version === after, 2000);
    const fresh = startWorker();
    expect(await fresh.ready).toMatchObject({ version: after, from: 'saved' });
    const [stateA, stateFresh] = [await a.send({ op: 'state' }), await fresh.send({ op: 'state' })];
    expect(stateFresh.docs).toEqual(stateA.docs);
    expect(stateFresh.events).toEqual(stateA.events);
    expect((await fresh.send({ op: 'ask', question: QUESTION })).docs).toEqual(
      (await a.send({ op: 'ask', question: QUESTION })).docs,
    );
  }, 60_000);
});

describe('corpus import and export on the command line', () => {
  const run = promisify(execFile);
  const cli = async (args: string[], env: Record<string, string | undefined>) => {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', ...args],
        {
          cwd: ROOT,
          env: { ...process.env, ...env },
        },
      );
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
  };

  it('imports the corpus folder and exports the same files, never printing the password', async () => {
    const database = await server.createDatabase('cli');
    const work = await tempDir('coverage-cli-pg-');
    try {
      const imported = await cli(['corpus', 'import', '--corpus', CORPUS_DIR], { DATABASE_URL: database });
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toMatch(
        /^Imported 5 article files, 0 removed, 0 audit lines, the events file from /,
      );
      expect(imported.stdout).toContain('postgres://postgres:redacted@127.0.0.1');
      expect(imported.stdout).not.toContain('test-password');
      // With DATABASE_URL and no --corpus, asking reads the database the bot serves.
      const emptyFolder = path.join(work.dir, 'no-corpus');
      await mkdir(emptyFolder);
      const env = {
        DATABASE_URL: database,
        CORPUS_DIR: emptyFolder,
        INDEX_CACHE_DIR: path.join(work.dir, 'cache'),
      };
      const asked = await cli(['ask', '--json', 'What did Lavrov say about terrorists?'], env);
      expect(asked.code).toBe(0);
      expect(JSON.parse(asked.stdout).results[0].text).toContain(
        'separation of healthy opposition forces from terrorists',
      );
      const events = await cli(['events'], env);
      expect(events).toMatchObject({ code: 0 });
      expect(events.stdout).toContain('Kerry–Lavrov talks in Geneva, August 2016');
      expect(events.stderr).not.toContain('test-password');
      // --corpus still names a folder.
      const folder = await cli(['ask', '--corpus', emptyFolder, 'What did Lavrov say?'], env);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain(`no articles found in ${emptyFolder}`);
      const out = path.join(work.dir, 'exported');
      const exported = await cli(['corpus', 'export', '--out', out], { DATABASE_URL: database });
      expect(exported.code).toBe(0);
      for (const name of [
        'events.json',
        '2016-08-27-the-brics-post-kerry-lavrov-move-forward-on-syria-talks.md',
      ])
        expect(await readFile(path.join(out, name), 'utf8')).toBe(
          await readFile(path.join(CORPUS_DIR, name), 'utf8'),
        );
      expect(await cli(['corpus', 'export'], { DATABASE_URL: database })).toMatchObject({ code: 2 });
      const without = await cli(['corpus', 'import'], { DATABASE_URL: '' });
      expect(without.code).toBe(2);
      expect(without.stderr).toMatch(/corpus import needs DATABASE_URL/);
    } finally {
      await work.remove();
    }
  });
});

describe('npm start with DATABASE_URL', () => {
  /** A new database holding the built-in corpus. */
  const importedDatabase = async (name: string) => {
    const database = await server.createDatabase(name);
    const store = await PgStore.open(database);
    await importFolder(store, CORPUS_DIR);
    await store.close();
    return database;
  };

  it('serves from the database, never logs the password, and stops cleanly', async () => {
    const database = await importedDatabase('bot');
    const fake = new FakeDiscord();
    await fake.start();
    try {
      const run = startEntry('src/main.ts', botEnv(fake.apiUrl, { DATABASE_URL: database }));
      await run.waitFor('bot ready');
      expect(logEvents(run.output()).find((e) => e.msg === 'corpus ready')).toMatchObject({
        store: 'postgres',
        version: '1',
        articles: 5,
        index: 'saved',
      });
      const { id } = fake.command({ id: '710000000000000001', username: 'asker' }, 'ask', [
        { name: 'question', type: 3, value: 'Who is the UN special envoy for Syria?' },
      ]);
      const reply = await fake.waitFor((m) => m.kind === 'callback' && m.key === id, 10_000);
      expect(JSON.stringify(reply.body)).toContain('Staffan de Mistura');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).not.toContain('test-password');
    } finally {
      await fake.stop();
    }
  });

  it('started before its database, keeps trying and serves once the database is up', async () => {
    const database = await importedDatabase('late');
    const fake = new FakeDiscord();
    await fake.start();
    await server.stop();
    try {
      const run = startEntry(
        'src/main.ts',
        botEnv(fake.apiUrl, { DATABASE_URL: database, DATABASE_WAIT_SECONDS: '60' }),
      );
      await run.waitFor('corpus database not reachable yet; trying again');
      await server.start();
      await run.waitFor('bot ready', 30_000);
      expect(logEvents(run.output()).find((e) => e.msg === 'corpus ready')).toMatchObject({
        store: 'postgres',
        version: '1',
        articles: 5,
      });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).not.toContain('test-password');
    } finally {
      await server.start();
      await fake.stop();
    }
  }, 60_000);

  it('with no database to reach within DATABASE_WAIT_SECONDS, says so and stops', async () => {
    const run = startEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DATABASE_URL: `postgres://postgres:test-password@127.0.0.1:${await freePort()}/coverage`,
      DATABASE_WAIT_SECONDS: '0',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('could not reach the corpus database');
    expect(run.output()).not.toContain('trying again');
    expect(run.output()).not.toContain('test-password');
  });

  it('with a wrong password, says what to check and stops, without printing it', async () => {
    const run = startEntry('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DATABASE_URL: url.replace('test-password', 'wrong-secret'),
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('could not open the corpus database (check DATABASE_URL');
    expect(run.output()).not.toContain('wrong-secret');
  });
});
