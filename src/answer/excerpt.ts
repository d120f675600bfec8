/**
 * Excerpt choice: from a ranked passage, the sentence or two that answer, trimmed at word
 * boundaries to about 300 characters with "…" where cut. Never reworded: the text is a slice
 * of the article with at most an ellipsis on each side.
 */
import type { SentenceSpan } from '../passages/sentences.ts';
import { TokenReader } from '../search/token-reader.ts';
import type { Token } from '../search/tokenize.ts';
import type { Span } from './types.ts';

/** Longest excerpt, in characters, before ellipses. */
export const MAX_EXCERPT_CHARS = 300;
export const ELLIPSIS = '…';

/**
 * An excerpt before metadata is attached: verbatim text and where it lies. Where the query matched
 * is found by `highlightsOf`, only for the excerpts shown (finding it tokenises the text).
 */
export interface ChosenExcerpt {
  text: string;
  /** Offsets of the quoted slice in the article text (without the ellipses). */
  start: number;
  end: number;
  /** Offsets of the sentences it was cut from; `highlightsOf` reads their words. */
  spanStart: number;
  spanEnd: number;
}

/**
 * Where trimAround cut each long slice, by the slice's text: copies of one wire story in several
 * articles are cut alike, so one answer cuts each once. Valid for one query's weights only.
 */
export type TrimMemo = Map<string, { from: number; to: number }>;

/**
 * Chooses the excerpt of `text` for a passage covering `sentences[first..last]`: the sentence
 * with the most query weight, joined with its best neighbour when both fit, then trimmed around
 * the matches. `weights` maps each normalised query term to its weight (IDF), and
 * `sentenceWeights[i - first]` is the query weight sentence i contains.
 */
export function chooseExcerpt(
  text: string,
  sentences: SentenceSpan[],
  first: number,
  last: number,
  weights: Map<string, number>,
  sentenceWeights: ArrayLike<number>,
  memo?: TrimMemo,
): ChosenExcerpt {
  let best = first;
  let bestScore = -1;
  for (let i = first; i <= last; i++) {
    const value = sentenceWeights[i - first] as number;
    if (value > bestScore) {
      best = i;
      bestScore = value;
    }
  }
  const bestSpan = sentences[best] ?? { start: 0, end: text.length, paragraph: 0 };
  let start = bestSpan.start;
  let end = bestSpan.end;
  // Add the better-scoring neighbour inside the passage when the two still fit (the earlier on a tie).
  const before = best - 1 >= first ? best - 1 : -1;
  const after = best + 1 <= last ? best + 1 : -1;
  const afterFirst =
    after >= 0 &&
    (before < 0 || (sentenceWeights[after - first] ?? 0) > (sentenceWeights[before - first] ?? 0));
  for (const n of afterFirst ? [after, before] : [before, after]) {
    const span = n < 0 ? undefined : sentences[n];
    if (span === undefined) continue;
    const newStart = Math.min(start, span.start);
    const newEnd = Math.max(end, span.end);
    if (
      newEnd - newStart <= MAX_EXCERPT_CHARS &&
      ((sentenceWeights[n - first] ?? 0) > 0 || end - start < 120)
    ) {
      start = newStart;
      end = newEnd;
      break;
    }
  }
  return trimAround(text, start, end, weights, memo);
}

/** Trims text[start, end) to MAX_EXCERPT_CHARS around the densest matches, at word boundaries. */
export function trimAround(
  text: string,
  start: number,
  end: number,
  weights: Map<string, number>,
  memo?: TrimMemo,
): ChosenExcerpt {
  const slice = text.slice(start, end);
  let from = 0;
  let to = slice.length;
  const known = slice.length > MAX_EXCERPT_CHARS ? memo?.get(slice) : undefined;
  if (known !== undefined) ({ from, to } = known);
  else if (slice.length > MAX_EXCERPT_CHARS) {
    const matches = queryMatches(text, start, end, weights);
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
    memo?.set(slice, { from, to });
  }
  const quoted = slice.slice(from, to);
  const prefix = from > 0 ? ELLIPSIS : '';
  const suffix = to < slice.length ? ELLIPSIS : '';
  return {
    text: `${prefix}${quoted}${suffix}`,
    start: start + from,
    end: start + to,
    spanStart: start,
    spanEnd: end,
  };
}

/**
 * The ranges of a chosen excerpt's `text` that match query terms: the matches among the words of
 * its sentences (tokenised whole, as for choosing the window) that lie inside the quoted slice.
 */
export function highlightsOf(text: string, chosen: ChosenExcerpt, weights: Map<string, number>): Span[] {
  const from = chosen.start - chosen.spanStart;
  const to = chosen.end - chosen.spanStart;
  const shift = (from > 0 ? ELLIPSIS.length : 0) - from;
  return queryMatches(text, chosen.spanStart, chosen.spanEnd, weights)
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start + shift, end: m.end + shift }));
}

/** Excerpts' words are read again from answer to answer: each is tokenised once (see TokenReader). */
const reader = new TokenReader();

/** The tokens of text.slice(from, to) that are query terms, offsets relative to `from`. */
function queryMatches(text: string, from: number, to: number, weights: Map<string, number>): Token[] {
  return reader.read(text, from, to, (term) => weights.has(term));
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
