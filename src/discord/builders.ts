/** Shared pieces of slash command definitions. */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';

/**
 * A command installed to servers, usable in servers and in DMs with the bot; with `guildOnly`,
 * in servers only (Discord does not offer it in DMs).
 */
export function commandBuilder(
  name: string,
  description: string,
  options: { guildOnly?: boolean } = {},
): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(
      ...(options.guildOnly
        ? [InteractionContextType.Guild]
        : [InteractionContextType.Guild, InteractionContextType.BotDM]),
    )
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
