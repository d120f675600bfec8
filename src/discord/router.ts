/**
 * The interaction router: slash commands, autocomplete and the More button, behind one catch
 * that answers the member with an ephemeral apology and logs the error with its context.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';
import { CurationError } from '../curation/curator.ts';
import type { InteractionOutcome } from '../ops/metrics.ts';
import { StoreUnavailableError } from '../store/types.ts';
import { FOLLOW_PREFIX, SHARE_PREFIX, VOTE_PREFIX } from './answer-row.ts';
import { answerQuestion, withAnswerRow } from './ask-flow.ts';
import type { BotContext, SlashCommand } from './context.ts';
import { handleVote, handleWhy, WHY_PREFIX } from './feedback.ts';
import { handleFollowUp } from './follow-up-thread.ts';
import { checkModerator } from './moderation.ts';
import { footerQuery, MORE_PREFIX } from './render-answer.ts';
import { ADD_PREFIX } from './render-moderation.ts';
import { renderNotice } from './reply.ts';
import { handleShare } from './share.ts';

/** What a member reads when something went wrong on our side. */
export const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';

/** Handles one interaction; never throws, never leaves an interaction unanswered when it can answer. */
export async function routeInteraction(
  interaction: Interaction,
  commands: Map<string, SlashCommand>,
  context: BotContext,
): Promise<void> {
  const where = { guild: interaction.guildId ?? 'dm', user: interaction.user.id };
  const started = performance.now();
  let outcome: InteractionOutcome = 'ok';
  try {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      await (command?.autocomplete ? command.autocomplete(interaction, context) : interaction.respond([]));
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (command === undefined) {
        await interaction.reply({
          ...renderNotice('That command is not known here any more.'),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      await command.execute(interaction, context);
      return;
    }
    if (interaction.isButton() && interaction.customId.startsWith(MORE_PREFIX)) {
      await handleMore(interaction, context);
    } else if (interaction.isButton() && interaction.customId.startsWith(ADD_PREFIX)) {
      await handleAddButton(interaction, context);
    } else if (interaction.isButton() && interaction.customId.startsWith(VOTE_PREFIX)) {
      await handleVote(interaction, context);
    } else if (interaction.isButton() && interaction.customId.startsWith(SHARE_PREFIX)) {
      await handleShare(interaction, context);
    } else if (interaction.isButton() && interaction.customId.startsWith(FOLLOW_PREFIX)) {
      await handleFollowUp(interaction, context);
    } else if (interaction.isStringSelectMenu() && interaction.customId.startsWith(WHY_PREFIX)) {
      await handleWhy(interaction, context);
    } else if (interaction.isRepliable()) {
      await interaction.reply({
        ...renderNotice('This button or menu is no longer in use; please ask again.'),
        flags: MessageFlags.Ephemeral,
      });
    }
  } catch (error) {
    const command =
      interaction.isChatInputCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isMessageComponent()
          ? interaction.customId
          : 'unknown';
    outcome = error instanceof StoreUnavailableError ? 'store_unavailable' : 'error';
    if (error instanceof StoreUnavailableError) {
      // Expected while the database is down: the member is told to try again, the log says it once.
      context.metrics.storeError('interaction');
      context.logger.warn('corpus store unavailable', { command, ...where, error: error.cause });
      await apologise(interaction, context, error.message);
      return;
    }
    context.logger.error('interaction failed', { command, ...where, error });
    await apologise(interaction, context);
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const command = metricName(interaction);
    context.metrics.interaction(command, outcome, seconds);
    context.logger[interaction.isAutocomplete() ? 'debug' : 'info']('interaction', {
      command,
      outcome,
      durationMs: Math.round(seconds * 1000),
      ...where,
    });
  }
}

/** An interaction's name in metrics and logs: the command, or a button's prefix (`more`, `add`). */
function metricName(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return `${interaction.commandName}:autocomplete`;
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isButton()) return interaction.customId.split(':')[0] ?? 'button';
  return 'other';
}

async function apologise(interaction: Interaction, context: BotContext, message = APOLOGY): Promise<void> {
  // A failed autocomplete offers no choices rather than leaving the member's menu spinning.
  if (interaction.isAutocomplete() && !interaction.responded) {
    await interaction.respond([]).catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  const payload = { ...renderNotice(message), flags: MessageFlags.Ephemeral as const };
  try {
    if (interaction.deferred && !interaction.replied) {
      // The member is never left with "thinking…": a private one becomes the apology; a public
      // one is removed and the apology sent privately.
      if (interaction.ephemeral) await interaction.editReply(renderNotice(message));
      else {
        await interaction.deleteReply();
        await interaction.followUp(payload);
      }
    } else if (interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (error) {
    context.logger.error('could not send the apology', {
      guild: interaction.guildId ?? 'dm',
      user: interaction.user.id,
      error,
    });
  }
}

/**
 * The More button: the question and filters come from the message's footer and the offset from
 * the button, so it works after a restart. The next excerpts arrive as a new reply (with their
 * own More button), so the first answer stays readable. Each page counts against the clicking
 * member's rate limit; a member other than the asker (or paging a private page) gets it privately.
 */
async function handleMore(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const [offsetText, countText, buttonAsker] = interaction.customId.slice(MORE_PREFIX.length).split(':');
  const offset = Number(offsetText);
  const count = Number(countText);
  const asked = footerQuery(interaction.message.embeds[0]?.footer?.text);
  if (asked === null || !Number.isInteger(offset) || !Number.isInteger(count)) {
    await interaction.reply({
      ...renderNotice('This button no longer knows its question; please ask again.'),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const outcome = answerQuestion(context, interaction.user.id, asked.question, asked.filters, {
    count,
    offset,
  });
  if (outcome.kind === 'notice') {
    await replyEphemeral(interaction, outcome.payload.content ?? '');
    return;
  }
  // Buttons from before the asker was recorded fall back to who ran the command, if Discord says.
  const asker = buttonAsker || interaction.message.interactionMetadata?.user.id;
  const privately = asker !== interaction.user.id || interaction.message.flags.has(MessageFlags.Ephemeral);
  // A page is an answer of its own: it gets votes, but Share and Follow up stay on the first one.
  const payload = withAnswerRow(context, outcome.payload, outcome.answer, {
    command: 'ask',
    askerId: interaction.user.id,
    privately,
    inGuild: false,
  });
  await interaction.reply(privately ? { ...payload, flags: MessageFlags.Ephemeral } : payload);
}

/** Replies to the member alone. */
export async function replyEphemeral(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  text: string,
): Promise<void> {
  await interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
}

/**
 * Confirm or Cancel under an add preview: checked again on the server (a moderator, the one who
 * previewed). Confirm writes the article and refreshes; Cancel writes nothing.
 */
async function handleAddButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const [action, id = ''] = interaction.customId.slice(ADD_PREFIX.length).split(':');
  const { moderator, refusal } = checkModerator(interaction, context);
  if (moderator === null) {
    await replyEphemeral(interaction, refusal);
    return;
  }
  const draft = context.pending.take(id, interaction.user.id);
  if (draft === null) {
    await interaction.update({
      ...renderNotice('This preview has expired or was already used; run `/corpus add` again.'),
      embeds: [],
      components: [],
    });
    return;
  }
  if (action !== 'confirm') {
    await interaction.update({
      ...renderNotice('Cancelled: nothing was written.'),
      embeds: [],
      components: [],
    });
    return;
  }
  await interaction.deferUpdate();
  const before = context.live.engine.passageCount;
  try {
    const { report, file } = await context.curator.add(draft, moderator);
    const added = report.passages - before;
    context.logger.info('article added', { guild: interaction.guildId, user: moderator.id, file });
    await interaction.editReply({
      ...renderNotice(
        `Added “${draft.title}” as \`${file}\`: ${added} passages. ${report.articles} articles are served.`,
      ),
      embeds: [],
      components: [],
    });
  } catch (error) {
    if (!(error instanceof CurationError)) throw error;
    await interaction.editReply({ ...renderNotice(error.message), embeds: [], components: [] });
  }
}
