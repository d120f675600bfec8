/** /events: what the coverage covers, with counts and date spans. */
import { commandBuilder } from '../src/discord/builders.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { renderEvents } from '../src/discord/render-catalog.ts';

export const command: SlashCommand = {
  data: commandBuilder('events', 'The events the coverage covers, with article counts and dates'),
  async execute(interaction, context) {
    await interaction.reply(renderEvents(context.live.engine.events()));
  },
};
