/**
 * `npm run bench`: speed and quality of the project's retriever side by side with MiniSearch,
 * Lunr, FlexSearch, Orama and wink-bm25-text-search's README recipe on the same SQuAD data, a
 * scale curve with time and memory budgets, the saved index, and (when bench/load.ts is present)
 * a load test through the real Discord client, and bulk import of local pages (`corpus add-urls`).
 * Prints Markdown tables and writes them to bench/results.md (a partial run: --quick, --only or
 * --sizes, to bench/results-partial.md, unless --out says where).
 *
 *   npm run bench [-- --data ../shared/eval] [--quick] [--only project,wink,saved,load,bulk]
 *                 [--sizes 1k,10k,100k,1m] [--out FILE] [--node-default-gc]
 *
 * Engines are measured under the Node options the bot answers with (src/util/node-flags.ts);
 * --node-default-gc measures them with Node's default young generation instead.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { ANSWERING_NODE_FLAGS } from '../src/util/node-flags.ts';
import { measureBulkImport } from './bulk-import.ts';
import { DEFAULT_DATA_DIR } from './data.ts';
import type { WorkerResult } from './engine-worker.ts';
import { ENGINES } from './engines.ts';
import { keptNotes } from './lib/kept-notes.ts';
import { measureSavedIndex } from './saved-index.ts';

const run = promisify(execFile);

/** What bench/load.ts provides (owned by the bot's harness). */
type RunLoad = (
  count: number,
  corpusDir: string,
) => Promise<{
  interactions: number;
  answered: number;
  lost: number;
  firstResponse: { p50: number; p99: number; max: number };
  finalReply: { p50: number; p99: number; max: number };
  wallMs: number;
}>;
const ROOT = path.join(import.meta.dirname, '..');
const benchStarted = performance.now();
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string' },
    out: { type: 'string' },
    'node-default-gc': { type: 'boolean', default: false },
  },
});
const dataDir = path.resolve(values.data);
/** A part of the bench (--quick, --only, --sizes) never overwrites the full results in bench/results.md. */
const partial = values.quick || values.only !== undefined || values.sizes !== undefined;
const outFile = path.resolve(
  values.out ?? path.join(ROOT, 'bench', partial ? 'results-partial.md' : 'results.md'),
);
const only = values.only?.split(',').map((s) => s.trim()) ?? null;
const engines = Object.keys(ENGINES).filter((k) => only === null || only.includes(k));
const wants = (section: string) => only === null || only.includes(section);
for (const name of only ?? []) {
  if (!(name in ENGINES) && name !== 'saved' && name !== 'load' && name !== 'bulk')
    throw new Error(
      `--only: unknown "${name}" (engines: ${Object.keys(ENGINES).join(', ')}; or saved, load, bulk)`,
    );
}

/** Parses "1k,10k,100k,1m" or "1000,10000" into numbers. */
function parseSizes(text: string): number[] {
  return text.split(',').map((s) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(s);
    if (m === null) throw new Error(`--sizes: cannot read "${s}"`);
    const unit = m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1;
    return Math.round(Number(m[1]) * unit);
  });
}
/** Node options of each measuring process beyond --expose-gc: the bot's, unless told otherwise. */
const NODE_FLAGS = values['node-default-gc'] ? [] : [...ANSWERING_NODE_FLAGS];
const sizes = parseSizes(values.sizes ?? (values.quick ? '1k,10k' : '1k,10k,100k,1m'));

/** Longest build a scale point may take; a larger size is skipped when extrapolation passes it. */
const BUILD_BUDGET_MS = values.quick ? 30_000 : 180_000;
/** Heap limit of each measuring process (a third of this machine's memory at most). */
const HEAP_BUDGET_MB = Math.min(8192, Math.floor(os.totalmem() / 2 ** 20 / 3));
/** Hard limit on one measuring process: data, build, warm-up and queries. */
const CHILD_TIMEOUT_MS = BUILD_BUDGET_MS + 120_000;
/**
 * The whole bench stays under 15 minutes: the scale curve must be done by this time, leaving
 * about two minutes for the saved index and the load test.
 */
