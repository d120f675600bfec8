/**
 * `npm run start:sharded`: the bot as several shard processes (DISCORD_SHARD_COUNT, default `auto`: as many
 * as Discord recommends), each running `src/main.ts` over the same corpus. Without a token it says so,
 * like `npm start`; on SIGINT/SIGTERM it stops every shard and exits.
 */
import { fileURLToPath } from 'node:url';
import { type RunningShards, startShards } from './discord/sharding.ts';
import { createLogger, resolveLogFormat } from './log.ts';
import { readConfigOrExit, shutdownOnSignals } from './startup.ts';

const config = await readConfigOrExit();
const logFormat = resolveLogFormat(config.logFormat, process.stderr.isTTY === true);
const logger = createLogger(config.logLevel, [config.token], undefined, { format: logFormat });
process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));

let shards: RunningShards;
try {
  shards = await startShards({
    file: fileURLToPath(new URL('./main.ts', import.meta.url)),
    token: config.token,
    apiUrl: config.apiUrl,
    shardCount: config.shardCount,
    logger,
    logFormat,
  });
} catch (error) {
  logger.error('could not ask Discord how to start the shards (is DISCORD_TOKEN right?)', { error });
  process.exit(1);
}

const shutdown = shutdownOnSignals(logger, () => shards.stop());
try {
  await shards.ready;
} catch (error) {
  // A shutdown while starting makes the spawn fail too: that is no error.
  if (!shutdown.stopping) {
    logger.error('a shard could not start; all shards stopped', { error });
    process.exit(1);
  }
}
