/**
 * `npm run bench`: speed and quality of the project's retriever side by side with MiniSearch,
 * Lunr, FlexSearch, Orama and wink-bm25-text-search's README recipe on the same SQuAD data, a
 * scale curve, the saved index, and a load test through the real Discord client. Prints Markdown
 * tables and writes them to bench/results.md.
 *
 *   npm run bench [-- --data ../shared/eval] [--quick] [--only project,wink] [--sizes 1000,10000,100000,1000000]
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { DEFAULT_DATA_DIR } from './data.ts';
import { ENGINES } from './engines.ts';
import { runLoad } from './load.ts';
import { measureSavedIndex } from './saved-index.ts';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string' },
  },
});
const dataDir = path.resolve(values.data);
const engines = values.only ? values.only.split(',') : Object.keys(ENGINES);
const sizes = (values.sizes ?? (values.quick ? '1000,10000' : '1000,10000,100000,1000000'))
  .split(',')
  .map(Number);
/** Longest build a scale point may take; a larger size is skipped when extrapolation passes it. */
const BUILD_BUDGET_MS = values.quick ? 30_000 : 180_000;
const CHILD_TIMEOUT_MS = 420_000;

interface Measure {
  engine: string;
  key: string;
  docs: number;
  textMB: number;
  buildMs: number;
  docsPerSecond: number;
  heapMB: number;
  rssMB: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  qps: number;
  recall1: number | null;
  recall5: number | null;
  mrr10: number | null;
}

async function measure(engine: string, mode: string, queries: number): Promise<Measure | string> {
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=16384',
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
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measure;
  } catch (error) {
    const e = error as { killed?: boolean; stderr?: string; message: string };
    return e.killed
      ? `> ${CHILD_TIMEOUT_MS / 1000} s`
      : `failed: ${(e.stderr ?? e.message).split('\n').find((l) => /Error/.test(l)) ?? 'error'}`;
  }
}

const ms = (n: number) => (n < 1 ? n.toFixed(3) : n < 10 ? n.toFixed(2) : n.toFixed(1));
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
say(`# Benchmarks`);
say();
say(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}.`,
);
say(
  `Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (data: SQuAD v1.1 from \`${path.relative(ROOT, dataDir)}\`).`,
);
say(
  'Each figure comes from a fresh process per engine and size; heap is what the built index adds after a full GC.',
);
say();

// 1. Quality and speed on the same passages and questions.
const qualityQueries = values.quick ? 2000 : 10570;
say(
  `## Quality and speed: SQuAD v1.1 dev, 2,067 paragraphs as documents, ${int(qualityQueries)} dev questions as queries`,
);
say();
say('| engine | build | docs/s | heap | query p50 / p95 / p99 | queries/s | recall@1 | recall@5 | MRR@10 |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const key of engines) {
  const m = await measure(key, 'quality', qualityQueries);
  if (typeof m === 'string') {
    say(`| ${key} | ${m} | | | | | | | |`);
    continue;
  }
  say(
    `| ${m.engine} | ${ms(m.buildMs / 1000)} s | ${int(m.docsPerSecond)} | ${int(m.heapMB)} MB | ${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)} ms | ${int(m.qps)} | ${m.recall1?.toFixed(3)} | ${m.recall5?.toFixed(3)} | ${m.mrr10?.toFixed(3)} |`,
  );
}
say();
say(
  'The project ranks passages (windows of up to three sentences) and scores a paragraph by its best passage; the others index whole paragraphs.',
);

// 2. Scale curve.
say();
say(
  `## Scale: passages made from SQuAD train + dev (sentence windows, then numbered copies), 1,000 dev questions`,
);
say();
say('| engine | passages | text | build | passages/s | heap | RSS | query p50 / p99 | queries/s |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const key of engines) {
  let previous: Measure | null = null;
  for (const size of sizes) {
    const name = ENGINES[key]?.().name ?? key;
    if (previous !== null) {
      const estimate = previous.buildMs * (size / previous.docs) * 1.2;
      if (estimate > BUILD_BUDGET_MS) {
        say(
          `| ${name} | ${int(size)} | | skipped: ~${int(estimate / 1000)} s estimated, over the ${BUILD_BUDGET_MS / 1000} s budget | | | | | |`,
        );
        break;
      }
    }
    const m = await measure(key, String(size), 1000);
    if (typeof m === 'string') {
      say(`| ${name} | ${int(size)} | | ${m} | | | | | |`);
      break;
    }
    say(
      `| ${m.engine} | ${int(m.docs)} | ${m.textMB.toFixed(0)} MB | ${ms(m.buildMs / 1000)} s | ${int(m.docsPerSecond)} | ${int(m.heapMB)} MB | ${int(m.rssMB)} MB | ${ms(m.p50)} / ${ms(m.p99)} ms | ${int(m.qps)} |`,
    );
    previous = m;
  }
}

// 3. Saved index: start-to-ready with and without it.
say();
say('## Saved index: start to ready (open the corpus folder, index ready to answer)');
say();
say('| passages | without saved index (build) | with saved index (load) | saved file |');
say('| --- | --- | --- | --- |');
for (const size of values.quick ? [10000] : [10000, 100000]) {
  const r = await measureSavedIndex(dataDir, size);
  say(`| ${int(r.passages)} | ${ms(r.buildMs / 1000)} s | ${ms(r.loadMs / 1000)} s | ${int(r.fileMB)} MB |`);
}

// 4. Load through the real client.
say();
const burst = values.quick ? 100 : 500;
say(
  `## Load: ${burst} /ask interactions at once through the local fake gateway (in its own thread) to the real discord.js client`,
);
say();
const load = await runLoad(burst, path.join(ROOT, 'corpus'));
say('| interactions | answered | lost | first response p50 / p99 / max | final reply p50 / p99 | wall |');
say('| --- | --- | --- | --- | --- | --- |');
say(
  `| ${load.interactions} | ${load.answered} | ${load.lost} | ${int(load.firstResponse.p50)} / ${int(load.firstResponse.p99)} / ${int(load.firstResponse.max)} ms | ${int(load.finalReply.p50)} / ${int(load.finalReply.p99)} ms | ${int(load.wallMs)} ms |`,
);
say('Answers are sent in the initial interaction response, so the first response is the final reply.');

await writeFile(path.join(ROOT, 'bench', 'results.md'), `${lines.join('\n')}\n`);
console.log('\nWritten to bench/results.md');
