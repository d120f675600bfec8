/**
 * `npm run start:sharded`: the bot as several shard processes (SHARD_COUNT, default `auto`: as many
 * as Discord recommends), each running `src/main.ts` over the same corpus. Without a token it says so,
 * like `npm start`; on SIGINT/SIGTERM it stops every shard and exits.
 */
import { fileURLToPath } from 'node:url';
import { createLogger } from './discord/logger.ts';
import { startShards } from './discord/sharding.ts';
import { readConfigOrExit } from './startup.ts';

const config = await readConfigOrExit();
const logger = createLogger(config.logLevel, [config.token]);
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));

let shards: Awaited<ReturnType<typeof startShards>>;
try {
  shards = await startShards({
    file: fileURLToPath(new URL('./main.ts', import.meta.url)),
    token: config.token,
    apiUrl: config.apiUrl,
    shardCount: config.shardCount,
    logger,
  });
} catch (error) {
  logger.error('could not ask Discord for the shard count (is DISCORD_TOKEN right?)', { error });
  process.exit(1);
}

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  await shards.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
try {
  await shards.ready;
} catch (error) {
  // A shutdown while starting makes the spawn fail too: that is no error.
  if (!stopping) {
    logger.error('a shard could not start; all shards stopped', { error });
    process.exit(1);
  }
}
