/** What each part of /corpus declares: a subcommand (or a group of them) and how it runs. */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandStringOption,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { Moderator } from '../../src/curation/curator.ts';
import type { BotContext } from '../../src/discord/context.ts';

/** One /corpus subcommand: its definition, its handler and the choices of its options. */
export interface CorpusSubcommand {
  name: string;
  /** Sets the description and the options of the subcommand named `name`. */
  define(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /**
   * True when it may take longer than Discord's three seconds: acknowledged privately before it
   * runs, and a refusal the moderator can act on becomes the reply.
   */
  deferred: boolean;
  /** Runs it for a moderator already checked on the server. */
  run(interaction: ChatInputCommandInteraction, context: BotContext, moderator: Moderator): Promise<void>;
  /** Choices for its focused option (`event` is answered for every subcommand). */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** A group of /corpus subcommands (`/corpus event create`). */
export interface CorpusGroup {
  name: string;
  description: string;
  subcommands: CorpusSubcommand[];
}

/** The `event` option: an event id, autocompleted from the events covered. */
export function eventOption(option: SlashCommandStringOption, required: boolean): SlashCommandStringOption {
  return option.setName('event').setDescription('The event').setRequired(required).setAutocomplete(true);
}
