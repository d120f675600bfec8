/**
 * Registers the slash commands with Discord: on one server when DISCORD_GUILD_ID is set (instant,
 * for development), globally otherwise (works in DMs too; may take a while to appear).
 *
 *   npm run deploy-commands
 */
import { ConfigError, loadDotEnv, readBotConfig } from '../src/config.ts';
import { loadCommands } from '../src/discord/command-loader.ts';
import { deployCommands } from '../src/discord/deploy.ts';

await loadDotEnv();
try {
  const config = readBotConfig();
  const names = await deployCommands(config, [...(await loadCommands()).values()]);
  console.log(
    `Registered ${names.length} commands ${config.guildId ? `on server ${config.guildId}` : 'globally'}: ${names.map((n) => `/${n}`).join(' ')}`,
  );
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exitCode = 1;
}