const SCALE_DEADLINE_MS = values.quick ? 240_000 : 780_000;

async function measure(engine: string, mode: string, queries: number): Promise<WorkerResult | string> {
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        ...NODE_FLAGS,
        `--max-old-space-size=${HEAP_BUDGET_MB}`,
        '--import',
        'tsx',
        path.join(ROOT, 'bench', 'engine-worker.ts'),
        engine,
        mode,
        dataDir,
        String(queries),
      ],
      { cwd: ROOT, timeout: CHILD_TIMEOUT_MS, maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as WorkerResult;
  } catch (error) {
    const e = error as { killed?: boolean; stderr?: string; message: string };
    const stderr = e.stderr ?? '';
    if (e.killed) return `> time budget (${CHILD_TIMEOUT_MS / 1000} s for the whole measurement)`;
    if (/heap out of memory|Allocation failed/i.test(stderr))
      return `> memory budget (${(HEAP_BUDGET_MB / 1024).toFixed(0)} GB heap)`;
    return `failed: ${(stderr || e.message).split('\n').find((l) => /Error/.test(l)) ?? 'error'}`;
  }
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
/**
 * The whole answer to new questions, its p99's ratio to the ranking's, and the answer right after
 * its ranking: three cells, empty for peers.
 */
const answerCells = (m: WorkerResult) => {
  const after =
    m.answerAfterRanking === null
      ? '—'
      : `${ms(m.answerAfterRanking.p50)} / ${ms(m.answerAfterRanking.p99)} ms`;
  return m.answer === null
    ? `— | — | ${after}`
    : `${ms(m.answer.p50)} / ${ms(m.answer.p95)} / ${ms(m.answer.p99)} ms | ${(m.answer.p99 / m.p99).toFixed(2)}× | ${after}`;
};
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
/** The code measured: the commit, and which tracked files (other than the results) differed from it. */
async function revision(): Promise<string> {
  try {
    const head = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).stdout.trim();
    const status = await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT });
    // The results file itself does not count: it is what the bench rewrites.
    const changed = status.stdout
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.endsWith('bench/results.md'));
    return changed.length === 0
      ? head
      : `${head} with uncommitted changes to ${changed.map((l) => l.slice(3)).join(', ')}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
const measuredRevision = await revision();
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
say(`# Benchmarks`);
say();
say(
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}.`,
);
say(`Code: ${measuredRevision}.`);
say(`Command: \`${command}\` (data: SQuAD v1.1 JSONL from \`${path.relative(ROOT, dataDir)}/squad\`).`);
say(
  `Each engine and size is measured in a fresh process (\`node ${['--expose-gc', ...NODE_FLAGS].join(' ')}\`, ${NODE_FLAGS.length > 0 ? "the bot's Node options, " : ''}heap limit ${int(HEAP_BUDGET_MB)} MB); heap is what the built index adds after a full GC, RSS is the whole process after that GC (it includes the benchmark's own copy of the data). Latency is per question, one at a time, after 100 untimed warm-up questions; percentiles are nearest-rank.`,
);
say();

