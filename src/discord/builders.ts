/** Shared pieces of slash command definitions. */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from 'discord.js';
import { MAX_RESULT_COUNT } from '../answer/engine.ts';
import { MAX_QUESTION_LENGTH } from './ask-flow.ts';

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

/** The required `question` option of /ask and /compare. */
export function questionOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('question')
    .setDescription('Your question')
    .setRequired(true)
    .setMaxLength(MAX_QUESTION_LENGTH);
}

/** The `event` filter, autocompleted from the events covered. */
export function eventFilterOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('event').setDescription('Only this event').setAutocomplete(true);
}

/** The `since` filter: published on or after a date. */
export function sinceOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('since').setDescription('Published on or after (YYYY-MM-DD)').setMaxLength(10);
}

/** The `until` filter: published on or before a date. */
export function untilOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option.setName('until').setDescription('Published on or before (YYYY-MM-DD)').setMaxLength(10);
}

/** The `count` option: how many results (`what`: excerpts, statements), 1 to MAX_RESULT_COUNT. */
export function countOption(what: string): (option: SlashCommandIntegerOption) => SlashCommandIntegerOption {
  return (option) =>
    option
      .setName('count')
      .setDescription(`How many ${what} (default 3)`)
      .setMinValue(1)
      .setMaxValue(MAX_RESULT_COUNT);
}
