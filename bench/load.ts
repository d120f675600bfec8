/**
 * Load through the real client: N `/ask` interactions dispatched at once through the local fake
 * gateway to a discord.js client built with the bot's production options; measures the time to
 * the first response and to the final reply of each, and counts the lost ones.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startBot } from '../src/discord/bot.ts';
import { LiveEngine } from '../src/live/live-engine.ts';
import { createLogger } from '../src/log.ts';
import { TOKEN } from '../test/e2e/fake-discord.ts';

export interface LoadResult {
  interactions: number;
  answered: number;
  lost: number;
  /** Interactions whose first response was the whole answer (not a deferral). */
  completeInFirstResponse: number;
  firstResponse: { p50: number; p99: number; max: number };
  finalReply: { p50: number; p99: number; max: number };
  wallMs: number;
}

const QUESTIONS = [
  'What did Lavrov say about terrorists?',
  'Who is the UN special envoy for Syria?',
  'How many people have been killed in the Syrian conflict?',
  'When were the Geneva talks scheduled to resume?',
  'Which town near Damascus did government forces capture?',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/**
 * Starts a fake Discord in a worker thread and the bot on a copy of `corpusDir`, sends `count`
 * /ask interactions in one burst (after a few warm-up questions: a running bot is warm), waits
 * up to `timeoutMs` for every reply, and stops everything.
 */
export async function runLoad(count: number, corpusDir: string, timeoutMs = 30_000): Promise<LoadResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'coverage-load-'));
  const dir = path.join(work, 'corpus');
  await cp(corpusDir, dir, { recursive: true });
  // A worker cannot start from a .ts file by itself: register tsx in it, then import the fake.
  const fakeUrl = new URL('./fake-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(fakeUrl)}); });`;
  const worker = new Worker(boot, { eval: true });
  const next = (type: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const listener = (m: Record<string, unknown>) => {
        if (m.type !== type) return;
        worker.off('message', listener);
        resolve(m);
      };
      worker.on('message', listener);
    });
  const { apiUrl } = (await next('ready')) as { apiUrl: string };
  const live = await LiveEngine.open(dir);
  const bot = await startBot({
    token: TOKEN,
    apiUrl,
    live,
    logger: createLogger('warn', [TOKEN]),
    moderatorRoleIds: [],
    // Each simulated member asks once; the limit is the production default.
    rateLimit: { questions: 5, windowSeconds: 60 },
  });
  try {
    worker.postMessage({ type: 'warm', questions: QUESTIONS });
    await next('warmed');
    const t0 = performance.now();
    worker.postMessage({ type: 'burst', count, questions: QUESTIONS, timeoutMs });
    const { times, complete } = (await next('result')) as { times: number[]; complete: number };
    const wallMs = performance.now() - t0;
    const sorted = [...times].sort((a, b) => a - b);
    // Every answer is complete in its initial response (no deferral), so first = final here.
    const stats = {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    };
    return {
      interactions: count,
      answered: times.length,
      lost: count - times.length,
      completeInFirstResponse: complete,
      firstResponse: stats,
      finalReply: stats,
      wallMs,
    };
  } finally {
    await bot.stop();
    worker.postMessage({ type: 'stop' });
    await next('stopped');
    await worker.terminate();
    await rm(work, { recursive: true, force: true });
  }
}
