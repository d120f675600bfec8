/**
 * `npm start`: configuration → live corpus → Discord client. Without a token it says so and
 * points to the local chat mode; on SIGINT/SIGTERM it logs out and exits cleanly. It is also the
 * shard process `npm run start:sharded` spawns, which stops when its manager goes away.
 */
import { startBot } from './discord/bot.ts';
import { createLogger } from './discord/logger.ts';
import { LiveCorpus } from './live-corpus.ts';
import { readConfigOrExit, shutdownOnSignals } from './startup.ts';

const config = await readConfigOrExit();
const logger = createLogger(config.logLevel, [config.token]);
// A stray rejection is logged (without the token) and the bot keeps serving.
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
const live = await LiveCorpus.open(config.corpusDir, { cacheDir: config.indexCacheDir });
const { index } = live;
if (live.opened.warning) logger.warn(live.opened.warning);
for (const problem of index.corpus.problems)
  logger.warn('corpus problem', { path: problem.path, line: problem.line, problem: problem.message });
logger.info('corpus ready', {
  articles: index.corpus.articles.length,
  passages: index.passageCount,
  index: live.opened.from,
  ms: Math.round(live.opened.ms),
});

try {
  const bot = await startBot({
    token: config.token,
    apiUrl: config.apiUrl,
    live,
    logger,
    moderatorRoleIds: config.moderatorRoleIds,
    rateLimit: config.rateLimit,
    fetchPolicy: config.fetchPolicy,
  });
  const shutdown = shutdownOnSignals(logger, () => bot.stop());
  // Only a shard process has a channel to its manager: without the manager, nobody supervises it.
  process.once('disconnect', () => shutdown.begin('sharding manager gone'));
} catch (error) {
  logger.error('could not start the bot (is DISCORD_TOKEN right?)', { error });
  process.exit(1);
}
