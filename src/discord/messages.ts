/**
 * Questions asked in a DM, by mentioning the bot in a channel, or typed in a follow-up thread: the
 * same answer as /ask. A thread keeps its answer's filters; a DM carries the last ones for a while.
 */
import type { Message } from 'discord.js';
import type { Filters } from '../answer/types.ts';
import { answerFreeText, withAnswerRow } from './ask-flow.ts';
import type { BotContext } from './context.ts';
import { followUpFilters } from './follow-up-thread.ts';
import { exampleQuestion } from './help.ts';
import { renderHelp } from './render-catalog.ts';
import { renderNotice } from './reply.ts';
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
  const started = performance.now();
  let failed = false;
  // Only messages addressed to the bot count as interactions.
  let addressed = false;
  try {
    const thread = await followUpFilters(context, message.channel);
    const text =
      thread !== undefined
        ? message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim()
        : questionText(message, botId);
    if (text === null || (thread !== undefined && text === '')) return;
    addressed = true;
    const inDm = !message.inGuild();
    if (text === '' || /^(help|\/help|\?)$/i.test(text)) {
      const index = context.live.engine;
      await message.reply(renderHelp(exampleQuestion(index), index.events()));
      return;
    }
    const carried: Filters | undefined =
      thread ?? (inDm ? context.followUps.dmFilters(message.author.id) : undefined);
    const outcome = await answerFreeText(context, message.author.id, text, carried);
    if (outcome.kind === 'notice') {
      await message.reply(outcome.payload);
      return;
    }
    if (inDm) context.followUps.rememberDm(message.author.id, outcome.answer.filters);
    await message.reply(
      withAnswerRow(context, outcome.payload, outcome.answer, {
        command: 'dm',
        askerId: message.author.id,
        privately: false,
        inGuild: message.inGuild() && thread === undefined,
      }),
    );
  } catch (error) {
    failed = true;
    context.logger.error('message failed', {
      guild: message.guildId ?? 'dm',
      user: message.author.id,
      error,
    });
    await message.reply({ ...renderNotice(APOLOGY) }).catch(() => undefined);
  } finally {
    if (addressed || failed) {
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
}
