/**
 * What both entry points (`npm start` and `npm run start:sharded`) do first and last. First: load
 * `.env`, check there is a token at all, read the configuration; whatever is wrong is said plainly,
 * without the token, and the process exits with status 1. Last: a graceful shutdown on a signal.
 */
import { type BotConfig, ConfigError, hasBotToken, loadDotEnv, readBotConfig } from './config.ts';
import type { Logger } from './log.ts';

/** The bot's configuration, or a message on stderr and exit 1. */
export async function readConfigOrExit(): Promise<BotConfig> {
  await loadDotEnv();
  if (!hasBotToken()) {
    process.stderr.write(
      'No DISCORD_TOKEN is set, so the bot cannot connect to Discord.\n' +
        'Set it in .env (see .env.example and the README), or try the bot locally without Discord:\n' +
        '  npm run -s cli -- chat\n',
    );
    process.exit(1);
  }
  try {
    return readBotConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The shutdown of a running entry point. */
export interface Shutdown {
  /** Stops (once) for `reason`: logs it, runs the entry's stop, exits with status 0. */
  begin(reason: string): void;
  /** True once the shutdown has begun. */
  readonly stopping: boolean;
}

/** Shuts down on the first SIGINT or SIGTERM (later ones are ignored while stopping). */
export function shutdownOnSignals(logger: Logger, stop: () => Promise<void>): Shutdown {
  let stopping = false;
  const begin = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { reason });
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => begin('SIGINT'));
  process.on('SIGTERM', () => begin('SIGTERM'));
  return {
    begin,
    get stopping() {
      return stopping;
    },
  };
}
