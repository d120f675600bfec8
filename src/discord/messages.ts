/** Questions asked in a DM, or by mentioning the bot in a channel: the same answer as /ask. */
import type { Message } from 'discord.js';
import { answerFreeText } from './ask-flow.ts';
import type { BotContext } from './context.ts';
import { exampleQuestion } from './help.ts';
import { renderHelp, renderNotice } from './render.ts';
import { APOLOGY } from './router.ts';

/**
 * The text of a message with the bot's own mention taken out, or null when not addressed to the
 * bot. In a server only a mention written in the text counts: a reply to one of the bot's answers
 * (which Discord reports as mentioning the bot), @everyone or a role mention is not a question.
 */
export function questionText(message: Pick<Message, 'content' | 'inGuild'>, botId: string): string | null {
  if (!message.inGuild()) return message.content.trim();
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  if (!mention.test(message.content)) return null;
  return message.content.replace(mention, ' ').trim();
}

/** Answers a DM or a mention; ignores other bots and messages not addressed to the bot. */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  if (message.author.bot || message.client.user === null) return;
  const botId = message.client.user.id;
  const text = questionText(message, botId);
  if (text === null) return;
  const started = performance.now();
  let failed = false;
  try {
    if (text === '' || /^(help|\/help|\?)$/i.test(text)) {
      const index = context.live.index;
      await message.reply(renderHelp(exampleQuestion(index), index.events()));
      return;
    }
    const outcome = answerFreeText(context, message.author.id, text);
    await message.reply(outcome.payload);
  } catch (error) {
    failed = true;
    context.logger.error('message failed', {
      guild: message.guildId ?? 'dm',
      user: message.author.id,
      error,
    });
    await message.reply({ ...renderNotice(APOLOGY) }).catch(() => undefined);
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const outcome = failed ? 'error' : 'ok';
    context.metrics.interaction('message', outcome, seconds);
    context.logger.info('interaction', {
      command: 'message',
      outcome,
      durationMs: Math.round(seconds * 1000),
      guild: message.guildId ?? 'dm',
      user: message.author.id,
    });
  }
}
