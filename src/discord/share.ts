/**
 * The Share button of a private answer: posts the same answer to the channel, "asked by" the
 * member (mentions never ping), once; a second click says it was shared already.
 */
import type { APIActionRowComponent, APIButtonComponent, ButtonInteraction } from 'discord.js';
import { refuseClick, tellMember } from './answer-buttons.ts';
import { FOLLOW_PREFIX, followUpButton, SHARE_PREFIX, VOTE_PREFIX } from './answer-row.ts';
import type { BotContext } from './context.ts';
import { reply } from './reply.ts';

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** The rows of a shared answer: the private one's, without Share, with Follow up beside the votes. */
export function sharedRows(rows: ButtonRow[]): ButtonRow[] {
  return rows.map((row) => {
    const buttons = row.components.filter((b) => !('custom_id' in b && b.custom_id.startsWith(SHARE_PREFIX)));
    const vote = buttons.find((b) => 'custom_id' in b && b.custom_id.startsWith(VOTE_PREFIX));
    const hasFollow = buttons.some((b) => 'custom_id' in b && b.custom_id.startsWith(FOLLOW_PREFIX));
    if (vote && 'custom_id' in vote && !hasFollow) {
      const key = vote.custom_id.split(':')[3] ?? '';
      buttons.push(followUpButton(key));
    }
    return { ...row, components: buttons };
  });
}

/** Handles a click on Share. */
export async function handleShare(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const askerId = interaction.customId.slice(SHARE_PREFIX.length);
  if (await refuseClick(interaction, context, askerId, { askerOnly: true })) return;
  const messageId = interaction.message.id;
  if (!context.shown.markShared(messageId)) {
    await tellMember(interaction, 'You already shared this answer in the channel.');
    return;
  }
  try {
    await interaction.reply(
      reply({
        content: `Asked by <@${interaction.user.id}>`,
        embeds: interaction.message.embeds.map((e) => e.toJSON()),
        components: sharedRows(interaction.message.components.map((r) => r.toJSON() as ButtonRow)),
      }),
    );
  } catch (error) {
    context.shown.unmarkShared(messageId);
    throw error;
  }
}
