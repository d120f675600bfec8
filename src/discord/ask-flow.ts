/**
 * The question flow shared by /ask, the More button, DMs and mentions: validate, rate-limit,
 * ask the core, render. Returns what to send, or a notice for the member alone.
 */
import { parseInlineQuery } from '../answer/inline-filters.ts';
import type { Filters } from '../answer/types.ts';
import { isValidDate } from '../corpus/dates.ts';
import type { BotContext } from './context.ts';
import { type ReplyPayload, renderAnswer, renderNotice } from './render.ts';

/** The outcome of a question: a reply for everyone, or a notice for the asker only. */
export type QuestionOutcome =
  | { kind: 'answer'; payload: ReplyPayload }
  | { kind: 'notice'; payload: ReplyPayload };

/** Longest question accepted (Discord's option is limited to the same). */
export const MAX_QUESTION_LENGTH = 300;

/** A friendly sentence per invalid filter, or an empty list. */
export function checkFilters(filters: Filters, context: BotContext): string[] {
  const errors: string[] = [];
  for (const key of ['since', 'until'] as const) {
    const value = filters[key];
    if (value !== undefined && !isValidDate(value))
      errors.push(
        `\`${key}\` must be a date written as YYYY-MM-DD, e.g. 2016-08-26 (you wrote “${value.slice(0, 40)}”).`,
      );
  }
  if (
    filters.since &&
    filters.until &&
    isValidDate(filters.since) &&
    isValidDate(filters.until) &&
    filters.since > filters.until
  ) {
    errors.push('`since` is after `until`; swap them.');
  }
  if (filters.event !== undefined && context.live.index.eventName(filters.event) === null) {
    const known = context.live.index.events().map((e) => `\`${e.id}\``);
    errors.push(
      `There is no event \`${filters.event.slice(0, 60)}\`. Pick one of ${known.join(', ') || '(none yet)'}.`,
    );
  }
  return errors;
}

/**
 * Answers `question` for `memberId` (a first answer or a page of one): refuses politely past the
 * member's rate limit, on invalid filters, or on an empty or too long question.
 */
export function answerQuestion(
  context: BotContext,
  memberId: string,
  question: string,
  filters: Filters,
  options: { count?: number; offset?: number } = {},
): QuestionOutcome {
  const { metrics } = context;
  const trimmed = question.trim();
  const invalid = (text: string) => {
    metrics.question('invalid');
    return notice(text);
  };
  if (trimmed === '') return invalid('Type a question, e.g. “What did Lavrov say about terrorists?”');
  if (trimmed.length > MAX_QUESTION_LENGTH)
    return invalid(`That question is too long; keep it under ${MAX_QUESTION_LENGTH} characters.`);
  const errors = checkFilters(filters, context);
  if (errors.length > 0) return invalid(errors.join('\n'));
  const limited = rateLimitNotice(context, memberId);
  if (limited !== null) return notice(limited);
  const index = context.live.index;
  const started = performance.now();
  const answer = index.ask(trimmed, { filters, k: options.count, offset: options.offset });
  metrics.ranking((performance.now() - started) / 1000);
  metrics.question(answer.noAnswer ? 'refused' : 'answered');
  return { kind: 'answer', payload: renderAnswer(answer, index.events(), memberId) };
}

/**
 * Counts a question by `memberId` against the rate limit: null when it may be answered, else the
 * friendly sentence saying how long to wait (the refused question is not counted).
 */
export function rateLimitNotice(context: BotContext, memberId: string): string | null {
  const wait = context.rateLimiter.take(memberId);
  if (wait === 0) return null;
  context.metrics.question('rate_limited');
  const { questions, windowSeconds } = context.config.rateLimit;
  return `You have asked ${questions} questions in the last ${windowSeconds} seconds. Please wait ${wait} s and ask again.`;
}

/** Answers free text with inline filters, as typed in a DM or a mention. */
export function answerFreeText(context: BotContext, memberId: string, text: string): QuestionOutcome {
  const query = parseInlineQuery(text);
  if (query.errors.length > 0) {
    context.metrics.question('invalid');
    return notice(query.errors.join('\n'));
  }
  return answerQuestion(context, memberId, query.question, query.filters, {
    count: query.count ?? undefined,
  });
}

function notice(text: string): QuestionOutcome {
  return { kind: 'notice', payload: renderNotice(text) };
}
