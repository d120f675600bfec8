/**
 * `npm start`: configuration → live corpus → Discord client. Without a token it says so and
 * points to the local chat mode; on SIGINT/SIGTERM it logs out and exits cleanly. It is also the
 * shard process `npm run start:sharded` spawns, which stops when its manager goes away.
 */
import { DEFAULT_POLLER_SETTINGS } from './curation/feeds/poller.ts';
import { startBot } from './discord/bot.ts';
import { botHealthChecks, instrumentCorpus } from './discord/health.ts';
import { refreshOnFolderEdits } from './live/folder-edits.ts';
import { LiveEngine } from './live/live-engine.ts';
import { createLogger, resolveLogFormat } from './log.ts';
import { type HealthServer, HealthServerError, startHealthServer } from './ops/health-server.ts';
import { BotMetrics } from './ops/metrics.ts';
import { readConfigOrExit, shutdownOnSignals } from './startup.ts';
import { databaseSecrets, openCorpusStoreWaiting } from './store/open.ts';
import { StoreUnavailableError } from './store/types.ts';

const config = await readConfigOrExit();
const logger = createLogger(
  config.logLevel,
  [config.token, ...databaseSecrets(config.databaseUrl)],
  undefined,
  {
    format: resolveLogFormat(config.logFormat, process.stderr.isTTY === true),
    fields: config.shardId === undefined ? {} : { shard: config.shardId },
  },
);
// A stray rejection is logged (without the token) and the bot keeps serving.
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
const metrics = new BotMetrics({ shard: config.shardId, processMetrics: true });
let live: LiveEngine;
try {
  const store = await openCorpusStoreWaiting(
    config,
    {
      onConnection: (state, error) => {
        if (state === 'reconnected') return logger.info('corpus store connection back; catching up');
        metrics.storeError('connection');
        logger.warn('corpus store connection lost; answering from the current index, reconnecting', {
          error,
        });
      },
    },
    {
      waitMs: config.databaseWaitMs,
      onRetry: (error, delayMs) =>
        logger.warn('corpus database not reachable yet; trying again', {
          inSeconds: Math.round(delayMs / 100) / 10,
          error: error.cause ?? error,
        }),
    },
  );
  live = await LiveEngine.openStore(store);
} catch (error) {
  if (config.databaseUrl === undefined) throw error;
  // Unreachable, wrong password, no such database, a failed migration: say which, without the password.
  logger.error(
    error instanceof StoreUnavailableError
      ? 'could not reach the corpus database (is DATABASE_URL right, and the server up? DATABASE_WAIT_SECONDS says how long to keep trying)'
      : 'could not open the corpus database (check DATABASE_URL: user, password, database name)',
    { error: error instanceof StoreUnavailableError ? (error.cause ?? error) : error },
  );
  process.exit(1);
}
const { engine } = live;
instrumentCorpus(metrics, live);
if (live.opened.warning) logger.warn(live.opened.warning);
for (const problem of engine.corpus.problems)
  logger.warn('corpus problem', { path: problem.path, line: problem.line, problem: problem.message });
logger.info('corpus ready', {
  store: live.store.kind,
  version: live.version,
  articles: engine.corpus.articles.length,
  passages: engine.passageCount,
  index: live.opened.from,
  ms: Math.round(live.opened.ms),
});
// Before the bot logs in, so that no member waits for it; members' first questions then do not
// pay for compiling the answer path and reading the corpus' common words.
const warmed = engine.warmUpAnswers();
logger.info('answer path warmed up', { questions: warmed.questions, ms: Math.round(warmed.ms) });
if (live.store.kind === 'postgres' && engine.corpus.articles.length === 0)
  logger.warn(
    'the corpus database holds no article yet; load a folder with: npm run -s cli -- corpus import',
    {
      store: live.store.label,
    },
  );

// Edits by hand in the corpus folder are served once the files are quiet for a second.
const folderWatch =
  live.store.kind === 'folder' && config.watchCorpusFolder
    ? refreshOnFolderEdits(live, config.corpusDir, logger)
    : null;

try {
  const bot = await startBot({
    token: config.token,
    apiUrl: config.apiUrl,
    live,
    logger,
    moderatorRoleIds: config.moderatorRoleIds,
    moderatorGuildIds: config.moderatorGuildIds,
    rateLimit: config.rateLimit,
    addRateLimit: config.addRateLimit,
    fetchPolicy: config.fetchPolicy,
    questionLog: config.questionLog,
    metrics,
    feeds: {
      polling: config.feeds.polling,
      poller: {
        ...DEFAULT_POLLER_SETTINGS,
        itemsPerPoll: config.feeds.itemsPerPoll,
        queueMax: config.feeds.queueMax,
      },
      minIntervalSeconds: config.feeds.minIntervalSeconds,
      defaultIntervalSeconds: config.feeds.defaultIntervalSeconds,
    },
    digest: config.digest,
  });
  let health: HealthServer | null = null;
  const shutdown = shutdownOnSignals(logger, async () => {
    await health?.close();
    folderWatch?.close();
    await bot.stop();
    await live.close();
  });
  // Only a shard process has a channel to its manager: without the manager, nobody supervises it.
  process.once('disconnect', () => shutdown.begin('sharding manager gone'));
  if (config.health) {
    health = await startHealthServer({
      ...config.health,
      checks: botHealthChecks(bot.client, live),
      metrics,
    });
    logger.info('health and metrics listening', {
      healthz: `${health.url}/healthz`,
      metrics: `${health.url}/metrics`,
    });
  }
} catch (error) {
  // A port in use says which setting to change; anything else here is the login.
  if (error instanceof HealthServerError) logger.error(error.message, { error: error.cause });
  else logger.error('could not start the bot (is DISCORD_TOKEN right?)', { error });
  process.exit(1);
}
