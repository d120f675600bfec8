/** /speakers: who the coverage quotes, how often, in which outlets. */
import { MessageFlags } from 'discord.js';
import { listSpeakers } from '../src/answer/quotes.ts';
import { checkFilters } from '../src/discord/ask-flow.ts';
import { commandBuilder } from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { renderSpeakers } from '../src/discord/render-quotes.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { statementsPending } from '../src/discord/statements-ready.ts';

export const command: SlashCommand = {
  data: commandBuilder('speakers', 'Who the coverage quotes, how often and in which outlets').addStringOption(
    (o) => o.setName('event').setDescription('Only this event').setAutocomplete(true),
  ),

  async execute(interaction, context) {
    const filters = { event: interaction.options.getString('event')?.trim() || undefined };
    const errors = checkFilters(filters, context);
    if (errors.length > 0) {
      await interaction.reply({ ...renderNotice(errors.join('\n')), flags: MessageFlags.Ephemeral });
      return;
    }
    const pending = statementsPending(context.live.engine);
    if (pending !== null) {
      await interaction.reply({ ...renderNotice(pending), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.reply(renderSpeakers(listSpeakers(context.live.engine, filters)));
  },

  async autocomplete(interaction, context) {
    await interaction.respond(eventChoices(context.live.engine, interaction.options.getFocused()));
  },
};
