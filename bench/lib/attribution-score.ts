/**
 * The scoring rule of the labelled attributions (`../shared/eval/coverage/attributions.jsonl`):
 * recall of labelled statements extracted with their speaker, and precision of the statements
 * extracted from the labelled articles.
 */
import { normaliseAnswerText } from './normalise.ts';

/** One labelled statement, its seed mapped to the id of the article it labels. */
export interface AttributionLabel {
  id: string;
  article: string;
  statement: string;
  speaker: string | null;
  kind: 'direct' | 'reported';
}

/** One extracted statement, as the statements command prints it. */
export interface ExtractedAttribution {
  article: string;
  text: string;
  speaker: string | null;
  kind: 'direct' | 'reported';
}

/** Precision, recall and what went wrong. */
export interface AttributionScore {
  labels: number;
  /** Labels with an extracted statement holding their words and the same speaker. */
  attributed: number;
  /** Of those, how many have the labelled kind too. */
  sameKind: number;
  /** Statements extracted from the labelled articles. */
  extracted: number;
  /** Of those, how many hold a label's words and have its speaker. */
  correct: number;
  recall: number;
  precision: number;
  /** Labels not attributed, with the speaker found for their words if any ("none": no statement). */
  misses: Array<{ label: AttributionLabel; found: Array<string | null> }>;
  /** Extracted statements matching no label with its speaker. */
  extras: ExtractedAttribution[];
}

/**
 * Does an extracted statement hold a label's words? Yes when its text contains the label's
 * statement, or is a piece of it at least half as long (under the answer-matching normalisation:
 * case, quote marks and white space).
 */
export function holdsLabel(extracted: ExtractedAttribution, label: AttributionLabel): boolean {
  if (extracted.article !== label.article) return false;
  const text = normaliseAnswerText(extracted.text);
  const wanted = normaliseAnswerText(label.statement);
  if (wanted === '' || text === '') return false;
  return text.includes(wanted) || (wanted.includes(text) && 2 * text.length >= wanted.length);
}

const sameSpeaker = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase();

/**
 * Scores extracted statements against labels. Only statements of labelled articles count for
 * precision; a statement is correct when it holds some label's words with that label's speaker.
 */
export function scoreAttributions(
  labels: readonly AttributionLabel[],
  extracted: readonly ExtractedAttribution[],
): AttributionScore {
  const articles = new Set(labels.map((l) => l.article));
  const judged = extracted.filter((e) => articles.has(e.article));
  let attributed = 0;
  let sameKind = 0;
  const misses: AttributionScore['misses'] = [];
  for (const label of labels) {
    const holding = judged.filter((e) => holdsLabel(e, label));
    const right = holding.filter((e) => sameSpeaker(e.speaker, label.speaker));
    if (right.length > 0) {
      attributed++;
      if (right.some((e) => e.kind === label.kind)) sameKind++;
    } else misses.push({ label, found: holding.map((e) => e.speaker) });
  }
  const extras = judged.filter(
    (e) => !labels.some((l) => holdsLabel(e, l) && sameSpeaker(e.speaker, l.speaker)),
  );
  const correct = judged.length - extras.length;
  return {
    labels: labels.length,
    attributed,
    sameKind,
    extracted: judged.length,
    correct,
    recall: labels.length === 0 ? 0 : attributed / labels.length,
    precision: judged.length === 0 ? 0 : correct / judged.length,
    misses,
    extras,
  };
}
