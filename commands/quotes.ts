/** /quotes: what a speaker said, best matching a topic first, each with its outlet and date. */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { MAX_RESULT_COUNT } from '../src/answer/engine.ts';
import { findQuotes, findSpeaker, listSpeakers } from '../src/answer/quotes.ts';
import { checkFilters, MAX_QUESTION_LENGTH, rateLimitNotice } from '../src/discord/ask-flow.ts';
import {
  commandBuilder,
  countOption,
  eventFilterOption,
  sinceOption,
  untilOption,
} from '../src/discord/builders.ts';
import { eventChoices } from '../src/discord/choices.ts';
import type { BotContext, SlashCommand } from '../src/discord/context.ts';
import { escapeCorpusText } from '../src/discord/escape.ts';
import { type QuotesQuery, quotesFooterQuery } from '../src/discord/footer.ts';
import {
  AUTOCOMPLETE_CHOICES_MAX,
  CHOICE_NAME_MAX,
  CHOICE_VALUE_MAX,
  truncate,
} from '../src/discord/limits.ts';
import { pageIsPrivate, parseMoreId } from '../src/discord/more-button.ts';
import { QUOTES_MORE_PREFIX, renderQuotes } from '../src/discord/render-quotes.ts';
import { type ReplyPayload, renderNotice } from '../src/discord/reply.ts';
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
    .addStringOption(eventFilterOption)
    .addStringOption(sinceOption)
    .addStringOption(untilOption)
    .addIntegerOption(countOption('statements')),

  async execute(interaction, context) {
    const option = (name: string) => interaction.options.getString(name)?.trim() || undefined;
    const filters = { event: option('event'), since: option('since'), until: option('until') };
    const privately = (text: string) =>
      interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
    const refusal = unanswerable(context, filters);
    if (refusal !== null) return void (await privately(refusal));
    const typed = interaction.options.getString('speaker', true);
    const speaker = findSpeaker(context.live.engine, typed);
    if (speaker === null) {
      const known = listSpeakers(context.live.engine)
        .slice(0, 5)
        .map((s) => `“${escapeCorpusText(s.speaker)}”`);
      return void (await privately(
        `The coverage quotes no one called “${escapeCorpusText(truncate(typed, 80))}”. Pick a name from the list, e.g. ${known.join(', ') || '(no speakers yet)'}.`,
      ));
    }
    const query = { speaker, about: option('about') ?? '', filters };
    const page = quotesPage(
      context,
      interaction.user.id,
      query,
      interaction.options.getInteger('count') ?? 3,
    );
    if (typeof page === 'string') return void (await privately(page));
    await interaction.reply(page);
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

  components: { [QUOTES_MORE_PREFIX]: { kind: 'button', handle: handleMore } },
};

/** Why statements inside `filters` cannot be listed now (bad filters, statements still being read), or null. */
function unanswerable(context: BotContext, filters: QuotesQuery['filters']): string | null {
  const errors = checkFilters(filters, context);
  if (errors.length > 0) return errors.join('\n');
  return statementsPending(context.live.engine);
}

/**
 * A page of `query`'s statements for `memberId`, counted against the member's rate limit; the
 * sentence saying how long to wait when past it.
 */
function quotesPage(
  context: BotContext,
  memberId: string,
  query: QuotesQuery,
  count: number,
  offset = 0,
): ReplyPayload | string {
  const limited = rateLimitNotice(context, memberId);
  if (limited !== null) return limited;
  const { speaker, about, filters } = query;
  return renderQuotes(findQuotes(context.live.engine, speaker, about, filters, count, offset), memberId);
}

/**
 * The More button of /quotes, as /ask's: the speaker, topic and filters come from the footer and
 * the offset from the button, so it works after a restart; the page arrives as a new reply,
 * privately for a member other than the asker, counted against the clicker's rate limit.
 */
async function handleMore(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const privately = (text: string) =>
    interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  const click = parseMoreId(interaction.customId, QUOTES_MORE_PREFIX);
  const query = quotesFooterQuery(interaction.message.embeds[0]?.footer?.text);
  if (
    query === null ||
    click === null ||
    click.count < 1 ||
    click.count > MAX_RESULT_COUNT ||
    click.offset < 0
  )
    return void (await privately('This button no longer knows whose statements it lists; please ask again.'));
  const refusal = unanswerable(context, query.filters);
  if (refusal !== null) return void (await privately(refusal));
  const page = quotesPage(context, interaction.user.id, query, click.count, click.offset);
  if (typeof page === 'string') return void (await privately(page));
  await interaction.reply(
    pageIsPrivate(interaction, click) ? { ...page, flags: MessageFlags.Ephemeral } : page,
  );
}
