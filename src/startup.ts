/**
 * The first steps of both entry points (`npm start` and `npm run start:sharded`): load `.env`,
 * check there is a token at all, read the configuration. Whatever is wrong is said plainly, without
 * the token, and the process exits with status 1.
 */
import { type BotConfig, ConfigError, hasBotToken, loadDotEnv, readBotConfig } from './config.ts';

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
