/**
 * What an operator watches of a running bot: the health checks of `/healthz` (gateway, index,
 * store) and the corpus figures and update times its metrics read.
 */
import { type Client, Status } from 'discord.js';
import type { LiveEngine } from '../live/live-engine.ts';
import type { HealthCheck } from '../ops/health-server.ts';
import type { BotMetrics } from '../ops/metrics.ts';

/**
 * The bot's health: every gateway shard of `client` is connected and ready, the index serves at
 * least one passage, and the corpus store answers.
 */
export function botHealthChecks(client: Client, live: LiveEngine): HealthCheck[] {
  return [
    {
      name: 'gateway',
      check: async () => {
        const down = [...client.ws.shards.values()].filter((s) => s.status !== Status.Ready);
        if (client.ws.shards.size === 0) return 'not logged in to Discord';
        if (down.length === 0) return null;
        return `not connected to the Discord gateway (${down.map((s) => `shard ${s.id}: ${Status[s.status]}`).join(', ')})`;
      },
    },
    {
      name: 'index',
      check: async () =>
        live.engine.passageCount > 0 ? null : 'the index serves no passage: the corpus is empty',
    },
    {
      name: 'store',
      check: async () => {
        try {
          await live.store.reachable();
          return null;
        } catch (error) {
          const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
          return `${(error as Error).message}${code ? ` (${code})` : ''}`;
        }
      },
    },
  ];
}

/** Has `metrics` read the index figures at each scrape and time every corpus update. */
export function instrumentCorpus(metrics: BotMetrics, live: LiveEngine): void {
  metrics.watchIndex(() => ({
    articles: live.engine.corpus.articles.length,
    passages: live.engine.passageCount,
    version: live.version,
  }));
  live.onUpdate((kind, report) => metrics.corpusUpdate(kind, report.durationMs / 1000, report.ok));
}
