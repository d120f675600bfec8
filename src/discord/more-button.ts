/**
 * The More button under a page of results (an answer, a speaker's statements): its custom id
 * `<prefix><offset>:<count>:<asker id>` and who sees the page it brings.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';

/** The row with the More button that asks for `count` results from `offset`. */
export function moreButtonRow(
  prefix: string,
  offset: number,
  count: number,
  askerId?: string,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'More',
        custom_id: `${prefix}${offset}:${count}${askerId ? `:${askerId}` : ''}`,
      },
    ],
  };
}

/** What a More button asks for, and of whose page (older buttons do not say). */
export interface MoreClick {
  offset: number;
  count: number;
  askerId: string | undefined;
}

/** Reads a More button's custom id; null when its offset or count is no whole number. */
export function parseMoreId(customId: string, prefix: string): MoreClick | null {
  const [offsetText, countText, askerId] = customId.slice(prefix.length).split(':');
  const offset = Number(offsetText);
  const count = Number(countText);
  if (!Number.isInteger(offset) || !Number.isInteger(count)) return null;
  return { offset, count, askerId: askerId || undefined };
}

/**
 * Whether the page a click brings is for the clicker alone: a member other than the asker, or
 * paging a private page. Buttons from before the asker was recorded fall back to who ran the
 * command, if Discord says.
 */
export function pageIsPrivate(interaction: ButtonInteraction, click: MoreClick): boolean {
  const asker = click.askerId ?? interaction.message.interactionMetadata?.user.id;
  return asker !== interaction.user.id || interaction.message.flags.has(MessageFlags.Ephemeral);
}
