/** /compare: the best excerpt of each outlet, or of each speaker, side by side. */
import { MessageFlags } from 'discord.js';
import { checkFilters, logQuestion, rateLimitNotice, withAnswerRow } from '../src/discord/ask-flow.ts';
import { commandBuilder, eventFilterOption, questionOption } from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { renderCompare } from '../src/discord/render-answer.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { statementsPending } from '../src/discord/statements-ready.ts';

export const command: SlashCommand = {
  data: commandBuilder('compare', 'How each outlet reported it: the best excerpt from each, side by side')
    .addStringOption(questionOption)
    .addStringOption(eventFilterOption)
    .addStringOption((o) =>
      o
        .setName('by')
        .setDescription('Side by side: each outlet (default) or each speaker')
        .addChoices({ name: 'outlet', value: 'outlet' }, { name: 'speaker', value: 'speaker' }),
    ),

  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const filters = { event: interaction.options.getString('event')?.trim() || undefined };
    const errors = checkFilters(filters, context);
    const refusal = errors.length > 0 ? errors.join('\n') : rateLimitNotice(context, interaction.user.id);
    if (refusal !== null) {
      await interaction.reply({ ...renderNotice(refusal), flags: MessageFlags.Ephemeral });
      return;
    }
    const index = context.live.engine;
    const by = interaction.options.getString('by') === 'speaker' ? 'speaker' : 'outlet';
    const pending = by === 'speaker' ? statementsPending(index) : null;
    if (pending !== null) {
      await interaction.reply({ ...renderNotice(pending), flags: MessageFlags.Ephemeral });
      return;
    }
    const answer = index.compare(question, filters, undefined, by);
    logQuestion(context, answer, 'compare');
    await interaction.reply(
      withAnswerRow(context, renderCompare(answer, index.events(), by), answer, {
        command: 'compare',
        askerId: interaction.user.id,
        privately: false,
        inGuild: interaction.inGuild(),
      }),
    );
  },

  async autocomplete(interaction, context) {
    await interaction.respond(eventChoices(context.live.engine, interaction.options.getFocused()));
  },
};
