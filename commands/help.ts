/** /help: how to ask, with an example drawn from the corpus. */
import { commandBuilder } from '../src/discord/builders.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { exampleQuestion } from '../src/discord/help.ts';
import { renderHelp } from '../src/discord/render-catalog.ts';

export const command: SlashCommand = {
  data: commandBuilder('help', 'How to ask the coverage a question'),
  async execute(interaction, context) {
    const index = context.live.engine;
    await interaction.reply(renderHelp(exampleQuestion(index), index.events()));
  },
};
