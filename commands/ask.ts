/** /ask: quoted, sourced, dated excerpts that answer a question, publicly or privately. */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { ANSWER_ROW_COMPONENTS } from '../src/discord/answer-row-buttons.ts';
import { answerQuestion, withAnswerRow } from '../src/discord/ask-flow.ts';
import {
  commandBuilder,
  countOption,
  eventFilterOption,
  questionOption,
  sinceOption,
  untilOption,
} from '../src/discord/builders.ts';
import { eventChoices, sourceChoices } from '../src/discord/choices.ts';
import type { BotContext, SlashCommand } from '../src/discord/context.ts';
import { followUpFilters } from '../src/discord/follow-up-thread.ts';
import { footerQuery } from '../src/discord/footer.ts';
import { pageIsPrivate, parseMoreId } from '../src/discord/more-button.ts';
import { MORE_PREFIX } from '../src/discord/render-answer.ts';
import { renderNotice } from '../src/discord/reply.ts';
import { settingsOf } from '../src/discord/server-settings.ts';

export const command: SlashCommand = {
  data: commandBuilder('ask', 'Ask the coverage a question; get quoted, sourced, dated excerpts')
    .addStringOption(questionOption)
    .addStringOption(eventFilterOption)
    .addStringOption((o) => o.setName('source').setDescription('Only this outlet').setAutocomplete(true))
    .addStringOption(sinceOption)
    .addStringOption(untilOption)
    .addIntegerOption(countOption('excerpts'))
    .addBooleanOption((o) =>
      o
        .setName('private')
        .setDescription('Only you see the answer (Share posts it); the server’s /settings decide by default'),
    ),

  async execute(interaction, context) {
    const option = (name: string) => interaction.options.getString(name)?.trim() || undefined;
    const inGuild = interaction.inGuild();
    const privately =
      interaction.options.getBoolean('private') ??
      (await settingsOf(context, interaction.guildId)).privateAnswers;
    const outcome = await answerQuestion(
      context,
      interaction.user.id,
      interaction.options.getString('question', true),
      { event: option('event'), source: option('source'), since: option('since'), until: option('until') },
      {
        count: interaction.options.getInteger('count') ?? undefined,
        carried: inGuild ? await followUpFilters(context, interaction.channel) : undefined,
      },
    );
    if (outcome.kind === 'notice') {
      await interaction.reply({ ...outcome.payload, flags: MessageFlags.Ephemeral });
      return;
    }
    const payload = withAnswerRow(context, outcome.payload, outcome.answer, {
      command: 'ask',
      askerId: interaction.user.id,
      privately,
      inGuild,
    });
    await interaction.reply(privately ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
  },

  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    const index = context.live.engine;
    await interaction.respond(
      focused.name === 'event'
        ? eventChoices(index, focused.value)
        : focused.name === 'source'
          ? sourceChoices(index, focused.value)
          : [],
    );
  },

  components: { [MORE_PREFIX]: { kind: 'button', handle: handleMore }, ...ANSWER_ROW_COMPONENTS },
};

/**
 * The More button: the question and filters come from the message's footer and the offset from
 * the button, so it works after a restart. The next excerpts arrive as a new reply (with their
 * own More button), so the first answer stays readable. Each page counts against the clicking
 * member's rate limit; a member other than the asker (or paging a private page) gets it privately.
 */
async function handleMore(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const click = parseMoreId(interaction.customId, MORE_PREFIX);
  const asked = footerQuery(interaction.message.embeds[0]?.footer?.text);
  if (asked === null || click === null) {
    await interaction.reply({
      ...renderNotice('This button no longer knows its question; please ask again.'),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const outcome = await answerQuestion(context, interaction.user.id, asked.question, asked.filters, {
    count: click.count,
    offset: click.offset,
  });
  if (outcome.kind === 'notice') {
    await interaction.reply({ ...outcome.payload, flags: MessageFlags.Ephemeral });
    return;
  }
  const privately = pageIsPrivate(interaction, click);
  // A page is an answer of its own: it gets votes, but Share and Follow up stay on the first one.
  const payload = withAnswerRow(context, outcome.payload, outcome.answer, {
    command: 'ask',
    askerId: interaction.user.id,
    privately,
    inGuild: false,
  });
  await interaction.reply(privately ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
}
