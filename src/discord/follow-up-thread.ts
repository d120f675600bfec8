/**
 * Follow up: a button that opens a thread on a public answer. Questions asked in the thread (typed,
 * or with /ask) keep the answer's filters unless they name their own. The thread's filters are
 * read again from the answer it was opened on when this process does not remember them, so a
 * thread works for as long as Discord keeps it.
 */
import { type ButtonInteraction, type Channel, DiscordAPIError, MessageFlags, Routes } from 'discord.js';
import { formatInlineFilters } from '../answer/inline-filters.ts';
import type { Filters } from '../answer/types.ts';
import { refuseClick, tellMember } from './answer-buttons.ts';
import type { BotContext } from './context.ts';
import { footerQuery } from './footer.ts';
import { truncate } from './limits.ts';

/** Discord's longest thread name. */
const THREAD_NAME_MAX = 100;

/** Discord's error code for "a thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;

/**
 * The filters follow-ups in `channel` keep: those of the answer a follow-up thread was opened on;
 * undefined when `channel` is not a follow-up thread.
 */
export async function followUpFilters(
  context: BotContext,
  channel: Channel | null,
): Promise<Filters | undefined> {
  if (channel === null || !channel.isThread()) return undefined;
  const known = context.followUps.threadFilters(channel.id);
  if (known !== undefined) return known;
  if (channel.ownerId !== channel.client.user.id) return undefined;
  // A thread opened on a message has the message's id: the answer's footer carries its filters.
  const starter = await channel.fetchStarterMessage().catch(() => null);
  if (starter === null || starter.author.id !== channel.client.user.id) return undefined;
  const asked = footerQuery(starter.embeds[0]?.footer?.text);
  if (asked === null) return undefined;
  context.followUps.rememberThread(channel.id, asked.filters);
  return asked.filters;
}

/**
 * The sentence saying how to ask in a thread and which filters it keeps. The bot reads only
 * messages that mention it (it asks Discord for no privileged intent), or /ask.
 */
function keptSentence(filters: Filters): string {
  const inline = formatInlineFilters(filters);
  const how = 'Ask follow-up questions here: mention me with the question, or use /ask.';
  return inline === '' ? how : `${how} They keep the filters \`${inline}\` unless a question names its own.`;
}

/** Handles a click on Follow up: opens the thread, or points to the one already open. */
export async function handleFollowUp(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const message = interaction.message;
  if (message.flags.has(MessageFlags.Ephemeral) || !interaction.inGuild()) {
    await tellMember(interaction, 'Only an answer posted in a server channel can have a follow-up thread.');
    return;
  }
  if (await refuseClick(interaction, context, interaction.user.id)) return;
  const asked = footerQuery(message.embeds[0]?.footer?.text);
  if (asked === null) {
    await tellMember(interaction, 'This answer no longer knows its question; please ask again.');
    return;
  }
  if (message.thread !== null || message.hasThread) {
    await tellMember(interaction, `This answer already has a follow-up thread: <#${message.id}>.`);
    return;
  }
  let threadId: string;
  try {
    const thread = (await interaction.client.rest.post(Routes.threads(interaction.channelId, message.id), {
      body: { name: truncate(asked.question, THREAD_NAME_MAX), auto_archive_duration: 1440 },
    })) as { id: string };
    threadId = thread.id;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED) {
      await tellMember(interaction, `This answer already has a follow-up thread: <#${message.id}>.`);
      return;
    }
    throw error;
  }
  context.followUps.rememberThread(threadId, asked.filters);
  await interaction.client.rest.post(Routes.channelMessages(threadId), {
    body: { content: keptSentence(asked.filters), allowed_mentions: { parse: [] } },
  });
  await tellMember(interaction, `Follow-up thread opened: <#${threadId}>.`);
}
