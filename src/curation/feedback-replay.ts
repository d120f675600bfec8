/**
 * Replaying members' votes against a corpus: each voted answer is asked again and compared with
 * what the member saw, so a ranking or corpus change is checked against real questions before it
 * ships. A 👎 answer "changes" when the excerpts shown (their articles, in order) or the
 * no-answer decision differ; a 👍 answer is "lost" when its first excerpt is no longer shown first
 * (or the coverage now says it has no answer).
 */
import type { AnswerEngine } from '../answer/engine.ts';
import type { Answer } from '../answer/types.ts';
import { currentVotes, type Vote } from '../store/member-data.ts';

/** What the replay found. */
export interface ReplayResult {
  /** Current 👎 votes replayed, and how many of those answers now change. */
  down: number;
  downChanged: number;
  /** Current 👍 votes replayed, and how many of those answers would be lost. */
  up: number;
  upLost: number;
  /** Lines that could not be read. */
  skipped: number;
  /** One line per changed or lost answer, for a person to read. */
  details: string[];
}

/** Reads feedback JSON lines (a folder's feedback.log, or the database's records one per line). */
export function parseFeedbackLines(text: string): { votes: Vote[]; skipped: number } {
  const votes: Vote[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const vote = JSON.parse(line) as Vote;
      if ((vote.vote === 'up' || vote.vote === 'down') && typeof vote.question === 'string') votes.push(vote);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { votes, skipped };
}

/** The answer the member would get now. */
function askAgain(index: AnswerEngine, vote: Vote): Answer {
  if (vote.command === 'compare') return index.compare(vote.question, vote.filters);
  return index.ask(vote.question, { filters: vote.filters, count: Math.max(1, vote.excerpts.length) });
}

/** Replays the current vote of each member on each answer against `index`. */
export function replayFeedback(index: AnswerEngine, votes: Vote[], skipped = 0): ReplayResult {
  const result: ReplayResult = { down: 0, downChanged: 0, up: 0, upLost: 0, skipped, details: [] };
  for (const vote of currentVotes(votes)) {
    const now = askAgain(index, vote);
    const shownNow = now.noAnswer ? [] : now.results.map((e) => e.docId);
    const shownThen = vote.noAnswer ? [] : vote.excerpts.map((e) => e.docId);
    if (vote.vote === 'down') {
      result.down++;
      if (now.noAnswer !== vote.noAnswer || shownNow.join('\n') !== shownThen.join('\n')) {
        result.downChanged++;
        result.details.push(`👎 changed: “${vote.question}”`);
      }
    } else {
      result.up++;
      if (shownThen.length > 0 && shownNow[0] !== shownThen[0]) {
        result.upLost++;
        result.details.push(`👍 lost: “${vote.question}”`);
      }
    }
  }
  return result;
}
