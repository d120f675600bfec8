/**
 * What the coverage lacks, from what members asked and voted: the questions most asked, those the
 * coverage did not answer (grouped by their topic words), and those voted 👎 most. Pure functions
 * on stored records; the list of what to add next.
 */

import { terms } from '../search/tokenize.ts';
import type { LoggedQuestion, Vote } from '../store/member-data.ts';

/** Lines per part of the report (default). */
export const REPORT_LINES = 10;

/** One question (or group of questions) and how often. */
export interface ReportLine {
  /** The question as first asked (an example, for a group). */
  question: string;
  count: number;
  /** For unanswered groups: the topic words the group shares. */
  topic?: string;
  /** For 👎 lines: the 👍 the same question got, and the reasons given. */
  up?: number;
  reasons?: string[];
}

/** The report for a period. */
export interface CoverageReport {
  questions: number;
  votes: number;
  mostAsked: ReportLine[];
  unanswered: ReportLine[];
  mostDown: ReportLine[];
}

/** A question's key for counting: lower case, spaces collapsed, final punctuation dropped. */
export function questionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();
}

/** A question's topic words: its index terms (stop words out, words stemmed), unique, sorted. */
export function topicKey(question: string): string {
  return [...new Set(terms(question))].sort().join(' ');
}

/** Counts by key, keeping the first example; most first, then first seen. */
function countBy<T>(items: T[], key: (item: T) => string, example: (item: T) => string) {
  const counts = new Map<string, { question: string; count: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = counts.get(k);
    if (entry) entry.count += 1;
    else counts.set(k, { question: example(item), count: 1 });
  }
  return [...counts.entries()].sort((a, b) => b[1].count - a[1].count);
}

/** Builds the report from the period's questions and current votes; at most `lines` per part. */
export function coverageReport(
  questions: LoggedQuestion[],
  votes: Vote[],
  lines = REPORT_LINES,
): CoverageReport {
  const mostAsked = countBy(
    questions,
    (q) => questionKey(q.question),
    (q) => q.question,
  )
    .slice(0, lines)
    .map(([, v]) => v);
  const unanswered = countBy(
    questions.filter((q) => q.noAnswer),
    (q) => topicKey(q.question) || questionKey(q.question),
    (q) => q.question,
  )
    .slice(0, lines)
    .map(([topic, v]) => ({ ...v, topic }));
  const byQuestion = new Map<string, { question: string; count: number; up: number; reasons: string[] }>();
  for (const vote of votes) {
    const k = questionKey(vote.question);
    const entry = byQuestion.get(k) ?? { question: vote.question, count: 0, up: 0, reasons: [] };
    if (vote.vote === 'up') entry.up += 1;
    else {
      entry.count += 1;
      if (vote.reason === 'should-say-no-answer') entry.reasons.push('should say no answer');
      else if (vote.reason !== null) entry.reasons.push(`excerpt ${vote.reason.excerpt} missed`);
    }
    byQuestion.set(k, entry);
  }
  const mostDown = [...byQuestion.values()]
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || a.up - b.up)
    .slice(0, lines);
  return { questions: questions.length, votes: votes.length, mostAsked, unanswered, mostDown };
}
