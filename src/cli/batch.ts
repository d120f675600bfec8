/** The batch contract of `ask --batch`: JSONL questions in, one JSONL answer per line out, in order. */
import { z } from 'zod';
import type { AnswerEngine } from '../answer/engine.ts';
import { badDateFilters, rangeBackwards } from '../answer/filter-check.ts';
import { withReportedBy } from '../answer/reported-by.ts';
import type { Answer, Filters } from '../answer/types.ts';
import { describeIssues } from '../corpus/schema.ts';
import type { Article } from '../corpus/types.ts';

const optionalString = z
  .string()
  .nullish()
  .transform((s) => s ?? undefined);

/** One batch question; its dates are checked as every way of asking checks them (filter-check.ts). */
export const batchQuestionSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    question: z.string(),
    event: optionalString,
    source: optionalString,
    since: optionalString,
    until: optionalString,
  })
  .superRefine((q, ctx) => {
    for (const key of badDateFilters(q))
      ctx.addIssue({ code: 'custom', path: [key], message: 'must be a date written as YYYY-MM-DD' });
    if (rangeBackwards(q))
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'is after until; swap them' });
  });

/** One result as the batch contract prints it: plain verbatim text and metadata, null where unknown. */
export interface BatchResult extends Pick<Article, 'title' | 'source' | 'date' | 'url' | 'event'> {
  text: string;
  docId: string;
  score: number;
  alsoIn: Array<{ docId: string } & Pick<Article, 'source' | 'date'>>;
  /** The resolved speaker of the statement the excerpt quotes, or null. */
  speaker: string | null;
  /** Other outlets feeds found reporting the article; absent when there are none. */
  reportedBy?: string[];
}

/** One output line. `error` is present only when the input line could not be read. */
export interface BatchAnswer {
  id: string | null;
  noAnswer: boolean;
  results: BatchResult[];
  error?: string;
}

/** Converts an Answer of `index` to the batch contract's result list. */
export function toBatchResults(answer: Answer): BatchResult[] {
  return answer.results.map((r) => ({
    text: r.text,
    docId: r.docId,
    title: r.title,
    source: r.source,
    date: r.date,
    url: r.url,
    event: r.event,
    score: r.score,
    alsoIn: r.alsoIn.map((c) => ({ docId: c.docId, source: c.source, date: c.date })),
    speaker: r.speaker,
    ...(r.reportedBy === undefined ? {} : { reportedBy: r.reportedBy }),
  }));
}

/**
 * Answers one input line. A line that is not valid JSON or not a valid question yields
 * `noAnswer: true`, no results and an `error` saying what is wrong, so output stays line for line.
 * `outletsOf` names the other outlets that reported an article (see reported-by.ts).
 */
export function answerBatchLine(
  index: AnswerEngine,
  line: string,
  k: number,
  outletsOf: (docId: string) => readonly string[] = () => [],
): BatchAnswer {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { id: null, noAnswer: true, results: [], error: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = batchQuestionSchema.safeParse(json);
  if (!parsed.success) {
    const id =
      typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : null;
    return { id, noAnswer: true, results: [], error: describeIssues(parsed.error) };
  }
  const q = parsed.data;
  const filters: Filters = { event: q.event, source: q.source, since: q.since, until: q.until };
  const answer = withReportedBy(index.ask(q.question, { filters, count: k }), outletsOf);
  return { id: q.id, noAnswer: answer.noAnswer, results: toBatchResults(answer) };
}
