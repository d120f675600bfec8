/**
 * The question flow shared by /ask, the More button, DMs and mentions: validate, rate-limit,
 * ask the core, render. Returns what to send, or a notice for the member alone.
 */

import { badDateFilters, rangeBackwards } from '../answer/filter-check.ts';
import { parseInlineQuery } from '../answer/inline-filters.ts';
import { outletsByDocId, withReportedBy } from '../answer/reported-by.ts';
import type { Answer, Filters } from '../answer/types.ts';
import type { ShownAnswer } from '../store/member-data.ts';
import { answerRow } from './answer-row.ts';
import type { BotContext } from './context.ts';
import { hasFilters, keptFilters } from './follow-ups.ts';
import { renderAnswer } from './render-answer.ts';
import { type ReplyPayload, renderNotice } from './reply.ts';

/** The outcome of a question: a reply for everyone (with the answer it shows), or a notice for the asker only. */
export type QuestionOutcome =
  | { kind: 'answer'; payload: ReplyPayload; answer: Answer }
  | { kind: 'notice'; payload: ReplyPayload };

/** Longest question accepted (Discord's option is limited to the same). */
export const MAX_QUESTION_LENGTH = 300;

/** A friendly sentence per invalid filter, or an empty list. */
export function checkFilters(filters: Filters, context: BotContext): string[] {
  const errors: string[] = [];
  for (const key of badDateFilters(filters))
    errors.push(
      `\`${key}\` must be a date written as YYYY-MM-DD, e.g. 2016-08-26 (you wrote “${filters[key]?.slice(0, 40)}”).`,
    );
  if (rangeBackwards(filters)) errors.push('`since` is after `until`; swap them.');
  if (filters.event !== undefined && context.live.engine.eventName(filters.event) === null) {
    const known = context.live.engine.events().map((e) => `\`${e.id}\``);
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
export async function answerQuestion(
  context: BotContext,
  memberId: string,
  question: string,
  filters: Filters,
  options: { count?: number; offset?: number; carried?: Filters; command?: ShownAnswer['command'] } = {},
): Promise<QuestionOutcome> {
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
  const index = context.live.engine;
  const started = performance.now();
  const ask = (f: Filters) =>
    index.ask(trimmed, { filters: f, count: options.count, offset: options.offset });
  let answer = ask(filters);
  if (options.carried !== undefined && !hasFilters(filters)) {
    // A follow-up: the carried filters, less those its own words replace.
    const kept = keptFilters(options.carried, answer.understood);
    if (hasFilters(kept)) answer = ask(kept);
  }
  metrics.ranking((performance.now() - started) / 1000);
  metrics.question(answer.noAnswer ? 'refused' : 'answered');
  if (answer.offset === 0) logQuestion(context, answer, options.command ?? 'ask');
  answer = await withFeedCopies(context, answer);
  return { kind: 'answer', payload: renderAnswer(answer, index.events(), memberId), answer };
}

/**
 * The answer with the other outlets feeds found reporting its articles ("also reported by"); as
 * it was, the failure logged, when the feed store cannot say.
 */
async function withFeedCopies(context: BotContext, answer: Answer): Promise<Answer> {
  const ids = new Set(answer.results.flatMap((e) => [e.docId, ...e.alsoIn.map((c) => c.docId)]));
  if (ids.size === 0) return answer;
  const articles = context.live.engine.corpus.articles.filter((a) => ids.has(a.id));
  try {
    const copies = await context.feeds.alsoReportedOf(articles.map((a) => a.path));
    return withReportedBy(answer, outletsByDocId(copies, articles));
  } catch (error) {
    context.logger.warn('could not read who else reported the answer’s articles', { error });
    return answer;
  }
}

/** Logs a first answer's question without who asked (unless QUESTION_LOG=off); a failure is only logged. */
export function logQuestion(context: BotContext, answer: Answer, command: ShownAnswer['command']): void {
  if (context.config.questionLog === 'off') return;
  context.memberData
    .logQuestion({
      at: new Date().toISOString(),
      question: answer.question,
      filters: answer.filters,
      command,
      noAnswer: answer.noAnswer || answer.results.length === 0,
    })
    .catch((error: unknown) => context.logger.warn('could not log a question', { error }));
}

/** Where an answer is shown, which decides its buttons. */
export interface AnswerPlace {
  command: ShownAnswer['command'];
  askerId: string;
  /** Shown to the asker alone (a Share button offers to post it). */
  privately: boolean;
  /** In a server (a public answer there offers Follow up). */
  inGuild: boolean;
}

/** The answer's payload with 👍/👎 (and Share or Follow up) under it, remembered for the votes. */
export function withAnswerRow(
  context: BotContext,
  payload: ReplyPayload,
  answer: Answer,
  place: AnswerPlace,
): ReplyPayload {
  const noAnswer = answer.noAnswer || answer.results.length === 0;
  const key = context.shown.remember({
    question: answer.question,
    filters: answer.filters,
    command: place.command,
    noAnswer,
    excerpts: answer.results.map((e) => ({ docId: e.docId, score: e.score })),
    corpusVersion: context.live.version,
  });
  const row = answerRow({
    key,
    askerId: place.askerId,
    command: place.command,
    share: place.privately && place.inGuild && !noAnswer,
    followUp: !place.privately && place.inGuild && !noAnswer,
  });
  return { ...payload, components: [...payload.components, row] };
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
export function answerFreeText(
  context: BotContext,
  memberId: string,
  text: string,
  carried?: Filters,
): Promise<QuestionOutcome> {
  const query = parseInlineQuery(text);
  if (query.errors.length > 0) {
    context.metrics.question('invalid');
    return Promise.resolve(notice(query.errors.join('\n')));
  }
  return answerQuestion(context, memberId, query.question, query.filters, {
    count: query.count ?? undefined,
    carried,
    command: 'dm',
  });
}

function notice(text: string): QuestionOutcome {
  return { kind: 'notice', payload: renderNotice(text) };
}
