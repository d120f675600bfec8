/**
 * What an operator scrapes: /healthz follows the gateway and the corpus store down and back up,
 * and /metrics counts what members asked, as Prometheus text, from the real client on a fake Discord.
 */
import { rename } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/discord/bot.ts';
import { botHealthChecks, instrumentCorpus } from '../../src/discord/health.ts';
import { LiveEngine } from '../../src/live/live-engine.ts';
import { type HealthServer, startHealthServer } from '../../src/ops/health-server.ts';
import { BotMetrics } from '../../src/ops/metrics.ts';
import { copyOfCorpus } from '../core/helpers.ts';
import { FakeDiscord, type FakeUser } from './fake-discord.ts';
import { parsePrometheus, sampleValue } from './prometheus.ts';
import { startTestBot } from './test-bot.ts';

let fake: FakeDiscord;
let bot: RunningBot;
let live: LiveEngine;
let health: HealthServer;
let corpusDir: string;
let removeCorpus: () => Promise<void>;
const member: FakeUser = { id: '770000000000000001', username: 'operator-test' };

async function healthz(): Promise<{
  status: number;
  body: { status: string; checks: object; problems: string[] };
}> {
  const res = await fetch(`${health.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Awaited<ReturnType<typeof healthz>>['body'] };
}

/** Polls /healthz until it answers `status` (the client reconnects on its own schedule). */
async function healthzBecomes(status: number, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await healthz();
    if (got.status === status || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ({ dir: corpusDir, remove: removeCorpus } = await copyOfCorpus());
  live = await LiveEngine.open(corpusDir);
  fake = new FakeDiscord();
  await fake.start();
  const metrics = new BotMetrics({ shard: 0 });
  instrumentCorpus(metrics, live);
  bot = await startTestBot(fake, live, { metrics });
  health = await startHealthServer({
    host: '127.0.0.1',
    port: 0,
    checks: botHealthChecks(bot.client, live),
    metrics,
  });
}, 20_000);

afterAll(async () => {
  await health?.close();
  await bot?.stop();
  await fake?.stop();
  await live?.close();
  await removeCorpus?.();
});

describe('/healthz', () => {
  it('is 200 with every check ok while connected, with the index and the store there', async () => {
    expect(await healthz()).toEqual({
      status: 200,
      body: { status: 'ok', checks: { gateway: 'ok', index: 'ok', store: 'ok' }, problems: [] },
    });
  });

  it('turns 503 naming the gateway when Discord drops it, and 200 again once the bot is back', async () => {
    fake.dropGateway();
    const down = await healthzBecomes(503);
    expect(down.status).toBe(503);
    expect(down.body.checks).toEqual({ gateway: 'failing', index: 'ok', store: 'ok' });
    expect(down.body.problems[0]).toMatch(/^gateway: not connected to the Discord gateway \(shard 0: /);
    fake.restoreGateway();
    expect((await healthzBecomes(200)).status).toBe(200);
  }, 30_000);

  it('turns 503 naming the store when the corpus cannot be read, and 200 again when it can', async () => {
    await rename(corpusDir, `${corpusDir}-away`);
    try {
      const down = await healthz();
      expect(down.status).toBe(503);
      expect(down.body.checks).toEqual({ gateway: 'ok', index: 'ok', store: 'failing' });
      expect(down.body.problems).toEqual([`store: The corpus folder ${corpusDir} cannot be read. (ENOENT)`]);
    } finally {
      await rename(`${corpusDir}-away`, corpusDir);
    }
    expect((await healthz()).status).toBe(200);
  });
});

describe('/metrics', () => {
  it('counts an answered and a refused question, in Prometheus text', async () => {
    for (const question of [
      'Who is the UN special envoy for Syria?',
      'What is the recipe for chocolate cake?',
    ]) {
      const { id } = fake.command(member, 'ask', [{ name: 'question', type: 3, value: question }]);
      await fake.waitFor((s) => s.kind === 'callback' && s.key === id);
    }
    const res = await fetch(`${health.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const samples = parsePrometheus(await res.text());
    expect(sampleValue(samples, 'coverage_questions_total', { outcome: 'answered', shard: '0' })).toBe(1);
    expect(sampleValue(samples, 'coverage_questions_total', { outcome: 'refused', shard: '0' })).toBe(1);
    expect(sampleValue(samples, 'coverage_interactions_total', { command: 'ask', outcome: 'ok' })).toBe(2);
    expect(sampleValue(samples, 'coverage_interaction_seconds_count', { command: 'ask' })).toBe(2);
    expect(sampleValue(samples, 'coverage_ranking_seconds_count')).toBe(2);
    expect(sampleValue(samples, 'coverage_index_articles')).toBe(live.engine.corpus.articles.length);
    expect(sampleValue(samples, 'coverage_index_passages')).toBe(live.engine.passageCount);
    expect(sampleValue(samples, 'coverage_index_info', { version: live.version })).toBe(1);
    expect(sampleValue(samples, 'coverage_shard_id')).toBe(0);
  });

  it('times a corpus refresh', async () => {
    await live.refresh();
    const samples = parsePrometheus(await (await fetch(`${health.url}/metrics`)).text());
    expect(
      sampleValue(samples, 'coverage_corpus_update_seconds_count', { kind: 'refresh', ok: 'true' }),
    ).toBe(1);
  });

  it('says which setting to change when its port is taken', async () => {
    const port = Number(new URL(health.url).port);
    await expect(
      startHealthServer({ host: '127.0.0.1', port, checks: [], metrics: new BotMetrics() }),
    ).rejects.toThrow(
      `Could not listen for health checks on 127.0.0.1:${port}: the port is in use: set HEALTH_PORT`,
    );
  });

  it('reports a port out of range as a setting to fix', async () => {
    await expect(
      startHealthServer({ host: '127.0.0.1', port: 70_000, checks: [], metrics: new BotMetrics() }),
    ).rejects.toThrow(
      /^Could not listen for health checks on 127\.0\.0\.1:70000: .*check HEALTH_HOST and HEALTH_PORT/,
    );
  });

  it('answers anything else with 404', async () => {
    expect((await fetch(`${health.url}/`)).status).toBe(404);
  });
});
