/** /quotes: what a speaker said, best matching a topic first, each with its outlet and date. */
import { MessageFlags } from 'discord.js';
import { MAX_RESULT_COUNT } from '../src/answer/engine.ts';
import { findQuotes, findSpeaker, listSpeakers } from '../src/answer/quotes.ts';
import { checkFilters, MAX_QUESTION_LENGTH, rateLimitNotice } from '../src/discord/ask-flow.ts';
import { commandBuilder } from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { SlashCommand } from '../src/discord/context.ts';
import { escapeCorpusText } from '../src/discord/escape.ts';
import {
  AUTOCOMPLETE_CHOICES_MAX,
  CHOICE_NAME_MAX,
  CHOICE_VALUE_MAX,
  truncate,
} from '../src/discord/limits.ts';
import { renderQuotes } from '../src/discord/render-quotes.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { statementsPending } from '../src/discord/statements-ready.ts';

export const command: SlashCommand = {
  data: commandBuilder('quotes', 'What a speaker said, with outlet and date')
    .addStringOption((o) =>
      o
        .setName('speaker')
        .setDescription('Who (pick from the list)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(CHOICE_VALUE_MAX),
    )
    .addStringOption((o) =>
      o.setName('about').setDescription('Only what they said about this').setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addStringOption((o) => o.setName('event').setDescription('Only this event').setAutocomplete(true))
    .addStringOption((o) =>
      o.setName('since').setDescription('Published on or after (YYYY-MM-DD)').setMaxLength(10),
    )
    .addStringOption((o) =>
      o.setName('until').setDescription('Published on or before (YYYY-MM-DD)').setMaxLength(10),
    )
    .addIntegerOption((o) =>
      o
        .setName('count')
        .setDescription('How many statements (default 3)')
        .setMinValue(1)
        .setMaxValue(MAX_RESULT_COUNT),
    ),

  async execute(interaction, context) {
    const option = (name: string) => interaction.options.getString(name)?.trim() || undefined;
    const filters = { event: option('event'), since: option('since'), until: option('until') };
    const privately = (text: string) =>
      interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
    const errors = checkFilters(filters, context);
    if (errors.length > 0) return void (await privately(errors.join('\n')));
    const index = context.live.engine;
    const pending = statementsPending(index);
    if (pending !== null) return void (await privately(pending));
    const typed = interaction.options.getString('speaker', true);
    const speaker = findSpeaker(index, typed);
    if (speaker === null) {
      const known = listSpeakers(index)
        .slice(0, 5)
        .map((s) => `“${escapeCorpusText(s.speaker)}”`);
      return void (await privately(
        `The coverage quotes no one called “${escapeCorpusText(truncate(typed, 80))}”. Pick a name from the list, e.g. ${known.join(', ') || '(no speakers yet)'}.`,
      ));
    }
    const limited = rateLimitNotice(context, interaction.user.id);
    if (limited !== null) return void (await privately(limited));
    const count = interaction.options.getInteger('count') ?? 3;
    await interaction.reply(renderQuotes(findQuotes(index, speaker, option('about') ?? '', filters, count)));
  },

  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    const index = context.live.engine;
    if (focused.name === 'event') return void (await interaction.respond(eventChoices(index, focused.value)));
    if (statementsPending(index) !== null) return void (await interaction.respond([]));
    const typed = focused.value.trim().toLowerCase();
    const choices = listSpeakers(index)
      .filter((s) => typed === '' || s.speaker.toLowerCase().includes(typed))
      .slice(0, AUTOCOMPLETE_CHOICES_MAX)
      .map((s) => ({
        name: truncate(`${s.speaker} (${s.statements})`, CHOICE_NAME_MAX),
        value: truncate(s.speaker, CHOICE_VALUE_MAX),
      }));
    await interaction.respond(choices);
  },
};
