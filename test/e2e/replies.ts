/** What the bot sent, read as a test reads it: the body of a reply and its visible text. */
import type { Sent } from './fake-discord.ts';

/** The parts of a sent message or interaction response the tests read. */
export type SentBody = {
  content?: string;
  embeds?: Array<{ title?: string; description?: string }>;
  components?: Array<{ components: Array<{ custom_id: string }> }>;
  flags?: number;
  choices?: Array<{ name: string; value: string }>;
};

/** The message body of a request the bot sent (an interaction response wraps it in `data`). */
export const sentData = (s: Sent): SentBody => (s.body.data ?? s.body) as SentBody;

/** The text a member sees: the content, then each embed's title and description. */
export const sentText = (s: Sent): string =>
  `${sentData(s).content ?? ''}${
    sentData(s)
      .embeds?.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)
      .join('\n') ?? ''
  }`;
