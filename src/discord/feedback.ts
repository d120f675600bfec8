/**
 * 👍 / 👎 under every answer. Each vote is stored with what the answer showed and the member as a
 * salted hash; a member's later vote on the same answer replaces the earlier one. 👎 asks, with
 * an optional menu, which excerpt missed or whether the coverage should have said it has no answer.
 */
import {
  type APIActionRowComponent,
  type APIStringSelectComponent,
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { formatSource } from '../answer/wording.ts';
import { type ShownAnswer, type Vote, type VoteReason, voterHash } from '../store/member-data.ts';
import { refuseClick, tellMember } from './answer-buttons.ts';
import { parseVoteId } from './answer-row.ts';
import type { BotContext } from './context.ts';
import { footerQuery } from './footer.ts';
import { CHOICE_NAME_MAX, truncate } from './limits.ts';
import { reply } from './reply.ts';

/** custom_id prefix of the 👎 menu: `why:<answer message id>`. */
export const WHY_PREFIX = 'why:';

/** The menu value meaning "the coverage should have said it has no answer". */
const NO_ANSWER_VALUE = 'no-answer';

/**
 * What an answer showed, from the buttons' memory, or (after a restart) re-asked from the
 * question and filters its footer carries; null when neither is left.
 */
function shownAnswer(
  interaction: ButtonInteraction,
  context: BotContext,
  key: string,
  command: ShownAnswer['command'],
): ShownAnswer | null {
  const remembered = context.shown.get(key);
  if (remembered !== null) return remembered;
  const asked = footerQuery(interaction.message.embeds[0]?.footer?.text);
  if (asked === null) return null;
  const index = context.live.engine;
  const answer =
    command === 'compare'
      ? index.compare(asked.question, asked.filters)
      : index.ask(asked.question, { filters: asked.filters });
  return {
    question: asked.question,
    filters: asked.filters,
    command,
    noAnswer: answer.noAnswer,
    excerpts: answer.results.map((e) => ({ docId: e.docId, score: e.score })),
    corpusVersion: context.live.version,
  };
}

/** The optional 👎 menu: each excerpt shown, and "should have said it has no answer". */
function whyMenu(
  answerId: string,
  shown: ShownAnswer,
  context: BotContext,
): APIActionRowComponent<APIStringSelectComponent> {
  const titles = new Map(context.live.engine.corpus.articles.map((a) => [a.id, a]));
  const options = shown.excerpts.slice(0, 24).map((e, i) => {
    const article = titles.get(e.docId);
    const label = `Excerpt ${i + 1} missed${article ? `: ${formatSource(article.source)} — ${article.title}` : ''}`;
    return { label: truncate(label, CHOICE_NAME_MAX), value: `excerpt:${i + 1}` };
  });
  options.push({ label: 'The coverage should have said it has no answer', value: NO_ANSWER_VALUE });
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: `${WHY_PREFIX}${answerId}`,
        placeholder: 'What was wrong? (optional)',
        min_values: 1,
        max_values: 1,
        options,
      },
    ],
  };
}

/** Handles 👍 or 👎. */
export async function handleVote(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const button = parseVoteId(interaction.customId);
  if (button === null) {
    await tellMember(interaction, 'This button no longer knows its answer; please ask again.');
    return;
  }
  if (await refuseClick(interaction, context, button.askerId)) return;
  const shown = shownAnswer(interaction, context, button.key, button.command);
  if (shown === null) {
    await tellMember(
      interaction,
      'This answer is too old to rate; please ask again and rate the new answer.',
    );
    return;
  }
  const voter = voterHash(await context.memberData.salt(), interaction.user.id);
  const answerId = interaction.message.id;
  const before = await context.memberData.voteOf(answerId, voter);
  const vote: Vote = {
    ...shown,
    at: new Date().toISOString(),
    answerId,
    voter,
    vote: button.vote,
    reason: null,
  };
  await context.memberData.saveVote(vote);
  const emoji = button.vote === 'up' ? '👍' : '👎';
  const replaced =
    before !== null && before.vote !== button.vote
      ? ` It replaces your earlier ${before.vote === 'up' ? '👍' : '👎'}.`
      : '';
  if (button.vote === 'up' || shown.noAnswer) {
    await tellMember(interaction, `Thanks: your ${emoji} on this answer is recorded.${replaced}`);
    return;
  }
  await interaction.reply({
    ...reply({
      content: `Thanks: your ${emoji} on this answer is recorded.${replaced} If you like, say what was wrong:`,
    }),
    components: [whyMenu(answerId, shown, context)],
    flags: MessageFlags.Ephemeral,
  });
}

/** Reads a menu value; null when it is not one the menu offers. */
function reasonOf(value: string | undefined): VoteReason | null {
  if (value === NO_ANSWER_VALUE) return 'should-say-no-answer';
  const match = /^excerpt:(\d{1,2})$/.exec(value ?? '');
  return match ? { excerpt: Number(match[1]) } : null;
}

/** Handles the 👎 menu: adds the reason to the member's 👎 on that answer. */
export async function handleWhy(
  interaction: StringSelectMenuInteraction,
  context: BotContext,
): Promise<void> {
  const answerId = interaction.customId.slice(WHY_PREFIX.length);
  const reason = reasonOf(interaction.values[0]);
  const voter = voterHash(await context.memberData.salt(), interaction.user.id);
  const vote = await context.memberData.voteOf(answerId, voter);
  if (reason === null || vote === null || vote.vote !== 'down') {
    await tellMember(interaction, 'There is no 👎 of yours on that answer to explain; vote first.');
    return;
  }
  await context.memberData.saveVote({ ...vote, at: new Date().toISOString(), reason });
  await interaction.update(
    reply({
      content:
        reason === 'should-say-no-answer'
          ? 'Thanks: noted that the coverage should have said it has no answer.'
          : `Thanks: noted that excerpt ${reason.excerpt} missed.`,
    }),
  );
}
