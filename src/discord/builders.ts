/** Shared pieces of slash command definitions. */
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';

/** A command usable in servers and in DMs with the bot, installed to servers. */
export function commandBuilder(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