// 1. Quality and speed on the same passages and questions.
const qualityQueries = values.quick ? 2000 : 10570;
const qualityRows: WorkerResult[] = [];
if (engines.length > 0) {
  say(
    `## Quality and speed: SQuAD v1.1 dev, 2,067 paragraphs (title + text) as documents, ${int(qualityQueries)} dev questions as queries`,
  );
  say();
  say(
    '| engine | build | docs/s | heap | RSS | query p50 / p95 / p99 | queries/s | recall@1 | recall@5 | MRR@10 |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const key of engines) {
    const m = await measure(key, 'quality', qualityQueries);
    if (typeof m === 'string') {
      say(`| ${key} | ${m} | | | | | | | | |`);
      continue;
    }
    qualityRows.push(m);
    say(
      `| ${m.engine} | ${ms(m.buildMs / 1000)} s | ${int(m.docsPerSecond)} | ${int(m.heapMB)} MB | ${int(m.rssMB)} MB | ${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)} ms | ${int(m.qps)} | ${m.recall1.toFixed(3)} | ${m.recall5.toFixed(3)} | ${m.mrr10.toFixed(3)} |`,
    );
  }
  say();
  say(
    'Recall and MRR@10 are of the gold paragraph (the one the question was written on). The project indexes passages (windows of up to three sentences) and ranks a paragraph by its best passage; the others index whole paragraphs. Queries are cut off after 30 s of query time in all (the count is in the scale table).',
  );
}

