/**
 * Registers the slash commands with Discord: on one server when DISCORD_GUILD_ID is set (instant,
 * for development), globally otherwise (works in DMs too; may take a while to appear).
 *
 *   npm run deploy-commands
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadDotEnv, readBotConfig } from '../src/config.ts';
import { loadCommands } from '../src/discord/command-loader.ts';

await loadDotEnv();
try {
  const config = readBotConfig();
  const commands = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const saved = (await rest.put(route, { body: commands })) as unknown[];
  console.log(
    `Registered ${saved.length} commands ${config.guildId ? `on server ${config.guildId}` : 'globally'}: ${commands.map((c) => `/${c.name}`).join(' ')}`,
  );
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Could not register the commands: ${(error as Error).message}`);
  process.exitCode = 1;
}
