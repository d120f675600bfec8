/**
 * Hard negatives for the no-answer model (SQuAD 2.0 style): questions asked of an index that
 * holds their article's other paragraphs but not their own, kept only where the text left holds
 * none of their answers, so the label "not answerable" stays clean.
 */
import { normaliseAnswerText } from './normalise.ts';

/** A paragraph as SQuAD's JSONL holds it. */
export interface SquadParagraph {
  id: string;
  title: string;
  text: string;
}

/** A question as SQuAD's JSONL holds it. */
export interface SquadQuestion {
  question: string;
  answers: string[];
  paragraph: string;
}

/**
 * Those of `questions` whose paragraph is not among `kept` and none of whose answers occurs in
 * a kept paragraph's title or text (compared as the answer rule compares them); a question with
 * no answer, or one that normalises to nothing, is never one.
 */
export function hardNegatives<Q extends SquadQuestion>(
  kept: readonly SquadParagraph[],
  questions: readonly Q[],
): Q[] {
  const ids = new Set(kept.map((p) => p.id));
  const left = kept.map((p) => normaliseAnswerText(`${p.title}\n${p.text}`)).join('\n');
  return questions.filter((q) => {
    if (ids.has(q.paragraph) || q.answers.length === 0) return false;
    return q.answers.every((a) => {
      const wanted = normaliseAnswerText(a);
      return wanted !== '' && !left.includes(wanted);
    });
  });
}
