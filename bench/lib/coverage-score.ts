/** The scoring rule of the coverage question sets (`../shared/eval/coverage/README.md`). */
import { containsAnswer } from './normalise.ts';

/** One coverage question as the sets write it. */
export interface CoverageQuestion {
  id: string;
  question: string;
  /** The event filter the member picked, if any. */
  event?: string;
  answers?: string[];
  expectNoAnswer?: boolean;
  expectSource?: string;
  expectEvent?: string;
  expectDate?: string;
}

/** What the scoring reads of one answer: the batch contract's fields. */
export interface ScoredAnswer {
  noAnswer: boolean;
  results: ReadonlyArray<{ text: string; source: string | null; event: string | null; date: string | null }>;
}

/** The top excerpts a question is judged on. */
export const JUDGED_EXCERPTS = 3;

/**
 * Why an answer fails its question, or null when it passes. Every expectation the question sets
 * must hold: a refusal where `expectNoAnswer`; an answer string in one of the top 3 excerpts; with
 * `expectSource`, one of the top 3 from that outlet (and, with answers, that excerpt holding one);
 * with `expectEvent` / `expectDate`, an answer whose every excerpt is of that event / day.
 */
export function coverageFailure(q: CoverageQuestion, answer: ScoredAnswer): string | null {
  if (q.expectNoAnswer) return answer.noAnswer ? null : 'answered where the coverage has no answer';
  if (answer.noAnswer || answer.results.length === 0) return 'refused';
  const top = answer.results.slice(0, JUDGED_EXCERPTS);
  const answers = q.answers ?? [];
  if (
    answers.length > 0 &&
    !containsAnswer(
      top.map((r) => r.text),
      answers,
    )
  )
    return 'no top excerpt holds an expected answer';
  if (q.expectSource !== undefined) {
    const wanted = q.expectSource.toLowerCase();
    const fromSource = top.filter((r) => r.source?.toLowerCase().includes(wanted) ?? false);
    const ok =
      answers.length === 0
        ? fromSource.length > 0
        : containsAnswer(
            fromSource.map((r) => r.text),
            answers,
          );
    if (!ok) return `no top excerpt from ${q.expectSource}${answers.length > 0 ? ' holds an answer' : ''}`;
  }
  if (q.expectEvent !== undefined && answer.results.some((r) => r.event !== q.expectEvent))
    return `an excerpt outside the event ${q.expectEvent}`;
  if (q.expectDate !== undefined && answer.results.some((r) => r.date !== q.expectDate))
    return `an excerpt not dated ${q.expectDate}`;
  return null;
}
