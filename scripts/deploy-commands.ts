/**
 * Registers the slash commands with Discord: on one server when DISCORD_GUILD_ID is set (instant,
 * for development), globally otherwise (may take a while to appear). `/corpus` is registered only
 * on the home servers (MODERATOR_GUILD_IDS, else DISCORD_GUILD_ID), and nowhere without one.
 *
 *   npm run deploy-commands
 */
import { ConfigError, loadDotEnv, readBotConfig } from '../src/config.ts';
import { loadCommands } from '../src/discord/command-loader.ts';
import { deployCommands } from '../src/discord/deploy.ts';

await loadDotEnv();
try {
  const config = readBotConfig();
  const done = await deployCommands(config, [...(await loadCommands()).values()]);
  for (const { guildId, names } of done)
    console.log(
      `Registered ${names.length} commands ${guildId ? `on server ${guildId}` : 'globally'}: ${names.map((n) => `/${n}`).join(' ')}`,
    );
  if (config.moderatorGuildIds.length === 0)
    console.log(
      '/corpus was not registered: set MODERATOR_GUILD_IDS to the servers whose moderators curate the corpus.',
    );
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exitCode = 1;
}
