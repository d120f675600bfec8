/** What every answer button checks first: whose answer it is, and the member's pace. */
import { type MessageComponentInteraction, MessageFlags } from 'discord.js';
import type { BotContext } from './context.ts';
import { renderNotice } from './reply.ts';

/** The sentence a member reads on a button of someone else's private answer. */
export const NOT_YOUR_ANSWER = 'These buttons belong to another member’s private answer.';

/** Replies privately to the member who clicked. */
export async function tellMember(interaction: MessageComponentInteraction, text: string): Promise<void> {
  await interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
}

/**
 * True (and the member told why) when the click must be refused: a private answer's button
 * clicked by someone other than its asker (or, with `askerOnly`, any answer's), or a member past
 * the feedback rate limit.
 */
export async function refuseClick(
  interaction: MessageComponentInteraction,
  context: BotContext,
  askerId: string,
  options: { askerOnly?: boolean } = {},
): Promise<boolean> {
  const privately = interaction.message.flags.has(MessageFlags.Ephemeral);
  if ((privately || options.askerOnly) && interaction.user.id !== askerId) {
    await tellMember(interaction, privately ? NOT_YOUR_ANSWER : 'Only the member who asked can do that.');
    return true;
  }
  const wait = context.feedbackLimiter.take(interaction.user.id);
  if (wait > 0) {
    await tellMember(
      interaction,
      `You are clicking faster than the bot keeps up with; wait ${wait} s and try again.`,
    );
    return true;
  }
  return false;
}
