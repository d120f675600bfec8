/** /sources: the outlets in the coverage, with counts and date spans. */
import { commandBuilder } from '../src/discord/builders.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { renderSources } from '../src/discord/render-catalog.ts';

export const command: SlashCommand = {
  data: commandBuilder('sources', 'The outlets in the coverage, with article counts and dates'),
  async execute(interaction, context) {
    await interaction.reply(renderSources(context.live.engine.sources()));
  },
};
