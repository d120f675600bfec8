/**
 * `npm start`: configuration → live corpus → Discord client. Without a token it says so and
 * points to the local chat mode; on SIGINT/SIGTERM it logs out and exits cleanly.
 */
import { ConfigError, hasBotToken, loadDotEnv, readBotConfig } from './config.ts';
import { startBot } from './discord/bot.ts';
import { createLogger } from './discord/logger.ts';
import { LiveCorpus } from './live-corpus.ts';
import { databaseSecrets, openCorpusStore } from './store/open.ts';
import { StoreUnavailableError } from './store/types.ts';

await loadDotEnv();
if (!hasBotToken()) {
  process.stderr.write(
    'No DISCORD_TOKEN is set, so the bot cannot connect to Discord.\n' +
      'Set it in .env (see .env.example and the README), or try the bot locally without Discord:\n' +
      '  npm run -s cli -- chat\n',
  );
  process.exit(1);
}

let config: ReturnType<typeof readBotConfig>;
try {
  config = readBotConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel, [config.token, ...databaseSecrets(config.databaseUrl)]);
// A stray rejection is logged (without the token) and the bot keeps serving.
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
let live: LiveCorpus;
try {
  const store = await openCorpusStore(config, {
    onConnection: (state, error) =>
      state === 'lost'
        ? logger.warn('corpus store connection lost; answering from the current index, reconnecting', {
            error,
          })
        : logger.info('corpus store connection back; catching up'),
  });
  live = await LiveCorpus.openStore(store);
} catch (error) {
  if (config.databaseUrl === undefined) throw error;
  // Unreachable, wrong password, no such database, a failed migration: say which, without the password.
  logger.error(
    error instanceof StoreUnavailableError
      ? 'could not reach the corpus database (is DATABASE_URL right, and the server up?)'
      : 'could not open the corpus database (check DATABASE_URL: user, password, database name)',
    { error: error instanceof StoreUnavailableError ? (error.cause ?? error) : error },
  );
  process.exit(1);
}
const { index } = live;
if (live.opened.warning) logger.warn(live.opened.warning);
for (const problem of index.corpus.problems)
  logger.warn('corpus problem', { path: problem.path, line: problem.line, problem: problem.message });
logger.info('corpus ready', {
  store: live.store.kind,
  version: live.version,
  articles: index.corpus.articles.length,
  passages: index.passageCount,
  index: live.opened.from,
  ms: Math.round(live.opened.ms),
});
if (live.store.kind === 'postgres' && index.corpus.articles.length === 0)
  logger.warn(
    'the corpus database holds no article yet; load a folder with: npm run -s cli -- corpus import',
    {
      store: live.store.label,
    },
  );

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
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await bot.stop();
    await live.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  logger.error('could not start the bot (is DISCORD_TOKEN right?)', { error });
  process.exit(1);
}
