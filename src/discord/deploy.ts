/** Registering the slash commands with Discord: one server (development) or global (production). */
import { REST, Routes } from 'discord.js';
import type { BotConfig } from '../config.ts';
import type { SlashCommand } from './context.ts';

/**
 * PUTs every command's data: to `config.guildId` when set (visible at once), globally otherwise
 * (usable in DMs too). Resolves to the names registered; rejects with Discord's error.
 */
export async function deployCommands(
  config: Pick<BotConfig, 'token' | 'clientId' | 'guildId' | 'apiUrl'>,
  commands: SlashCommand[],
): Promise<string[]> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const saved = (await rest.put(route, { body: commands.map((c) => c.data.toJSON()) })) as Array<{
    name: string;
  }>;
  return saved.map((c) => c.name);
}