// 2. Scale curve: size by size (every engine at 1k, then at 10k, ...), so the largest sizes come
// last and only they can be cut by the bench's time limit; printed grouped by engine.
const scaleRows: WorkerResult[] = [];
if (engines.length > 0 && sizes.length > 0) {
  say();
  say(
    `## Scale: ${sizes.map(int).join(', ')} passages from SQuAD dev + train, 1,000 dev questions as queries`,
  );
  say();
  say(
    'The corpus is made deterministically (bench/data.ts): dev then train paragraphs cut into sentence windows of three sentences, then of two, then one (about 240,000 passages in all, each with its paragraph title); past that, numbered copies of the same passages (id and title suffixed with the copy number). Sizes nest: a smaller corpus is a prefix of a larger one. "Query" is the ranking (for the project, `rankArticles`: question analysis and ranked passages); "whole answer" is what a member gets from the project (`ask`, k = 3: ranking, no-answer decision, excerpts, copies grouped), timed on questions the engine has not met (1,000 other dev questions, one after each ranked one), as a member’s question mostly is; "answer after its ranking" times the ranked question’s answer right after its ranking, when its words’ WordNet expansions, stems and postings are fresh from it (what this table called the whole answer before: it hides a new question’s cost). Recall@1 counts a passage as its paragraph and is over the timed questions whose paragraph is in the corpus (how many in brackets). Budgets: a size is skipped when the build extrapolated from the previous size passes ' +
      `${BUILD_BUDGET_MS / 1000} s or the heap passes half the ${int(HEAP_BUDGET_MB)} MB limit (near it V8 spends its time collecting); a measurement is stopped after ${CHILD_TIMEOUT_MS / 1000} s; a measurement that would end past ${SCALE_DEADLINE_MS / 60000} minutes of bench is not started.`,
  );
  const rows = new Map<string, string[]>(engines.map((k) => [k, []]));
  const previous = new Map<string, WorkerResult>();
  const stopped = new Set<string>();
  for (const size of sizes) {
    for (const key of engines) {
      if (stopped.has(key)) continue;
      const name = ENGINES[key]?.().name ?? key;
      const skip = (why: string) => {
        rows.get(key)?.push(`| ${name} | ${int(size)} | | ${why} | | | | | | | | | |`);
        stopped.add(key);
      };
      const before = previous.get(key);
      // Expected wall time of this measurement: data, build, warm-up and queries (at most 35 s).
      let expectedMs = 60_000;
      if (before !== undefined) {
        const ratio = size / before.docs;
        const buildEstimate = before.buildMs * ratio * 1.2;
        const heapEstimate = before.heapMB * ratio;
        if (buildEstimate > BUILD_BUDGET_MS) {
          skip(
            `> time budget: ~${int(buildEstimate / 1000)} s build estimated, over ${BUILD_BUDGET_MS / 1000} s`,
          );
          continue;
        }
        // Near its heap limit V8 spends most of its time collecting (Orama at 1M passages, an
        // estimated 6.2 GB of 8 GB, used up the whole 300 s of its measurement): half is the budget.
        if (heapEstimate > HEAP_BUDGET_MB / 2) {
          skip(
            `> memory budget: ~${int(heapEstimate)} MB heap estimated, over half the ${int(HEAP_BUDGET_MB)} MB limit`,
          );
          continue;
        }
        expectedMs = (before.loadDataMs + before.buildMs) * ratio * 1.2 + 35_000;
      }
      if (performance.now() - benchStarted + expectedMs > SCALE_DEADLINE_MS) {
        skip(
          `not run: would end past the bench's ${SCALE_DEADLINE_MS / 60000}-minute limit for the scale curve (~${int(expectedMs / 1000)} s expected)`,
        );
        continue;
      }
      console.error(`scale: ${name} at ${int(size)} passages…`);
      const m = await measure(key, String(size), 1000);
      if (typeof m === 'string') {
        skip(m);
        continue;
      }
      scaleRows.push(m);
      rows
        .get(key)
        ?.push(
          `| ${m.engine} | ${int(m.docs)} | ${m.textMB.toFixed(0)} MB | ${ms(m.buildMs / 1000)} s | ${int(m.docsPerSecond)} | ${int(m.heapMB)} MB | ${int(m.rssMB)} MB | ${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)} ms | ${answerCells(m)} | ${int(m.qps)}${m.queries < 1000 ? ` (${m.queries} q)` : ''} | ${m.recall1.toFixed(3)} (${int(m.judged)}) |`,
        );
      previous.set(key, m);
    }
  }
  say();
  say(
    '| engine | passages | text | build | passages/s | heap | RSS | query p50 / p95 / p99 | whole answer, new question p50 / p95 / p99 | answer ÷ query p99 | answer after its ranking p50 / p99 | queries/s | recall@1 |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const key of engines) for (const row of rows.get(key) ?? []) say(row);
  const kept = scaleRows.filter((m) => m.unpreempted !== null);
  if (kept.length > 0) {
    say();
    say(
      'Calls during which the main thread kept its core (Linux: its involuntary context switches did not move), p99 and how many of the timed calls: what the code costs when other work on the machine preempts it.',
    );
    say();
    say('| engine | passages | query p99 (calls) | whole answer, new question p99 (calls) |');
    say('| --- | --- | --- | --- |');
    for (const m of kept) {
      const u = m.unpreempted as NonNullable<WorkerResult['unpreempted']>;
      say(
        // No call kept its core (a few slow calls on a busy machine): no p99 to give.
        `| ${m.engine} | ${int(m.docs)} | ${u.query.count === 0 ? '—' : `${ms(u.query.p99)} ms`} (${int(u.query.count)}) | ${u.answer === null ? '—' : `${ms(u.answer.p99)} ms (${int(u.answer.count)})`} |`,
      );
    }
  }
}

// 3. Saved index: start-to-ready with and without it.
if (wants('saved')) {
  say();
  say('## Saved index: start to ready (open the corpus folder, index ready to answer)');
  say();
  say('| passages | without saved index (build) | with saved index (load) | saved file |');
  say('| --- | --- | --- | --- |');
  for (const size of values.quick ? [10000] : [10000, 100000]) {
    try {
      const r = await measureSavedIndex(dataDir, size);
      say(
        `| ${int(r.passages)} | ${ms(r.buildMs / 1000)} s | ${ms(r.loadMs / 1000)} s | ${int(r.fileMB)} MB |`,
      );
    } catch (error) {
      say(`| ${int(size)} | failed: ${(error as Error).message} | | |`);
    }
  }
  say(
    'Passages: the scale corpus above written as one JSONL corpus file; the project cuts it into its own passages.',
  );
}

// 4. Load through the real client (bench/load.ts, when present).
const loadFile = path.join(ROOT, 'bench', 'load.ts');
if (wants('load') && existsSync(loadFile)) {
  say();
  const burst = values.quick ? 100 : 500;
  say(
    `## Load: ${burst} /ask interactions at once through the local fake gateway (in its own thread) to the real discord.js client`,
  );
  say();
  try {
    // Imported by path at run time, so the bench still runs (and type-checks) without it.
    const { runLoad } = (await import(pathToFileURL(loadFile).href)) as { runLoad: RunLoad };
    const load = await runLoad(burst, path.join(ROOT, 'corpus'));
    say('| interactions | answered | lost | first response p50 / p99 / max | final reply p50 / p99 | wall |');
    say('| --- | --- | --- | --- | --- | --- |');
    say(
      `| ${load.interactions} | ${load.answered} | ${load.lost} | ${int(load.firstResponse.p50)} / ${int(load.firstResponse.p99)} / ${int(load.firstResponse.max)} ms | ${int(load.finalReply.p50)} / ${int(load.finalReply.p99)} ms | ${int(load.wallMs)} ms |`,
    );
  } catch (error) {
    say(`The load test failed: ${(error as Error).message}`);
  }
}

// 5. Bulk import end to end (bench/bulk-import.ts).
if (wants('bulk')) {
  const pages = values.quick ? 200 : 1000;
  say();
  say(
    `## Bulk import: \`corpus add-urls\` of ${int(pages)} pages served from 127.0.0.1 (target ≥ 20 pages/s on 2 cores)`,
  );
  say();
  try {
    const r = await measureBulkImport(dataDir, pages);
    say(
      '| pages | page size | wall (CLI start to exit) | pages/s | added / duplicates / refused | saved indexes |',
    );
    say('| --- | --- | --- | --- | --- | --- |');
    say(
      `| ${int(r.pages)} | ${r.pageKB.toFixed(0)} kB | ${ms(r.wallMs / 1000)} s | ${r.pagesPerSecond.toFixed(1)} | ${r.added} / ${r.duplicates} / ${r.refused} | ${r.savedIndexes} |`,
    );
    say(
      'A fresh CLI process (default settings: 8 pages at once, 2 a host, so 2 here) fetches, reads (worker pool), cleans, checks for duplicates and writes each page into a copy of the built-in corpus, then builds and saves the index once; each page is news-page shaped (scripts, menus, an inline ad, a related block) around four SQuAD train paragraphs.',
    );
  } catch (error) {
    say(`The bulk import bench failed: ${(error as Error).message}`);
  }
}

// 6. The README's summary.
const at = (key: string, docs: number) => scaleRows.find((r) => r.key === key && r.docs === docs);
if (qualityRows.length > 0) {
  say();
  say('## For the README');
  say();
  say(
    `SQuAD v1.1: quality on 2,067 dev paragraphs with ${int(qualityQueries)} dev questions; speed at 100,000 passages with 1,000 questions (\`${command}\`, ${os.cpus().length} cores, Node ${process.version}).`,
  );
  say();
  say(
    '| engine | MRR@10 | recall@1 | build, 100k passages | passages/s | heap | query p50 / p99 | whole answer (new question) p50 / p99 |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const q of qualityRows) {
    const s = at(q.key, 100000);
    const speed = s
      ? `${ms(s.buildMs / 1000)} s | ${int(s.docsPerSecond)} | ${int(s.heapMB)} MB | ${ms(s.p50)} / ${ms(s.p99)} ms | ${s.answer === null ? '—' : `${ms(s.answer.p50)} / ${ms(s.answer.p99)} ms`}`
      : 'not measured at 100k (see the scale table) | | | |';
    say(`| ${q.engine} | ${q.mrr10.toFixed(3)} | ${q.recall1.toFixed(3)} | ${speed} |`);
  }
}

say();
say(`Whole bench: ${((performance.now() - benchStarted) / 60000).toFixed(1)} minutes.`);
await writeFile(outFile, `${lines.join('\n')}\n${await keptNotes(outFile)}`);
console.log(`\nWritten to ${path.relative(process.cwd(), outFile)}`);
