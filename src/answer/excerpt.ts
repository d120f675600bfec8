/**
 * Excerpt choice: from a ranked passage, the sentence or two that answer, trimmed at word
 * boundaries to about 300 characters with "…" where cut. Never reworded: the text is a slice
 * of the article with at most an ellipsis on each side.
 */
import type { SentenceSpan } from '../passages/sentences.ts';
import { tokenize } from '../search/tokenize.ts';
import type { Span } from './types.ts';

/** Longest excerpt, in characters, before ellipses. */
export const MAX_EXCERPT_CHARS = 300;
export const ELLIPSIS = '…';

/** An excerpt before metadata is attached: verbatim text and where the query matched. */
export interface ChosenExcerpt {
  text: string;
  highlights: Span[];
  /** Offsets of the quoted slice in the article text (without the ellipses). */
  start: number;
  end: number;
}

/**
 * Chooses the excerpt of `text` for a passage covering `sentences[first..last]`: the sentence
 * with the most query weight, joined with its best neighbour when both fit, then trimmed around
 * the matches. `weights` maps each normalised query term to its weight (IDF), and
 * `sentenceWeight(i)` is the query weight sentence i contains.
 */
export function chooseExcerpt(
  text: string,
  sentences: SentenceSpan[],
  first: number,
  last: number,
  weights: Map<string, number>,
  sentenceWeight: (sentence: number) => number,
): ChosenExcerpt {
  let best = first;
  let bestScore = -1;
  const scores: number[] = [];
  for (let i = first; i <= last; i++) {
    const value = sentenceWeight(i);
    scores[i - first] = value;
    if (value > bestScore) {
      best = i;
      bestScore = value;
    }
  }
  const bestSpan = sentences[best] ?? { start: 0, end: text.length, paragraph: 0 };
  let start = bestSpan.start;
  let end = bestSpan.end;
  // Add the better-scoring neighbour inside the passage when the two still fit.
  const neighbours = [best - 1, best + 1].filter((i) => i >= first && i <= last);
  neighbours.sort((a, b) => (scores[b - first] ?? 0) - (scores[a - first] ?? 0) || a - b);
  for (const n of neighbours) {
    const span = sentences[n];
    if (span === undefined) continue;
    const newStart = Math.min(start, span.start);
    const newEnd = Math.max(end, span.end);
    if (newEnd - newStart <= MAX_EXCERPT_CHARS && ((scores[n - first] ?? 0) > 0 || end - start < 120)) {
      start = newStart;
      end = newEnd;
      break;
    }
  }
  return trimAround(text, start, end, weights);
}

/** Trims text[start, end) to MAX_EXCERPT_CHARS around the densest matches, at word boundaries. */
export function trimAround(
  text: string,
  start: number,
  end: number,
  weights: Map<string, number>,
): ChosenExcerpt {
  const slice = text.slice(start, end);
  const matches = tokenize(slice).filter((t) => weights.has(t.term));
  let from = 0;
  let to = slice.length;
  if (slice.length > MAX_EXCERPT_CHARS) {
    // The window start (at a match, or the sentence start) that covers the most query weight.
    let bestFrom = 0;
    let bestWeight = -1;
    for (const candidate of [0, ...matches.map((m) => m.start)]) {
      const windowStart = candidate === 0 ? 0 : Math.max(0, candidate - 40);
      const covered = new Set<string>();
      for (const m of matches)
        if (m.start >= windowStart && m.end <= windowStart + MAX_EXCERPT_CHARS) covered.add(m.term);
      let weight = 0;
      for (const term of covered) weight += weights.get(term) ?? 0;
      if (weight > bestWeight) {
        bestWeight = weight;
        bestFrom = windowStart;
      }
    }
    from = bestFrom === 0 ? 0 : wordStartAtOrAfter(slice, bestFrom);
    to = wordEndAtOrBefore(slice, Math.min(slice.length, from + MAX_EXCERPT_CHARS));
  }
  const quoted = slice.slice(from, to);
  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < slice.length ? ELLIPSIS : '';
  const highlights: Span[] = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + prefix.length, end: m.end - from + prefix.length }));
  return { text: `${prefix}${quoted}${suffix}`, highlights, start: start + from, end: start + to };
}

function wordStartAtOrAfter(text: string, i: number): number {
  if (i === 0 || /\s/.test(text[i - 1] ?? ' ')) return i;
  const next = text.slice(i).search(/\s\S/);
  return next < 0 ? i : i + next + 1;
}

function wordEndAtOrBefore(text: string, i: number): number {
  if (i >= text.length) return text.length;
  if (/\s/.test(text[i] ?? ' ')) return text.slice(0, i).trimEnd().length;
  const cut = text.slice(0, i).search(/\s\S*$/);
  const end = cut <= 0 ? i : cut;
  // Do not leave dangling punctuation such as a comma before the ellipsis.
  return text.slice(0, end).replace(/[\s,;:–—-]+$/, '').length;
}
