/** The one shape of every reply the bot sends: embeds, buttons, and mentions that never ping. */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { MESSAGE_CONTENT_MAX, truncate } from './limits.ts';

/** What the bot sends: embeds, buttons, and mentions that never ping. */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

/** Colour of answer embeds. */
export const ACCENT = 0x3b82f6;

/**
 * A reply of the given parts (no embeds and no buttons unless given), whose mentions never ping:
 * every reply is built here, so corpus text that reads "@everyone" stays text.
 */
export function reply(parts: Partial<Omit<ReplyPayload, 'allowedMentions'>>): ReplyPayload {
  return {
    ...(parts.content === undefined ? {} : { content: parts.content }),
    embeds: parts.embeds ?? [],
    components: parts.components ?? [],
    allowedMentions: { parse: [] },
  };
}

/** A short message for one member (errors, refusals, limits). */
export function renderNotice(text: string): ReplyPayload {
  return reply({
    content: truncate(text, MESSAGE_CONTENT_MAX),
  });
}
